import { posix } from "path";
import { FOLLOW_UP_NAME_PREFIX, type SheetPlan, type StyleName } from "../../workbook/plan";
import { canDefer } from "./deferredCells";
import { LookSheet } from "./packageStyles";
import { PackageStrings } from "./packageStrings";
import { ChunkWriter, sheetDimension, writeWorksheet, xmlText } from "./sheetXml";
import { checkPlanNames } from "./sheetNames";
import { compressedData, entryData, readCentralDirectory, type ZipEntry } from "./zipCheck";
import { addChartsToParts } from "./chartPackage";
import { Deflater, DEFLATE_LEVEL, FAST_DEFLATE_LEVEL, type ZipPart, zipPieces } from "./zipWrite";

/**
 * Writing the follow-up sheets into the workbook's own package instead of re-saving it through
 * ExcelJS: every part of the user's workbook is copied as it is (compressed bytes and all), except
 * the few that list the sheets (workbook.xml, its relationships, [Content_Types].xml), the style
 * sheet (the follow-up sheets' looks are appended) and calcChain.xml (dropped; Excel rebuilds it).
 * Följsam's earlier sheets (those its marks name) are removed; the new ones are written directly
 * from their plans (sheetXml.ts) and marked.
 *
 * So charts, pivot tables, macros' neighbours, comments and everything else ExcelJS would lose on
 * the user's sheets stay, and a large workbook is not serialised again. A package laid out in a way
 * this code does not expect (prefixed or strict XML, parts elsewhere) gives null, and the caller
 * saves through ExcelJS instead.
 */

const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const OFFICE_DOCUMENT = /\/officeDocument$/;
const MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const XML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

export function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (m, n: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (XML_ENTITIES[n] ?? m),
  );
}

export function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
}

interface Relationship {
  xml: string;
  id: string;
  type: string;
  /** The part it points at, as a zip entry name; null for an external target. */
  part: string | null;
}

function relationships(xml: string, sourceFolder: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attribute(m[0], "Target") ?? "";
    const external = attribute(m[0], "TargetMode") === "External";
    const part = external ? null : target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(sourceFolder, target));
    out.push({ xml: m[0], id: attribute(m[0], "Id") ?? "", type: attribute(m[0], "Type") ?? "", part });
  }
  return out;
}

/** The sheet name in a mark's reference ('Följsam Drift'!$A$1), or null. */
function markedSheet(reference: string): string | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$A\$1$/.exec(reference.trim());
  return m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : null;
}

function isMarkName(name: string): boolean {
  return name.toUpperCase().startsWith(FOLLOW_UP_NAME_PREFIX) && /^\d+$/.test(name.slice(FOLLOW_UP_NAME_PREFIX.length));
}

/** The sheet names a formula refers to ('Följsam Drift'!A1, Drift!A1), outside string literals. */
function sheetReferences(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(/(?:'((?:[^']|'')+)'|([^\s'!:(),;=+\-*/&<>^"[\]{}]+))!/g)].map((m) => (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]));
}

function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

interface SheetEntry {
  xml: string;
  name: string;
  sheetId: number;
  rid: string;
}

/**
 * The workbook `original` with its Följsam sheets replaced by `plans`, as .xlsx bytes; null when
 * the package is not one this code edits (the caller then saves through ExcelJS). Throws, as a
 * bug, for a plan whose name is not a valid sheet name or is taken by a sheet Följsam did not make.
 */
export async function writeIntoPackage(original: Buffer, plans: readonly SheetPlan[], file: string): Promise<Buffer | null> {
  const pieces = await packagePieces(original, plans, file);
  return pieces === null ? null : Buffer.concat(pieces);
}

/**
 * writeIntoPackage's bytes, charts and all, in the pieces they are to be written in: the
 * compressed sheets are not copied into one buffer again (on a city's ledger that was the largest
 * allocation of the command).
 */
export async function packagePieces(original: Buffer, plans: readonly SheetPlan[], file: string): Promise<Buffer[] | null> {
  const parts = await packageParts(original, plans, file);
  return parts === null ? null : zipPieces(addChartsToParts(parts, plans));
}

