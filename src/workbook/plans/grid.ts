import { type Amount, toNumber } from "../../engine/amount";
import { columnLetters } from "../cells";
import type { PatternRow, PlanCell, PlanKind, PlanStream, SheetPlan, StyleName } from "../plan";

/**
 * Small building blocks shared by the sheet builders: cells, columns, rows and formula text.
 * A text cell is always a plain value; only the builders' own formula helpers set `f`, and they
 * take cell addresses and numbers, never text from the input.
 */

export type PlanRow = (PlanCell | null)[];

/** Swedish typography puts a space before the percent sign: Excel shows this code as "94,2 %". */
export const PERCENT_FORMAT = "0.0\\ %";
export const COUNT_FORMAT = "0";
export const DATA_BAR_COLOR = "638EC6";

function withStyles(cell: PlanCell, styles: StyleName[]): PlanCell {
  return styles.length > 0 ? { ...cell, styles: [...(cell.styles ?? []), ...styles] } : cell;
}

/** A text cell (names, comments, labels): always a plain value, whatever the text starts with. */
export function text(v: string | null, ...styles: StyleName[]): PlanCell | null {
  if (v === null || v === "") return styles.length > 0 ? { v: null, styles } : null;
  return withStyles({ v: String(v) }, styles);
}

export function num(v: number | null, numFmt: string, ...styles: StyleName[]): PlanCell | null {
  if (v === null) return styles.length > 0 ? { v: null, styles } : null;
  return withStyles({ v, numFmt }, styles);
}

export function amount(a: Amount | null, numFmt: string, ...styles: StyleName[]): PlanCell | null {
  return num(a === null ? null : toNumber(a), numFmt, ...styles);
}

/** A live formula (no leading "=") with the engine's figure as its cached value. */
export function formula(f: string, v: number | string | null, numFmt?: string, ...styles: StyleName[]): PlanCell {
  const cell: PlanCell = numFmt === undefined ? { v, f } : { v, f, numFmt };
  return withStyles(cell, styles);
}

export function amountFormula(f: string, a: Amount, numFmt: string, ...styles: StyleName[]): PlanCell {
  return formula(f, toNumber(a), numFmt, ...styles);
}

/** Adds styles to every cell of a row, turning empty cells into styled empty cells up to `width`. */
export function styleRow(row: PlanRow, width: number, ...styles: StyleName[]): PlanRow {
  const out: PlanRow = [];
  for (let c = 0; c < Math.max(width, row.length); c++) {
    const cell = row[c] ?? null;
    out.push(cell === null ? { v: null, styles: [...styles] } : withStyles(cell, styles));
  }
  return out;
}

export function addStyles(cell: PlanCell | null, ...styles: StyleName[]): PlanCell {
  return withStyles(cell ?? { v: null }, styles);
}

/** A1 address from a column letter and a 0-based row. */
export function at(col: string, row: number): string {
  return `${col}${row + 1}`;
}

/** Absolute range "$I$5:$I$30" for COUNTIF over another sheet's column. */
export function absColumnRange(col: string, firstRow: number, lastRow: number): string {
  return `$${col}$${firstRow + 1}:$${col}$${lastRow + 1}`;
}

/**
 * SUM over the given rows of a column, contiguous rows joined into ranges:
 * "SUM(C5:C7,C10)". Excel takes at most 255 arguments, so longer lists nest.
 */
export function sumFormula(col: string, rows: number[]): string {
  // A group's rows come in order (its lines are placed one after the other): sorted only when not.
  let ordered = true;
  for (let i = 1; i < rows.length && ordered; i++) ordered = rows[i] > rows[i - 1];
  const sorted = ordered ? rows : [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? at(col, sorted[i]) : `${at(col, sorted[i])}:${at(col, sorted[j])}`);
    i = j + 1;
  }
  return nestSum(parts);
}

function nestSum(parts: string[]): string {
  const MAX = 255;
  if (parts.length <= MAX) return `SUM(${parts.join(",")})`;
  const chunks: string[] = [];
  for (let i = 0; i < parts.length; i += MAX) chunks.push(nestSum(parts.slice(i, i + MAX)));
  return nestSum(chunks);
}

export interface Column<K extends string> {
  key: K;
  header: string;
  width: number;
}

