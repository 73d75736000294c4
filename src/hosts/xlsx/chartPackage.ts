import { posix } from "path";
import type { SheetPlan } from "../../workbook/plan";
import { chartSpaceXml, drawingXml } from "./chartXml";
import { attribute, decodeXml } from "./packageWrite";
import { inflateRawSync } from "zlib";
import { compressedData, readCentralDirectory } from "./zipCheck";
import { type ZipPart, writeZip } from "./zipWrite";

/**
 * Adds the plans' charts to a written workbook package: per sheet with charts a drawing part
 * anchoring them, one chart part each, the relationships between sheet, drawing and charts, and
 * their content types. Done on the finished package so that every writer (the package writer,
 * ExcelJS for a new workbook or as the fallback) gets the same charts; ExcelJS cannot make them.
 * Only the sheets with charts are rewritten; every other part is copied compressed.
 */

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DRAWING_TYPE = `${REL_NS}/drawing`;
const CHART_TYPE = `${REL_NS}/chart`;
const DRAWING_CONTENT = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_CONTENT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const RELS_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** Elements that follow <drawing> in a worksheet (CT_Worksheet), the first of which it goes before. */
const AFTER_DRAWING = ["<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts"];

function relsPath(part: string): string {
  return posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
}

/** Where <drawing> goes in a worksheet's XML. */
function drawingPosition(xml: string): number {
  const dataEnd = Math.max(xml.lastIndexOf("</sheetData>"), xml.lastIndexOf("<sheetData/>"));
  let at = xml.lastIndexOf("</worksheet>");
  for (const tag of AFTER_DRAWING) {
    const i = xml.indexOf(tag, dataEnd);
    if (i >= 0 && i < at) at = i;
  }
  // The worksheet's own extLst is its last child; an extLst inside a rule comes before it.
  if (xml.slice(0, at).trimEnd().endsWith("</extLst>")) {
    const open = xml.lastIndexOf("<extLst", at);
    if (open > dataEnd) at = Math.min(at, open);
  }
  return at;
}

function freeName(taken: Set<string>, make: (n: number) => string): string {
  let n = 1;
  while (taken.has(make(n).toLowerCase())) n++;
  const name = make(n);
  taken.add(name.toLowerCase());
  return name;
}

/** The package `bytes` with the charts of `plans` added; the same bytes when no plan has charts. */
export async function addChartParts(bytes: Buffer, plans: readonly SheetPlan[], file: string): Promise<Buffer> {
  if (!plans.some((p) => p.charts.length > 0)) return bytes;
  const parts: ZipPart[] = readCentralDirectory(bytes, file).map((e) => ({
    name: e.name,
    raw: { method: e.method, crc: e.crc32, size: e.uncompressedSize, body: compressedData(bytes, e, file) },
  }));
  return writeZip(addChartsToParts(parts, plans));
}

/** A part's text: its chunks, or its copied bytes inflated; null for a part still being compressed. */
function partText(part: ZipPart): string | null {
  if ("chunks" in part) return Buffer.concat(part.chunks).toString("utf8");
  if ("raw" in part) return (part.raw.method === 0 ? part.raw.body : inflateRawSync(part.raw.body)).toString("utf8");
  return null;
}

/**
 * The parts of a package with the charts of `plans` added, in the same order, the new ones last.
 * The parts read here (the workbook's lists and the sheets with charts) must be given as chunks
 * or copied bytes; the package writer gives its sheets with charts as chunks for this.
 */
