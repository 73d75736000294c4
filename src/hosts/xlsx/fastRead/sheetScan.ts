import type { CellStyle, CellValue, GridTable } from "../../../workbook/cells";
import { columnLetters, percentCellText } from "../../../workbook/cells";
import { unescapeExcel, type XfInfo } from "./bookParts";
import { slideFormula } from "./sharedFormula";
import { attributes, decodeText, isTrue, latin1, nameIs, type XmlHandler } from "./xmlScan";
import { StructureError } from "./xmlScan";

/**
 * One worksheet part, scanned into the grid's rows as its bytes arrive. Each cell is read by the
 * rules of the ExcelJS path (read.ts), so that both give the same grid: a shared string by index,
 * a number with a date format as a date serial, a percent-formatted number as the text it shows,
 * a formula's text and its cached result, merged cells other than the top-left one empty.
 */

export interface SheetContext {
  strings: readonly string[];
  styles: readonly XfInfo[];
  date1904: boolean;
}

/** What a sheet part holds besides its rows, for the caller to resolve. */
export interface ScannedSheet {
  rows: CellValue[][];
  formulas: Map<string, string>;
  formulasWithoutValue: string[];
  hiddenRows: number[];
  hiddenColumns: number[];
  merges: GridTable[];
  cellStyles: Map<string, CellStyle>;
  /** Relationship ids of the sheet's table parts, in order. */
  tableParts: string[];
}

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;

const IN_NONE = 0;
const IN_V = 1;
const IN_F = 2;
const IN_INLINE_T = 3;
const IN_RUN_T = 4;

const MS_PER_DAY = 86_400_000;
const EPOCH_1970 = 25569;

/** The cell type attribute ("s", "str", "inlineStr", "b", "e"; anything else is a number) from its bytes. */
function typeCode(buf: Buffer, start: number, end: number): number {
  const len = end - start;
  const b = buf[start];
  if (len === 1) return b === 0x73 ? T_SHARED : b === 0x62 ? T_BOOL : b === 0x65 ? T_ERROR : T_NUMBER;
  if (len === 3 && nameIs(buf, start, end, "str")) return T_STR;
  if (len === 9 && nameIs(buf, start, end, "inlineStr")) return T_INLINE;
  return T_NUMBER;
}

/** A date serial as the ExcelJS path gives it: through a Date at millisecond precision, 1904 shifted. */
function dateSerial(v: number, date1904: boolean): CellValue {
  const ms = Math.round((v - EPOCH_1970 + (date1904 ? 1462 : 0)) * MS_PER_DAY);
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? { date: ms / MS_PER_DAY + EPOCH_1970 } : null;
}

/** ExcelJS decodes the XML entities of a "str" value a second time; so does this. */
function decodeAgain(s: string): string {
  return s.includes("&") ? s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? _m) : s;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_v, k) => 10 ** k);

/**
 * A plain decimal ("-12", "1297.1") of at most 15 digits as a number; NaN when it is anything
 * else (then parseFloat decides). Exact: digits and 10^k below 2^53 are exact doubles, and one
 * division of exact doubles is correctly rounded, as parseFloat is.
 */
function plainNumber(buf: Buffer, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (buf[i] === 0x2d) {
    negative = true;
    i++;
  }
  if (i >= end || end - i > 16) return NaN;
  let n = 0;
  let digits = 0;
  let point = -1;
  for (; i < end; i++) {
    const d = buf[i] - 0x30;
    if (d >= 0 && d <= 9) {
      n = n * 10 + d;
      digits++;
    } else if (d === -2 && point < 0) point = digits;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || point === digits) return NaN;
  const v = point < 0 ? n : n / POWERS_OF_TEN[digits - point];
  return negative ? -v : v;
}

/** A style index: digits only, else 0. */
function plainIndex(buf: Buffer, start: number, end: number): number {
  if (end - start > 9) return 0;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  return n;
}

interface SharedMaster {
  formula: string;
  row: number;
  col: number;
}

export class SheetHandler implements XmlHandler {
  wantText = false;
  private rows: CellValue[][] = [];
  private readonly formulas = new Map<string, string>();
  private readonly formulasWithoutValue: string[] = [];
  private readonly cellStyles = new Map<string, CellStyle>();
  private readonly merges: GridTable[] = [];
  private readonly hiddenRowFlags: number[] = [];
  private readonly hiddenColumnRanges: [number, number][] = [];
  private readonly tableParts: string[] = [];
  private readonly shared = new Map<string, SharedMaster>();
  private readonly letters: string[] = [];
  private readonly styleObjects: CellStyle[] = [];

  private inSheetData = false;
  private section = "";
  private rowIndex = -1;
  /** The row being read, reused from row to row: each row of the grid is its exact-size copy. */
  private readonly out: CellValue[] = [];
  private outLength = 0;
  private present = false;

