import { SharedStringTable } from "./sheetXml";

/**
 * The workbook's shared-string table (xl/sharedStrings.xml) with the text of the streamed
 * follow-up sheets added after its own strings, so that every existing index stays. A name in
 * each of a ledger's 10^6 rows is then a number in its cell instead of the text (some 50 bytes a
 * row, what keeps a follow-up of 10^6 rows within the reader's limit on one part).
 */

const SST_OPEN = /<sst\b[^>]*?(\/?)>/;

export class PackageStrings {
  readonly table: SharedStringTable;

  private constructor(
    /** The part's XML as it was, or null for a table the workbook did not have. */
    private readonly xml: string | null,
    private readonly open: RegExpExecArray | null,
    existing: number,
  ) {
    this.table = new SharedStringTable(existing);
  }

  /** null when the workbook's table is not laid out as expected (then text stays in its cells). */
  static parse(xml: string | null): PackageStrings | null {
    if (xml === null) return new PackageStrings(null, null, 0);
    const open = SST_OPEN.exec(xml);
    if (!open) return null;
    if (open[1] !== "/" && xml.lastIndexOf("</sst>") < 0) return null;
    // Counted, not taken from uniqueCount: a table that states a wrong count would shift every index.
    const existing = open[1] === "/" ? 0 : (xml.match(/<si[\s>/]/g) ?? []).length;
    return new PackageStrings(xml, open, existing);
  }

  /** The table with the added strings; count and uniqueCount as they now are. */
  toXml(): string {
    const added = this.table.added.length;
    const si = this.table.added.map((s) => this.table.element(s)).join("");
    if (this.xml === null || this.open === null) {
      return (
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
        `count="${this.table.references}" uniqueCount="${added}">${si}</sst>`
      );
    }
    const tag = this.open[0];
    const count = Number(/\scount="(\d+)"/.exec(tag)?.[1] ?? 0) + this.table.references;
    const unique = this.table.first + added;
    let openTag = tag.replace(/\/>$/, ">");
    openTag = /\scount="\d*"/.test(openTag) ? openTag.replace(/\scount="\d*"/, ` count="${count}"`) : openTag.replace(/>$/, ` count="${count}">`);
    openTag = /\suniqueCount="\d*"/.test(openTag) ? openTag.replace(/\suniqueCount="\d*"/, ` uniqueCount="${unique}"`) : openTag.replace(/>$/, ` uniqueCount="${unique}">`);
    const start = this.open.index;
    if (this.open[1] === "/") return `${this.xml.slice(0, start)}${openTag}${si}</sst>${this.xml.slice(start + tag.length)}`;
    const close = this.xml.lastIndexOf("</sst>");
    return `${this.xml.slice(0, start)}${openTag}${this.xml.slice(start + tag.length, close)}${si}${this.xml.slice(close)}`;
  }
}
