import { createHash } from "crypto";
import { columnLetters } from "../../workbook/cells";
import type { PatternRow, PlanCell, RowPattern, SheetPlan, StyleName } from "../../workbook/plan";
import { type PlanRow, planRowHeight } from "../../workbook/plans/grid";
import type { Deflater } from "./zipWrite";

/**
 * The cells of a sheet plan as worksheet XML (<sheetData>), written directly instead of through
 * ExcelJS's cell objects: on a 200 000-row follow-up that was most of the command's time and
 * memory. The cells are what ExcelJS 4.4 writes for the same plan (write.test.ts compares the
 * two): text never a formula; a formula with its cached result (t="str" for text, t="b" for a
 * boolean); numbers as JavaScript prints them. Beyond ExcelJS: a run of one formula down a column
 * as a shared formula, and a streamed plan's rows written as they are made (PlanStream).
 */

/** Excel's limit on the text in one cell. */
export const MAX_CELL_TEXT = 32_767;

const NEEDS_ESCAPE = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPES = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITY: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };

/** Text for XML content, as ExcelJS escapes it: the five entities, and the control characters XML 1.0 forbids dropped. */
export function xmlText(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPES, (c) => ENTITY[c] ?? "") : s;
}

const CHUNK_BYTES = 4 << 20;
/** Characters of text joined before they are encoded: one call per row costs more than the row. */
const PENDING_CHARS = 1 << 16;
/** Chunks given to the Deflater and not yet compressed, at most: each holds CHUNK_BYTES until it is. */
const MAX_CHUNKS_IN_FLIGHT = 2;

/**
 * Text encoded straight into buffers of a few mebibytes, so that no string grows with the sheet;
 * full buffers go to the Deflater when there is one (compressed while the rest is written), else
 * they are kept in `chunks`.
 */
export class ChunkWriter {
  readonly chunks: Buffer[] = [];
  private buffer: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(private readonly deflater: Deflater | null = null) {}

  /** Text not yet encoded: short pieces are joined first and encoded in one call. */
  private pending = "";

  write(s: string): void {
    this.pending += s;
    if (this.pending.length >= PENDING_CHARS) this.encode();
  }

  /**
   * Makes room for `bytes` more bytes straight in the buffer (put, putDigits): pending text is
   * encoded first, and a full buffer goes on. A hot loop writes its pieces this way instead of
   * joining strings, which V8 must then flatten and encode again.
   */
  room(bytes: number): void {
    if (this.pending !== "") this.encode();
    if (this.used + bytes > this.buffer.length) this.emit(false);
  }

  /** Text straight into the buffer, ASCII byte by byte; within the room asked for (three bytes a UTF-16 unit). */
  put(s: string): void {
    const b = this.buffer;
    let p = this.used;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.used = p + b.write(s.slice(i), p, "utf8");
        return;
      }
      b[p++] = c;
    }
    this.used = p;
  }

  /** A non-negative integer's digits straight into the buffer, within the room asked for. */
  putDigits(v: number): void {
    const b = this.buffer;
    let digits = 1;
    for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
    let p = this.used + digits;
    this.used = p;
    let t = v;
    do {
      const q = Math.floor(t / 10);
      b[--p] = 48 + (t - q * 10);
      t = q;
    } while (t > 0);
  }

  /**
   * A number's text as String(v) prints it (numberText), its digits straight into the buffer for
   * an amount with at most four decimals, within the room asked for (32 bytes are enough).
   */
  putNumber(v: number): void {
    if (Number.isInteger(v)) {
      if (v > -1e15 && v < 1e15) {
        if (v < 0) this.buffer[this.used++] = 45;
        this.putDigits(v < 0 ? -v : v);
      } else this.put(String(v));
      return;
    }
    const d = fewDecimals(v);
    if (d === 0) {
      this.put(String(v));
      return;
    }
    const p = POWERS_OF_TEN[d];
    const n = Math.round(v * p);
    const a = n < 0 ? -n : n;
    const whole = Math.floor(a / p);
    if (n < 0) this.buffer[this.used++] = 45;
    this.putDigits(whole);
    this.buffer[this.used++] = 46;
    // The decimals, zero-padded to d digits.
    const b = this.buffer;
    let frac = a - whole * p;
    let at = this.used + d;
    this.used = at;
    for (let k = 0; k < d; k++) {
      const q = Math.floor(frac / 10);
      b[--at] = 48 + (frac - q * 10);
      frac = q;
    }
  }

  private encode(): void {
    const s = this.pending;
    this.pending = "";
    if (s === "") return;
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.used + 3 * s.length > this.buffer.length) {
      this.emit(false);
      if (3 * s.length > this.buffer.length) {
        this.send(Buffer.from(s, "utf8"), false);
        return;
      }
    }
    this.used += this.buffer.write(s, this.used, "utf8");
  }

  /** Whether the Deflater has more chunks in hand than it should: then drain() before writing on. */
  get mustWait(): boolean {
    return this.deflater !== null && this.deflater.backlog > MAX_CHUNKS_IN_FLIGHT;
  }

  async drain(): Promise<void> {
    await this.deflater?.settle(MAX_CHUNKS_IN_FLIGHT);
  }

  /** Ends the text; returns the chunks (empty when they went to the Deflater). */
  flush(): Buffer[] {
    this.encode();
    this.emit(true);
    return this.chunks;
  }

  private emit(final: boolean): void {
    if (this.used === 0 && !(final && this.deflater)) return;
    const whole = this.buffer;
    const full = whole.subarray(0, this.used);
    // A buffer the Deflater is done with is written again: a new one costs its pages each time.
    this.buffer = final ? Buffer.alloc(0) : (this.deflater?.spare() ?? Buffer.allocUnsafe(CHUNK_BYTES));
    this.used = 0;
    this.send(full, final, whole);
  }

  private send(chunk: Buffer, final: boolean, whole?: Buffer): void {
    if (this.deflater) this.deflater.push(chunk, final, whole);
    else if (chunk.length > 0) this.chunks.push(chunk);
  }
}

