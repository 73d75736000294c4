/**
 * Figures the input already derives (DOMAIN.md 7a): Avvikelse, Resultatöverföring, `Justering
 * <name>` and Justerad avvikelse. Where the table has what Följsam computes them from they are
 * checked (GIVEN_MISMATCH, with both figures); where it lacks that (no Resultatenhet or
 * Öronmärkning column) they are used: a given transfer is the row's resultTransfer, a `Justering
 * <name>` column the returnedFunds of an earmark called <name>.
 *
 * Rounding: half a display unit for the given value and for each figure it is computed from
 * (0,15 mnkr for an avvikelse in mnkr: given, budget, utfall), times the number of rows on a total row.
 */
import { type Amount, abs, sumPresent } from "./amount";
import { formatAmount, halfDisplayUnit } from "./format";
import { normaliseLabel } from "./totals";
import { makeFinding } from "./finding";
import type { DriftRowInput, DriftRowResult, DriftTableInput, EarmarkResult, Finding, GivenFigures, Period, ResultUnitResult } from "./types";

/** Given transfers as the rows' resultTransfer, when the table has no Resultatenhet column. */
export function useGivenTransfers(rows: DriftRowResult[], inputs: DriftRowInput[]): ResultUnitResult[] {
  const out: ResultUnitResult[] = [];
  rows.forEach((row, i) => {
    const t = inputs[i].given?.resultTransfer ?? null;
    if (t === null || t === 0n) return;
    row.resultTransfer = t;
    out.push({
      name: row.name,
      area: row.path[0],
      deviation: row.deviation,
      resultTransfer: t,
      openingFund: null,
      closingFund: null,
      cap: null,
      capped: false,
      capBasisMissing: false,
      ref: row.ref,
    });
  });
  return out;
}

/** Given `Justering <name>` figures as the rows' returnedFunds, when the table has no Öronmärkning column. */
export function useGivenReturns(rows: DriftRowResult[], inputs: DriftRowInput[], names: string[]): EarmarkResult[] {
  const out: EarmarkResult[] = [];
  for (const name of names) {
    const values: Amount[] = [];
    rows.forEach((row, i) => {
      const v = inputs[i].given?.returnedFunds?.[name] ?? null;
      if (v === null || v === 0n) return;
      row.returnedFunds += v;
      values.push(v);
    });
    if (values.length === 0) continue;
    const returned = values.reduce((a, b) => a + b, 0n);
    // The table gives what was returned, not the earmark's budget and outcome.
    out.push({ name, mode: "surplusOnly", budget: null, base: null, deviation: -returned, returnedFunds: returned });
  }
  return out;
}

interface Computed {
  deviation: Amount | null;
  resultTransfer: Amount;
  returnedFunds: Record<string, Amount>;
  adjustedDeviation: Amount | null;
}

