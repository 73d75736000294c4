import type * as ExcelJS from "exceljs";
import type { SheetPlan } from "../../workbook/plan";
import { executeLayout, executeStyleProbes } from "./planSheet";
import { PackageStrings } from "./packageStrings";
import { ChunkWriter, sheetDimension, writeSheetData } from "./sheetXml";
import { entryData, readCentralDirectory } from "./zipCheck";
import { type ZipPart, writeZip } from "./zipWrite";

/**
 * Saving follow-up sheets without handing their cells to ExcelJS. ExcelJS gets each sheet's
 * layout (widths, panes, data bars, page set-up) and one probe cell per look, writes the workbook
 * uncompressed, and then each follow-up sheet's <sheetData> is replaced by the plan's cells
 * written directly (sheetXml.ts), its strings added to the shared-string table, and every part
 * deflated by Node's zlib. The user's own sheets are written by ExcelJS exactly as before.
 */

export interface DeferredSheet {
  plan: SheetPlan;
  /** Style key of the probe cell in A1, A2 …, as executeStyleProbes wrote them. */
  styleKeys: string[];
}

/** Whether a plan's cells can be written directly: not when its layout itself styles cells. */
export function canDefer(plan: SheetPlan): boolean {
  return !plan.unlockedRanges || plan.unlockedRanges.length === 0;
}

/** Puts the plan's layout and style probes on a fresh worksheet; its cells wait for the save. */
export function executeDeferred(ws: ExcelJS.Worksheet, plan: SheetPlan): DeferredSheet {
  const styleKeys = executeStyleProbes(ws, plan);
  executeLayout(ws, plan);
  return { plan, styleKeys };
}

const XML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, n: string) => XML_ENTITIES[n] ?? "");
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : undefined;
}

/** Worksheet part by sheet name, through workbook.xml and its relationships. */
function sheetParts(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], "Id");
    const target = attribute(m[0], "Target");
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(m[0], "name");
    const target = targets.get(attribute(m[0], "r:id") ?? "");
    if (name !== undefined && target !== undefined) parts.set(name, target);
  }
  return parts;
}

/** The cellXfs index ExcelJS gave each probe, by style key. */
function probedStyles(sheetXml: string, styleKeys: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const m of sheetXml.matchAll(/<c r="A(\d+)"([^>]*)>/g)) {
    const key = styleKeys[Number(m[1]) - 1];
    if (key === undefined) continue;
    index.set(key, Number(/\ss="(\d+)"/.exec(m[2])?.[1] ?? 0));
  }
  for (const key of styleKeys) if (!index.has(key)) throw new Error(`ExcelJS skrev ingen stilprovcell för "${key}".`);
  return index;
}

const SHEET_DATA = /<sheetData\/>|<sheetData>[\s\S]*?<\/sheetData>/;

/** The saved workbook: ExcelJS's parts, with the deferred sheets' cells written in. */
export async function writeWithDeferredCells(workbook: ExcelJS.Workbook, deferred: readonly DeferredSheet[]): Promise<Buffer> {
  // Uncompressed: the parts are read back here, and deflated once, natively, at the end.
  const stored = (await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as Partial<ExcelJS.XlsxWriteOptions>)) as unknown as Buffer;
  const label = "ExcelJS";
  const entries = readCentralDirectory(stored, label);
  const parts = new Map<string, Buffer>(entries.map((e) => [e.name, entryData(stored, e, label)]));
  const text = (name: string): string => {
    const data = parts.get(name);
    if (data === undefined) throw new Error(`ExcelJS skrev ingen ${name}.`);
    return data.toString("utf8");
  };

  const sheets = sheetParts(text("xl/workbook.xml"), text("xl/_rels/workbook.xml.rels"));
  const sst = PackageStrings.parse(text("xl/sharedStrings.xml"));
  if (!sst) throw new Error("ExcelJS skrev en sharedStrings.xml utan tabell.");
  const strings = sst.table;
  const written = new Map<string, Buffer[]>();

  for (const { plan, styleKeys } of deferred) {
    const path = sheets.get(plan.name);
    if (path === undefined) throw new Error(`ExcelJS skrev inget blad "${plan.name}".`);
    const skeleton = text(path);
    const data = SHEET_DATA.exec(skeleton);
    if (!data) throw new Error(`Bladet "${plan.name}" saknar sheetData.`);
    const styleIndex = probedStyles(data[0], styleKeys);
    const dim = sheetDimension(plan);
    const out = new ChunkWriter();
    out.write(skeleton.slice(0, data.index).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${dim}"/>`));
    await writeSheetData(out, plan, styleIndex, strings);
    out.write(skeleton.slice(data.index + data[0].length));
    written.set(path, out.flush());
  }

  written.set("xl/sharedStrings.xml", [Buffer.from(sst.toXml(), "utf8")]);

  const zipParts: ZipPart[] = entries.map((e) => ({ name: e.name, chunks: written.get(e.name) ?? [parts.get(e.name)!] }));
  return writeZip(zipParts);
}
