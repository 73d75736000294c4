/**
 * The operating budget table (DOMAIN.md section 3): a hierarchy of area, optional unit and
 * optional cost type, leaf rows with amounts, total rows kept apart for the engine to check.
 *
 * Layout rules:
 * - An empty area cell under a filled one continues the area (the area is often written once);
 *   an empty unit cell with a cost type continues the unit in the same way.
 * - A row whose next row lies under it (same area, deeper path) is a heading, not a leaf. A
 *   heading with amounts is the area's subtotal: checked, never summed.
 * - Labels such as "Nämnden totalt", "Summa …", "Totalt", "Netto" make total rows; "Summa" in the
 *   unit column is the subtotal of its area. Subtotals of a unit (in the cost-type column) are
 *   neither summed nor checked.
 * - A row without labels is skipped when empty, joins the previous row's comment when it holds
 *   only a comment, and is reported (UNLABELLED_ROW) when it holds amounts; as the table's last
 *   row it is the sum row without a label, a total of the whole table.
 */
import type { Amount } from "../../engine/amount";
import type { DriftHeadingInput, DriftRowInput, DriftTableInput, GivenFigures, TotalRowInput } from "../../engine/types";
import { NumberIndex } from "./numberIndex";
import { nestSubtotals } from "./subtotals";
import { RETURNED_PREFIX } from "./synonyms";
import { type TableContext, UNLABELLED_SUM } from "./context";
import { byText, isTotalLabel, labelKey, totalLabelRest } from "./normalise";

const AMOUNTS = ["budget", "actual", "forecast", "previousForecast", "priorYearActual"] as const;

export interface RawRow {
  input: DriftRowInput;
  hasAmounts: boolean;
}

