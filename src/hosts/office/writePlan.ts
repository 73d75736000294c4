import { EXCEL_ERRORS, a1, columnLetters } from "../../workbook/cells";
import { FoljsamError } from "../../workbook/errors";
import { ChartPlan, PlanCell, SheetPlan } from "../../workbook/plan";
import { STYLES, StyleSpec } from "../../workbook/styles";
import { markName } from "./marks";
import { OBJECT_PATH_BYTES, actionBytes, wireBytes } from "./wire";

/**
 * The Office.js write as plain data: which steps, in which batches. Each batch becomes one
 * `context.sync()`; its estimated request size stays under the budget. Tests inspect this
 * without Excel; ./write executes it.
 */

/** Request budget per sync. Excel on the web refuses requests over 5 MB; 4 MB leaves headroom. */
export const DEFAULT_BUDGET_BYTES = 4_000_000;
/**
 * What one queued operation costs in Office's request besides its data: its action and an object
 * path, with ids and a name of up to 48 characters, escaped as they travel (./wire). A step's data
 * is counted by wireBytes, so a step's estimate bounds what Office.js sends for it.
 */
export const OPERATION_OVERHEAD_BYTES = OBJECT_PATH_BYTES + actionBytes("x".repeat(48), []);
/** Longest address list one RangeAreas (worksheet.getRanges) is given. */
export const MAX_AREAS_ADDRESS = 1_000;

/** A column's run of cells that share a number format, set with one value for the whole run. */
export interface NumberFormatRun {
  address: string;
  format: string;
}

export type CellInput = string | number | boolean;

export type WriteStep =
  | { kind: "deleteName"; name: string }
  | { kind: "retireSheet"; sheet: string; temporaryName: string }
  | { kind: "deleteSheet"; sheet: string }
  | { kind: "addSheet"; sheet: string; tabColor?: string }
  | { kind: "mark"; sheet: string; name: string }
  | { kind: "columnWidth"; sheet: string; columns: string; points: number }
  | { kind: "freeze"; sheet: string; rows: number; columns: number }
  | { kind: "pageLayout"; sheet: string; landscape: boolean; printTitleRows?: string }
  | { kind: "cells"; sheet: string; address: string; numberFormats: NumberFormatRun[]; formulas: CellInput[][] }
  /** `address` is one rectangle, or (with ExcelApi 1.9) several, comma-separated, set as one RangeAreas. */
  | { kind: "style"; sheet: string; address: string; rows: number; style: StyleSpec }
  | { kind: "dataBar"; sheet: string; range: string; color: string }
  | { kind: "chart"; sheet: string; chart: ChartPlan };

export interface WriteBatch {
  steps: WriteStep[];
  /** Estimated request size: serialised data plus a per-operation overhead. */
  bytes: number;
  /** Whether the batch writes cells (then calculation is suspended until its sync). */
  writesCells: boolean;
}

export interface WorkbookState {
  /** Every sheet in the workbook now. */
  sheets: readonly string[];
  /** Följsam's marked sheets (replaced) and every mark name (deleted). */
  followUp: { sheets: readonly string[]; names: readonly string[] };
}

export interface PlanWriteOptions {
  budgetBytes?: number;
  /** ExcelApi 1.9 is available: set landscape and print titles. */
  pageLayout?: boolean;
  /** ExcelApi 1.9 is available: cells of one look anywhere on a sheet are styled as one RangeAreas. */
  rangeAreas?: boolean;
}

/** Serialised size in UTF-8 bytes, as the request will carry it. */
export function jsonSize(value: unknown): number {
  const text = JSON.stringify(value) ?? "null";
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: two UTF-16 units, four UTF-8 bytes
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const EXCEL_ERROR_TEXT = new Set<string>(EXCEL_ERRORS);

/**
 * Text that Excel would not keep as typed: a formula start (= + - @), an apostrophe (which Excel
 * would swallow), or anything it may read as a number, date, time, percentage, boolean or
 * error. Such text is written with a leading apostrophe, which Excel stores as the quotePrefix
 * flag, not as part of the value; the number format stays as planned.
 */
export function needsApostrophe(text: string): boolean {
  return /^[=+\-@']/.test(text) || /\d/.test(text) || /^\s*(true|false|sant|falskt)\s*$/i.test(text) || EXCEL_ERROR_TEXT.has(text.trim().toUpperCase());
}

function cellInput(cell: PlanCell | null | undefined, sheet: string, row: number, col: number): CellInput {
  if (!cell) return "";
  if (cell.f !== undefined) return `=${cell.f}`;
  const v = cell.v;
  if (v === null) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new FoljsamError(`Bladet "${sheet}", cell ${a1(row, col)}: talet ${v} kan inte skrivas till Excel.`);
    return v;
  }
  if (typeof v === "boolean") return v;
  return needsApostrophe(v) ? `'${v}` : v;
}

/** Excel column width in points for a width in characters of the default font (7 px each, 5 px padding). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

interface Look {
  key: string;
  style: StyleSpec;
}

/** The combined look of a cell's styles (later styles win), shared by cells with equal looks. */
function lookOf(cell: PlanCell | null | undefined, cache: Map<string, Look | null>): Look | null {
  if (!cell?.styles?.length) return null;
  const names = cell.styles.join("|");
  let look = cache.get(names);
  if (look === undefined) {
    const style: StyleSpec = Object.assign({}, ...cell.styles.map((s) => STYLES[s]));
    look = Object.keys(style).length ? { key: JSON.stringify(style), style } : null;
    cache.set(names, look);
  }
  return look;
}

interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
  style: StyleSpec;
}

