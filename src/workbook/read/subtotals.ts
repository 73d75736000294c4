/**
 * Subtotals in the list (DOMAIN.md 7a): tables that show a nämnd or an area and then its parts in
 * the same column must not be counted twice. Indentation and bold decide the level where the file
 * has them; otherwise a row whose amounts each equal the sum of the rows directly under it (at
 * least two, within rounding: half a display unit per summed row), down to the next row of its own
 * level, is a heading over those rows (their area), not a leaf. Its figures are then checked like
 * a total row (the heading logic of drift.ts turns a path prefix into a heading).
 */
import { type Amount, toNumber } from "../../engine/amount";
import { halfDisplayUnit } from "../../engine/format";
import { makeFinding } from "../../i18n/findings.sv";
import type { TableContext } from "./context";
import type { RawRow } from "./drift";

const FIELDS = ["budget", "actual", "forecast", "previousForecast", "priorYearActual"] as const;
/** How many rows under a row the sum rule looks at: a nämnd seldom has more verksamheter. */
export const SUBTOTAL_SCAN_ROWS = 200;
/**
 * The sum rule is for published summaries (tens or hundreds of rows). In a ledger of thousands of
 * rows some row equals the sum of the next few by chance, so there only indentation and bold decide.
 */
export const SUBTOTAL_SUM_RULE_MAX_ROWS = 2000;

/** Rewrites the rows' paths so that each part sits under its heading. Rows hold one label each. */
export function nestSubtotals(ctx: TableContext, raw: RawRow[]): void {
  if (raw.length < 3) return;
  const styles = ctx.sheet.cellStyles;
  const style = (r: RawRow) => styles?.get(r.input.ref.labelCell);
  const indents = raw.map((r) => style(r)?.indent ?? 0);
  const bolds = raw.map((r) => style(r)?.bold === true);
  let levels: number[] | null = null;
  if (indents.some((n) => n > 0)) levels = indents;
  else if (bolds.some((b) => b) && bolds.some((b) => !b)) levels = bolds.map((b) => (b ? 0 : 1));
  if (levels !== null) {
    nestByLevel(raw, levels);
    return;
  }
  if (raw.length > SUBTOTAL_SUM_RULE_MAX_ROWS) return;
  const spans = spansBySum(ctx, raw);
  const stack: { end: number; name: string }[] = [];
  for (let i = 0; i < raw.length; i++) {
    while (stack.length > 0 && stack[stack.length - 1].end < i) stack.pop();
    const own = raw[i].input.path;
    if (stack.length > 0) raw[i].input.path = [...stack.map((s) => s.name), ...own];
    if (spans[i] > 0) {
      stack.push({ end: i + spans[i], name: own[own.length - 1] });
      let children = 0;
      for (let j = i + 1; j <= i + spans[i]; j += spans[j] + 1) children++;
      ctx.findings.push(
        makeFinding("HEADING_ROWS", "info", { sheet: ctx.sheet.name, cell: raw[i].input.ref.labelCell, subject: own[own.length - 1] }, {
          label: own[own.length - 1],
          count: children,
          how: "summan av raderna under den",
        }),
      );
    }
  }
}

function nestByLevel(raw: RawRow[], levels: number[]): void {
  const stack: { level: number; name: string }[] = [];
  raw.forEach((r, i) => {
    while (stack.length > 0 && stack[stack.length - 1].level >= levels[i]) stack.pop();
    const name = r.input.path[r.input.path.length - 1];
    r.input.path = [...stack.map((s) => s.name), name];
    stack.push({ level: levels[i], name });
  });
}

/**
 * Per row, how many rows below it it heads (0 for a part or a leaf). Bottom-up, so that a part
 * that is itself a heading counts once, with its own parts skipped.
 */
function spansBySum(ctx: TableContext, raw: RawRow[]): number[] {
  const n = raw.length;
  const spans = new Array<number>(n).fill(0);
  const half = halfDisplayUnit(ctx.unit);
  const halfNumber = toNumber(half);
  const values = raw.map((r) => FIELDS.map((f) => r.input[f]));
  const numbers = values.map((v) => v.map((a) => (a === null ? null : toNumber(a))));
  const budgets = numbers.map((v) => v[0] ?? 0);
  for (let i = n - 2; i >= 0; i--) {
    const own = values[i];
    if (own[0] === null || !own.some((a) => a !== null && a !== 0n)) continue;
    const target = budgets[i];
    let sum = 0;
    let count = 0;
    let j = i + 1;
    while (j < n && count < SUBTOTAL_SCAN_ROWS) {
      sum += budgets[j];
      count++;
      j += spans[j] + 1;
      // A cheap test on the budget in floating point first; every amount, exactly, decides.
      if (count >= 2 && Math.abs(target - sum) <= halfNumber * (count + 1) + 1e-9 && exactlyWithin(values, i, j, spans, half, count)) {
        spans[i] = j - i - 1;
        break;
      }
    }
  }
  return spans;
}

function exactlyWithin(values: (Amount | null)[][], i: number, end: number, spans: number[], half: Amount, count: number): boolean {
  const tolerance = half * BigInt(count);
  for (let k = 0; k < FIELDS.length; k++) {
    const own = values[i][k];
    if (own === null) continue;
    let sum = 0n;
    let any = false;
    for (let j = i + 1; j < end; j += spans[j] + 1) {
      const v = values[j][k];
      if (v !== null) [sum, any] = [sum + v, true];
    }
    if (!any) return false;
    const d = own - sum;
    if ((d < 0n ? -d : d) > tolerance) return false;
  }
  return true;
}