export function readDrift(ctx: TableContext): DriftTableInput {
  const { table, reader } = ctx;
  const colArea = ctx.col("area");
  const colUnit = ctx.col("unit");
  const colCostType = ctx.col("costType");
  const amountCols = AMOUNTS.map((f) => ctx.col(f));
  const amountHeaders = AMOUNTS.map((f) => ctx.header(f));
  const colFund = ctx.col("openingResultFund");
  const colGross = ctx.col("grossBudget");
  const hAreas = ctx.header("area");
  const hUnit = ctx.header("unit");
  const hCostType = ctx.header("costType");
  const hComment = ctx.header("comment");
  const hEarmark = ctx.header("earmark");
  const hFund = ctx.header("openingResultFund");
  const hGross = ctx.header("grossBudget");
  const colComment = ctx.col("comment");
  const colEarmark = ctx.col("earmark");
  const colResultUnit = ctx.col("resultUnit");
  const hasForecastCol = ctx.col("forecast") !== undefined;
  const given = givenColumns(ctx);
  // A table that gives the deviation but neither outcome nor forecast: base = budget − deviation.
  const baseFromDeviation = ctx.col("deviation") !== undefined && ctx.col("actual") === undefined && ctx.col("forecast") === undefined;

  // One amount column after the other, in a fixed order: no per-row maps, records or closures.
  const state: { row: number; subject: string | null; first: string | null } = { row: 0, subject: null, first: null };
  const read = (k: number): Amount | null => {
    const col = amountCols[k];
    if (col === undefined) return null;
    const v = reader.amount(state.row, col, amountHeaders[k], state.subject);
    if (reader.present && state.first === null) state.first = AMOUNTS[k];
    return v;
  };

  const isTotal = byText(isTotalLabel);
  const key = byText(labelKey);
  // The rows read, and whether each has amounts (RawRow objects only for nestSubtotals).
  const inputs: DriftRowInput[] = [];
  const withAmounts: boolean[] = [];
  const totals: { total: TotalRowInput; fromAreaColumn: boolean }[] = [];
  let currentArea = "";
  let currentUnit = "";

  for (let r = table.firstDataRow; r <= table.lastDataRow; r++) {
    const areaText = reader.text(r, colArea, hAreas, null);
    const unitText = reader.text(r, colUnit, hUnit, null);
    const costTypeText = reader.text(r, colCostType, hCostType, null);
    const labelled = areaText !== "" || unitText !== "" || costTypeText !== "";

    let area = areaText;
    let unit = unitText;
    if (areaText === "" && labelled) area = currentArea;
    if (areaText === "" && unitText === "" && costTypeText !== "") unit = currentUnit;
    const path = pathOf(area, unit, costTypeText);
    const subject = path.length > 0 ? path[path.length - 1] : null;
    const labelField = costTypeText !== "" ? "costType" : unitText !== "" ? "unit" : "area";

    state.row = r;
    state.subject = subject;
    state.first = null;
    const budget = read(0);
    const actual = read(1);
    const forecast = read(2);
    const forecastProblem = forecast === null && hasForecastCol ? reader.problem : null;
    const previousForecast = read(3);
    const priorYearActual = read(4);
    const comment = reader.text(r, colComment, hComment, subject);
    const givenFigures = readGiven(ctx, given, r, subject);
    const hasAmounts = state.first !== null || givenFigures !== undefined;
    const firstAmountField = state.first;

    if (!labelled) {
      if (hasAmounts && ctx.isUnlabelledSum(r)) {
        totals.push({
          total: {
            label: UNLABELLED_SUM,
            budget,
            actual,
            forecast,
            previousForecast,
            priorYearActual,
            ref: ctx.ref(r, "area"),
            scope: null,
            ...(givenFigures ? { given: givenFigures } : {}),
          },
          fromAreaColumn: false,
        });
      } else if (hasAmounts) ctx.unlabelled(r, "area", firstAmountField);
      else if (comment !== "" && inputs.length > 0) {
        const prev = inputs[inputs.length - 1];
        prev.comment = prev.comment ? `${prev.comment} ${comment}` : comment;
      }
      continue;
    }

    const totalLabel = totalLabelOf(isTotal, areaText, unitText, costTypeText, area, unit);
    if (totalLabel !== undefined) {
      if (totalLabel !== null) {
        totals.push({
          total: {
            label: totalLabel.label,
            budget,
            actual,
            forecast,
            previousForecast,
            priorYearActual,
            ref: ctx.ref(r, labelField),
            scope: totalLabel.scope,
            ...(givenFigures ? { given: givenFigures } : {}),
          },
          fromAreaColumn: totalLabel.scope === null,
        });
      }
      continue;
    }
    if (areaText !== "") {
      currentArea = areaText;
      currentUnit = unitText;
    } else if (unitText !== "") currentUnit = unitText;

    const earmark = reader.text(r, colEarmark, hEarmark, subject);
    const derivedBase = baseFromDeviation && budget !== null && givenFigures?.deviation != null ? budget - givenFigures.deviation : null;
    const input: DriftRowInput = {
      path,
      budget,
      actual: derivedBase !== null && ctx.period === "VB" ? derivedBase : actual,
      forecast: derivedBase !== null && ctx.period !== "VB" ? derivedBase : forecast,
      forecastProblem,
      previousForecast,
      priorYearActual,
      comment: comment === "" ? null : comment,
      resultUnit: reader.flag(r, colResultUnit),
      openingResultFund: colFund === undefined ? null : reader.amount(r, colFund, hFund, subject, false),
      grossBudget: colGross === undefined ? null : reader.amount(r, colGross, hGross, subject),
      earmark: earmark === "" ? null : earmark,
      ref: ctx.ref(r, labelField),
    };
    if (givenFigures) input.given = baseFromDeviation ? { ...givenFigures, deviation: null } : givenFigures;
    inputs.push(input);
    withAmounts.push(hasAmounts);
  }
  if (colUnit === undefined && colCostType === undefined) nestSubtotals(ctx, inputs.map((input, i): RawRow => ({ input, hasAmounts: withAmounts[i] })));

  const rows: DriftRowInput[] = [];
  const headings: DriftHeadingInput[] = [];
  const totalRows: TotalRowInput[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const hasAmounts = withAmounts[i];
    const next = inputs[i + 1];
    if (next !== undefined && isUnder(key, next.path, input.path)) {
      headings.push({ path: input.path, comment: input.comment, ref: input.ref });
      if (hasAmounts && input.path.length === 1) {
        const { budget, actual, forecast, previousForecast, priorYearActual } = input;
        totalRows.push({
          label: input.path[0],
          budget,
          actual,
          forecast,
          previousForecast,
          priorYearActual,
          ref: input.ref,
          scope: input.path[0],
          ...(input.given ? { given: input.given } : {}),
        });
      }
      continue;
    }
    rows.push(input);
  }

  // Totals in the area column: "Summa Övrig verksamhet" covers that area, anything else the table.
  const areaNames = new Map<string, string>();
  for (const row of rows) if (!areaNames.has(key(row.path[0]))) areaNames.set(key(row.path[0]), row.path[0]);
  for (const { total, fromAreaColumn } of totals) {
    if (fromAreaColumn) {
      const rest = totalLabelRest(total.label);
      const areaKey = [...areaNames.keys()].find((k) => totalLabelRest(k) === rest);
      total.scope = rest !== "" && areaKey !== undefined ? areaNames.get(areaKey)! : null;
    }
    totalRows.push(total);
  }
  totalRows.sort((a, b) => a.ref.row - b.ref.row);

  reportDuplicatePaths(ctx, rows, key);

  return {
    sheet: table.sheet,
    unit: ctx.unit,
    rows,
    totalRows,
    hasForecast: hasForecastCol,
    hasPreviousForecast: ctx.col("previousForecast") !== undefined,
    hasPriorYear: ctx.col("priorYearActual") !== undefined,
    hasComment: colComment !== undefined,
    headings,
    ...(table.unit !== ctx.unit ? { sourceUnit: table.unit } : {}),
    // Given transfers and returns are used when the table cannot compute them (DOMAIN.md 7a).
    ...(given.resultTransfer !== undefined && colResultUnit === undefined ? { givenTransfers: true } : {}),
    ...(colEarmark === undefined && given.returned.length > 0 ? { givenReturns: given.returned.map((g) => g.name) } : {}),
    givenHeaders: given.headers,
  };
}

