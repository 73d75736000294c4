/**
 * Test-only helpers for the .xlsx host: temporary folders, workbooks built with ExcelJS, zips
 * crafted byte by byte (for the bad files), and the XML of a sheet inside a saved workbook.
 * Not used by the product.
 */
import * as ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { deflateRawSync } from "zlib";
import { entryData, readCentralDirectory } from "./zipCheck";
import type { SheetPlan } from "../../workbook/plan";

export function tempDir(prefix = "foljsam-xlsx-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function saveWorkbook(path: string, build: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(path);
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface CraftedEntry {
  name: string;
  /** The entry's real content; deflated unless `stored`. */
  data: Buffer;
  stored?: boolean;
  /** What the zip claims the uncompressed size is (default: the truth). */
  declaredSize?: number;
}

/** A zip built by hand, so that its headers can lie. */
export function craftZip(entries: CraftedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const body = e.stored ? e.data : deflateRawSync(e.data);
    const declared = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(Math.min(declared, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(Math.min(declared, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** The smallest parts that make a zip look like a workbook to the sniffing. */
export const MINIMAL_WORKBOOK_XML = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
);

/** Every part of a saved workbook, uncompressed, by name. */
export function unzip(bytes: Buffer): Map<string, string> {
  const parts = new Map<string, string>();
  for (const e of readCentralDirectory(bytes, "test.xlsx")) parts.set(e.name, entryData(bytes, e, "test.xlsx").toString("utf8"));
  return parts;
}

/** The same zip with one part changed. */
export function patchZip(bytes: Buffer, part: string, patch: (text: string) => string): Buffer {
  return craftZip(
    readCentralDirectory(bytes, "test.xlsx").map((e) => {
      const data = entryData(bytes, e, "test.xlsx");
      return { name: e.name, data: e.name === part ? Buffer.from(patch(data.toString("utf8")), "utf8") : data };
    }),
  );
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, n: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[n] ?? "");
}

/** The worksheet XML of the sheet with this name, found through workbook.xml and its relationships. */
export function sheetXml(parts: Map<string, string>, sheetName: string): string {
  const workbook = parts.get("xl/workbook.xml") ?? "";
  const rels = parts.get("xl/_rels/workbook.xml.rels") ?? "";
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    if (name === undefined || decodeXml(name) !== sheetName) continue;
    for (const r of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (/\bId="([^"]*)"/.exec(r[0])?.[1] !== rid) continue;
      const target = /\bTarget="([^"]*)"/.exec(r[0])?.[1] ?? "";
      const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
      const xml = parts.get(path);
      if (xml !== undefined) return xml;
    }
  }
  throw new Error(`no sheet "${sheetName}" in the saved workbook`);
}

/** The <c> element of one cell in worksheet XML. */
export function cellXml(sheet: string, address: string): string {
  const m = new RegExp(`<c r="${address}"[^>]*?(?:/>|>.*?</c>)`).exec(sheet);
  if (!m) throw new Error(`no cell ${address}`);
  return m[0];
}

/** A two-row summary sheet plan, the smallest second sheet the writers' tests need. */
export function smallSummaryPlan(name: string): SheetPlan {
  return {
    kind: "summary",
    name,
    rows: [[{ v: "Sammanfattning", styles: ["title"] }], [{ v: "Budgetföljsamhet" }, { v: 0.942, numFmt: "0.0%" }]],
    columnWidths: [30, 12],
    freezeRows: 0,
    conditionalFormats: [],
    charts: [],
    landscape: false,
  };
}