/** The strings the plans add to the workbook's shared-string table, after the ones already in it. */
export class SharedStringTable {
  readonly added: string[] = [];
  /** Cells that refer to an added string. */
  references = 0;
  private readonly byText = new Map<string, number>();

  /** `first`: the strings already in the table, before the added ones. */
  constructor(readonly first: number) {}

  index(text: string): number {
    this.references++;
    let i = this.byText.get(text);
    if (i === undefined) {
      i = this.first + this.added.length;
      this.byText.set(text, i);
      this.added.push(text);
    }
    return i;
  }

  /** The <si> element of a string. */
  element(s: string): string {
    return /^\s|\n|\s$/.test(s) ? `<si><t xml:space="preserve">${xmlText(s)}</t></si>` : `<si><t>${xmlText(s)}</t></si>`;
  }
}

/** The key of a cell's look: its named styles in order and its number format. */
export function styleKey(names: readonly string[] | undefined, numFmt: string | undefined): string {
  return names === undefined || names.length === 0 ? (numFmt ? `|${numFmt}` : "") : `${names.join(",")}|${numFmt ?? ""}`;
}

function plainValue(v: PlanCell["v"]): string | number | boolean | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v;
  return v;
}

const POWERS_OF_TEN = [1, 10, 100, 1000, 10000];

/**
 * A number as JavaScript prints it (String(v)), made without V8's general conversion for the
 * common case of an amount with at most four decimals: n / 10^d === v means the decimal n·10^-d
 * is the double v, and with at most 15 digits no other decimal as short is; the smallest such d
 * gives the shortest text, which is what String(v) prints. Twice as fast on a ledger's figures.
 */
export function numberText(v: number): string {
  const d = Number.isInteger(v) ? 0 : fewDecimals(v);
  if (d === 0) return String(v);
  const p = POWERS_OF_TEN[d];
  const n = Math.round(v * p);
  const a = n < 0 ? -n : n;
  const whole = Math.floor(a / p);
  const frac = String(a - whole * p);
  return `${n < 0 ? "-" : ""}${whole}.${frac.length < d ? "0".repeat(d - frac.length) + frac : frac}`;
}

/** The fewest decimals (1 to 4) that give the non-integer `v` exactly (see numberText); 0 for none. */
function fewDecimals(v: number): number {
  if (!(v > -1e11 && v < 1e11)) return 0;
  for (let d = 1; d <= 4; d++) {
    const p = POWERS_OF_TEN[d];
    if (Math.round(v * p) / p === v) return d;
  }
  return 0;
}

