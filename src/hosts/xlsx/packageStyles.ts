import type { StyleName } from "../../workbook/plan";
import { STYLES, type StyleSpec } from "../../workbook/styles";
import { argb } from "./planSheet";
import { xmlText } from "./sheetXml";

/**
 * The looks of the follow-up sheets added to a workbook's own style sheet (xl/styles.xml): fonts,
 * fills, borders, number formats and one cell format (xf) per look, appended after the ones the
 * workbook has, so that every existing cell keeps its index. The looks are those styleOf gives
 * ExcelJS (planSheet.ts): Calibri where a style sets the font, the workbook's default elsewhere.
 */

export interface Look {
  names: readonly StyleName[];
  numFmt: string | undefined;
}

/** Excel's built-in number formats that the plans use, by format code. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
const FIRST_CUSTOM_FORMAT = 164;

interface Block {
  /** Where the element starts and ends in the XML. */
  start: number;
  end: number;
  open: string;
  content: string;
  close: string;
}

/** The first <tag …>…</tag> element (or <tag …/>) at the top of the style sheet. */
function block(xml: string, tag: string): Block | null {
  const open = new RegExp(`<${tag}(\\s[^>]*?)?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[2] === "/") return { start: open.index, end: open.index + open[0].length, open: open[0].replace(/\/>$/, ">"), content: "", close: `</${tag}>` };
  const closeAt = xml.indexOf(`</${tag}>`, open.index);
  if (closeAt < 0) return null;
  return { start: open.index, end: closeAt + tag.length + 3, open: open[0], content: xml.slice(open.index + open[0].length, closeAt), close: `</${tag}>` };
}

function count(content: string, tag: string): number {
  return (content.match(new RegExp(`<${tag}[\\s>/]`, "g")) ?? []).length;
}

function withCount(open: string, n: number): string {
  return /\scount="\d*"/.test(open) ? open.replace(/\scount="\d*"/, ` count="${n}"`) : open.replace(/>$/, ` count="${n}">`);
}

/** A list of new elements that reuses an identical one. */
class Table {
  readonly added: string[] = [];
  private readonly byXml = new Map<string, number>();
  constructor(private readonly first: number) {}
  index(xml: string): number {
    let i = this.byXml.get(xml);
    if (i === undefined) {
      i = this.first + this.added.length;
      this.byXml.set(xml, i);
      this.added.push(xml);
    }
    return i;
  }
}

function fontXml(spec: StyleSpec): string | null {
  if (!spec.bold && !spec.italic && !spec.fontSize && !spec.fontColor) return null;
  const color = spec.fontColor ? `<color rgb="${argb(spec.fontColor)}"/>` : "";
  return `<font>${spec.bold ? "<b/>" : ""}${spec.italic ? "<i/>" : ""}<sz val="${spec.fontSize ?? 11}"/>${color}<name val="Calibri"/><family val="2"/></font>`;
}

function fillXml(spec: StyleSpec): string | null {
  return spec.fill ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb(spec.fill)}"/><bgColor indexed="64"/></patternFill></fill>` : null;
}

function borderXml(spec: StyleSpec): string | null {
  if (!spec.borderTop && !spec.borderBottom) return null;
  const edge = (name: string, on: boolean | undefined) => (on ? `<${name} style="thin"><color indexed="64"/></${name}>` : `<${name}/>`);
  return `<border><left/><right/>${edge("top", spec.borderTop)}${edge("bottom", spec.borderBottom)}<diagonal/></border>`;
}

/**
 * A workbook's style sheet to which looks are added as they are met: index() gives a look's
 * cellXfs index at once (the sheets are written before the style sheet), xml() the style sheet
 * with every look added so far.
 */
export class LookSheet {
  private readonly existingFormats = new Map<string, number>();
  private nextFormat = FIRST_CUSTOM_FORMAT;
  private readonly newFormats: string[] = [];
  private readonly fontTable: Table;
  private readonly fillTable: Table;
  private readonly borderTable: Table;
  private readonly xfTable: Table;
  private readonly byKey = new Map<string, number>();

  private constructor(
    private readonly stylesXml: string,
    private readonly blocks: { fonts: Block; fills: Block; borders: Block; cellXfs: Block; numFmts: Block | null },
  ) {
    this.fontTable = new Table(count(blocks.fonts.content, "font"));
    this.fillTable = new Table(count(blocks.fills.content, "fill"));
    this.borderTable = new Table(count(blocks.borders.content, "border"));
    this.xfTable = new Table(count(blocks.cellXfs.content, "xf"));
  }

  /** null when the style sheet is not laid out as expected (then the caller writes the workbook another way). */
  static parse(stylesXml: string): LookSheet | null {
    const fonts = block(stylesXml, "fonts");
    const fills = block(stylesXml, "fills");
    const borders = block(stylesXml, "borders");
    const cellXfs = block(stylesXml, "cellXfs");
    if (!fonts || !fills || !borders || !cellXfs) return null;
    const numFmts = block(stylesXml, "numFmts");
    if (numFmts && numFmts.start > fonts.start) return null;
    const sheet = new LookSheet(stylesXml, { fonts, fills, borders, cellXfs, numFmts });
    for (const m of (numFmts?.content ?? "").matchAll(/<numFmt\b[^>]*>/g)) {
      const id = Number(/\snumFmtId="(\d+)"/.exec(m[0])?.[1]);
      const code = /\sformatCode="([^"]*)"/.exec(m[0])?.[1];
      if (!Number.isInteger(id)) return null;
      if (code !== undefined) sheet.existingFormats.set(code, id);
      sheet.nextFormat = Math.max(sheet.nextFormat, id + 1);
    }
    return sheet;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const escaped = xmlText(code);
    let id = this.existingFormats.get(escaped);
    if (id === undefined) {
      id = this.nextFormat++;
      this.existingFormats.set(escaped, id);
      this.newFormats.push(`<numFmt numFmtId="${id}" formatCode="${escaped}"/>`);
    }
    return id;
  }

  /** The cellXfs index of a look, by its key (styleKey), added when first met. */
  index(key: string, look: Look): number {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const spec: StyleSpec = {};
    for (const name of look.names) Object.assign(spec, STYLES[name]);
    const font = fontXml(spec);
    const fill = fillXml(spec);
    const border = borderXml(spec);
    const alignment =
      spec.wrap || spec.horizontal ? `<alignment${spec.horizontal ? ` horizontal="${spec.horizontal}"` : ""}${spec.wrap ? ' wrapText="1"' : ""}/>` : "";
    let xf = 0;
    // A look that changes nothing (the "text" style) has no format, as ExcelJS writes it.
    if (font || fill || border || look.numFmt || alignment) {
      const numFmtId = look.numFmt ? this.formatId(look.numFmt) : 0;
      const attributes = [
        `numFmtId="${numFmtId}"`,
        `fontId="${font ? this.fontTable.index(font) : 0}"`,
        `fillId="${fill ? this.fillTable.index(fill) : 0}"`,
        `borderId="${border ? this.borderTable.index(border) : 0}"`,
        'xfId="0"',
        ...(look.numFmt ? ['applyNumberFormat="1"'] : []),
        ...(font ? ['applyFont="1"'] : []),
        ...(fill ? ['applyFill="1"'] : []),
        ...(border ? ['applyBorder="1"'] : []),
        ...(alignment ? ['applyAlignment="1"'] : []),
      ].join(" ");
      xf = this.xfTable.index(alignment ? `<xf ${attributes}>${alignment}</xf>` : `<xf ${attributes}/>`);
    }
    this.byKey.set(key, xf);
    return xf;
  }

  /** The style sheet with the looks added so far. */
  xml(): string {
    const { fonts, fills, borders, cellXfs, numFmts } = this.blocks;
    const replaceBlock = (b: Block, tag: string, added: string[]): [number, number, string] => [
      b.start,
      b.end,
      `${withCount(b.open, count(b.content, tag) + added.length)}${b.content}${added.join("")}${b.close}`,
    ];
    const edits: [number, number, string][] = [
      replaceBlock(fonts, "font", this.fontTable.added),
      replaceBlock(fills, "fill", this.fillTable.added),
      replaceBlock(borders, "border", this.borderTable.added),
      replaceBlock(cellXfs, "xf", this.xfTable.added),
    ];
    if (this.newFormats.length > 0) {
      if (numFmts) edits.push(replaceBlock(numFmts, "numFmt", this.newFormats));
      else edits.push([fonts.start, fonts.start, `<numFmts count="${this.newFormats.length}">${this.newFormats.join("")}</numFmts>`]);
    }
    let xml = this.stylesXml;
    for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0] || b[1] - a[1])) xml = xml.slice(0, start) + text + xml.slice(end);
    return xml;
  }
}