interface GivenColumns {
  deviation?: number;
  resultTransfer?: number;
  adjustedDeviation?: number;
  returned: { name: string; field: string; col: number }[];
  headers: Record<string, string>;
}

function givenColumns(ctx: TableContext): GivenColumns {
  const out: GivenColumns = { returned: [], headers: {} };
  for (const f of ["deviation", "resultTransfer", "adjustedDeviation"] as const) {
    const col = ctx.col(f);
    if (col !== undefined) {
      out[f] = col;
      out.headers[f] = ctx.header(f);
    }
  }
  for (const [field, col] of Object.entries(ctx.columns)) {
    if (col === undefined || !field.startsWith(RETURNED_PREFIX)) continue;
    out.returned.push({ name: field.slice(RETURNED_PREFIX.length), field, col });
    out.headers[field] = ctx.header(field);
  }
  return out;
}

/** The given figures of a row; undefined when the table has none or the row leaves them all empty. */
function readGiven(ctx: TableContext, g: GivenColumns, r: number, subject: string | null): GivenFigures | undefined {
  if (g.deviation === undefined && g.resultTransfer === undefined && g.adjustedDeviation === undefined && g.returned.length === 0) return undefined;
  const { reader } = ctx;
  const read = (col: number | undefined, field: string): Amount | null => (col === undefined ? null : reader.amount(r, col, g.headers[field], subject, false));
  const out: GivenFigures = {};
  let any = false;
  const deviation = read(g.deviation, "deviation");
  if (deviation !== null) [out.deviation, any] = [deviation, true];
  const transfer = read(g.resultTransfer, "resultTransfer");
  if (transfer !== null) [out.resultTransfer, any] = [transfer, true];
  const adjusted = read(g.adjustedDeviation, "adjustedDeviation");
  if (adjusted !== null) [out.adjustedDeviation, any] = [adjusted, true];
  for (const x of g.returned) {
    const v = read(x.col, x.field);
    if (v === null) continue;
    (out.returnedFunds ??= {})[x.name] = v;
    any = true;
  }
  return any ? out : undefined;
}

/** The path of the labels a row has, in order. */
function pathOf(area: string, unit: string, costType: string): string[] {
  if (area === "") return unit === "" ? (costType === "" ? [] : [costType]) : costType === "" ? [unit] : [unit, costType];
  if (unit === "") return costType === "" ? [area] : [area, costType];
  return costType === "" ? [area, unit] : [area, unit, costType];
}