/** Text that needs more than copying into <t>: an entity, a control character, or spaces to keep. */
const SPECIAL_TEXT = /[<>&'"\x00-\x1F\x7F]|^\s|\s$/;

/** A text cell's <is> element, keeping leading and trailing spaces as Excel wants to be told. */
function inlineText(s: string): string {
  if (!SPECIAL_TEXT.test(s)) return `<is><t>${s}</t></is>`;
  return /^\s|\n|\s$/.test(s) ? `<is><t xml:space="preserve">${xmlText(s)}</t></is>` : `<is><t>${xmlText(s)}</t></is>`;
}

/** The cellXfs index of a look, by its key; a look not known yet may be added as it is met. */
export type StyleIds = ReadonlyMap<string, number> | ((key: string, names: readonly StyleName[] | undefined, numFmt: string | undefined) => number);

/** The cellXfs index of a cell's look, found without building its key for the common cases. */
class StyleLookup {
  private readonly byFormat = new Map<string, number>();
  private readonly byName = new Map<string, Map<string, number>>();
  private readonly resolve: (key: string, names: readonly StyleName[] | undefined, numFmt: string | undefined) => number;

  constructor(ids: StyleIds) {
    this.resolve = typeof ids === "function" ? ids : (key) => ids.get(key) ?? 0;
  }

  of(cell: PlanCell): number {
    const names = cell.styles;
    const format = cell.numFmt ?? "";
    if (names === undefined || names.length === 0) {
      if (format === "") return 0;
      let s = this.byFormat.get(format);
      if (s === undefined) this.byFormat.set(format, (s = this.resolve(styleKey(names, cell.numFmt), names, cell.numFmt)));
      return s;
    }
    if (names.length > 1) return this.resolve(styleKey(names, cell.numFmt), names, cell.numFmt);
    let formats = this.byName.get(names[0]);
    if (formats === undefined) this.byName.set(names[0], (formats = new Map()));
    let s = formats.get(format);
    if (s === undefined) formats.set(format, (s = this.resolve(styleKey(names, cell.numFmt), names, cell.numFmt)));
    return s;
  }
}

/**
 * A formula run (PlanCell.fill) is written as one shared formula ([ECMA-376] 18.3.1.40) when that
 * is shorter: `<f t="shared" si="n"/>` instead of the formula in each cell.
 */
const SHARED_REFERENCE_LENGTH = '<f t="shared" si="000"/>'.length;

/** The shared formulas of one sheet: per column, the run the next cells belong to. */
class SharedFormulas {
  private readonly runs: ({ last: number; xml: string } | undefined)[] = [];
  private next = 0;

  /** The <f> of a cell in column `c`, 0-based row `r`, inside a run; null outside one. */
  within(c: number, r: number): string | null {
    const run = this.runs[c];
    return run !== undefined && r <= run.last ? run.xml : null;
  }

  /** The <f> of a cell outside a run: the start of one when `fill` cells below share it and that is shorter. */
  start(c: number, r: number, l: string, n: number, formula: string, fill: number | undefined): string {
    const code = xmlText(formula.charCodeAt(0) === 61 ? formula.slice(1) : formula);
    if (!fill || code.length + 7 <= SHARED_REFERENCE_LENGTH) return `<f>${code}</f>`;
    const si = this.next++;
    this.runs[c] = { last: r + fill, xml: `<f t="shared" si="${si}"/>` };
    return `<f t="shared" ref="${l}${n}:${l}${n + fill}" si="${si}">${code}</f>`;
  }
}

/**
 * A cell's element from its parts: `ref` its r attribute or "", `f` its <f> element or "", `v` its
 * value (a formula's cached result). "" for an empty cell without a look.
 */
function cellXml(ref: string, s: number, f: string, v: string | number | boolean | null, strings: SharedStringTable | null): string {
  let body: string;
  let type = "";
  if (f !== "") {
    if (v === null) body = f;
    else if (typeof v === "string") {
      type = ' t="str"';
      body = `${f}<v>${xmlText(v)}</v>`;
    } else if (typeof v === "boolean") {
      type = ' t="b"';
      body = `${f}<v>${v ? 1 : 0}</v>`;
    } else body = `${f}<v>${numberText(v)}</v>`;
  } else if (v === null) {
    if (s === 0) return "";
    body = "";
  } else if (typeof v === "string") {
    if (strings === null) {
      type = ' t="inlineStr"';
      body = inlineText(v);
    } else {
      type = ' t="s"';
      body = `<v>${strings.index(v)}</v>`;
    }
  } else if (typeof v === "boolean") {
    type = ' t="b"';
    body = `<v>${v ? 1 : 0}</v>`;
  } else body = `<v>${numberText(v)}</v>`;
  const open = s !== 0 ? `<c${ref} s="${s}"${type}` : `<c${ref}${type}`;
  return body === "" ? `${open}/>` : `${open}>${body}</c>`;
}

/** A column of a row pattern, with the parts of its cells' XML that do not change from row to row. */
interface PatternColumn {
  c: number;
  l: string;
  /** The cellXfs index; for an empty value cell its look's attribute (` s="5"`), or null for no cell. */
  id: number;
  empty: string | null;
  formula?: (n: number) => string;
  /** The cell's XML up to its row number (`<c r="B`), and after it: with its look (`" s="5">`), or empty (`" s="5"/>`). */
  open: string;
  close: string;
  closeEmpty: string;
  /** After the row number of a text cell in the shared-string table: up to its index (`" s="5" t="s"><v>`). */
  closeShared: string;
}

function compilePattern(pattern: RowPattern, styles: StyleLookup, letter: (c: number) => string): PatternColumn[] {
  const out: PatternColumn[] = [];
  pattern.cells.forEach((p, c) => {
    if (!p) return;
    const id = styles.of({ v: null, styles: p.styles, numFmt: p.numFmt });
    // A value cell without a value keeps no number format (as expandPatternRow gives it).
    const emptyId = p.formula ? id : styles.of({ v: null, styles: p.styles });
    const l = letter(c);
    const sAttr = id !== 0 ? ` s="${id}"` : "";
    const empty = emptyId !== 0 ? ` s="${emptyId}"` : null;
    out.push({ c, l, id, empty, ...(p.formula ? { formula: p.formula } : {}), open: `<c r="${l}`, close: `"${sAttr}>`, closeEmpty: `"${empty ?? ""}/>`, closeShared: `"${sAttr} t="s"><v>` });
  });
  return out;
}

/** Bytes enough for a cell of a pattern row around its formula: its place, look and a number's value. */
const CELL_ROOM = 128;

/**
 * A patterned row written straight into the writer's buffer, piece by piece: on a city's ledger
 * these are almost all of the sheet's bytes, and joining them as strings first cost more than the
 * rest of the write. The cells are those of cellXml for the row's expanded cells; a cell that is
 * not a number (text, a formula's text or truth value) is made by cellXml itself.
 */
function writePatternRow(
  out: ChunkWriter,
  columns: readonly PatternColumn[],
  values: PatternRow["values"],
  fills: PatternRow["fills"],
  shared: SharedFormulas,
  strings: SharedStringTable | null,
  r: number,
  height: number | undefined,
): void {
  const n = r + 1;
  let opened = false;
  for (const col of columns) {
    const c = col.c;
    const v = plainValue(values[c] ?? null);
    if (v === null && !col.formula && col.empty === null) continue;
    if (!opened) {
      opened = true;
      out.room(CELL_ROOM);
      out.put('<row r="');
      out.putDigits(n);
      out.put(height ? `" ht="${height}" customHeight="1">` : '">');
    }
    const f = col.formula ? (shared.within(c, r) ?? shared.start(c, r, col.l, n, col.formula(n), fills?.[c])) : "";
    if (typeof v === "number" || v === null) {
      out.room(CELL_ROOM + 3 * f.length);
      out.put(col.open);
      out.putDigits(n);
      if (v === null && f === "") {
        out.put(col.closeEmpty);
        continue;
      }
      out.put(col.close);
      out.put(f);
      if (v !== null) {
        out.put("<v>");
        out.putNumber(v);
        out.put("</v>");
      }
      out.put("</c>");
      continue;
    }
    if (typeof v === "string" && f === "" && strings !== null) {
      out.room(CELL_ROOM);
      out.put(col.open);
      out.putDigits(n);
      out.put(col.closeShared);
      out.putDigits(strings.index(v));
      out.put("</v></c>");
      continue;
    }
    const xml = cellXml(` r="${col.l}${n}"`, col.id, f, v, strings);
    out.room(3 * xml.length);
    out.put(xml);
  }
  if (opened) {
    out.room(8);
    out.put("</row>");
  }
}

/**
 * Writes the plan's <sheetData> element. `styleIds` gives the cellXfs index of each style key
 * (a key it lacks, and "", have none). Text goes into the shared-string table when one is given,
 * else into the cell (t="inlineStr"). A patterned row is written from its values, its pattern's
 * looks looked up once.
 */
export async function writeSheetData(out: ChunkWriter, plan: SheetPlan, styleIds: StyleIds, strings: SharedStringTable | null): Promise<void> {
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= columnLetters(c));
  const styles = new StyleLookup(styleIds);
  const shared = new SharedFormulas();
  const compiled = new Map<RowPattern, PatternColumn[]>();
  const widths = plan.columnWidths;
  const heights = plan.stream ? null : plan.rowHeights;
  const rows: Iterable<readonly (PlanCell | null)[] | PatternRow | undefined> = plan.stream ? plan.stream.patterned() : plan.rows;
  out.write("<sheetData>");
  let r = -1;
  for (const cells of rows) {
    r++;
    // The compressor frees what it has done only when this gives way.
    if (out.mustWait) await out.drain();
    if (!cells) continue;
    const height = heights ? heights[r] : planRowHeight(cells as PlanRow | PatternRow, widths);
    const n = r + 1;
    let row = "";
    if (Array.isArray(cells)) {
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell) continue;
        const l = letter(c);
        const formula = cell.f;
        const f = formula === undefined || formula === "" ? "" : (shared.within(c, r) ?? shared.start(c, r, l, n, formula, cell.fill));
        // Every cell names its place: r is optional in [ECMA-376] 18.3.1.4, but ExcelJS 4.4,
        // EPPlus and ClosedXML cannot read a cell without it.
        row += cellXml(` r="${l}${n}"`, styles.of(cell), f, plainValue(cell.v), strings);
      }
    } else {
      const { pattern, values, fills } = cells as PatternRow;
      let columns = compiled.get(pattern);
      if (columns === undefined) compiled.set(pattern, (columns = compilePattern(pattern, styles, letter)));
      writePatternRow(out, columns, values, fills, shared, strings, r, height);
      continue;
    }
    if (row !== "") out.write(height ? `<row r="${n}" ht="${height}" customHeight="1">${row}</row>` : `<row r="${n}">${row}</row>`);
  }
  out.write("</sheetData>");
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const X14_NS = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM_NS = "http://schemas.microsoft.com/office/excel/2006/main";