/** The columns of one table, in order; looks up a column's index and letter by key. */
export class Columns<K extends string> {
  private readonly byKey = new Map<K, number>();
  private readonly letters: string[];

  constructor(readonly list: Column<K>[]) {
    list.forEach((c, i) => this.byKey.set(c.key, i));
    // Formulas name these on every row of a large sheet.
    this.letters = list.map((_, i) => columnLetters(i));
  }

  has(key: K): boolean {
    return this.byKey.has(key);
  }

  index(key: K): number {
    const i = this.byKey.get(key);
    if (i === undefined) throw new Error(`no column ${key}`);
    return i;
  }

  letter(key: K): string {
    return this.letters[this.index(key)];
  }

  get width(): number {
    return this.list.length;
  }

  headerRow(): PlanRow {
    return this.list.map((c) => text(c.header, "header"));
  }

  widths(): number[] {
    return this.list.map((c) => c.width);
  }

  /** An empty row of this table's width, to be filled by key. */
  row(): PlanRow {
    return this.list.map(() => null);
  }
}

/** Rows of a sheet being built; `add` returns the new row's 0-based index. */
export class RowBuffer {
  readonly rows: PlanRow[] = [];

  add(row: PlanRow = []): number {
    this.rows.push(row);
    return this.rows.length - 1;
  }

  set(index: number, row: PlanRow): void {
    this.rows[index] = row;
  }

  get next(): number {
    return this.rows.length;
  }
}

/**
 * Widens each column so that its header fits on one line: a wrapped header needs a taller row,
 * which neither Excel nor LibreOffice sets by itself for a file written by a program.
 */
function fitHeaders(widths: number[], header: PlanRow): number[] {
  const out = widths.slice();
  header.forEach((cell, c) => {
    if (!cell || typeof cell.v !== "string") return;
    const need = Math.min(cell.v.length + 2, 40);
    if (out[c] === undefined || out[c] < need) out[c] = need;
  });
  return out;
}

/** Points per line of 11-point text, and the default row height. */
const LINE_POINTS = 15;
/** Styles whose text wraps in its cell. */
const WRAPPING: ReadonlySet<StyleName> = new Set<StyleName>(["wrap", "header"]);

/**
 * Lines a wrapped text takes in a column `width` characters wide: each of its own lines broken at
 * spaces, a word longer than the line on a line of its own. About as many letters fit as the
 * column is wide in digits (letters are narrower than digits, but not by much, and a row that is
 * too low hides text).
 */
export function wrappedLines(s: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.05) - 1);
  let lines = 0;
  for (const paragraph of s.split("\n")) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/)) {
      const len = word.length;
      if (used > 0 && used + 1 + len > perLine) {
        count++;
        used = 0;
      }
      if (used === 0 && len > perLine) {
        count += Math.ceil(len / perLine) - 1;
        used = len % perLine;
      } else used += (used > 0 ? 1 : 0) + len;
    }
    lines += count;
  }
  return lines;
}

/** The height in points of a row with wrapped text taking more than one line; undefined otherwise. */
export function wrappedRowHeight(cells: PlanRow, widths: readonly number[]): number | undefined {
  let lines = 1;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell || typeof cell.v !== "string" || !cell.styles?.some((st) => WRAPPING.has(st))) continue;
    lines = Math.max(lines, wrappedLines(cell.v, widths[c] ?? 8.43));
  }
  return lines > 1 ? lines * LINE_POINTS : undefined;
}

/**
 * Row heights for rows of wrapped text: neither Excel nor LibreOffice sets them by themselves for
 * a file written by a program, so without them a long comment runs into the row below.
 */
export function wrappedRowHeights(rows: readonly (PlanRow | undefined)[], widths: readonly number[]): (number | undefined)[] | undefined {
  let out: (number | undefined)[] | undefined;
  rows.forEach((cells, r) => {
    if (!cells) return;
    const height = wrappedRowHeight(cells, widths);
    if (height !== undefined) (out ??= [])[r] = height;
  });
  return out;
}