/** GIVEN_MISMATCH for every given figure of a row or a total row that differs by more than rounding. */
export function checkGiven(
  table: DriftTableInput,
  rows: DriftRowResult[],
  inputs: DriftRowInput[],
  groups: { name: string; rows: DriftRowResult[] }[],
  period: Period,
  findings: Finding[],
): void {
  const unit = table.unit;
  const baseLabel = period === "VB" ? "Utfall" : "Prognos";
  const returnNames = new Set<string>();
  for (const input of inputs) for (const n of Object.keys(input.given?.returnedFunds ?? {})) returnNames.add(n);
  for (const t of table.totalRows) for (const n of Object.keys(t.given?.returnedFunds ?? {})) returnNames.add(n);
  const usedTransfers = table.givenTransfers === true;
  const usedReturns = new Set(table.givenReturns ?? []);

  let byRow: Map<DriftRowResult, DriftRowInput> | null = null;
  const inputOf = (r: DriftRowResult): DriftRowInput | undefined => {
    if (byRow === null) {
      byRow = new Map();
      for (let i = 0; i < rows.length; i++) byRow.set(rows[i], inputs[i]);
    }
    return byRow.get(r);
  };
  // A used figure is the row's own (read from the table); a computed one is the engine's.
  const returnedOf = (r: DriftRowResult, name: string): Amount =>
    usedReturns.has(name) ? (inputOf(r)?.given?.returnedFunds?.[name] ?? 0n) : r.earmark === name ? r.returnedFunds : 0n;
  const computedOf = (list: DriftRowResult[]): Computed => {
    const returned: Record<string, Amount> = {};
    for (const n of returnNames) returned[n] = list.reduce((a, r) => a + returnedOf(r, n), 0n);
    return {
      deviation: sumPresent(list.map((r) => r.deviation)),
      resultTransfer: list.reduce((a, r) => a + r.resultTransfer, 0n),
      returnedFunds: returned,
      adjustedDeviation: sumPresent(list.map((r) => r.adjustedDeviation)),
    };
  };

  const check = (
    given: GivenFigures,
    computed: Computed,
    n: number,
    ref: { sheet: string; cells: Record<string, string>; labelCell: string },
    subject: string,
    isTotal: boolean,
  ) => {
    const compare = (field: string, stated: Amount | null | undefined, value: Amount | null, sources: number, formula: string) =>
      compareGiven(findings, { sheet: ref.sheet, cell: ref.cells[field] ?? ref.labelCell, subject }, table.givenHeaders?.[field] ?? field, stated, value, sources, n, unit, formula);
    compare("deviation", given.deviation, computed.deviation, 2, `Budget − ${baseLabel}`);
    // A used figure is checked only on a total row, against the sum of the rows.
    if (!usedTransfers) compare("resultTransfer", given.resultTransfer, computed.resultTransfer, 2, "resultatenhetens avvikelse inom taket");
    else if (isTotal) compare("resultTransfer", given.resultTransfer, computed.resultTransfer, 0, "summan av raderna");
    for (const [name, value] of Object.entries(given.returnedFunds ?? {})) {
      if (!usedReturns.has(name)) compare(`returnedFunds:${name}`, value, computed.returnedFunds[name] ?? 0n, 2, `återredovisning av ${name}`);
      else if (isTotal) compare(`returnedFunds:${name}`, value, computed.returnedFunds[name] ?? 0n, 0, "summan av raderna");
    }
    const adjustedSources = 2 + (usedTransfers ? 1 : 0) + usedReturns.size;
    compare("adjustedDeviation", given.adjustedDeviation, computed.adjustedDeviation, adjustedSources, "Avvikelse + Resultatöverföring + Justering");
  };

  rows.forEach((row, i) => {
    const given = inputs[i].given;
    if (!given) return;
    check(given, computedOf([row]), 1, row.ref, row.name, false);
  });
  // Per list of rows its computed figures once, and each group by its normalised name (the first of a name).
  const computedByList = new Map<DriftRowResult[], Computed>();
  let byName: Map<string, DriftRowResult[]> | null = null;
  for (const total of table.totalRows) {
    if (!total.given) continue;
    byName ??= groupsByName(groups);
    const list = total.scope === null || total.scope === undefined ? rows : (byName.get(normaliseLabel(total.scope)) ?? rows);
    let computed = computedByList.get(list);
    if (computed === undefined) computedByList.set(list, (computed = computedOf(list)));
    check(total.given, computed, list.length, total.ref, total.label, true);
  }
}

function groupsByName(groups: { name: string; rows: DriftRowResult[] }[]): Map<string, DriftRowResult[]> {
  const out = new Map<string, DriftRowResult[]>();
  for (const g of groups) {
    const key = normaliseLabel(g.name);
    if (!out.has(key)) out.set(key, g.rows);
  }
  return out;
}

/**
 * One given figure against the computed one: GIVEN_MISMATCH when they differ by more than half a
 * display unit for the given value and each of `sources` figures it is computed from, times `rows`.
 */
export function compareGiven(
  findings: Finding[],
  at: { sheet: string; cell: string; subject: string },
  column: string,
  stated: Amount | null | undefined,
  computed: Amount | null,
  sources: number,
  rows: number,
  unit: DriftTableInput["unit"],
  formula: string,
): void {
  if (stated === null || stated === undefined || computed === null) return;
  const half = halfDisplayUnit(unit);
  const difference = stated - computed;
  if (abs(difference) <= half * BigInt(1 + sources) * BigInt(Math.max(rows, 1))) return;
  findings.push(
    makeFinding("GIVEN_MISMATCH", "warning", at, {
      column,
      stated: formatAmount(stated, unit),
      computed: formatAmount(computed, unit),
      formula,
      difference: formatAmount(difference, unit),
    }),
  );
}