/**
 * [MS-XLSX] 2.6.30: with negativeBarColorSameAsPositive left at its default (false) the bar must
 * name its negative fill, and with the axis left automatic its axis colour; without them Excel
 * repairs the file. Deficits get Excel's own red bars left of a black axis.
 */
export const DATA_BAR_NEGATIVE_COLOR = "FF0000";
export const DATA_BAR_AXIS_COLOR = "000000";
const DATA_BAR_NEGATIVE_XML = `<x14:negativeFillColor rgb="FF${DATA_BAR_NEGATIVE_COLOR}"/><x14:axisColor rgb="FF${DATA_BAR_AXIS_COLOR}"/>`;

/** A data bar's link between its 2007 rule and its x14 extension: stable for the same sheet and rule. */
function dataBarId(sheet: string, i: number): string {
  const h = createHash("sha1").update(`${sheet}\u0000${i}`).digest("hex").toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`;
}

function paneXml(xSplit: number, ySplit: number): string {
  if (xSplit <= 0 && ySplit <= 0) return "";
  const pane = xSplit > 0 && ySplit > 0 ? "bottomRight" : xSplit > 0 ? "topRight" : "bottomLeft";
  const topLeft = `${columnLetters(Math.max(0, xSplit))}${Math.max(0, ySplit) + 1}`;
  const split = `${xSplit > 0 ? ` xSplit="${xSplit}"` : ""}${ySplit > 0 ? ` ySplit="${ySplit}"` : ""}`;
  return `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`;
}

/**
 * A whole worksheet part for a plan, text inline (t="inlineStr") unless `strings` is given: what
 * executePlan gives through ExcelJS (values, formulas with cached results, looks, widths, frozen
 * panes, data bars as Excel writes them, A4 page set-up fitted to the width, tab colour), for a
 * workbook whose other parts are kept as they are. `styleIds` gives each look's cellXfs index there.
 */
export async function writeWorksheet(
  out: ChunkWriter,
  plan: SheetPlan,
  styleIds: StyleIds,
  dimension: string,
  selected = false,
  strings: SharedStringTable | null = null,
): Promise<void> {
  out.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  out.write(`<sheetPr>${plan.tabColor ? `<tabColor rgb="${argbColor(plan.tabColor)}"/>` : ""}<pageSetUpPr fitToPage="1"/></sheetPr>`);
  out.write(`<dimension ref="${dimension}"/>`);
  out.write(`<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0">${paneXml(plan.freezeColumns ?? 0, plan.freezeRows)}</sheetView></sheetViews>`);
  out.write('<sheetFormatPr defaultRowHeight="15"/>');
  const cols = plan.columnWidths.map((w, c) => (w > 0 ? `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>` : "")).join("");
  if (cols) out.write(`<cols>${cols}</cols>`);
  await writeSheetData(out, plan, styleIds, strings);
  const bars = plan.conditionalFormats.map((rule, i) => ({ rule, id: dataBarId(plan.name, i), priority: i + 1 }));
  for (const { rule, id, priority } of bars) {
    out.write(
      `<conditionalFormatting sqref="${xmlText(rule.range)}"><cfRule type="dataBar" priority="${priority}"><dataBar><cfvo type="min"/><cfvo type="max"/>` +
        `<color rgb="${argbColor(rule.color)}"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14_NS}">` +
        `<x14:id>${id}</x14:id></ext></extLst></cfRule></conditionalFormatting>`,
    );
  }
  out.write('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  out.write(`<pageSetup paperSize="9" orientation="${plan.landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/>`);
  const hf = headerFooterCodes(plan);
  if (hf) out.write(`<headerFooter><oddHeader>${xmlText(hf.header)}</oddHeader><oddFooter>${xmlText(hf.footer)}</oddFooter></headerFooter>`);
  const breaks = pageBreakRows(plan);
  if (breaks.length > 0) {
    out.write(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((id) => `<brk id="${id}" max="16383" man="1"/>`).join("")}</rowBreaks>`);
  }
  if (bars.length > 0) {
    out.write(`<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>`);
    for (const { rule, id } of bars) {
      out.write(
        `<x14:conditionalFormatting xmlns:xm="${XM_NS}"><x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" gradient="0">` +
          `<x14:cfvo type="min"/><x14:cfvo type="max"/>${DATA_BAR_NEGATIVE_XML}</x14:dataBar></x14:cfRule><xm:sqref>${xmlText(rule.range)}</xm:sqref></x14:conditionalFormatting>`,
      );
    }
    out.write("</x14:conditionalFormattings></ext></extLst>");
  }
  out.write("</worksheet>");
}

