import { toNumber } from "../engine/amount";
import { displayDecimals } from "../engine/format";
import { formatPercent, formatSwedish } from "../engine/swedishNumber";
import type { FollowUpResult } from "../engine/types";

/** The short Swedish summary printed after a run. */
export function summaryLines(result: FollowUpResult): string[] {
  const lines: string[] = [];
  const unit = result.unit;
  const year = result.year ? ` ${result.year}` : "";
  lines.push(`Följsam – ${result.period === "VB" ? "verksamhetsberättelse" : `tertialrapport ${result.period}`}${year} (${unit})`);
  const op = result.operating;
  if (op) {
    const amount = (x: bigint | null) => (x === null ? "–" : formatSwedish(toNumber(x), displayDecimals(unit)));
    const baseLabel = result.period === "VB" ? "Utfall" : "Prognos";
    const rows: [string, string][] = [
      ["Budget", amount(op.total.budget)],
      [baseLabel, amount(op.total.base)],
      ["Avvikelse", amount(op.total.deviation)],
      ["Resultatöverföringar", amount(op.total.resultTransfer)],
      ["Återredovisning", amount(op.total.returnedFunds)],
      ["Justerad avvikelse", amount(op.total.adjustedDeviation)],
      [
        "Budgetföljsamhet",
        op.budgetAdherenceBefore === null
          ? "–"
          : `${formatPercent(op.budgetAdherenceBefore)} (efter resultatöverföringar ${formatPercent(op.budgetAdherenceAfter ?? 0)})`,
      ],
    ];
    if (op.forecastAccuracy !== null) {
      rows.push(["Prognossäkerhet", `${formatPercent(op.forecastAccuracy)} (${op.forecastAccuracyMet ? "uppfyllt" : "ej uppfyllt"})`]);
    }
    const width = Math.max(...rows.map((r) => r[0].length));
    const valueWidth = Math.max(...rows.map((r) => (/^[-\d ,]+$/.test(r[1]) ? r[1].length : 0)));
    for (const [label, value] of rows) {
      const aligned = /^[-\d ,]+$/.test(value) ? value.padStart(valueWidth) : value;
      lines.push(`  ${label.padEnd(width)}  ${aligned}`);
    }
  }
  const ind = result.indicators;
  if (ind) {
    const s = ind.summary;
    lines.push(`  Indikatorer: ${s.full} helt, ${s.partial} delvis, ${s.none} ej, ${s.notMeasured} ej mätta, ${s.notAssessable} ej bedömbara`);
    lines.push(`  ${ind.summarySentence}`);
  }
  const count = (sev: string) => result.findings.filter((f) => f.severity === sev).length;
  const warnings = count("warning");
  lines.push(
    `  Kontroller: ${result.findings.length} (${count("error")} fel, ${warnings} ${warnings === 1 ? "varning" : "varningar"}, ${count("info")} information)`,
  );
  return lines;
}