export function addChartsToParts(given: readonly ZipPart[], plans: readonly SheetPlan[]): ZipPart[] {
  const charted = plans.filter((p) => p.charts.length > 0);
  if (charted.length === 0) return [...given];
  const byName = new Map(given.map((p) => [p.name, p]));
  const text = (name: string): string | null => {
    const part = byName.get(name);
    return part ? partText(part) : null;
  };
  const workbook = text("xl/workbook.xml");
  const workbookRels = text("xl/_rels/workbook.xml.rels");
  let types = text("[Content_Types].xml");
  if (workbook === null || workbookRels === null || types === null) throw new Error("arbetsboken saknar sin bladlista");

  const targets = new Map<string, string>();
  for (const m of workbookRels.matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attribute(m[0], "Target") ?? "";
    targets.set(attribute(m[0], "Id") ?? "", target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join("xl", target)));
  }
  const sheetParts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const rid = /\s[A-Za-z_][\w.-]*:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const part = rid === undefined ? undefined : targets.get(decodeXml(rid));
    const name = attribute(m[0], "name");
    if (name !== undefined && part !== undefined) sheetParts.set(name, part);
  }

  const taken = new Set(given.map((p) => p.name.toLowerCase()));
  const edited = new Map<string, Buffer>();
  const added: { name: string; data: Buffer }[] = [];
  const overrides: string[] = [];
  for (const plan of charted) {
    const part = sheetParts.get(plan.name);
    const sheetXml = part === undefined ? null : text(part);
    if (part === undefined || sheetXml === null) throw new Error(`bladet ${plan.name} saknas i arbetsboken`);
    if (/<drawing\b/.test(sheetXml)) throw new Error(`bladet ${plan.name} har redan en ritning`);

    const drawing = freeName(taken, (n) => `xl/drawings/drawing${n}.xml`);
    const charts = plan.charts.map(() => freeName(taken, (n) => `xl/charts/chart${n}.xml`));
    plan.charts.forEach((chart, i) => added.push({ name: charts[i], data: Buffer.from(chartSpaceXml(plan, chart), "utf8") }));
    added.push({ name: drawing, data: Buffer.from(drawingXml(plan.charts), "utf8") });
    const drawingRels = charts.map((c, i) => `<Relationship Id="rId${i + 1}" Type="${CHART_TYPE}" Target="../charts/${posix.basename(c)}"/>`).join("");
    added.push({ name: relsPath(drawing), data: Buffer.from(`${RELS_HEAD}${drawingRels}</Relationships>`, "utf8") });
    overrides.push(`<Override PartName="/${drawing}" ContentType="${DRAWING_CONTENT}"/>`, ...charts.map((c) => `<Override PartName="/${c}" ContentType="${CHART_CONTENT}"/>`));

    const sheetRelsName = relsPath(part);
    const sheetRels = text(sheetRelsName) ?? `${RELS_HEAD}</Relationships>`;
    const ids = new Set([...sheetRels.matchAll(/\sId\s*=\s*"([^"]*)"/g)].map((m) => m[1].toLowerCase()));
    const rid = freeName(ids, (n) => `rId${n}`);
    const target = posix.relative(posix.dirname(part), drawing);
    const close = sheetRels.lastIndexOf("</Relationships>");
    edited.set(sheetRelsName, Buffer.from(`${sheetRels.slice(0, close)}<Relationship Id="${rid}" Type="${DRAWING_TYPE}" Target="${target}"/>${sheetRels.slice(close)}`, "utf8"));

    const root = /<worksheet\b[^>]*>/.exec(sheetXml)?.[0] ?? "";
    const prefix = new RegExp(`\\sxmlns:([A-Za-z_][\\w.-]*)="${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(root)?.[1];
    const element = prefix ? `<drawing ${prefix}:id="${rid}"/>` : `<drawing xmlns:r="${REL_NS}" r:id="${rid}"/>`;
    const at = drawingPosition(sheetXml);
    edited.set(part, Buffer.from(sheetXml.slice(0, at) + element + sheetXml.slice(at), "utf8"));
  }
  const closeTypes = types.lastIndexOf("</Types>");
  types = types.slice(0, closeTypes) + overrides.join("") + types.slice(closeTypes);
  edited.set("[Content_Types].xml", Buffer.from(types, "utf8"));

  const parts: ZipPart[] = [];
  for (const part of given) {
    const data = edited.get(part.name);
    edited.delete(part.name);
    parts.push(data ? { name: part.name, chunks: [data] } : part);
  }
  for (const [name, data] of edited) parts.push({ name, chunks: [data] });
  for (const a of added) parts.push({ name: a.name, chunks: [a.data] });
  return parts;
}