/** Text inside a header or footer code, where "&" starts a code and is doubled to be itself. */
function headerText(s: string): string {
  return s.replace(/&/g, "&&");
}

/** The footer's page numbers, as Excel's codes: "Sida 1 av 3". */
export const PAGE_NUMBER_CODE = "Sida &P av &N";

/** The plan's printed header and footer as Excel's codes (&L left, &C centre, &R right), or null. */
export function headerFooterCodes(plan: SheetPlan): { header: string; footer: string } | null {
  const hf = plan.headerFooter;
  if (!hf) return null;
  return {
    header: `&L${headerText(hf.headerLeft)}&R${headerText(hf.headerRight)}`,
    footer: `&L${headerText(hf.footerLeft)}&C${PAGE_NUMBER_CODE}`,
  };
}

/**
 * The ids of the plan's manual row breaks: a break with id n comes after the (1-based) row n, so
 * a page that starts at the 0-based row r has the break r.
 */
export function pageBreakRows(plan: SheetPlan): number[] {
  return [...new Set(plan.pageBreaksBefore ?? [])].filter((r) => r > 0).sort((a, b) => a - b);
}

/** "C00000", "#C00000" or "FFC00000" as ARGB. */
function argbColor(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  return hex.length === 8 ? hex : `FF${hex}`;
}

/** The bounds of the cells a plan writes (with a value, a formula or a look); "A1" for none. */
export function sheetDimension(plan: SheetPlan): string {
  // A streamed plan has its title in A1 and its header as wide as its widest row.
  if (plan.stream) return plan.stream.count <= 1 && plan.stream.width <= 1 ? "A1" : `A1:${columnLetters(Math.max(0, plan.stream.width - 1))}${plan.stream.count}`;
  let top = -1;
  let bottom = -1;
  let left = Number.MAX_SAFE_INTEGER;
  let right = -1;
  plan.rows.forEach((cells, r) => {
    if (!cells) return;
    cells.forEach((cell, c) => {
      if (!cell) return;
      const shown =
        (cell.f !== undefined && cell.f !== "") ||
        (cell.v !== null && !(typeof cell.v === "number" && !Number.isFinite(cell.v))) ||
        (cell.styles !== undefined && cell.styles.length > 0) ||
        (cell.numFmt !== undefined && cell.numFmt !== "");
      if (!shown) return;
      if (top < 0) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  if (top < 0) return "A1";
  const from = `${columnLetters(left)}${top + 1}`;
  const to = `${columnLetters(right)}${bottom + 1}`;
  return from === to ? from : `${from}:${to}`;
}