/** A plan with the common defaults: header row frozen and repeated on every printed page. */
export function sheetPlan(
  kind: PlanKind,
  name: string,
  rows: PlanRow[],
  columnWidths: number[],
  headerRow: number | null,
  extra: Partial<SheetPlan> = {},
): SheetPlan {
  const plan: SheetPlan = {
    kind,
    name,
    rows,
    columnWidths: headerRow === null ? columnWidths : fitHeaders(columnWidths, rows[headerRow] ?? []),
    freezeRows: headerRow === null ? 0 : headerRow + 1,
    conditionalFormats: [],
    charts: [],
    landscape: true,
    ...extra,
  };
  if (headerRow !== null && plan.printTitleRows === undefined) plan.printTitleRows = [headerRow + 1, headerRow + 1];
  const heights = wrappedRowHeights(plan.rows, plan.columnWidths);
  if (heights && plan.rowHeights === undefined) plan.rowHeights = heights;
  return plan;
}

/** The cells of a patterned row for the 1-based row `n`, as the other rows' cells are. */
export function expandPatternRow(row: PatternRow, n: number): PlanRow {
  const cells = row.pattern.cells;
  const out: PlanRow = new Array<PlanCell | null>(cells.length).fill(null);
  for (let c = 0; c < cells.length; c++) {
    const p = cells[c];
    if (!p) continue;
    const v = row.values[c] ?? null;
    if (!p.formula && v === null && !p.styles) continue;
    const cell: PlanCell = { v };
    if (p.formula) cell.f = p.formula(n);
    if (p.numFmt !== undefined && (v !== null || p.formula)) cell.numFmt = p.numFmt;
    if (p.styles) cell.styles = [...p.styles];
    const fill = row.fills?.[c];
    if (fill) cell.fill = fill;
    out[c] = cell;
  }
  return out;
}

export function isPatternRow(row: PlanRow | PatternRow): row is PatternRow {
  return !Array.isArray(row);
}

/** wrappedRowHeight for a row given as cells or as a pattern and its values. */
export function planRowHeight(row: PlanRow | PatternRow, widths: readonly number[]): number | undefined {
  if (!isPatternRow(row)) return wrappedRowHeight(row, widths);
  let lines = 1;
  const cells = row.pattern.cells;
  for (let c = 0; c < cells.length; c++) {
    const v = row.values[c];
    if (typeof v !== "string" || !cells[c]?.styles?.some((st) => WRAPPING.has(st))) continue;
    lines = Math.max(lines, wrappedLines(v, widths[c] ?? 8.43));
  }
  return lines > 1 ? lines * LINE_POINTS : undefined;
}

/**
 * A plan whose rows after `plan.rows` (its head: title, notes, header) are made one at a time by
 * `body` (PlanStream). `rows` and `rowHeights` become every row, built when first read.
 */
export function streamedPlan(plan: SheetPlan, count: number, width: number, body: () => Iterable<PlanRow | PatternRow>): SheetPlan {
  const head = plan.rows;
  const widths = plan.columnWidths;
  const stream: PlanStream = {
    count,
    width,
    head,
    *patterned() {
      yield* head;
      let made = head.length;
      for (const row of body()) {
        yield row;
        made++;
      }
      if (made !== count) throw new Error(`${plan.name}: ${made} rows made, ${count} announced`);
    },
  };
  let rows: PlanRow[] | undefined;
  let heights: (number | undefined)[] | undefined | null = null;
  const all = (): PlanRow[] => {
    if (rows === undefined) {
      const made: PlanRow[] = [];
      for (const row of stream.patterned()) made.push(isPatternRow(row) ? expandPatternRow(row, made.length + 1) : row);
      rows = made;
    }
    return rows;
  };
  delete plan.rowHeights;
  Object.defineProperty(plan, "rows", { enumerable: true, configurable: true, get: all, set: (v: PlanRow[]) => (rows = v) });
  Object.defineProperty(plan, "rowHeights", {
    enumerable: true,
    configurable: true,
    get: () => (heights === null ? (heights = wrappedRowHeights(all(), widths)) : heights),
    set: (v: (number | undefined)[] | undefined) => (heights = v),
  });
  // Not enumerable: a plan compared or copied as data shows its rows, not the function that makes them.
  Object.defineProperty(plan, "stream", { enumerable: false, configurable: true, value: stream });
  return plan;
}