/**
 * Cells that share a look, as few rectangles as runs allow: runs of equal style along a row,
 * merged downwards while the next row has the same run in the same columns.
 */
export function styleRectangles(rows: readonly (readonly (PlanCell | null)[])[]): Rect[] {
  const done: Rect[] = [];
  const cache = new Map<string, Look | null>();
  let open = new Map<string, Rect>();
  rows.forEach((row, r) => {
    const next = new Map<string, Rect>();
    const looks = row.map((cell) => lookOf(cell, cache));
    let c = 0;
    while (c < row.length) {
      const look = looks[c];
      if (!look) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && looks[end + 1]?.key === look.key) end++;
      const id = `${c}:${end}:${look.key}`;
      const rect = open.get(id);
      if (rect) {
        rect.bottom = r;
        open.delete(id);
        next.set(id, rect);
      } else next.set(id, { top: r, bottom: r, left: c, right: end, style: look.style });
      c = end + 1;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

function rectAddress(rect: { top: number; bottom: number; left: number; right: number }): string {
  const start = a1(rect.top, rect.left);
  const end = a1(rect.bottom, rect.right);
  return start === end ? start : `${start}:${end}`;
}

/** Operations a step queues, for the overhead estimate. */
function operationCount(step: WriteStep): number {
  switch (step.kind) {
    case "cells":
      return 2 + 2 * step.numberFormats.length; // getRange and formulas; getRange and numberFormat per run
    case "style":
      return 1 + Object.keys(step.style).length * 2 + (step.rows > 1 && (step.style.borderTop || step.style.borderBottom) ? 2 : 0);
    case "chart":
      return 9;
    case "dataBar":
      return 4;
    case "retireSheet":
    case "mark":
    case "pageLayout":
      return 3;
    default:
      return 2;
  }
}

export function stepBytes(step: WriteStep): number {
  return wireBytes(step) + operationCount(step) * OPERATION_OVERHEAD_BYTES;
}

const INVALID_SHEET_NAME = /[:\\/?*[\]]/;

function checkNames(plans: readonly SheetPlan[], state: WorkbookState): void {
  const ours = new Set(state.followUp.sheets.map((s) => s.toLowerCase()));
  const seen = new Set<string>();
  for (const plan of plans) {
    const key = plan.name.toLowerCase();
    if (!plan.name || plan.name.length > 31 || INVALID_SHEET_NAME.test(plan.name) || /^'|'$/.test(plan.name)) {
      throw new FoljsamError(`Bladnamnet "${plan.name}" går inte att använda i Excel (högst 31 tecken, inte : \\ / ? * [ ] och inte apostrof först eller sist).`);
    }
    if (seen.has(key)) throw new FoljsamError(`Bladnamnet "${plan.name}" förekommer två gånger bland de blad som ska skrivas.`);
    seen.add(key);
    if (!ours.has(key) && state.sheets.some((s) => s.toLowerCase() === key)) {
      throw new FoljsamError(`Bladet "${plan.name}" finns redan i arbetsboken och är inte skapat av Följsam; det lämnas orört. Kör om så får resultatet ett annat namn.`);
    }
  }
}

/** A name for a sheet on its way out, unused by any existing or planned sheet. */
function temporaryNames(count: number, taken: Set<string>): string[] {
  const names: string[] = [];
  for (let n = 1; names.length < count; n++) {
    const name = `~foljsam-gammalt-${n}`;
    if (!taken.has(name.toLowerCase())) names.push(name);
  }
  return names;
}

function structureSteps(plans: readonly SheetPlan[], state: WorkbookState, options: PlanWriteOptions): WriteStep[] {
  const taken = new Set([...state.sheets, ...plans.map((p) => p.name)].map((s) => s.toLowerCase()));
  const temporary = temporaryNames(state.followUp.sheets.length, taken);
  const steps: WriteStep[] = [];
  for (const name of state.followUp.names) steps.push({ kind: "deleteName", name });
  // Old sheets step aside first and go last, so the workbook always keeps a visible sheet.
  state.followUp.sheets.forEach((sheet, i) => steps.push({ kind: "retireSheet", sheet, temporaryName: temporary[i] }));
  plans.forEach((plan, i) => {
    const tabColor = plan.tabColor ? (plan.tabColor.startsWith("#") ? plan.tabColor : `#${plan.tabColor}`) : undefined;
    steps.push(tabColor ? { kind: "addSheet", sheet: plan.name, tabColor } : { kind: "addSheet", sheet: plan.name });
    steps.push({ kind: "mark", sheet: plan.name, name: markName(i + 1) });
  });
  for (const sheet of temporary) steps.push({ kind: "deleteSheet", sheet });
  for (const plan of plans) {
    let c = 0;
    while (c < plan.columnWidths.length) {
      const width = plan.columnWidths[c];
      let end = c;
      while (end + 1 < plan.columnWidths.length && plan.columnWidths[end + 1] === width) end++;
      if (width > 0) {
        steps.push({ kind: "columnWidth", sheet: plan.name, columns: `${columnLetters(c)}:${columnLetters(end)}`, points: columnWidthPoints(width) });
      }
      c = end + 1;
    }
    const rows = plan.freezeRows ?? 0;
    const columns = plan.freezeColumns ?? 0;
    if (rows > 0 || columns > 0) steps.push({ kind: "freeze", sheet: plan.name, rows, columns });
    if (options.pageLayout) {
      const titles = plan.printTitleRows ? `$${plan.printTitleRows[0]}:$${plan.printTitleRows[1]}` : undefined;
      if (plan.landscape || titles) {
        steps.push(titles ? { kind: "pageLayout", sheet: plan.name, landscape: plan.landscape, printTitleRows: titles } : { kind: "pageLayout", sheet: plan.name, landscape: plan.landscape });
      }
    }
  }
  return steps;
}

type CellsStep = Extract<WriteStep, { kind: "cells" }>;

/** Fills batches in order; a batch is closed when the next piece would take it over the budget. */
class BatchPacker {
  readonly batches: WriteBatch[] = [];
  private current: WriteBatch = BatchPacker.empty();

  constructor(private readonly budget: number) {}

  private static empty(): WriteBatch {
    // Every batch may start with suspendApiCalculationUntilNextSync, and looks up the sheets it
    // writes to (getItem, with a name of up to 31 characters of up to 4 bytes, escaped).
    return { steps: [], bytes: OPERATION_OVERHEAD_BYTES * 4 + 4 * 31 * 4, writesCells: false };
  }

  fits(bytes: number): boolean {
    return this.current.bytes + bytes <= this.budget;
  }

  /** Starts a new batch unless the current one is still empty. */
  next(): void {
    if (this.current.steps.length === 0) return;
    this.batches.push(this.current);
    this.current = BatchPacker.empty();
  }

  add(step: WriteStep, bytes = stepBytes(step)): void {
    if (!this.fits(bytes)) this.next();
    this.current.steps.push(step);
    this.current.bytes += bytes;
    if (step.kind === "cells") this.current.writesCells = true;
  }

  /** Rows appended to the batch's open cells step. */
  grow(bytes: number): void {
    this.current.bytes += bytes;
  }

  finish(): WriteBatch[] {
    this.next();
    return this.batches;
  }
}

interface OpenRun {
  top: number;
  format: string;
}

/**
 * Streams a sheet's cells into the batches: rows go into full-width 2-D writes of values and
 * formulas, and a write is cut where the batch's request budget is reached, so each batch is
 * filled before the next begins. Number formats go per column, one value for each run of rows
 * that share a format (a new sheet's cells are General already), set before the values in the
 * same request. A row's size is its serialised inputs plus the runs it opens.
 */
function packCells(plan: SheetPlan, packer: BatchPacker): void {
  const width = plan.rows.reduce((w, row) => Math.max(w, row.length), 0);
  if (width === 0) return;
  const emptyStep: CellsStep = { kind: "cells", sheet: plan.name, address: "XFD1048576:XFD1048576", numberFormats: [], formulas: [] };
  const envelope = stepBytes(emptyStep);
  const runBytes = (format: string) => wireBytes({ address: "XFD1048576:XFD1048576", format }) + 1 + 2 * OPERATION_OVERHEAD_BYTES;
  let step: CellsStep | null = null;
  let top = 0;
  let runs: (OpenRun | null)[] = [];
  const closeRun = (c: number, bottom: number) => {
    const run = runs[c];
    if (step && run && run.format !== "General") {
      step.numberFormats.push({ address: rectAddress({ top: run.top, bottom, left: c, right: c }), format: run.format });
    }
    runs[c] = null;
  };
  const close = (bottom: number) => {
    if (step) {
      for (let c = 0; c < width; c++) closeRun(c, bottom);
      step.address = rectAddress({ top, bottom, left: 0, right: width - 1 });
    }
    step = null;
  };
  plan.rows.forEach((row, r) => {
    const inputs: CellInput[] = [];
    const formats: string[] = [];
    for (let c = 0; c < width; c++) {
      inputs.push(cellInput(row[c], plan.name, r, c));
      formats.push(row[c]?.numFmt ?? "General");
    }
    const opened = (from: (OpenRun | null)[]) => formats.reduce((sum, f, c) => (from[c]?.format === f || f === "General" ? sum : sum + runBytes(f)), 0);
    let rowBytes = wireBytes(inputs) + 1 + opened(step ? runs : []);
    if (step && !packer.fits(rowBytes)) {
      close(r - 1);
      packer.next();
    }
    if (!step) {
      step = { kind: "cells", sheet: plan.name, address: "", numberFormats: [], formulas: [] };
      top = r;
      runs = new Array<OpenRun | null>(width).fill(null);
      rowBytes = wireBytes(inputs) + 1 + opened(runs);
      packer.add(step, envelope);
    }
    for (let c = 0; c < width; c++) {
      if (runs[c]?.format !== formats[c]) {
        closeRun(c, r - 1);
        runs[c] = { top: r, format: formats[c] };
      }
    }
    step.formulas.push(inputs);
    packer.grow(rowBytes);
  });
  close(plan.rows.length - 1);
}

/**
 * A sheet's style steps: one per rectangle, or (with RangeAreas) one per look for all its
 * one-row rectangles, as comma-separated lists of addresses. A rectangle of several rows with a
 * border keeps its own step: its lines between rows are set on it alone.
 */
function styleSteps(sheet: string, rects: Rect[], rangeAreas: boolean): WriteStep[] {
  const steps: WriteStep[] = [];
  const grouped = new Map<string, { style: StyleSpec; addresses: string[]; length: number }>();
  const flush = (key: string) => {
    const group = grouped.get(key);
    if (group && group.addresses.length) steps.push({ kind: "style", sheet, address: group.addresses.join(","), rows: 1, style: group.style });
    grouped.delete(key);
  };
  for (const rect of rects) {
    const rows = rect.bottom - rect.top + 1;
    const address = rectAddress(rect);
    if (!rangeAreas || (rows > 1 && (rect.style.borderTop || rect.style.borderBottom))) {
      steps.push({ kind: "style", sheet, address, rows, style: rect.style });
      continue;
    }
    const key = JSON.stringify(rect.style);
    let group = grouped.get(key);
    if (group && group.length + address.length + 1 > MAX_AREAS_ADDRESS) {
      flush(key);
      group = undefined;
    }
    if (!group) {
      group = { style: rect.style, addresses: [], length: 0 };
      grouped.set(key, group);
    }
    group.addresses.push(address);
    group.length += address.length + 1;
  }
  for (const key of [...grouped.keys()]) flush(key);
  return steps;
}

/**
 * Plans the whole write: replace Följsam's old sheets, add the planned ones with their marks,
 * layout, then per sheet its cells, styles, data bars and charts, packed in order into batches
 * whose estimated request stays under the budget.
 */
export function planWrite(plans: readonly SheetPlan[], state: WorkbookState, options: PlanWriteOptions = {}): WriteBatch[] {
  checkNames(plans, state);
  const packer = new BatchPacker(options.budgetBytes ?? DEFAULT_BUDGET_BYTES);
  for (const step of structureSteps(plans, state, options)) packer.add(step);
  for (const plan of plans) {
    packCells(plan, packer);
    for (const step of styleSteps(plan.name, styleRectangles(plan.rows), options.rangeAreas === true)) packer.add(step);
    for (const rule of plan.conditionalFormats) packer.add({ kind: "dataBar", sheet: plan.name, range: rule.range, color: rule.color });
    for (const chart of plan.charts) packer.add({ kind: "chart", sheet: plan.name, chart });
  }
  return packer.finish();
}
