import { CellValue, GridTable, SheetGrid, WorkbookGrid, a1, isPercentFormat, percentCellText } from "../../workbook/cells";
import { followUpMarks } from "./marks";
import { isDateFormat } from "./numberFormat";

export interface ReadOptions {
  /**
   * Read the cells of Följsam's own sheets too (default true). Without them the grid still lists
   * those sheets, marked followUp, with no rows; the request is smaller.
   */
  followUpContent?: boolean;
}

/** Number of `context.sync()` calls `readWorkbookGrid` makes, whatever the workbook's size. */
export const READ_SYNCS = 2;

const USED_RANGE_PROPERTIES = ["rowIndex", "columnIndex", "values", "formulas", "numberFormat", "valueTypes"];

/**
 * Reads the open workbook into the host-neutral grid in two syncs: first the sheets, defined
 * names (Följsam's marks) and tables; then, for every sheet at once, the used range's values,
 * formulas, number formats and value types, and every table's range.
 *
 * Note: the second response grows with the workbook. Excel on the web caps one response at
 * 5 MB (roughly 100 000 cells of numbers with their formats); far larger workbooks would need
 * the read split by rows, which would make the sync count grow with size.
 */
export async function readWorkbookGrid(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookGrid> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name");
  const names = workbook.names.load("items/name,items/formula");
  const tables = workbook.tables.load("items/name,items/worksheet/name");
  workbook.load("name");
  await context.sync();

  const sheetNames = worksheets.items.map((ws) => ws.name);
  const marked = new Set(followUpMarks(names.items.map((n) => ({ name: n.name, formula: n.formula })), sheetNames).sheets);
  const readContent = (name: string) => options.followUpContent !== false || !marked.has(name);
  const usedRanges = worksheets.items.map((ws) => (readContent(ws.name) ? ws.getUsedRangeOrNullObject(true).load(USED_RANGE_PROPERTIES) : null));
  const tableRanges = tables.items.map((table) => ({
    name: table.name,
    sheet: table.worksheet.name,
    range: table.getRange().load(["rowIndex", "columnIndex", "rowCount", "columnCount"]),
  }));
  await context.sync();

  const sheets: SheetGrid[] = sheetNames.map((name, i) => {
    const used = usedRanges[i];
    const grid: SheetGrid = used && !used.isNullObject ? toSheetGrid(name, used) : { name, rows: [] };
    const sheetTables: GridTable[] = tableRanges
      .filter((t) => t.sheet === name)
      .map(({ name: tableName, range }) => ({
        name: tableName,
        top: range.rowIndex,
        left: range.columnIndex,
        bottom: range.rowIndex + range.rowCount - 1,
        right: range.columnIndex + range.columnCount - 1,
      }));
    if (sheetTables.length) grid.tables = sheetTables;
    if (marked.has(name)) grid.followUp = true;
    return grid;
  });
  return { source: workbook.name, sheets };
}

/** A used range's arrays, placed at its offset from A1. */
export function toSheetGrid(name: string, used: Pick<Excel.Range, "rowIndex" | "columnIndex" | "values" | "formulas" | "numberFormat" | "valueTypes">): SheetGrid {
  const top = used.rowIndex;
  const left = used.columnIndex;
  const rows: CellValue[][] = [];
  for (let r = 0; r < top; r++) rows.push([]);
  const formulas = new Map<string, string>();
  used.values.forEach((valueRow, r) => {
    const row: CellValue[] = new Array(left).fill(null);
    valueRow.forEach((value, c) => {
      const type: string = used.valueTypes[r][c];
      const formula: unknown = used.formulas[r][c];
      // A text cell that merely starts with "=" (entered with an apostrophe) reads back the
      // same through formulas and values; only a real formula differs from its value.
      if (typeof formula === "string" && formula.startsWith("=") && !(type === "String" && formula === value)) {
        formulas.set(a1(top + r, left + c), formula.slice(1));
      }
      row.push(toCellValue(value, type, String(used.numberFormat[r][c] ?? "")));
    });
    rows.push(row);
  });
  const grid: SheetGrid = { name, rows };
  if (formulas.size) grid.formulas = formulas;
  return grid;
}

function toCellValue(value: unknown, type: string, numberFormat: string): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Double":
    case "Integer":
      if (typeof value !== "number") return value as number;
      if (isDateFormat(numberFormat)) return { date: value };
      // As the xlsx host does: a percent-formatted number goes on as the text it shows.
      return isPercentFormat(numberFormat) ? percentCellText(value) : value;
    case "Boolean":
      return Boolean(value);
    case "String":
      return String(value);
  }
  // "Unknown" and "RichValue" (linked data types): keep what Excel shows.
  if (typeof value === "number" || typeof value === "boolean") return value;
  return value === "" || value === null || value === undefined ? null : String(value);
}
