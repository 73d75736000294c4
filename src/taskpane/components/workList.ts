/**
 * The findings as a work list (pure, no React): one entry per subject, that is per row of a sheet
 * (an area, a unit, an indicator) with all its findings, grouped by sheet, filtered and paged.
 * Each entry names the cell to fix: the Kommentar cell for a missing comment, else the finding's
 * own cell (the bad cell of a parse error).
 */
import type { Finding, FindingCode, Severity } from "../../engine/types";
import { a1, parseA1 } from "../../workbook/cells";
import type { DetectedTable } from "../../workbook/read";
import { sortFindings } from "../../workbook/plans/findings";

export const PAGE_SIZE = 20;

export interface WorkEntry {
  key: string;
  sheet: string | null;
  subject: string | null;
  /** The cell to select, on `sheet`; null selects the sheet alone. */
  target: string | null;
  /** Its findings, errors first. */
  findings: Finding[];
  severity: Severity;
}

export interface SheetGroup {
  sheet: string | null;
  entries: WorkEntry[];
}

export interface WorkFilter {
  visible: Record<Severity, boolean>;
  code: string | null;
}

/** The Kommentar column of each sheet's tables (0-based), from what Hitta found. */
export function commentColumns(tables: readonly DetectedTable[] | null | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tables ?? []) {
    const col = t.columns.comment;
    if (col !== undefined && !out.has(t.sheet)) out.set(t.sheet, col);
  }
  return out;
}

/** Where to go to fix a finding: the row's Kommentar cell for a missing comment, else its cell. */
export function fixCell(finding: Finding, comments: ReadonlyMap<string, number>): string | null {
  if (finding.cell === null || finding.sheet === null) return finding.cell;
  if (finding.code !== "COMMENT_REQUIRED") return finding.cell;
  const at = parseA1(finding.cell);
  const col = comments.get(finding.sheet);
  return at === null || col === undefined ? finding.cell : a1(at.row, col);
}

function entryKey(f: Finding, index: number): string {
  const row = f.cell === null ? null : parseA1(f.cell)?.row;
  if (f.sheet === null) return `*\u0000${index}`;
  if (f.subject !== null) return `${f.sheet}\u0000${row ?? ""}\u0000${f.subject}`;
  if (f.cell !== null) return `${f.sheet}\u0000${row ?? ""}\u0000@${f.cell}`;
  return `${f.sheet}\u0000#${index}`;
}

export function matches(f: Finding, filter: WorkFilter): boolean {
  return filter.visible[f.severity] && (filter.code === null || f.code === filter.code);
}

/** The findings that pass the filter, as entries grouped by sheet: sheets and entries in order of their worst finding. */
export function workList(findings: readonly Finding[], filter: WorkFilter, comments: ReadonlyMap<string, number>): SheetGroup[] {
  const entries = new Map<string, WorkEntry>();
  sortFindings(findings.filter((f) => matches(f, filter))).forEach((f, i) => {
    const key = entryKey(f, i);
    const entry = entries.get(key);
    if (entry !== undefined) {
      entry.findings.push(f);
      // A comment to write is what the user came to do; the row's other findings are read there.
      if (f.code === "COMMENT_REQUIRED") entry.target = fixCell(f, comments);
      return;
    }
    entries.set(key, { key, sheet: f.sheet, subject: f.subject, target: fixCell(f, comments), findings: [f], severity: f.severity });
  });
  const groups = new Map<string | null, SheetGroup>();
  for (const entry of entries.values()) {
    const group = groups.get(entry.sheet) ?? { sheet: entry.sheet, entries: [] };
    group.entries.push(entry);
    groups.set(entry.sheet, group);
  }
  // The whole workbook's findings (no sheet) last.
  return [...groups.values()].sort((a, b) => (a.sheet === null ? 1 : 0) - (b.sheet === null ? 1 : 0));
}

/** The codes present, with their counts, for the kind filter. */
export function codesIn(findings: readonly Finding[]): { code: FindingCode; count: number }[] {
  const counts = new Map<FindingCode, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts].map(([code, count]) => ({ code, count }));
}

/** One page of the grouped entries (sheet headings repeated on the page where their entries are). */
export function pageOf(groups: readonly SheetGroup[], page: number, size = PAGE_SIZE): { groups: SheetGroup[]; pages: number; page: number } {
  const all = groups.flatMap((g) => g.entries);
  const pages = Math.max(1, Math.ceil(all.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = new Set(all.slice(p * size, (p + 1) * size));
  const out = groups.map((g) => ({ sheet: g.sheet, entries: g.entries.filter((e) => shown.has(e)) })).filter((g) => g.entries.length > 0);
  return { groups: out, pages, page: p };
}