  private col = -1;
  private styleId = 0;
  private type = T_NUMBER;
  private into = IN_NONE;
  private value: string | undefined;
  private number = NaN;
  private formula: string | undefined;
  private shareType: string | undefined;
  private shareIndex: string | undefined;
  private shareRef: string | undefined;
  private inline: string | undefined;
  private runs: string[] | null = null;
  private run = "";
  private inRun = false;
  private phonetic = 0;

  constructor(private readonly ctx: SheetContext) {}

  open(buf: Buffer, name: number, nameEnd: number, attrEnd: number, empty: boolean, attrs: Int32Array, attrCount: number): void {
    const len = nameEnd - name;
    if (this.inSheetData) {
      const b = buf[name];
      if (len === 1) {
        if (b === 0x63 /* c */) return this.openCell(buf, attrs, attrCount, empty);
        if (b === 0x76 /* v */) {
          if (!empty && this.phonetic === 0) this.startText(IN_V);
          return;
        }
        if (b === 0x66 /* f */) return this.openFormula(buf, nameEnd, attrEnd, empty);
        if (b === 0x74 /* t */) {
          if (!empty && this.phonetic === 0) this.startText(this.inRun ? IN_RUN_T : IN_INLINE_T);
          return;
        }
        if (b === 0x72 /* r */) {
          if (!empty) {
            this.runs ??= [];
            this.inRun = true;
            this.run = "";
          }
          return;
        }
        return;
      }
      if (len === 3 && b === 0x72 && nameIs(buf, name, nameEnd, "row")) return this.openRow(buf, attrs, attrCount, empty);
      if (len === 3 && nameIs(buf, name, nameEnd, "rPh") && !empty) this.phonetic++;
      return;
    }
    const tag = latin1(buf, name, nameEnd);
    switch (tag) {
      case "sheetData":
        this.inSheetData = !empty;
        return;
      case "cols":
      case "mergeCells":
      case "tableParts":
        if (!empty) this.section = tag;
        return;
      case "col":
        if (this.section === "cols") {
          const a = attributes(buf, nameEnd, attrEnd);
          if (isTrue(a.get("hidden"))) {
            const min = parseInt(a.get("min") ?? "", 10);
            const max = parseInt(a.get("max") ?? "", 10);
            if (min >= 1 && max >= min) this.hiddenColumnRanges.push([min - 1, max - 1]);
          }
        }
        return;
      case "mergeCell":
        if (this.section === "mergeCells") this.addMerge(attributes(buf, nameEnd, attrEnd).get("ref"));
        return;
      case "tablePart":
        if (this.section === "tableParts") {
          const id = attributes(buf, nameEnd, attrEnd).get("id");
          if (id !== undefined) this.tableParts.push(id);
        }
        return;
      default:
    }
  }

  close(buf: Buffer, name: number, nameEnd: number): void {
    const len = nameEnd - name;
    if (this.inSheetData) {
      const b = buf[name];
      if (len === 1) {
        if (b === 0x63) this.closeCell();
        else if (b === 0x74 || b === 0x76 || b === 0x66) {
          if (this.into === IN_RUN_T) {
            this.runs!.push(unescapeExcel(this.run));
            this.run = "";
          }
          this.into = IN_NONE;
          this.wantText = false;
        } else if (b === 0x72) this.inRun = false;
        return;
      }
      if (len === 3 && b === 0x72 && nameIs(buf, name, nameEnd, "row")) this.closeRow();
      else if (len === 3 && nameIs(buf, name, nameEnd, "rPh")) this.phonetic--;
      else if (nameIs(buf, name, nameEnd, "sheetData")) this.inSheetData = false;
      return;
    }
    if (nameIs(buf, name, nameEnd, this.section)) this.section = "";
  }

  text(buf: Buffer, start: number, end: number, cdata: boolean): void {
    switch (this.into) {
      case IN_V:
        if (this.value === undefined && Number.isNaN(this.number) && !cdata && (this.type === T_NUMBER || this.type === T_SHARED)) {
          this.number = plainNumber(buf, start, end);
          if (!Number.isNaN(this.number)) return;
        }
        if (!Number.isNaN(this.number)) {
          this.value = String(this.number);
          this.number = NaN;
        }
        this.value = (this.value ?? "") + decodeText(buf, start, end, cdata);
        return;
      case IN_F:
        this.formula = (this.formula ?? "") + decodeText(buf, start, end, cdata);
        return;
      case IN_INLINE_T:
        this.inline = (this.inline ?? "") + decodeText(buf, start, end, cdata);
        return;
      case IN_RUN_T:
        this.run += decodeText(buf, start, end, cdata);
        return;
      default:
    }
  }

  private startText(into: number): void {
    this.into = into;
    this.wantText = true;
  }

