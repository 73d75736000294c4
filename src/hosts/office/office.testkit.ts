import { CellValue } from "../../workbook/cells";
import { PlanCell, SheetPlan } from "../../workbook/plan";
import { deviationNumberFormat } from "../../workbook/styles";
import { RequirementProbe } from "./requirements";

/** Test data for the Office host: hand-made sheet plans and input grids of any size. */

/** Requirement probe that supports ExcelApi up to `maxMinor` (1.`maxMinor`). */
export function excelApiUpTo(maxMinor: number): RequirementProbe {
  return {
    isSetSupported: (name: string, version?: string | number) => name === "ExcelApi" && Number(String(version ?? "1.1").split(".")[1] ?? 0) <= maxMinor,
  };
}

/** Deterministic pseudo-random numbers (no Math.random in tests). */
export function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const AMOUNT = "#,##0";

/**
 * A drift follow-up sheet as the plan builder makes it: title, header, one row per area with
 * live formulas, a total row, a data bar and a chart. `areas` rows of data.
 */
export function driftPlan(areas: number, name = "Drift"): SheetPlan {
  const next = sequence(areas);
  const rows: (PlanCell | null)[][] = [
    [{ v: "Driftredovisning 2024, tkr", styles: ["title"] }],
    ["Område", "Budget", "Utfall", "Avvikelse", "Resultatöverföring", "Justerad avvikelse", "Avvikelse %", "Kommentar"].map((v) => ({ v, styles: ["header"] })),
  ];
  for (let i = 0; i < areas; i++) {
    const r = rows.length + 1;
    const budget = Math.round(next() * 100_000);
    const actual = Math.round(budget * (0.85 + next() * 0.3));
    const deviation = budget - actual;
    const transfer = Math.round(next() * 1000) - 500;
    const needsComment = Math.abs(deviation) > budget * 0.1;
    const comment = i % 7 === 0 ? "=ska vara text" : i % 11 === 0 ? "Två nya tjänster, 3 mnkr" : null;
    rows.push([
      { v: `Område ${i + 1}`, styles: ["text"] },
      { v: budget, numFmt: AMOUNT },
      { v: actual, numFmt: AMOUNT },
      { v: deviation, f: `B${r}-C${r}`, numFmt: deviationNumberFormat(AMOUNT), styles: deviation < 0 ? ["deficit"] : undefined },
      { v: transfer, numFmt: AMOUNT },
      { v: deviation + transfer, f: `D${r}+E${r}`, numFmt: deviationNumberFormat(AMOUNT) },
      { v: budget === 0 ? "" : deviation / budget, f: `IF(B${r}=0,"",D${r}/B${r})`, numFmt: "0.0%" },
      comment === null ? null : { v: comment, styles: needsComment ? ["wrap", "needsComment"] : ["wrap"] },
    ]);
  }
  const first = 3;
  const last = rows.length;
  const sum = (col: string): PlanCell => ({ v: 0, f: `SUM(${col}${first}:${col}${last})`, numFmt: AMOUNT, styles: ["total"] });
  rows.push([{ v: "Nämnden totalt", styles: ["total"] }, sum("B"), sum("C"), sum("D"), sum("E"), sum("F"), null, null]);
  return {
    kind: "drift",
    name,
    rows,
    columnWidths: [28, 12, 12, 12, 14, 14, 10, 40],
    freezeRows: 2,
    conditionalFormats: [{ type: "dataBar", range: `D${first}:D${last}`, color: "638EC6" }],
    charts: [
      {
        type: "barClustered",
        title: "Avvikelse per område",
        categories: `A${first}:A${Math.min(last, first + 9)}`,
        values: `D${first}:D${Math.min(last, first + 9)}`,
        seriesName: "Avvikelse",
        from: "J3",
        to: "Q20",
      },
    ],
    printTitleRows: [1, 2],
    landscape: true,
    tabColor: "1E6B52",
  };
}

/** An input drift table as an economist keeps it: header and one row per area, `areas` rows. */
export function driftInputRows(areas: number): CellValue[][] {
  const next = sequence(areas + 7);
  const rows: CellValue[][] = [["Verksamhetsområde, tkr", "Budget", "Utfall", "Prognos", "Datum", "Kommentar"]];
  for (let i = 0; i < areas; i++) {
    const budget = Math.round(next() * 100_000);
    rows.push([`Område ${i + 1}`, budget, Math.round(budget * 0.97), Math.round(budget * 1.01), { date: 45322 + (i % 28) }, i % 5 === 0 ? "Vakanser" : null]);
  }
  return rows;
}

/** An unrelated ledger (huvudbok) as municipal workbooks often hold one: no table Följsam reads. */
export function ledgerSheetRows(rows: number): (string | number | null)[][] {
  const out: (string | number | null)[][] = [["Verifikation", "Bokföringsdag", "Konto", "Ansvar", "Text", "Belopp"]];
  for (let i = 0; i < rows; i++) {
    out.push([`V${100000 + i}`, 45292 + (i % 365), 4000 + (i % 900), 1000 + (i % 40), `Faktura ${i % 997} leverantör`, ((i * 7919) % 200000) / 10 - 5000]);
  }
  return out;
}
