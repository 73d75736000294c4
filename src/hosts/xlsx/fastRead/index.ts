import type { GridTable, SheetGrid, WorkbookGrid } from "../../../workbook/cells";
import { parseA1 } from "../../../workbook/cells";
import { isMarkName } from "../marks";
import { verifyEntries, type ZipEntry } from "../zipCheck";
import { readBook, readSharedStrings, readStyles } from "./bookParts";
import { Package, readRels } from "./parts";
import { SheetHandler } from "./sheetScan";
import { attributes, nameIs } from "./xmlScan";

/**
 * The grid of a checked .xlsx package (zipCheck.ts), read straight from its XML bytes: the fast
 * path for the command line and everything that reads files. It gives what the ExcelJS path of
 * read.ts gives (both are tested on the same workbooks) without building ExcelJS's cell model.
 */
export async function readGrid(bytes: Buffer, entries: readonly ZipEntry[], file: string, options: { followUpCells?: boolean } = {}): Promise<WorkbookGrid> {
  const pkg = new Package(bytes, entries, file);
  const book = await readBook(pkg, "xl/workbook.xml");
  const rels = await readRels(pkg, "xl/workbook.xml");
  const sheetParts: { name: string; part: string }[] = [];
  for (const s of book.sheets) {
    const rel = rels.get(s.rId);
    // Chart sheets and dialog sheets are not worksheets; a sheet whose part is missing is left out, as ExcelJS does.
    if (!rel?.part || !rel.type.endsWith("/worksheet") || !pkg.has(rel.part)) continue;
    sheetParts.push({ name: s.name, part: rel.part });
  }
  const strings = pkg.has("xl/sharedStrings.xml") ? await readSharedStrings(pkg, "xl/sharedStrings.xml") : [];
  const styles = pkg.has("xl/styles.xml") ? await readStyles(pkg, "xl/styles.xml") : [];
  // Every part this reader does not stream is inflated once, as zipCheck.ts does for the ExcelJS
  // path; the sheets, their relationships and tables are held to their sizes as they stream.
  const sheetNames = new Set(sheetParts.map((s) => s.part));
  const later = (e: ZipEntry) => sheetNames.has(e.name) || /^xl\/tables\/[^/]+\.xml$/.test(e.name) || /^xl\/worksheets\/_rels\//.test(e.name);
  verifyEntries(bytes, entries.filter((e) => !pkg.inflated.has(e.name) && !later(e)), file);

  const marked = markedSheetNames(book.definedNames);
  const sheets: SheetGrid[] = [];
  for (const { name, part } of sheetParts) {
    const followUp = marked.has(name.toLowerCase());
    if (followUp && !options.followUpCells) {
      // Följsam's own sheets are written again, never read: their cells (10^6 rows of a city's
      // follow-up) would cost more than the user's sheets. The part is still checked.
      await pkg.verify(part);
      sheets.push({ name, rows: [], followUp: true });
      continue;
    }
    const handler = new SheetHandler({ strings, styles, date1904: book.date1904 });
    await pkg.scan(part, handler);
    const s = handler.finish();
    const sheet: SheetGrid = { name, rows: s.rows };
    if (s.formulas.size) sheet.formulas = s.formulas;
    if (s.formulasWithoutValue.length) sheet.formulasWithoutValue = s.formulasWithoutValue;
    if (s.hiddenRows.length) sheet.hiddenRows = s.hiddenRows;
    if (s.hiddenColumns.length) sheet.hiddenColumns = s.hiddenColumns;
    const tables = s.tableParts.length ? await readTables(pkg, part, s.tableParts) : [];
    if (tables.length) sheet.tables = tables;
    if (s.merges.length) sheet.merges = s.merges;
    if (s.cellStyles.size) sheet.cellStyles = s.cellStyles;
    if (followUp) sheet.followUp = true;
    sheets.push(sheet);
  }
  verifyEntries(bytes, entries.filter((e) => later(e) && !pkg.inflated.has(e.name)), file);
  return { source: file, sheets };
}

async function readTables(pkg: Package, sheetPart: string, ids: string[]): Promise<GridTable[]> {
  const rels = await readRels(pkg, sheetPart);
  const byName = new Map<string, GridTable>();
  for (const id of ids) {
    const part = rels.get(id)?.part;
    if (!part || !pkg.has(part)) continue;
    let found: GridTable | null = null;
    await pkg.scan(part, {
      wantText: false,
      open(buf, name, nameEnd, attrEnd) {
        if (found !== null || !nameIs(buf, name, nameEnd, "table")) return;
        const a = attributes(buf, nameEnd, attrEnd);
        const [from, to = from] = (a.get("ref") ?? "").split(":");
        const tl = parseA1(from);
        const br = parseA1(to);
        if (!tl || !br) return;
        found = {
          name: a.get("displayName") || a.get("name") || "",
          top: Math.min(tl.row, br.row),
          left: Math.min(tl.col, br.col),
          bottom: Math.max(tl.row, br.row),
          right: Math.max(tl.col, br.col),
        };
      },
      close() {},
      text() {},
    });
    // As ExcelJS keeps them: by name, the last of a name in the place of the first.
    if (found !== null) byName.set((found as GridTable).name, found);
  }
  return [...byName.values()];
}

const RANGE = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/** The sheets Följsam's marks point at, lower-cased (names compare case-insensitively, as in Excel). */
function markedSheetNames(names: readonly { name: string; text: string }[]): Set<string> {
  const out = new Set<string>();
  for (const { name, text } of names) {
    if (!isMarkName(name)) continue;
    for (const range of splitRanges(text)) {
      const m = /^(?:'((?:[^']|'')*)'|([^'^ !]*))!(.*)$/.exec(range);
      if (!m || !RANGE.test(m[3])) continue;
      out.add((m[1] ?? m[2]).replace(/''/g, "'").toLowerCase());
    }
  }
  return out;
}

/** "a!$A$1,'b,c'!$A$1" → its ranges; a comma inside a quoted sheet name does not split. */
function splitRanges(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.filter((r) => r !== "");
}
