/**
 * Test-only: the consistency rules of an .xlsx package that Excel checks when it opens one, so
 * that a test can say "Excel would not have to repair this" without Excel. Not used by the product.
 */
import { posix } from "path";
import { unzip } from "./xlsx.testkit";

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name.replace(/[:.]/g, "\\$&")}="([^"]*)"`).exec(tag)?.[1];
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, n: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[n] ?? "");
}

/** Every problem found; an empty list for a consistent package. */
export function packageProblems(bytes: Buffer): string[] {
  const parts = unzip(bytes);
  const problems: string[] = [];
  const types = parts.get("[Content_Types].xml") ?? "";
  const overrides = new Map<string, string>();
  for (const m of types.matchAll(/<Override\b[^>]*>/g)) overrides.set((attr(m[0], "PartName") ?? "").replace(/^\//, ""), attr(m[0], "ContentType") ?? "");
  const defaults = new Set([...types.matchAll(/<Default\b[^>]*>/g)].map((m) => (attr(m[0], "Extension") ?? "").toLowerCase()));
  for (const part of overrides.keys()) if (!parts.has(part)) problems.push(`content type for a missing part ${part}`);
  for (const part of parts.keys()) {
    if (part === "[Content_Types].xml" || part.endsWith("/")) continue;
    if (!overrides.has(part) && !defaults.has(part.slice(part.lastIndexOf(".") + 1).toLowerCase())) problems.push(`no content type for ${part}`);
  }
  for (const [part, xml] of parts) {
    if (!part.endsWith(".rels")) continue;
    const source = posix.dirname(posix.dirname(part));
    const ids = new Set<string>();
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], "Id") ?? "";
      if (ids.has(id)) problems.push(`${part}: relationship id ${id} twice`);
      ids.add(id);
      if (attr(m[0], "TargetMode") === "External") continue;
      const target = decode(attr(m[0], "Target") ?? "");
      const resolved = target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(source === "." ? "" : source, target));
      if (!parts.has(resolved)) problems.push(`${part}: ${id} points at missing ${resolved}`);
    }
  }
  const workbook = parts.get("xl/workbook.xml") ?? "";
  const rels = parts.get("xl/_rels/workbook.xml.rels") ?? "";
  const relIds = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], "Id") ?? "", attr(m[0], "Type") ?? ""]));
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
  if (sheets.length === 0) problems.push("no sheets");
  const sheetIds = new Set<string>();
  const names = new Set<string>();
  for (const s of sheets) {
    const id = attr(s, "sheetId") ?? "";
    const name = decode(attr(s, "name") ?? "").toLowerCase();
    if (sheetIds.has(id)) problems.push(`sheetId ${id} twice`);
    if (names.has(name)) problems.push(`sheet name ${name} twice`);
    sheetIds.add(id);
    names.add(name);
    if (!/\/worksheet$/.test(relIds.get(attr(s, "r:id") ?? "") ?? "")) problems.push(`sheet ${name}: r:id is not a worksheet relationship`);
  }
  for (const m of workbook.matchAll(/<definedName\b[^>]*>/g)) {
    const local = attr(m[0], "localSheetId");
    if (local !== undefined && Number(local) >= sheets.length) problems.push(`defined name ${attr(m[0], "name")} on sheet ${local} of ${sheets.length}`);
  }
  for (const m of workbook.matchAll(/\s(activeTab|firstSheet)="(\d+)"/g)) if (Number(m[2]) >= sheets.length) problems.push(`${m[1]} ${m[2]} of ${sheets.length}`);
  const localNames = [...workbook.matchAll(/<definedName\b[^>]*>/g)].map((m) => `${attr(m[0], "name")}@${attr(m[0], "localSheetId") ?? ""}`.toLowerCase());
  if (new Set(localNames).size !== localNames.length) problems.push("a defined name twice in the same scope");
  const styles = parts.get("xl/styles.xml") ?? "";
  const xfs = (/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1].match(/<xf[\s>/]/g) ?? []).length;
  const declared = Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1] ?? xfs);
  if (declared !== xfs) problems.push(`cellXfs count ${declared}, ${xfs} present`);
  for (const [part, xml] of parts) {
    if (!part.startsWith("xl/worksheets/") || !part.endsWith(".xml")) continue;
    for (const m of xml.matchAll(/<c\b[^>]*\ss="(\d+)"/g)) {
      if (Number(m[1]) >= xfs) {
        problems.push(`${part}: style ${m[1]} of ${xfs}`);
        break;
      }
    }
  }
  return problems;
}
