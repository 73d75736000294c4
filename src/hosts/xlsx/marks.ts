import type * as ExcelJS from "exceljs";
import { FOLLOW_UP_NAME_PREFIX } from "../../workbook/plan";

/**
 * Följsam marks each sheet it writes with a workbook-level defined name
 * `FOLJSAM_SHEET_<n>` referring to `'<sheet>'!$A$1` (the Office.js host does the same). A defined
 * name follows its sheet when the user renames it in Excel, so a renamed follow-up sheet is still
 * recognised and replaced, and a user's own sheet that merely has the same name never is.
 */

/** One cell of a defined name as ExcelJS keeps it (its DefinedNames type calls this a Cell). */
interface NameCell {
  sheetName: string;
  address: string;
  row: number;
  col: number;
}

/**
 * ExcelJS keeps a quoted sheet name as written in the reference, with apostrophes still doubled
 * ("'O''Brien'!$A$1" gives "O''Brien").
 */
function unescapeSheetName(name: string): string {
  return name.replace(/''/g, "'");
}

/** As the Office.js host: the prefix (names are case-insensitive in Excel) and a number. */
export function isMarkName(name: string): boolean {
  return name.toUpperCase().startsWith(FOLLOW_UP_NAME_PREFIX) && /^\d+$/.test(name.slice(FOLLOW_UP_NAME_PREFIX.length));
}

function markCells(workbook: ExcelJS.Workbook): { name: string; cell: NameCell }[] {
  const found: { name: string; cell: NameCell }[] = [];
  workbook.definedNames.forEach((name, cell) => {
    if (isMarkName(name)) found.push({ name, cell: cell as unknown as NameCell });
  });
  return found;
}

/** The sheets carrying Följsam's mark, in workbook order. Sheet names compare case-insensitively, as in Excel. */
export function markedSheets(workbook: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  const marked = new Set(markCells(workbook).map((m) => unescapeSheetName(m.cell.sheetName).toLowerCase()));
  return workbook.worksheets.filter((ws) => marked.has(ws.name.toLowerCase()));
}

/** Removes every Följsam mark, including stale ones whose sheet is gone. */
export function removeMarks(workbook: ExcelJS.Workbook): void {
  for (const { name, cell } of markCells(workbook)) workbook.definedNames.removeEx(cell as unknown as Parameters<ExcelJS.DefinedNames["removeEx"]>[0], name);
}

export function addMark(workbook: ExcelJS.Workbook, sheetName: string, n: number): void {
  workbook.definedNames.add(`'${sheetName.replace(/'/g, "''")}'!$A$1`, `${FOLLOW_UP_NAME_PREFIX}${n}`);
}
