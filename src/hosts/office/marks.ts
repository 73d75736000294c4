import { FOLLOW_UP_NAME_PREFIX } from "../../workbook/plan";

/**
 * Följsam marks each sheet it writes with a workbook-scoped defined name
 * `FOLJSAM_SHEET_<n>` referring to `'<sheet>'!$A$1`. Excel rewrites the reference when the
 * sheet is renamed, so the mark follows the sheet; when the sheet is deleted it becomes #REF!.
 */
export function isMarkName(name: string): boolean {
  return name.toUpperCase().startsWith(FOLLOW_UP_NAME_PREFIX) && /^\d+$/.test(name.slice(FOLLOW_UP_NAME_PREFIX.length));
}

export function markName(index: number): string {
  return `${FOLLOW_UP_NAME_PREFIX}${index}`;
}

/** The sheet a mark's formula ("='Drift 2024'!$A$1") refers to; null when it is broken (#REF!). */
export function markedSheetName(formula: string): string | null {
  if (formula.includes("#REF!")) return null;
  const m = /^=?\s*(?:'((?:[^']|'')+)'|([^'!=]+))!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?\s*$/.exec(formula);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

export interface DefinedName {
  name: string;
  formula: string;
}

/** Följsam's marks among a workbook's names: every mark name, and the sheets still marked. */
export function followUpMarks(names: readonly DefinedName[], sheetNames: readonly string[]): { names: string[]; sheets: string[] } {
  const byKey = new Map(sheetNames.map((s) => [s.toLowerCase(), s]));
  const marks = names.filter((n) => isMarkName(n.name));
  const sheets: string[] = [];
  for (const mark of marks) {
    const target = markedSheetName(mark.formula);
    const sheet = target === null ? undefined : byKey.get(target.toLowerCase());
    if (sheet !== undefined && !sheets.includes(sheet)) sheets.push(sheet);
  }
  return { names: marks.map((m) => m.name), sheets };
}
