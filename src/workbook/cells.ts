/**
 * A host-neutral picture of a workbook's cells. Each host (ExcelJS for .xlsx files, Office.js
 * inside Excel) turns what it reads into this shape; src/workbook/read turns it into the engine's
 * input. Nothing here knows about files or the Excel API.
 */

/** An Excel error value such as "#REF!" or "#N/A". */
export interface CellError {
  error: string;
}

/** A date cell, as its Excel serial number (days since 1899-12-30). */
export interface CellDate {
  date: number;
}

export type CellValue = null | number | string | boolean | CellError | CellDate;

export interface GridTable {
  name: string;
  /** 0-based inclusive bounds within the sheet. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The text formatting the reader looks at; absent fields mean "not indented" and "not bold". */
export interface CellStyle {
  indent?: number;
  bold?: boolean;
}

export interface SheetGrid {
  name: string;
  /** rows[r][c], 0-based; ragged rows are allowed (missing cells are empty). */
  rows: CellValue[][];
  /**
   * Formula text per cell, without the leading "=", where the cell holds a formula; sparse.
   * A formula cell with no cached value has value null and `formulaWithoutValue` set.
   */
  formulas?: Map<string, string>;
  /** A1 addresses of formula cells that had no cached value. */
  formulasWithoutValue?: string[];
  /** Excel tables (ListObjects) on the sheet. */
  tables?: GridTable[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /**
   * Merged ranges (0-based, inclusive). The master (top-left) cell holds the value; the reader
   * uses them to join two-row headers ("Prognos" merged above "T1 | T2"). DOMAIN.md 7a.
   */
  merges?: GridTable[];
  /**
   * Text formatting of cells that have some, sparse: A1 address → indent level and bold. The
   * reader uses it to tell a heading row from its parts (DOMAIN.md 7a, subtotals in the list).
   * The xlsx host gives it for every cell that has indent or bold; the Office host only for the
   * name columns of detected tables (ExcelApi 1.9), and not at all where that is missing, in
   * which case the reader falls back to the sum rule. Absent: no formatting known.
   */
  cellStyles?: Map<string, CellStyle>;
  /** True when Följsam wrote this sheet (it carries Följsam's mark). */
  followUp?: boolean;
}

export interface WorkbookGrid {
  /** The file name (or the workbook's name in Excel), used in messages. */
  source: string;
  sheets: SheetGrid[];
  /** Settings stored in the workbook itself (the add-in's settings), if any. */
  storedSettings?: unknown;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

export function isCellDate(v: CellValue): v is CellDate {
  return typeof v === "object" && v !== null && "date" in v;
}

export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;

/** 0-based column index to letters: 0 → "A", 27 → "AB". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row and column to an A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "AB12" → { row: 11, col: 27 } (0-based); null when it is not an address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Sheet name as written in a formula reference: quoted when needed, quotes doubled. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Whether a locale-invariant number format shows the number as a percentage ("0.0%", "0%").
 * A quoted or escaped "%" is a literal and does not scale the number, so it does not count.
 */
export function isPercentFormat(code: string | null | undefined): boolean {
  if (!code || !code.includes("%")) return false;
  const section = code.replace(/"[^"]*"/g, "").replace(/\\./g, "").split(";")[0];
  return section.includes("%");
}

/**
 * A number shown with a percent format, as the text a person sees: 0.864 → "86,4 %". Hosts pass
 * percent-formatted cells on this way, so that the reader knows the indicator is a percentage
 * and holds it as points (86,4), the same as a cell typed as text.
 */
export function percentCellText(value: number): string {
  const scaled = Number((value * 100).toPrecision(15));
  return `${String(scaled).replace(".", ",")} %`;
}
