import { type Amount, abs, convertUnit, divInt, mul, ratio, shareFromNumber } from "./amount";
import { aggregateFields, computeRow, MONTHS_ELAPSED } from "./operatingRows";
import { applyResultTransfers, applyReturnedFunds } from "./transfers";
import { checkTotals } from "./totals";
import { checkGiven, useGivenReturns, useGivenTransfers } from "./given";
import { formatAmount } from "./format";
import { makeFinding } from "./finding";
import type { AmountFields, DriftHeadingInput, DriftNodeResult, DriftRowResult, DriftTableInput, Finding, OperatingResult, Period, RowRef, Settings } from "./types";

export const TOTAL_NAME = "Nämnden totalt";

/**
 * The operating budget (DOMAIN.md section 3): rows, areas and the nämnd, with result transfers,
 * återredovisning, budget adherence, forecast accuracy and the checks that produce findings.
 */
export function computeOperating(
  table: DriftTableInput,
  period: Period,
  settings: Settings,
): { result: OperatingResult; findings: Finding[] } {
  const findings: Finding[] = [];
  const unit = table.unit;

  if (period !== "VB" && !table.hasForecast) {
    findings.push(
      makeFinding("MISSING_COLUMN", "warning", { sheet: table.sheet, cell: null, subject: null }, {
        column: "Prognos",
        detail: `perioden är ${period}; prognos enligt budget används för alla rader`,
      }),
    );
  }

  const rows = table.rows.map((input) => computeRow(input, period, table, findings));
  const resultUnits = table.givenTransfers ? useGivenTransfers(rows, table.rows) : applyResultTransfers(rows, table.rows, settings, unit, findings);
  const earmarks = [
    ...applyReturnedFunds(rows, settings, findings, table.sheet),
    ...(table.givenReturns && table.givenReturns.length > 0 ? useGivenReturns(rows, table.rows, table.givenReturns) : []),
  ];
  for (const row of rows) {
    // computeRow set it to the deviation: it changes only where something moved.
    if (row.resultTransfer === 0n && row.returnedFunds === 0n) continue;
    row.adjustedDeviation = row.deviation === null ? null : row.deviation + row.resultTransfer + row.returnedFunds;
  }

  if (period !== "VB") checkLeafRows(rows, table, period, settings, findings);

  const areas = groupAreas(rows, table.headings ?? []);
  // The areas hold every row once: the total is the sum of their sums.
  const total: DriftNodeResult = { name: TOTAL_NAME, rows, children: [], comment: null, needsComment: false, ref: null, ...aggregateFields([], areas) };
  const groups = areas.map((a) => ({ name: a.name, rows: flattenRows(a) }));
  const known = new Map<object, AmountFields>(areas.map((a, i) => [groups[i].rows, a]));
  known.set(rows, total);
  checkAreas(areas, groups, table, settings, findings);
  checkGiven(table, rows, table.rows, groups, period, findings);
  checkTotals(
    table.totalRows,
    groups,
    rows,
    ["budget", "actual", "forecast", "previousForecast", "priorYearActual"],
    unit,
    table.sheet,
    findings,
    known,
  );

  const budgetAdherenceBefore = total.base !== null && total.budget !== null ? ratio(total.base, total.budget) : null;
  const budgetAdherenceAfter =
    total.base !== null && total.budget !== null ? ratio(total.base - total.resultTransfer, total.budget) : null;
  // Prognossäkerhet compares like with like: only rows with both an outcome and a T2 forecast count
  // in the difference (a row whose outcome is a #REF! must not read as a forecast miss).
  let forecastAccuracy: number | null = null;
  if (period === "VB" && total.budget !== null) {
    let difference: bigint | null = null;
    for (const r of rows) {
      if (r.actual === null || r.previousForecast === null) continue;
      difference = (difference ?? 0n) + r.actual - r.previousForecast;
    }
    if (difference !== null) forecastAccuracy = ratio(difference, total.budget);
  }
  const forecastAccuracyMet = forecastAccuracy === null ? null : Math.abs(forecastAccuracy) <= settings.forecastAccuracyBand + 1e-12;

  return {
    result: { areas, total, budgetAdherenceBefore, budgetAdherenceAfter, forecastAccuracy, forecastAccuracyMet, resultUnits, earmarks },
    findings,
  };
}