  private openRow(buf: Buffer, at: Int32Array, count: number, empty: boolean): void {
    let r = this.rowIndex + 1;
    let hidden = false;
    for (let k = 0; k < count * 4; k += 4) {
      const ns = at[k];
      const ne = at[k + 1];
      const vs = at[k + 2];
      const ve = at[k + 3];
      if (ne - ns === 1 && buf[ns] === 0x72 /* r */) {
        const n = plainIndex(buf, vs, ve);
        if (n >= 1) r = n - 1;
      } else if (ne - ns === 6 && nameIs(buf, ns, ne, "hidden")) {
        hidden = isTrue(latin1(buf, vs, ve));
      }
    }
    this.rowIndex = r;
    if (hidden) this.hiddenRowFlags.push(r);
    this.outLength = 0;
    this.present = false;
    this.col = -1;
    if (empty) this.closeRow();
  }

  private closeRow(): void {
    // A row without a value or formula is not a row of the grid (as ExcelJS's eachRow skips it).
    if (!this.present) return;
    const out = this.out;
    let length = this.outLength;
    while (length > 0 && out[length - 1] === null) length--;
    this.rows[this.rowIndex] = out.slice(0, length);
  }

  private openCell(buf: Buffer, at: Int32Array, count: number, empty: boolean): void {
    let col = this.col + 1;
    let style = 0;
    let type = T_NUMBER;
    for (let k = 0; k < count * 4; k += 4) {
      const ns = at[k];
      if (at[k + 1] - ns !== 1) continue;
      const vs = at[k + 2];
      const ve = at[k + 3];
      const an = buf[ns];
      if (an === 0x72 /* r */) {
        let c = 0;
        for (let j = vs; j < ve; j++) {
          const ch = buf[j] | 0x20;
          if (ch < 0x61 || ch > 0x7a) break;
          c = c * 26 + (ch - 0x60);
        }
        if (c > 0) col = c - 1;
      } else if (an === 0x73 /* s */) {
        style = plainIndex(buf, vs, ve);
      } else if (an === 0x74 /* t */) {
        type = typeCode(buf, vs, ve);
      }
    }
    this.col = col;
    this.styleId = style;
    this.type = type;
    this.value = undefined;
    this.number = NaN;
    this.formula = undefined;
    this.shareType = undefined;
    this.shareIndex = undefined;
    this.shareRef = undefined;
    this.inline = undefined;
    this.runs = null;
    this.inRun = false;
    if (empty) this.closeCell();
  }

  private openFormula(buf: Buffer, nameEnd: number, attrEnd: number, empty: boolean): void {
    if (nameEnd < attrEnd) {
      const a = attributes(buf, nameEnd, attrEnd);
      this.shareType = a.get("t");
      this.shareIndex = a.get("si");
      this.shareRef = a.get("ref");
    }
    if (!empty) this.startText(IN_F);
  }

  private address(r: number, c: number): string {
    let l = this.letters[c];
    if (l === undefined) {
      l = columnLetters(c);
      this.letters[c] = l;
    }
    return l + (r + 1);
  }

  private closeCell(): void {
    const r = this.rowIndex;
    const c = this.col;
    const xf = this.styleId > 0 ? this.ctx.styles[this.styleId] : undefined;
    const hasValue = !Number.isNaN(this.number) || this.value !== undefined || this.inline !== undefined || this.runs !== null;
    let value: CellValue;
    if (this.formula || this.shareType) {
      const at = this.address(r, c);
      let formula = this.formula;
      if (this.shareType === "shared" && this.shareIndex !== undefined) {
        if (this.shareRef !== undefined) {
          if (formula) this.shared.set(this.shareIndex, { formula, row: r, col: c });
        } else if (!formula) {
          const master = this.shared.get(this.shareIndex);
          if (master) formula = slideFormula(master.formula, r - master.row, c - master.col);
        }
      }
      if (formula) this.formulas.set(at, formula);
      if (this.value === undefined ? Number.isNaN(this.number) : this.value === "") {
        value = null;
        this.formulasWithoutValue.push(at);
      } else {
        value = this.result(xf);
      }
    } else if (!hasValue) {
      // A cell with only a style (or nothing) holds no value and makes no row.
      return;
    } else {
      value = this.plain(xf);
    }
    this.present = true;
    const out = this.out;
    for (let k = this.outLength; k < c; k++) out[k] = null;
    out[c] = value;
    if (c >= this.outLength) this.outLength = c + 1;
    if (xf !== undefined && (xf.bold || xf.indent > 0)) {
      // One object per style, shared by its cells: a ledger indents most of its name column.
      let style = this.styleObjects[this.styleId];
      if (style === undefined) {
        style = {};
        if (xf.indent > 0) style.indent = xf.indent;
        if (xf.bold) style.bold = true;
        this.styleObjects[this.styleId] = style;
      }
      this.cellStyles.set(this.address(r, c), style);
    }
  }

