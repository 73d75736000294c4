import { abs, min, mul, shareFromNumber, sumPresent } from "./amount";
import { formatAmount } from "./format";
import { makeFinding } from "./finding";
import type { DriftRowInput, DriftRowResult, EarmarkResult, Finding, ResultUnitResult, Settings, Unit } from "./types";

/**
 * Resultatöverföring: a resultatenhet's result moves to its resultatfond. A surplus moves up to
 * the cap (capShare × gross budget); a deficit is carried in full unless the setting says not.
 * Mutates the rows' resultTransfer and returns one line per unit.
 */
export function applyResultTransfers(
  rows: DriftRowResult[],
  inputs: DriftRowInput[],
  settings: Settings,
  unit: Unit,
  findings: Finding[],
): ResultUnitResult[] {
  const capShare = shareFromNumber(settings.resultUnits.capShare);
  const out: ResultUnitResult[] = [];
  rows.forEach((row, i) => {
    if (!row.resultUnit) return;
    const input = inputs[i];
    const deviation = row.deviation;
    let transfer = 0n;
    let cap = null as bigint | null;
    let capped = false;
    let capBasisMissing = false;
    if (deviation !== null && deviation > 0n) {
      let basis = input.grossBudget;
      if (basis === null) {
        basis = row.budget === null ? null : abs(row.budget);
        capBasisMissing = true;
        findings.push(
          makeFinding("CAP_BASIS_MISSING", "warning", { sheet: row.ref.sheet, cell: row.ref.cells.grossBudget ?? row.ref.labelCell, subject: row.name }, {
            basis: basis === null ? "saknas" : formatAmount(basis, unit),
          }),
        );
      }
      cap = basis === null ? 0n : mul(abs(basis), capShare);
      transfer = -min(deviation, cap);
      capped = deviation > cap;
    } else if (deviation !== null && deviation < 0n && settings.resultUnits.carryDeficits) {
      transfer = -deviation;
    }
    row.resultTransfer = transfer;
    out.push({
      name: row.name,
      area: row.path[0],
      deviation,
      resultTransfer: transfer,
      openingFund: input.openingResultFund,
      closingFund: input.openingResultFund === null ? null : input.openingResultFund - transfer,
      cap,
      capped,
      capBasisMissing,
      ref: row.ref,
    });
  });
  return out;
}

/**
 * Återredovisning: earmarked money that is not used goes back. Per earmark the net deviation of
 * its rows decides: a net surplus neutralises every row of the earmark; a net deficit returns
 * nothing, unless the earmark's mode is "both", which always neutralises.
 */
export function applyReturnedFunds(rows: DriftRowResult[], settings: Settings, findings: Finding[], sheet: string): EarmarkResult[] {
  const groups = new Map<string, DriftRowResult[]>();
  for (const row of rows) {
    if (row.earmark === null || row.earmark.trim() === "") continue;
    const key = row.earmark.trim();
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  for (const name of Object.keys(settings.earmarks)) {
    if (!groups.has(name)) {
      findings.push(makeFinding("UNKNOWN_EARMARK_SETTING", "info", { sheet, cell: null, subject: name }, { name }));
    }
  }
  const out: EarmarkResult[] = [];
  for (const [name, list] of groups) {
    const mode = settings.earmarks[name]?.mode ?? "surplusOnly";
    const net = sumPresent(list.map((r) => r.deviation));
    const neutralise = net !== null && (mode === "both" || net > 0n);
    if (neutralise) for (const r of list) r.returnedFunds = r.deviation === null ? 0n : -r.deviation;
    out.push({
      name,
      mode,
      budget: sumPresent(list.map((r) => r.budget)),
      base: sumPresent(list.map((r) => r.base)),
      deviation: net,
      returnedFunds: sumPresent(list.map((r) => r.returnedFunds)) ?? 0n,
    });
  }
  return out;
}
