import type * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import type { CellStyle, CellValue, GridTable, SheetGrid, WorkbookGrid } from "../../workbook/cells";
import { a1, isPercentFormat, parseA1, percentCellText } from "../../workbook/cells";
import { FoljsamError } from "../../workbook/errors";
import { markedSheets } from "./marks";
import { LOAD_REASONS, READ_REASONS, XLSX_MESSAGES } from "./messages.sv";
import { fileLabel, firstLine } from "./oneLine";
import { readGrid } from "./fastRead";
import { checkXlsxBytes, checkXlsxPackage, formatBytes, MAX_TOTAL_UNCOMPRESSED } from "./zipCheck";

/**
 * Reads an .xlsx file into the host-neutral grid, straight from its XML (fastRead/), with the
 * file's bytes: writeFollowUpFile keeps its parts as they are. ExcelJS is not loaded here; the
 * write loads it only for a package it cannot edit directly.
 */
export async function readXlsx(path: string, options: ReadOptions = {}): Promise<{ grid: WorkbookGrid; bytes: Buffer }> {
  const file = fileLabel(path);
  const bytes = await readBytes(path, file);
  const entries = checkXlsxPackage(bytes, file);
  return { grid: await readGrid(bytes, entries, file, options), bytes };
}

export interface ReadOptions {
  /**
   * Read the cells of Följsam's own sheets too. They are written again, never read, so the
   * commands leave them out (a city's follow-up is 10^6 rows); tests that look at what was
   * written want them.
   */
  followUpCells?: boolean;
}

/**
 * Reads an .xlsx file through ExcelJS: its workbook, for writing into it, and the grid of that
 * workbook (the reader before fastRead/, kept to test the two against each other). Reading never
 * changes the workbook object (no getRow/getColumn/getCell, which create what they do not find),
 * so every other sheet is written back as ExcelJS loaded it.
 */
export async function readXlsxWithWorkbook(path: string): Promise<{ grid: WorkbookGrid; workbook: ExcelJS.Workbook; bytes: Buffer }> {
  const file = fileLabel(path);
  const bytes = await readBytes(path, file);
  checkXlsxBytes(bytes, file);
  const workbook = await loadWorkbook(bytes, file);
  return { grid: workbookToGrid(workbook, file), workbook, bytes };
}

/** ExcelJS's workbook of checked .xlsx bytes; `file` names it in the message when it cannot be loaded. */
export async function loadWorkbook(bytes: Buffer, file: string): Promise<ExcelJS.Workbook> {
  // Loaded only here: the command line's usual path never needs ExcelJS (some 0,3 s of start-up).
  const { Workbook } = await import("exceljs");
  const workbook = new Workbook();
  try {
    // ExcelJS's typings declare their own Buffer; Node's is what it takes at run time.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new FoljsamError(XLSX_MESSAGES.notLoadable(file, loadFailure(e)));
  }
  return workbook;
}

/**
 * ExcelJS's error in Swedish: its XML parser names the line and column ("3:9: disallowed
 * character."); a TypeError means ExcelJS met a part it did not expect and broke on it.
 */
function loadFailure(e: unknown): string {
  const xml = /^(\d+):(\d+): /.exec(e instanceof Error ? e.message : "");
  if (xml) return LOAD_REASONS.xml(xml[1], xml[2]);
  if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) return LOAD_REASONS.structure;
  return firstLine(e);
}

async function readBytes(path: string, file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new FoljsamError(XLSX_MESSAGES.notAFile(file));
    // A pipe or a device could be read for ever.
    if (!stat.isFile()) throw new FoljsamError(XLSX_MESSAGES.notRegular(file));
    if (stat.size > MAX_TOTAL_UNCOMPRESSED) throw new FoljsamError(XLSX_MESSAGES.tooLarge(file, formatBytes(stat.size)));
    return await fs.readFile(path);
  } catch (e) {
    if (e instanceof FoljsamError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? "";
    if (code === "ENOENT" || code === "ENOTDIR") throw new FoljsamError(XLSX_MESSAGES.missing(file));
    throw new FoljsamError(XLSX_MESSAGES.unreadable(file, READ_REASONS[code] ?? (code || firstLine(e))));
  }
}