/** Areas in order of first appearance; a third path level groups rows under a unit. */
function groupAreas(rows: DriftRowResult[], headings: DriftHeadingInput[]): DriftNodeResult[] {
  // One pass: each area's direct rows, its units' rows and its first rows. Rows of an area (and
  // of a unit) mostly follow each other, so the last one's group is at hand without a lookup.
  const byArea = new Map<string, AreaRows>();
  let last: AreaRows | null = null;
  for (const row of rows) {
    const path = row.path;
    const name = path[0];
    if (last === null || name !== last.name) {
      last = byArea.get(name) ?? null;
      if (last === null) {
        last = { name, first: row, areaRow: undefined, direct: [], deeper: new Map(), lastUnit: null, unitRows: [] };
        byArea.set(name, last);
      }
    }
    const area = last;
    if (path.length === 1) area.areaRow ??= row;
    if (path.length <= 2) {
      area.direct.push(row);
      continue;
    }
    const unit = path[1];
    if (unit !== area.lastUnit) {
      const list = area.deeper.get(unit);
      if (list) area.unitRows = list;
      else area.deeper.set(unit, (area.unitRows = []));
      area.lastUnit = unit;
    }
    area.unitRows.push(row);
  }
  // The first heading of each one- and two-label path, as a search of the headings finds it.
  const areaHeadings = new Map<string, DriftHeadingInput>();
  const unitHeadings = new Map<string, Map<string, DriftHeadingInput>>();
  for (const h of headings) {
    if (h.path.length === 1) {
      if (!areaHeadings.has(h.path[0])) areaHeadings.set(h.path[0], h);
    } else if (h.path.length === 2) {
      let units = unitHeadings.get(h.path[0]);
      if (units === undefined) unitHeadings.set(h.path[0], (units = new Map()));
      if (!units.has(h.path[1])) units.set(h.path[1], h);
    }
  }
  const areas: DriftNodeResult[] = [];
  for (const { name, first, areaRow, direct, deeper } of byArea.values()) {
    const units = unitHeadings.get(name);
    const children = [...deeper].map(([unitName, unitRows]) => {
      const h = units?.get(unitName);
      return makeNode(unitName, unitRows, [], h?.ref ?? unitRows[0].ref, h?.comment ?? null);
    });
    // The area's own comment: its heading row's, else a single row's that is the area itself.
    const areaHeading = areaHeadings.get(name);
    const comment = hasComment(areaHeading?.comment ?? null) ? areaHeading!.comment : (areaRow?.comment ?? null);
    areas.push(makeNode(name, direct, children, (areaHeading ?? areaRow ?? first).ref, comment));
  }
  return areas;
}

interface AreaRows {
  name: string;
  first: DriftRowResult;
  /** The first row that is the area itself (a one-label path). */
  areaRow: DriftRowResult | undefined;
  direct: DriftRowResult[];
  deeper: Map<string, DriftRowResult[]>;
  lastUnit: string | null;
  unitRows: DriftRowResult[];
}

/** A node over its rows and sub-groups; its figures are the sums of its rows and of the sub-groups' sums. */
function makeNode(
  name: string,
  rows: DriftRowResult[],
  children: DriftNodeResult[],
  ref: RowRef | null,
  comment: string | null = null,
): DriftNodeResult {
  return { name, rows, children, comment, needsComment: false, ref, ...aggregateFields(rows, children) };
}

export function flattenRows(node: DriftNodeResult): DriftRowResult[] {
  if (node.children.length === 0) return node.rows;
  const out = node.rows.slice();
  for (const child of node.children) for (const r of flattenRows(child)) out.push(r);
  return out;
}

const NO_COMMENT = new Set(["", "-", "–", "—"]);

export function hasComment(text: string | null): boolean {
  return text !== null && !NO_COMMENT.has(text.trim());
}