  /** A formula's cached result, by the cell's type. */
  private result(xf: XfInfo | undefined): CellValue {
    const raw = this.value ?? String(this.number);
    let v: number | string | boolean | { error: string };
    switch (this.type) {
      case T_STR:
        v = decodeAgain(raw);
        break;
      case T_BOOL:
        v = parseInt(raw, 10) !== 0;
        break;
      case T_ERROR:
        v = { error: raw };
        break;
      default:
        v = this.value === undefined ? this.number : parseFloat(raw);
    }
    if (xf?.format === 2) return dateSerial(typeof v === "object" ? NaN : Number(v), this.ctx.date1904);
    return v;
  }

  private plain(xf: XfInfo | undefined): CellValue {
    switch (this.type) {
      case T_SHARED: {
        const index = Number.isNaN(this.number) ? parseInt(this.value ?? "", 10) : Number.isInteger(this.number) ? this.number : parseInt(String(this.number), 10);
        const s = this.ctx.strings[index];
        // ExcelJS breaks on an index past the shared strings; the ExcelJS path refused such a file.
        if (s === undefined) throw new StructureError();
        return s;
      }
      case T_STR:
        return decodeAgain(this.value ?? "");
      case T_INLINE:
        if (this.runs !== null) return this.runs.join("");
        return this.inline ?? this.value ?? "";
      case T_BOOL:
        return parseInt(this.value ?? String(this.number), 10) !== 0;
      case T_ERROR:
        return { error: this.value ?? String(this.number) };
      default: {
        const n = Number.isNaN(this.number) ? parseFloat(this.value ?? "") : this.number;
        if (xf?.format === 2) return dateSerial(n, this.ctx.date1904);
        return xf?.format === 1 ? percentCellText(n) : n;
      }
    }
  }

  private addMerge(ref: string | undefined): void {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref ?? "");
    if (!m) return;
    const colOf = (s: string) => {
      let n = 0;
      for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
      return n - 1;
    };
    const [r1, c1] = [Number(m[2]) - 1, colOf(m[1])];
    const [r2, c2] = m[3] ? [Number(m[4]) - 1, colOf(m[3])] : [r1, c1];
    if (r1 < 0 || r2 < 0) return;
    this.merges.push({ name: "", top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
  }

  /** The sheet, once its part has ended. */
  finish(): ScannedSheet {
    const rows = this.rows;
    // The handler may outlive the sheet a while (held by the inflater until it is closed): it lets go of the rows.
    this.rows = [];
    // Merged cells: the top-left one keeps its value, the others are empty; every row a merge
    // covers with a cell other than the top-left one is a row of the grid (as ExcelJS makes them).
    // Each merge costs the rows and cells it covers that hold something, so that many merges stay linear.
    const filled = rows.length;
    const covered: [number, number][] = [];
    for (const m of this.merges) {
      const firstRow = m.right > m.left ? m.top : m.top + 1;
      if (firstRow <= m.bottom) covered.push([firstRow, m.bottom]);
      const lastRow = Math.min(m.bottom, filled - 1);
      for (let r = firstRow; r <= lastRow; r++) {
        const row = rows[r];
        if (row === undefined || row.length <= m.left) continue;
        const last = Math.min(m.right, row.length - 1);
        let changed = false;
        for (let c = r === m.top ? m.left + 1 : m.left; c <= last; c++) {
          if (row[c] !== null) {
            row[c] = null;
            changed = true;
          }
        }
        if (changed) while (row.length > 0 && row[row.length - 1] === null) row.pop();
      }
    }
    covered.sort((a, b) => a[0] - b[0]);
    let next = 0;
    for (const [from, to] of covered) {
      for (let r = Math.max(from, next); r <= to; r++) rows[r] ??= [];
      next = Math.max(next, to + 1);
    }
    // Only a row of the grid is a hidden row (hiding empty rows means nothing).
    const hiddenRows = [...new Set(this.hiddenRowFlags.filter((r) => rows[r] !== undefined))].sort((a, b) => a - b);
    let width = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (row === undefined) rows[r] = [];
      else if (row.length > width) width = row.length;
    }
    const hiddenCols = new Uint8Array(width);
    for (const [min, max] of this.hiddenColumnRanges) for (let c = min; c <= max && c < width; c++) hiddenCols[c] = 1;
    const hiddenColumns: number[] = [];
    for (let c = 0; c < width; c++) if (hiddenCols[c]) hiddenColumns.push(c);
    return {
      rows,
      formulas: this.formulas,
      formulasWithoutValue: this.formulasWithoutValue,
      hiddenRows,
      hiddenColumns,
      merges: this.merges,
      cellStyles: this.cellStyles,
      tableParts: this.tableParts,
    };
  }
}