/** The grid of an already loaded workbook; exported for tests and for workbooks built in memory. */
export function workbookToGrid(workbook: ExcelJS.Workbook, source: string): WorkbookGrid {
  const marked = new Set(markedSheets(workbook));
  return { source, sheets: workbook.worksheets.map((ws) => sheetToGrid(ws, marked.has(ws))) };
}

/** Days between the Excel 1900 epoch (1899-12-30, with its leap-year quirk) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET_DAYS = 25569;
const MS_PER_DAY = 86_400_000;

/** ExcelJS turns date-formatted numbers into Dates (already shifted for a 1904 workbook). */
function dateToSerial(d: Date): CellValue {
  const ms = d.getTime();
  return Number.isFinite(ms) ? { date: ms / MS_PER_DAY + EXCEL_EPOCH_OFFSET_DAYS } : null;
}

interface RichTextLike {
  richText: { text: string }[];
}

function richTextToString(v: RichTextLike): string {
  let s = "";
  for (const run of v.richText) s += run.text ?? "";
  return s;
}

/** Text of a plain, rich or hyperlink value, whichever ExcelJS gave. */
function textOf(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "richText" in v) return richTextToString(v as RichTextLike);
  return v === null || v === undefined ? "" : String(v);
}

/** A plain value (a cell's own, or a formula's cached result) as a grid value. */
function plainValue(v: unknown): CellValue {
  switch (typeof v) {
    case "number":
    case "boolean":
    case "string":
      return v;
    case "object":
      if (v === null) return null;
      if (v instanceof Date) return dateToSerial(v);
      if ("error" in v) return { error: String((v as { error: unknown }).error) };
      if ("richText" in v) return richTextToString(v as RichTextLike);
      if ("text" in v) return textOf((v as { text: unknown }).text);
      return null;
    default:
      return null;
  }
}

// ExcelJS.ValueType's values (read.test.ts checks them), so that this module does not load ExcelJS.
export const EXCELJS_VALUE_TYPES = { Merge: 1, Number: 2, String: 3, Formula: 6, Boolean: 9 } as const;
const T_NUMBER = EXCELJS_VALUE_TYPES.Number;
const T_STRING = EXCELJS_VALUE_TYPES.String;
const T_BOOLEAN = EXCELJS_VALUE_TYPES.Boolean;
const T_FORMULA = EXCELJS_VALUE_TYPES.Formula;
const T_MERGE = EXCELJS_VALUE_TYPES.Merge;

/** Column letters by 0-based index, built as needed: formula addresses are made per cell. */
const letters: string[] = [];
function address(r: number, c: number): string {
  let l = letters[c];
  if (l === undefined) {
    l = a1(0, c).slice(0, -1);
    letters[c] = l;
  }
  return l + (r + 1);
}

interface TableLike {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
}