async function packageParts(original: Buffer, plans: readonly SheetPlan[], file: string): Promise<ZipPart[] | null> {
  if (plans.some((p) => !canDefer(p) || (p.dataValidations?.length ?? 0) > 0 || p.protection)) return null;
  const entries = readCentralDirectory(original, file);
  const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name, e]));
  const text = (name: string): string | null => {
    const e = byName.get(name);
    return e ? entryData(original, e, file).toString("utf8") : null;
  };

  const rootRels = text("_rels/.rels");
  const contentTypes = text("[Content_Types].xml");
  const workbookXml = text("xl/workbook.xml");
  const workbookRelsXml = text("xl/_rels/workbook.xml.rels");
  if (rootRels === null || contentTypes === null || workbookXml === null || workbookRelsXml === null) return null;
  if (!relationships(rootRels, "").some((r) => OFFICE_DOCUMENT.test(r.type) && r.part === "xl/workbook.xml")) return null;

  const root = /<workbook\b[^>]*>/.exec(workbookXml);
  if (!root || !root[0].includes(MAIN_NS)) return null;
  const relPrefix = new RegExp(`\\sxmlns:([A-Za-z_][\\w.-]*)="${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(root[0])?.[1];
  const sheetsBlock = /<sheets>([\s\S]*?)<\/sheets>/.exec(workbookXml);
  if (!relPrefix || !sheetsBlock) return null;

  const rels = relationships(workbookRelsXml, "xl");
  const relById = new Map(rels.map((r) => [r.id, r]));
  const stylesRel = rels.find((r) => /\/styles$/.test(r.type));
  const stylesXml = stylesRel?.part ? text(stylesRel.part) : null;
  if (!stylesRel?.part || stylesXml === null) return null;

  const sheets: SheetEntry[] = [];
  for (const m of sheetsBlock[1].matchAll(/<sheet\b[^>]*>/g)) {
    if (!m[0].endsWith("/>")) return null;
    const name = attribute(m[0], "name");
    const sheetId = Number(attribute(m[0], "sheetId"));
    const rid = attribute(m[0], `${relPrefix}:id`);
    if (name === undefined || !Number.isInteger(sheetId) || rid === undefined || !relById.has(rid)) return null;
    sheets.push({ xml: m[0], name, sheetId, rid });
  }

  // Defined names, with Följsam's marks picked out.
  const namesBlock = /<definedNames>([\s\S]*?)<\/definedNames>|<definedNames\/>/.exec(workbookXml);
  const names = [...(namesBlock?.[1] ?? "").matchAll(/<definedName\b[^>]*?(?:\/>|>([\s\S]*?)<\/definedName>)/g)].map((m) => ({
    xml: m[0],
    name: attribute(m[0].slice(0, m[0].indexOf(">") + 1), "name") ?? "",
    localSheetId: attribute(m[0].slice(0, m[0].indexOf(">") + 1), "localSheetId"),
    reference: decodeXml(m[1] ?? ""),
  }));
  const markedNames = new Set(
    names.filter((n) => isMarkName(n.name)).map((n) => markedSheet(n.reference)?.toLowerCase()).filter((n): n is string => n !== undefined && n !== null),
  );
  const removed = sheets.filter((s) => markedNames.has(s.name.toLowerCase()));
  const kept = sheets.filter((s) => !removed.includes(s));
  checkPlanNames(
    kept.map((s) => s.name),
    plans,
  );

  // Parts that go: the old follow-up sheets with their relationships, and the calculation chain.
  const dropParts = new Set<string>();
  const dropRels = new Set<string>();
  for (const s of removed) {
    const part = relById.get(s.rid)!.part;
    dropRels.add(s.rid);
    if (part) {
      dropParts.add(part);
      dropParts.add(posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`));
    }
  }
  for (const r of rels) {
    if (/\/calcChain$/.test(r.type)) {
      dropRels.add(r.id);
      if (r.part) dropParts.add(r.part);
    }
  }
  // What only the old follow-up sheets reached (their drawings, charts and the charts' own parts)
  // goes with them; a part the rest of the package also reaches (a pivot cache) stays.
  const reach = (from: string[]): Set<string> => {
    const seen = new Set<string>();
    const todo = [...from];
    while (todo.length > 0) {
      const part = todo.pop()!;
      if (seen.has(part) || dropParts.has(part)) continue;
      seen.add(part);
      const relsXml = text(posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`));
      if (relsXml === null) continue;
      for (const r of relationships(relsXml, posix.dirname(part))) if (r.part && byName.has(r.part)) todo.push(r.part);
    }
    return seen;
  };
  const removedParts = removed.map((s) => relById.get(s.rid)!.part).filter((p): p is string => p !== null);
  const fromRemoved = reach(removedParts.flatMap((part) => {
    const relsXml = text(posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`));
    return relsXml === null ? [] : relationships(relsXml, posix.dirname(part)).flatMap((r) => (r.part && byName.has(r.part) ? [r.part] : []));
  }));
  const fromRest = reach([
    ...relationships(rootRels, "").flatMap((r) => (r.part && r.part !== "xl/workbook.xml" ? [r.part] : [])),
    ...rels.filter((r) => !dropRels.has(r.id)).flatMap((r) => (r.part ? [r.part] : [])),
  ]);
  for (const part of fromRemoved) {
    if (fromRest.has(part)) continue;
    dropParts.add(part);
    dropParts.add(posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`));
  }

  // The looks of the new sheets, appended to the workbook's style sheet as the sheets meet them.
  const looks = LookSheet.parse(stylesXml);
  if (!looks) return null;

  // New parts, relationships and sheet entries.
  const taken = new Set(entries.filter((e) => !dropParts.has(e.name)).map((e) => e.name.toLowerCase()));
  const relIds = new Set(rels.map((r) => r.id));
  let nextSheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  let partNumber = 1;
  let relNumber = 1;
  const added = plans.map((plan) => {
    while (taken.has(`xl/worksheets/sheet${partNumber}.xml`)) partNumber++;
    const part = `xl/worksheets/sheet${partNumber}.xml`;
    taken.add(part);
    while (relIds.has(`rId${relNumber}`)) relNumber++;
    const rid = `rId${relNumber}`;
    relIds.add(rid);
    return { plan, part, rid, sheetId: nextSheetId++ };
  });

  // workbook.xml: sheets, names (marks, print titles, sheet-scoped names renumbered), views.
  const newIndex = new Map<number, number>();
  sheets.forEach((s, i) => {
    const k = kept.indexOf(s);
    if (k >= 0) newIndex.set(i, k);
  });
  const sheetsXml = [
    ...kept.map((s) => s.xml),
    ...added.map((a) => `<sheet name="${xmlText(a.plan.name)}" sheetId="${a.sheetId}" ${relPrefix}:id="${a.rid}"/>`),
  ].join("");
  // A name that points into a follow-up sheet which is gone (not written again under its name)
  // would make Excel repair the file; such names go, as on the ExcelJS path.
  const gone = new Set(removed.map((r) => r.name.toLowerCase()));
  for (const a of added) gone.delete(a.plan.name.toLowerCase());
  const pointsIntoGone = (reference: string) => sheetReferences(reference).some((sheet) => gone.has(sheet.toLowerCase()));
  const keptNames: string[] = [];
  for (const n of names) {
    if (isMarkName(n.name) || pointsIntoGone(n.reference)) continue;
    if (n.localSheetId === undefined) {
      keptNames.push(n.xml);
      continue;
    }
    const to = newIndex.get(Number(n.localSheetId));
    if (to === undefined) continue;
    keptNames.push(n.xml.replace(/(\slocalSheetId\s*=\s*)(["'])\d+\2/, `$1"${to}"`));
  }
  const newNames = added.flatMap((a, i) => {
    const sheetIndex = kept.length + i;
    const own = [`<definedName name="${FOLLOW_UP_NAME_PREFIX}${i + 1}">${xmlText(`${quotedSheet(a.plan.name)}!$A$1`)}</definedName>`];
    const titles = a.plan.printTitleRows;
    if (titles) {
      own.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex}">${xmlText(`${quotedSheet(a.plan.name)}!$${titles[0]}:$${titles[1]}`)}</definedName>`,
      );
    }
    return own;
  });
  const allNames = [...keptNames, ...newNames];
  let wb = workbookXml.slice(0, sheetsBlock.index) + `<sheets>${sheetsXml}</sheets>` + workbookXml.slice(sheetsBlock.index + sheetsBlock[0].length);
  const namesXml = allNames.length > 0 ? `<definedNames>${allNames.join("")}</definedNames>` : "";
  if (namesBlock) {
    const at = wb.indexOf(namesBlock[0]);
    wb = wb.slice(0, at) + namesXml + wb.slice(at + namesBlock[0].length);
  } else if (namesXml) {
    // After sheets, and after functionGroups or externalReferences where the workbook has them.
    const anchor = /<\/externalReferences>|<externalReferences\/>|<\/functionGroups>|<functionGroups\/>|<\/sheets>/g;
    let end = -1;
    for (const m of wb.matchAll(anchor)) end = Math.max(end, m.index + m[0].length);
    wb = wb.slice(0, end) + namesXml + wb.slice(end);
  }
  const sheetCount = kept.length + added.length;
  wb = wb.replace(/<workbookView\b[^>]*>/g, (view) =>
    view.replace(/\s(activeTab|firstSheet)\s*=\s*(["'])(\d+)\2/g, (_m, attr: string, _q: string, n: string) => {
      const to = newIndex.get(Number(n));
      return ` ${attr}="${to !== undefined && to < sheetCount ? to : 0}"`;
    }),
  );

  // The workbook opens on the plan marked active: the user's selected sheet gives up its
  // selection (else Excel would open with both sheets grouped).
  const activePlan = plans.findIndex((p) => p.active);
  const selection = activePlan < 0 ? null : moveSelection(wb, kept, relById, byName, text);
  if (selection) {
    wb = wb.replace(/<workbookView\b[^>]*>/, (view) => withAttribute(view, "activeTab", String(kept.length + activePlan)));
    if (!/<workbookView\b/.test(wb)) {
      const at = wb.indexOf("<sheets>");
      wb = `${wb.slice(0, at)}<bookViews><workbookView activeTab="${kept.length + activePlan}"/></bookViews>${wb.slice(at)}`;
    }
  }

  // Relationships and content types.
  const relsXml = workbookRelsXml.replace(/<Relationship\b[^>]*>(?:\s*<\/Relationship>)?/g, (r) => (dropRels.has(attribute(r, "Id") ?? "") ? "" : r));
  const closeRels = relsXml.lastIndexOf("</Relationships>");
  if (closeRels < 0) return null;
  // The text of streamed sheets goes into the shared-string table, which is made when the workbook has none.
  const strings = added.some((a) => a.plan.stream) ? sharedStrings(rels, text, taken, relIds) : null;
  const newRels =
    added.map((a) => `<Relationship Id="${a.rid}" Type="${WORKSHEET_TYPE}" Target="${a.part.slice("xl/".length)}"/>`).join("") +
    (strings?.created ? `<Relationship Id="${strings.created.rid}" Type="${SHARED_STRINGS_TYPE}" Target="${strings.created.part.slice("xl/".length)}"/>` : "");
  const relsOut = relsXml.slice(0, closeRels) + newRels + relsXml.slice(closeRels);

  let types = contentTypes.replace(/<Override\b[^>]*>(?:\s*<\/Override>)?/g, (o) => {
    const part = (attribute(o, "PartName") ?? "").replace(/^\//, "");
    return dropParts.has(part) ? "" : o;
  });
  const closeTypes = types.lastIndexOf("</Types>");
  if (closeTypes < 0) return null;
  types =
    types.slice(0, closeTypes) +
    added.map((a) => `<Override PartName="/${a.part}" ContentType="${WORKSHEET_CONTENT}"/>`).join("") +
    (strings?.created ? `<Override PartName="/${strings.created.part}" ContentType="${SHARED_STRINGS_CONTENT}"/>` : "") +
    types.slice(closeTypes);

  // The new sheets, each compressed on the thread pool while the next rows are written; then the
  // style sheet with the looks they used.
  const sheetParts: ZipPart[] = [];
  for (const a of added) {
    // A sheet with charts is kept as text: addChartsToParts adds its <drawing>.
    const deflater = a.plan.charts.length > 0 ? null : new Deflater(deflateLevel(a.plan));
    const out = new ChunkWriter(deflater);
    const ids = (key: string, names: readonly StyleName[] | undefined, numFmt: string | undefined) => looks.index(key, { names: names ?? [], numFmt });
    await writeWorksheet(out, a.plan, ids, sheetDimension(a.plan), selection !== null && a.plan.active === true, a.plan.stream && strings ? strings.strings.table : null);
    const chunks = out.flush();
    sheetParts.push(deflater ? { name: a.part, deflater } : { name: a.part, chunks });
  }

  // The zip: untouched parts copied compressed, edited ones and the new sheets deflated.
  const edited = new Map<string, Buffer>([
    ...(selection?.sheet ? [selection.sheet] : []),
    ["xl/workbook.xml", Buffer.from(wb, "utf8")],
    ["xl/_rels/workbook.xml.rels", Buffer.from(relsOut, "utf8")],
    ["[Content_Types].xml", Buffer.from(types, "utf8")],
    [stylesRel.part, Buffer.from(looks.xml(), "utf8")],
  ]);
  if (strings && strings.strings.table.added.length > 0) edited.set(strings.part, Buffer.from(strings.strings.toXml(), "utf8"));
  const parts: ZipPart[] = [];
  for (const e of entries) {
    if (dropParts.has(e.name)) continue;
    const data = edited.get(e.name);
    if (data) parts.push({ name: e.name, chunks: [data] });
    else parts.push({ name: e.name, raw: { method: e.method, crc: e.crc32, size: e.uncompressedSize, body: compressedData(original, e, file) } });
  }
  parts.push(...sheetParts);
  if (strings?.created) parts.push({ name: strings.part, chunks: [Buffer.from(strings.strings.toXml(), "utf8")] });
  return parts;
}

const SHARED_STRINGS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";
const SHARED_STRINGS_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

/**
 * The workbook's shared-string table to add to, or a new one (`created`: its part and relationship
 * id, both free); null when its table cannot be read as expected (the text then stays in the cells).
 */
function sharedStrings(
  rels: readonly Relationship[],
  text: (name: string) => string | null,
  taken: Set<string>,
  relIds: Set<string>,
): { strings: PackageStrings; part: string; created: { part: string; rid: string } | null } | null {
  const rel = rels.find((r) => /\/sharedStrings$/.test(r.type));
  if (rel) {
    const xml = rel.part ? text(rel.part) : null;
    const strings = xml === null ? null : PackageStrings.parse(xml);
    return strings && rel.part ? { strings, part: rel.part, created: null } : null;
  }
  const part = "xl/sharedStrings.xml";
  if (taken.has(part.toLowerCase())) return null;
  taken.add(part.toLowerCase());
  let n = 1;
  while (relIds.has(`rId${n}`)) n++;
  const rid = `rId${n}`;
  relIds.add(rid);
  return { strings: PackageStrings.parse(null)!, part, created: { part, rid } };
}

/** Rows above which a sheet is deflated at zlib's fastest level: its time, not its size, is what the user waits for. */
const FAST_DEFLATE_ROWS = 20_000;

function deflateLevel(plan: SheetPlan): number {
  return (plan.stream?.count ?? 0) > FAST_DEFLATE_ROWS ? FAST_DEFLATE_LEVEL : DEFLATE_LEVEL;
}

/** The user's sheet is rewritten to drop its selection only up to this size; a larger one keeps it. */
const MAX_RESELECTED_SHEET = 16 * 1024 ** 2;

function withAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}\\s*=\\s*(["'])[^"']*\\1`);
  return re.test(tag) ? tag.replace(re, ` ${name}="${value}"`) : tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/**
 * Whether the selection can move to a follow-up sheet, and the user's sheet that gives up its
 * selection: the kept sheet active now (activeTab, already renumbered in `workbookXml`), its
 * tabSelected dropped. null when that sheet is too large to rewrite cheaply: the workbook then
 * opens where the user left it.
 */
function moveSelection(
  workbookXml: string,
  kept: readonly SheetEntry[],
  relById: ReadonlyMap<string, Relationship>,
  byName: ReadonlyMap<string, ZipEntry>,
  text: (name: string) => string | null,
): { sheet: [string, Buffer] | null } | null {
  const view = /<workbookView\b[^>]*>/.exec(workbookXml)?.[0] ?? "";
  const active = kept[Number(attribute(view, "activeTab") ?? 0)];
  const part = active ? relById.get(active.rid)?.part : null;
  const entry = part ? byName.get(part) : undefined;
  if (!part || !entry) return { sheet: null };
  if (entry.uncompressedSize > MAX_RESELECTED_SHEET) return null;
  const xml = text(part) ?? "";
  const views = /<sheetViews>[\s\S]*?<\/sheetViews>/.exec(xml);
  if (!views || !/\stabSelected\s*=\s*["'](1|true)["']/.test(views[0])) return { sheet: null };
  const unselected = views[0].replace(/\stabSelected\s*=\s*["'](1|true)["']/g, "");
  return { sheet: [part, Buffer.from(xml.slice(0, views.index) + unselected + xml.slice(views.index + views[0].length), "utf8")] };
}