/** COMMENT_REQUIRED and DEFICIT per area, on the deviation before transfers and adjustments. */
function checkAreas(
  areas: DriftNodeResult[],
  groups: { rows: DriftRowResult[] }[],
  table: DriftTableInput,
  settings: Settings,
  findings: Finding[],
): void {
  const amountThreshold = convertUnit(shareFromNumber(settings.commentThreshold.mnkr), "mnkr", table.unit);
  for (let a = 0; a < areas.length; a++) {
    const area = areas[a];
    const deviation = area.deviation;
    if (deviation === null) continue;
    const where = { sheet: table.sheet, cell: area.ref?.labelCell ?? null, subject: area.name };
    const share = area.budget !== null && area.budget !== 0n ? Math.abs(ratio(deviation, abs(area.budget)) ?? 0) : null;
    const large = abs(deviation) >= amountThreshold || (share !== null && share >= settings.commentThreshold.share - 1e-12);
    const commented =
      hasComment(area.comment) || area.children.some((c) => hasComment(c.comment)) || groups[a].rows.some((r) => hasComment(r.comment));
    if (large && !commented) {
      area.needsComment = true;
      findings.push(makeFinding("COMMENT_REQUIRED", "warning", where, { deviation: formatAmount(deviation, table.unit) }));
    }
    if (deviation < 0n) {
      findings.push(makeFinding("DEFICIT", "warning", where, { deviation: formatAmount(deviation, table.unit) }));
    }
  }
}

/** RUN_RATE and FORECAST_SHIFT per leaf row, in a tertial. */
function checkLeafRows(rows: DriftRowResult[], table: DriftTableInput, period: Period, settings: Settings, findings: Finding[]): void {
  // The run rate actual × 12 ÷ months, with the fraction reduced (the same value, fewer big-number steps).
  const months = MONTHS_ELAPSED[period];
  const common = gcd(12, months);
  const perYear = BigInt(12 / common);
  const divisor = months / common;
  const runRateShare = shareFromNumber(settings.runRateShare);
  const runRateShareNumber = Number(runRateShare);
  const shiftThreshold = convertUnit(shareFromNumber(settings.commentThreshold.mnkr), "mnkr", table.unit);
  const whereOf = (row: DriftRowResult) => ({ sheet: table.sheet, cell: row.ref.cells.forecast ?? row.ref.labelCell, subject: row.name });
  for (const row of rows) {
    if (row.actual !== null && row.forecast !== null && row.budget !== null) {
      const scaled = perYear === 1n ? row.actual : row.actual * perYear;
      // Half away from zero; by 2 (T2) that is (x ± 1) / 2 truncated, as divInt gives it.
      const runRate = divisor === 1 ? scaled : divisor === 2 ? (scaled >= 0n ? scaled + 1n : scaled - 1n) / 2n : divInt(scaled, divisor);
      row.runRate = runRate;
      const difference = runRate - row.forecast;
      if (difference !== 0n && reachesShare(difference, row.budget, runRateShare, runRateShareNumber)) {
        findings.push(
          makeFinding("RUN_RATE", "info", whereOf(row), {
            runRate: formatAmount(runRate, table.unit),
            forecast: formatAmount(row.forecast, table.unit),
            difference: formatAmount(difference, table.unit),
          }),
        );
      }
    }
    if (period === "T2" && row.forecastChange !== null && (row.forecastChange >= shiftThreshold || row.forecastChange <= -shiftThreshold)) {
      findings.push(makeFinding("FORECAST_SHIFT", "warning", whereOf(row), { change: formatAmount(row.forecastChange, table.unit) }));
    }
  }
}

/**
 * abs(difference) >= mul(abs(budget), share), decided in doubles where they are far enough from
 * each other to be sure (a margin far above a double's error and mul's rounding), exactly otherwise.
 */
function reachesShare(difference: Amount, budget: Amount, share: Amount, shareNumber: number): boolean {
  const d = Math.abs(Number(difference));
  const limit = (Math.abs(Number(budget)) * shareNumber) / 1e9;
  if (d > (limit * (1 + 1e-12) + 1) * (1 + 1e-12)) return true;
  if (d < (limit * (1 - 1e-12) - 1) * (1 - 1e-12)) return false;
  return abs(difference) >= mul(abs(budget), share);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