function sheetToGrid(ws: ExcelJS.Worksheet, followUp: boolean): SheetGrid {
  // Följsam's own sheets are written again, never read (as on the fast path).
  if (followUp) return { name: ws.name, rows: [], followUp: true };
  const rows: CellValue[][] = [];
  const formulas = new Map<string, string>();
  const formulasWithoutValue: string[] = [];
  const hiddenRows: number[] = [];
  const cellStyles = new Map<string, CellStyle>();
  let width = 0;

  // eachRow visits only rows that hold a value; a hidden row without values hides nothing.
  ws.eachRow((row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const out: CellValue[] = [];
    row.eachCell((cell, colNumber) => {
      const c = colNumber - 1;
      while (out.length < c) out.push(null);
      const style = cellStyleOf(cell);
      if (style) cellStyles.set(address(r, c), style);
      let value: CellValue;
      switch (cell.type) {
        case T_NUMBER: {
          // A percent-formatted number goes on as the text it shows ("86,4 %"), see percentCellText.
          const fmt = cell.numFmt;
          value = fmt && isPercentFormat(fmt) ? percentCellText(cell.value as number) : (cell.value as number);
          break;
        }
        case T_STRING:
        case T_BOOLEAN:
          value = cell.value as string | boolean;
          break;
        case T_FORMULA: {
          const at = address(r, c);
          const formula = cell.formula;
          if (formula) formulas.set(at, formula);
          const result = cell.result;
          if (result === undefined || result === null) {
            value = null;
            formulasWithoutValue.push(at);
          } else {
            value = plainValue(result);
          }
          break;
        }
        case T_MERGE:
          // The master cell carries the value; the others of the merged range stay empty.
          value = null;
          break;
        default:
          value = plainValue(cell.value);
      }
      out.push(value);
    });
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    rows[r] = out;
    if (out.length > width) width = out.length;
  });
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];

  const sheet: SheetGrid = { name: ws.name, rows };
  if (formulas.size) sheet.formulas = formulas;
  if (formulasWithoutValue.length) sheet.formulasWithoutValue = formulasWithoutValue;
  if (hiddenRows.length) sheet.hiddenRows = hiddenRows;
  const hiddenColumns = hiddenColumnsOf(ws, width);
  if (hiddenColumns.length) sheet.hiddenColumns = hiddenColumns;
  const tables = tablesOf(ws);
  if (tables.length) sheet.tables = tables;
  const merges = mergesOf(ws);
  if (merges.length) sheet.merges = merges;
  if (cellStyles.size) sheet.cellStyles = cellStyles;
  if (followUp) sheet.followUp = true;
  return sheet;
}

/** Indent and bold of a cell, when it has either. */
function cellStyleOf(cell: ExcelJS.Cell): CellStyle | null {
  const st = cell.style as Partial<ExcelJS.Style> | undefined;
  const indent = st?.alignment?.indent;
  const bold = st?.font?.bold === true;
  if (!(typeof indent === "number" && indent > 0) && !bold) return null;
  const out: CellStyle = {};
  if (typeof indent === "number" && indent > 0) out.indent = indent;
  if (bold) out.bold = true;
  return out;
}

/** The merged ranges as ExcelJS loaded them, in the file's order (its `_merges` by master cell). */
function mergesOf(ws: ExcelJS.Worksheet): GridTable[] {
  const merges = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
  return Object.values(merges).map(({ model: m }) => ({ name: "", top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

/** Hidden columns within the used width (hiding the unused columns to the right is common and means nothing). */
function hiddenColumnsOf(ws: ExcelJS.Worksheet, width: number): number[] {
  const hidden: number[] = [];
  // `columns` is the array ExcelJS loaded (or null); getColumn() would create missing ones.
  const columns = (ws.columns ?? []) as ExcelJS.Column[];
  const n = Math.min(columns.length, width);
  for (let c = 0; c < n; c++) if (columns[c]?.hidden) hidden.push(c);
  return hidden;
}

function tablesOf(ws: ExcelJS.Worksheet): GridTable[] {
  const out: GridTable[] = [];
  // The typings of getTables() are wrong in ExcelJS 4.4: it returns Table objects whose
  // `model` is the table's definition ({ name, displayName, tableRef, ... }).
  for (const t of ws.getTables() as unknown as { model?: TableLike; table?: TableLike }[]) {
    const model = t.model ?? t.table;
    const ref = model?.tableRef;
    if (!model || !ref) continue;
    const [from, to = from] = ref.split(":");
    const tl = parseA1(from);
    const br = parseA1(to);
    if (!tl || !br) continue;
    out.push({
      name: model.displayName || model.name || "",
      top: Math.min(tl.row, br.row),
      left: Math.min(tl.col, br.col),
      bottom: Math.max(tl.row, br.row),
      right: Math.max(tl.col, br.col),
    });
  }
  return out;
}
