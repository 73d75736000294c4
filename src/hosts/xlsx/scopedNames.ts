import { attribute } from "./packageWrite";
import { compressedData, entryData, readCentralDirectory } from "./zipCheck";
import { type ZipPart, writeZip } from "./zipWrite";

/**
 * ExcelJS keeps a sheet-scoped defined name (an autofilter's _xlnm._FilterDatabase, a name the
 * user made for one sheet) as a workbook-wide one: it drops localSheetId and hidden. After a save
 * through ExcelJS, each such name of the original workbook gets its scope back, on the same sheet
 * by name, wherever that sheet now stands. Print areas and print titles ExcelJS scopes itself.
 */

const OWN_SCOPE = new Set(["_xlnm.print_area", "_xlnm.print_titles"]);

interface ScopedName {
  xml: string;
  name: string;
  sheet: string;
}

function sheetNames(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => attribute(m[0], "name") ?? "");
}

function definedNames(workbookXml: string): { xml: string; open: string }[] {
  return [...workbookXml.matchAll(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g)].map((m) => ({ xml: m[0], open: m[0].slice(0, m[0].indexOf(">") + 1) }));
}

/** The saved package `bytes` with the sheet scope of `originalWorkbookXml`'s names restored. */
export async function restoreScopedNames(bytes: Buffer, originalWorkbookXml: string, file: string): Promise<Buffer> {
  const originalSheets = sheetNames(originalWorkbookXml);
  const scoped: ScopedName[] = [];
  for (const n of definedNames(originalWorkbookXml)) {
    const local = attribute(n.open, "localSheetId");
    const name = attribute(n.open, "name") ?? "";
    const sheet = local === undefined ? undefined : originalSheets[Number(local)];
    if (sheet !== undefined && !OWN_SCOPE.has(name.toLowerCase())) scoped.push({ xml: n.xml, name, sheet });
  }
  if (scoped.length === 0) return bytes;

  const entries = readCentralDirectory(bytes, file);
  const entry = entries.find((e) => e.name === "xl/workbook.xml");
  if (!entry) return bytes;
  let wb = entryData(bytes, entry, file).toString("utf8");
  const sheets = sheetNames(wb).map((s) => s.toLowerCase());

  // ExcelJS's workbook-wide copies of the scoped names go; the originals come back, renumbered.
  const restored = scoped.filter((n) => sheets.includes(n.sheet.toLowerCase()));
  const names = new Set(restored.map((n) => n.name.toLowerCase()));
  const kept = definedNames(wb).filter((n) => attribute(n.open, "localSheetId") !== undefined || !names.has((attribute(n.open, "name") ?? "").toLowerCase()));
  const back = restored.map((n) => n.xml.replace(/(\slocalSheetId\s*=\s*)(["'])\d+\2/, `$1"${sheets.indexOf(n.sheet.toLowerCase())}"`));
  const all = [...back, ...kept.map((n) => n.xml)].join("");
  const block = /<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/.exec(wb);
  if (block) wb = wb.slice(0, block.index) + `<definedNames>${all}</definedNames>` + wb.slice(block.index + block[0].length);
  else wb = wb.replace("</sheets>", `</sheets><definedNames>${all}</definedNames>`);

  const parts: ZipPart[] = entries.map((e) =>
    e === entry
      ? { name: e.name, chunks: [Buffer.from(wb, "utf8")] }
      : { name: e.name, raw: { method: e.method, crc: e.crc32, size: e.uncompressedSize, body: compressedData(bytes, e, file) } },
  );
  return writeZip(parts);
}
