import { createHash } from "crypto";
import { columnLetters } from "../../workbook/cells";
import type { PlanCell, SheetPlan } from "../../workbook/plan";
import type { Deflater } from "./zipWrite";

/**
 * The cells of a sheet plan as worksheet XML (<sheetData>), written directly instead of through
 * ExcelJS's cell objects: on a 200 000-row follow-up that was most of the command's time and
 * memory. The XML is what ExcelJS 4.4 writes for the same cells (write.test.ts compares the two):
 * text as shared strings, never a formula; a formula with its cached result (t="str" for text,
 * t="b" for a boolean); numbers as JavaScript prints them.
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

/**
 * Text encoded straight into buffers of a few mebibytes, so that no string grows with the sheet;
 * full buffers go to the Deflater when there is one (compressed while the rest is written), else
 * they are kept in `chunks`.
 */
export class ChunkWriter {
  readonly chunks: Buffer[] = [];
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(private readonly deflater: Deflater | null = null) {}

  write(s: string): void {
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

  /** Ends the text; returns the chunks (empty when they went to the Deflater). */
  flush(): Buffer[] {
    this.emit(true);
    return this.chunks;
  }

  private emit(final: boolean): void {
    if (this.used === 0 && !(final && this.deflater)) return;
    const full = this.buffer.subarray(0, this.used);
    this.buffer = final ? Buffer.alloc(0) : Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    this.send(full, final);
  }

  private send(chunk: Buffer, final: boolean): void {
    if (this.deflater) this.deflater.push(chunk, final);
    else if (chunk.length > 0) this.chunks.push(chunk);
  }
}

/** The strings the plans add to the workbook's shared-string table, after the ones already in it. */
export class SharedStringTable {
  readonly added: string[] = [];
  /** Cells that refer to an added string. */
  references = 0;
  private readonly byText = new Map<string, number>();

  constructor(private readonly first: number) {}

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

  /** The <si> elements of the added strings. */
  write(out: ChunkWriter): void {
    for (const s of this.added) out.write(/^\s|\n|\s$/.test(s) ? `<si><t xml:space="preserve">${xmlText(s)}</t></si>` : `<si><t>${xmlText(s)}</t></si>`);
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

/** Text that needs more than copying into <t>: an entity, a control character, or spaces to keep. */
const SPECIAL_TEXT = /[<>&'"\x00-\x1F\x7F]|^\s|\s$/;

/** A text cell's <is> element, keeping leading and trailing spaces as Excel wants to be told. */
function inlineText(s: string): string {
  if (!SPECIAL_TEXT.test(s)) return `<is><t>${s}</t></is>`;
  return /^\s|\n|\s$/.test(s) ? `<is><t xml:space="preserve">${xmlText(s)}</t></is>` : `<is><t>${xmlText(s)}</t></is>`;
}

/** The cellXfs index of a cell's look, found without building its key for the common cases. */
class StyleLookup {
  private readonly byFormat = new Map<string, number>();
  private readonly byName = new Map<string, Map<string, number>>();

  constructor(private readonly index: ReadonlyMap<string, number>) {}

  of(cell: PlanCell): number {
    const names = cell.styles;
    const format = cell.numFmt ?? "";
    if (names === undefined || names.length === 0) {
      if (format === "") return 0;
      let s = this.byFormat.get(format);
      if (s === undefined) this.byFormat.set(format, (s = this.index.get(styleKey(names, cell.numFmt)) ?? 0));
      return s;
    }
    if (names.length > 1) return this.index.get(styleKey(names, cell.numFmt)) ?? 0;
    let formats = this.byName.get(names[0]);
    if (formats === undefined) this.byName.set(names[0], (formats = new Map()));
    let s = formats.get(format);
    if (s === undefined) formats.set(format, (s = this.index.get(styleKey(names, cell.numFmt)) ?? 0));
    return s;
  }
}

/**
 * Writes the plan's <sheetData> element. `styleIndex` gives the cellXfs index of each style key
 * (a key it lacks, and "", have none). Text goes into the shared-string table when one is given,
 * else into the cell (t="inlineStr").
 */
export function writeSheetData(out: ChunkWriter, plan: SheetPlan, styleIndex: ReadonlyMap<string, number>, strings: SharedStringTable | null): void {
  const letters: string[] = [];
  const styles = new StyleLookup(styleIndex);
  out.write("<sheetData>");
  for (let r = 0; r < plan.rows.length; r++) {
    const cells = plan.rows[r];
    if (!cells || cells.length === 0) continue;
    const n = r + 1;
    let row = "";
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const s = styles.of(cell);
      let body: string;
      let type = "";
      const formula = cell.f;
      if (formula !== undefined && formula !== "") {
        const f = `<f>${xmlText(formula.charCodeAt(0) === 61 ? formula.slice(1) : formula)}</f>`;
        const result = plainValue(cell.v);
        if (result === null) body = f;
        else if (typeof result === "string") {
          type = ' t="str"';
          body = `${f}<v>${xmlText(result)}</v>`;
        } else if (typeof result === "boolean") {
          type = ' t="b"';
          body = `${f}<v>${result ? 1 : 0}</v>`;
        } else body = `${f}<v>${result}</v>`;
      } else {
        const value = plainValue(cell.v);
        if (value === null) {
          if (s === 0) continue;
          body = "";
        } else if (typeof value === "string") {
          if (strings === null) {
            type = ' t="inlineStr"';
            body = inlineText(value);
          } else {
            type = ' t="s"';
            body = `<v>${strings.index(value)}</v>`;
          }
        } else if (typeof value === "boolean") {
          type = ' t="b"';
          body = `<v>${value ? 1 : 0}</v>`;
        } else body = `<v>${value}</v>`;
      }
      let l = letters[c];
      if (l === undefined) l = letters[c] = columnLetters(c);
      const open = s !== 0 ? `<c r="${l}${n}" s="${s}"${type}` : `<c r="${l}${n}"${type}`;
      row += body === "" ? `${open}/>` : `${open}>${body}</c>`;
    }
    const height = plan.rowHeights?.[r];
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
 * A whole worksheet part for a plan, text inline (t="inlineStr"): what executePlan gives through
 * ExcelJS (values, formulas with cached results, looks, widths, frozen panes, data bars as Excel
 * writes them, A4 page set-up fitted to the width, tab colour), for a workbook whose other parts
 * are kept as they are. `styleIndex` gives each look's cellXfs index in that workbook.
 */
export function writeWorksheet(out: ChunkWriter, plan: SheetPlan, styleIndex: ReadonlyMap<string, number>, dimension: string, selected = false): void {
  out.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  out.write(`<sheetPr>${plan.tabColor ? `<tabColor rgb="${argbColor(plan.tabColor)}"/>` : ""}<pageSetUpPr fitToPage="1"/></sheetPr>`);
  out.write(`<dimension ref="${dimension}"/>`);
  out.write(`<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0">${paneXml(plan.freezeColumns ?? 0, plan.freezeRows)}</sheetView></sheetViews>`);
  out.write('<sheetFormatPr defaultRowHeight="15"/>');
  const cols = plan.columnWidths.map((w, c) => (w > 0 ? `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>` : "")).join("");
  if (cols) out.write(`<cols>${cols}</cols>`);
  writeSheetData(out, plan, styleIndex, null);
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