/** A longer path that starts with the shorter one. */
function isUnder(key: (label: string) => string, child: string[], parent: string[]): boolean {
  if (child.length <= parent.length) return false;
  for (let k = 0; k < parent.length; k++) if (key(child[k]) !== key(parent[k])) return false;
  return true;
}

/**
 * undefined: not a total; null: a unit's subtotal (skipped); else the label and the area covered
 * (null for the whole table, resolved later for labels in the area column).
 */
function totalLabelOf(
  isTotalLabel: (text: string) => boolean,
  areaText: string,
  unitText: string,
  costTypeText: string,
  area: string,
  unit: string,
): { label: string; scope: string | null } | null | undefined {
  if (areaText !== "" && isTotalLabel(areaText)) return { label: areaText, scope: null };
  if (unitText !== "" && isTotalLabel(unitText)) {
    return area !== "" ? { label: `${unitText} ${area}`, scope: area } : { label: unitText, scope: null };
  }
  if (costTypeText !== "" && isTotalLabel(costTypeText)) {
    if (unit !== "") return null;
    return area !== "" ? { label: `${costTypeText} ${area}`, scope: area } : { label: costTypeText, scope: null };
  }
  return undefined;
}

/**
 * DUPLICATE_ROW for every drift row whose path an earlier row already has: the same labelKey of
 * its labels joined by " / ", the label joined only for a duplicate. When no label holds a "/",
 * two joined paths are equal exactly when their labels are, so a path of up to three labels is
 * keyed by a number made of its labels' numbers instead of a string per row.
 */
function reportDuplicatePaths(ctx: TableContext, rows: DriftRowInput[], key: (label: string) => string): void {
  const ids = new Map<string, number>();
  let slash = false;
  const idOf = byText((label) => {
    const k = key(label);
    let id = ids.get(k);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(k, id);
      if (k.includes("/")) slash = true;
    }
    return id;
  });
  const joined = (p: string[]) => p.map(key).join(" / ");
  const duplicates: { row: DriftRowInput; other: number }[] = [];
  const seenNumbers = new NumberIndex();
  let seen = new Map<string, number>();
  // Labels repeat from one row to the next: the last one at each level is remembered.
  const last: string[] = ["", "", ""];
  const lastId = [0, 0, 0];
  for (const row of rows) {
    const p = row.path;
    let k: number | string;
    if (p.length > 3) k = joined(p);
    else {
      let n = 0;
      let big = false;
      for (let i = 0; i < p.length; i++) {
        const label = p[i];
        if (label !== last[i]) {
          last[i] = label;
          lastId[i] = idOf(label);
        }
        if (lastId[i] >= ID_LIMIT) big = true;
        n = n * ID_LIMIT + lastId[i];
      }
      k = big ? joined(p) : n;
    }
    const other = typeof k === "number" ? seenNumbers.getOrSet(k, row.ref.row) : seen.get(k);
    if (other !== undefined) duplicates.push({ row, other });
    else if (typeof k === "string") seen.set(k, row.ref.row);
  }
  if (slash) {
    // A label with a "/" in it: the joined labels decide, as they always do.
    duplicates.length = 0;
    seen = new Map();
    for (const row of rows) {
      const k = joined(row.path);
      const other = seen.get(k);
      if (other === undefined) seen.set(k, row.ref.row);
      else duplicates.push({ row, other });
    }
  }
  for (const { row, other } of duplicates) ctx.duplicate(row.path.join(" / "), other, row.ref.labelCell);
}

/** Label numbers below this make a path number below 2^51, exact in a double. */
const ID_LIMIT = 2 ** 17;

/** DUPLICATE_ROW for every row whose label (path) an earlier row already has. */
export function reportDuplicates(ctx: TableContext, rows: { label: string; ref: { row: number; labelCell: string } }[]): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = labelKey(row.label);
    const other = seen.get(key);
    if (other === undefined) seen.set(key, row.ref.row);
    else ctx.duplicate(row.label, other, row.ref.labelCell);
  }
}
