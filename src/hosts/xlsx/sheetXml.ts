import { columnLetters } from "../../workbook/cells";
import type { PlanCell, SheetPlan } from "../../workbook/plan";

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

/** Text written into chunks of about a mebibyte, so that no string grows with the sheet. */
export class ChunkWriter {
  readonly chunks: Buffer[] = [];
  private text = "";

  write(s: string): void {
    this.text += s;
    if (this.text.length >= 1 << 20) this.flush();
  }

  flush(): Buffer[] {
    if (this.text.length > 0) this.chunks.push(Buffer.from(this.text, "utf8"));
    this.text = "";
    return this.chunks;
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

/**
 * Writes the plan's <sheetData> element and returns the sheet's dimension ("A1:K250").
 * `styleIndex` gives the cellXfs index ExcelJS assigned to each style key ("" has none).
 */
export function writeSheetData(out: ChunkWriter, plan: SheetPlan, styleIndex: ReadonlyMap<string, number>, strings: SharedStringTable): string {
  const letters: string[] = [];
  let top = -1;
  let bottom = -1;
  let left = Number.MAX_SAFE_INTEGER;
  let right = -1;
  out.write("<sheetData>");
  for (let r = 0; r < plan.rows.length; r++) {
    const cells = plan.rows[r];
    if (!cells || cells.length === 0) continue;
    const n = r + 1;
    let row = "";
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const key = styleKey(cell.styles, cell.numFmt);
      const s = key === "" ? 0 : (styleIndex.get(key) ?? 0);
      let body: string;
      let type = "";
      if (cell.f !== undefined && cell.f !== "") {
        const f = `<f>${xmlText(cell.f.replace(/^=/, ""))}</f>`;
        const result = plainValue(cell.v);
        if (result === null) body = f;
        else if (typeof result === "string") {
          type = ' t="str"';
          body = `${f}<v>${xmlText(result)}</v>`;
        } else if (typeof result === "boolean") {
          type = ' t="b"';
          body = `${f}<v>${result ? 1 : 0}</v>`;
        } else body = `${f}<v>${String(result)}</v>`;
      } else {
        const value = plainValue(cell.v);
        if (value === null) {
          if (s === 0) continue;
          body = "";
        } else if (typeof value === "string") {
          type = ' t="s"';
          body = `<v>${strings.index(value)}</v>`;
        } else if (typeof value === "boolean") {
          type = ' t="b"';
          body = `<v>${value ? 1 : 0}</v>`;
        } else body = `<v>${String(value)}</v>`;
      }
      let l = letters[c];
      if (l === undefined) l = letters[c] = columnLetters(c);
      const open = `<c r="${l}${n}"${s !== 0 ? ` s="${s}"` : ""}${type}`;
      row += body === "" ? `${open}/>` : `${open}>${body}</c>`;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    if (row === "") continue;
    out.write(`<row r="${n}">${row}</row>`);
    if (top < 0) top = r;
    bottom = r;
  }
  out.write("</sheetData>");
  if (top < 0) return "A1";
  const from = `${columnLetters(left)}${top + 1}`;
  const to = `${columnLetters(right)}${bottom + 1}`;
  return from === to ? from : `${from}:${to}`;
}
