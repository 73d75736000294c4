import { defaultSettings } from "../../engine/settings";
import type { Settings } from "../../engine/types";
import { CellStyle, CellValue, GridTable, SheetGrid, WorkbookGrid, a1, isPercentFormat, percentCellText } from "../../workbook/cells";
import { resolveSettings } from "../../workbook/followUp";
import { HEADER_SCAN_ROWS, detectTables, readSettingsSheet, type DetectedTable } from "../../workbook/read";
import { followUpMarks } from "./marks";
import { isDateFormat } from "./numberFormat";
import { readBlocks, type CellBlock, type MergeBlock, type ReadJob, type StyleBlock } from "./readBlocks";
import { CELL_STYLES_SET, MERGED_AREAS_SET, RequirementProbe, isSetSupported } from "./requirements";

export interface ReadOptions {
  /**
   * Read the cells of Följsam's own sheets too (default true). Without them the grid still lists
   * those sheets, marked followUp, with no rows; the request is smaller.
   */
  followUpContent?: boolean;
  /** Requirement-set probe (default `Office.context.requirements`): cell styles need ExcelApi 1.9, merges 1.13. */
  requirements?: RequirementProbe | null;
  /** Largest response (and request) one sync may carry, by the wire bound (default 4 MB). */
  budgetBytes?: number;
  /** The settings detection uses (default: the workbook's own, from its Inställningar sheet). */
  settings?: Settings;
}

/** Syncs a read always makes: sheets and names; used ranges and tables; then the header probe. */
export const READ_FIRST_SYNCS = 3;
export const DEFAULT_READ_BUDGET_BYTES = 4_000_000;

/** Rows above an Excel table's header that may hold its title (as the reader looks for it). */
const TITLE_ROWS_ABOVE_TABLE = 10;

interface SheetInfo {
  name: string;
  worksheet: Excel.Worksheet;
  /** The used range (values only), or null when the sheet is empty or not read. */
  used: { top: number; left: number; bottom: number; right: number } | null;
  tables: GridTable[];
  rows: CellValue[][];
  styles: Map<string, CellStyle>;
  merges: GridTable[];
  followUp: boolean;
}

/**
 * Reads the open workbook into the host-neutral grid within Excel's request and response limits:
 * 1. the sheets, defined names (Följsam's marks) and tables;
 * 2. each sheet's used range (its address only) and each table's range;
 * 3. a header probe: the first rows of every sheet (as far down as the reader looks for a header
 *    row) and the rows around each Excel table's header;
 * 4. the tables the reader finds in the probe: the rest of their sheet's rows, and (where Excel
 *    has the API) the name column's indent and bold and the header rows' merged cells.
 * Every load is cut into blocks of rows whose response stays under the budget, so the number of
 * syncs grows with the bytes read, never with the number of rows, sheets or tables. A sheet that
 * holds no table (a 100 000-row ledger beside the report) costs its first hundred rows only.
 * Values, value types and number formats are loaded (the formats tell dates and percentages);
 * formulas are not: Excel always has a formula's value, which is what the reader reads.
 * Below the probe only the found tables' columns are read: a table stacked further down whose
 * header lies outside those columns is not seen (the command line, which has every cell, would).
 */
export async function readWorkbookGrid(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookGrid> {
  const budget = options.budgetBytes ?? DEFAULT_READ_BUDGET_BYTES;
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name");
  const names = workbook.names.load("items/name,items/formula");
  const tables = workbook.tables.load("items/name,items/worksheet/name");
  workbook.load("name");
  await context.sync();

  const sheetNames = worksheets.items.map((ws) => ws.name);
  const marked = new Set(followUpMarks(names.items.map((n) => ({ name: n.name, formula: n.formula })), sheetNames).sheets);
  const readContent = (name: string) => options.followUpContent !== false || !marked.has(name);
  const usedRanges = worksheets.items.map((ws) =>
    readContent(ws.name) ? ws.getUsedRangeOrNullObject(true).load(["rowIndex", "columnIndex", "rowCount", "columnCount"]) : null,
  );
  const tableRanges = tables.items.map((table) => ({
    name: table.name,
    sheet: table.worksheet.name,
    range: table.getRange().load(["rowIndex", "columnIndex", "rowCount", "columnCount"]),
  }));
  await context.sync();

  const sheets: SheetInfo[] = worksheets.items.map((worksheet, i) => {
    const used = usedRanges[i];
    const name = sheetNames[i];
    return {
      name,
      worksheet,
      used:
        used && !used.isNullObject
          ? { top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 }
          : null,
      tables: tableRanges
        .filter((t) => t.sheet === name)
        .map(({ name: tableName, range }) => ({
          name: tableName,
          top: range.rowIndex,
          left: range.columnIndex,
          bottom: range.rowIndex + range.rowCount - 1,
          right: range.columnIndex + range.columnCount - 1,
        })),
      rows: [],
      styles: new Map(),
      merges: [],
      followUp: marked.has(name),
    };
  });

  // The probe: what the reader needs to find the tables. The settings sheet and (when asked for)
  // Följsam's own sheets are read whole.
  const settingsSheet = readSettingsSheet({ source: "", sheets: sheetNames.map((name) => ({ name, rows: [] })) })?.sheet ?? null;
  const probeJobs: ReadJob[] = [];
  const probed = new Map<SheetInfo, number>();
  for (const sheet of sheets) {
    if (!sheet.used) continue;
    const whole = sheet.name === settingsSheet || sheet.followUp;
    const probeBottom = whole ? sheet.used.bottom : Math.min(sheet.used.bottom, HEADER_SCAN_ROWS - 1);
    probed.set(sheet, probeBottom);
    probeJobs.push(...cellBlocks(sheet, sheet.used.top, probeBottom));
    for (const t of sheet.tables) {
      const from = Math.max(probeBottom + 1, t.top - TITLE_ROWS_ABOVE_TABLE);
      probeJobs.push(...cellBlocks(sheet, from, Math.min(t.top + 1, sheet.used.bottom)));
    }
  }
  await readBlocks(context, probeJobs, budget);

  const probeGrid = toGrid(workbook.name, sheets);
  const found = detectTables(probeGrid, options.settings ?? settingsOf(probeGrid));

  // The tables found: the rest of their rows, then the name column's styles and the header's merges.
  const styles = isSetSupported(CELL_STYLES_SET, options.requirements);
  const merges = isSetSupported(MERGED_AREAS_SET, options.requirements);
  const jobs: ReadJob[] = [];
  for (const sheet of sheets) {
    const ofSheet = found.filter((t) => t.sheet === sheet.name);
    if (!sheet.used || ofSheet.length === 0) continue;
    const bottom = neededBottom(sheet, ofSheet);
    // Below the probe only the tables' own columns are read (a stray cell far to the right
    // would otherwise make every row as wide as the sheet).
    const left = Math.min(...ofSheet.map((t) => Math.min(t.firstCol ?? sheet.used!.left, ...Object.values(t.columns).filter((c): c is number => c !== undefined))));
    const right = Math.max(...ofSheet.map((t) => Math.max(t.lastCol ?? sheet.used!.right, ...Object.values(t.columns).filter((c): c is number => c !== undefined))));
    jobs.push(...cellBlocks(sheet, (probed.get(sheet) ?? -1) + 1, bottom, Math.max(left, sheet.used.left), Math.min(right, sheet.used.right)));
    for (const table of ofSheet) {
      const nameCol = nameColumn(table);
      if (styles && nameCol !== null) jobs.push(...styleBlocks(sheet, nameCol, table.firstDataRow, Math.max(table.lastDataRow, bottom)));
      if (merges) jobs.push(mergeBlock(sheet, table));
    }
  }
  await readBlocks(context, jobs, budget);
  return toGrid(workbook.name, sheets);
}

function settingsOf(grid: WorkbookGrid): Settings {
  try {
    return resolveSettings(grid);
  } catch {
    // An invalid settings sheet stops the run later, with its message; detection can do without.
    return defaultSettings();
  }
}

/** The last row the tables found on a sheet may reach: an Excel table's end, else the used range's. */
function neededBottom(sheet: SheetInfo, tables: DetectedTable[]): number {
  if (!sheet.used) return -1;
  if (tables.every((t) => t.excelTable)) {
    const ends = tables.map((t) => sheet.tables.find((x) => x.name === t.excelTable)?.bottom ?? sheet.used!.bottom);
    return Math.min(sheet.used.bottom, Math.max(...ends));
  }
  return sheet.used.bottom;
}

/** The column that names the rows: the area (drift), the row name (other kinds), else the table's first. */
function nameColumn(table: DetectedTable): number | null {
  for (const field of ["area", "name", "unit"]) {
    const col = table.columns[field];
    if (col !== undefined) return col;
  }
  return table.firstCol ?? null;
}

function cellBlocks(sheet: SheetInfo, from: number, to: number, left = sheet.used?.left ?? 0, right = sheet.used?.right ?? 0): CellBlock[] {
  if (!sheet.used || to < from || right < left) return [];
  return [
    {
      kind: "cells",
      worksheet: sheet.worksheet,
      top: from,
      bottom: to,
      left,
      right,
      receive: (top, left, values, types, formats) => placeRows(sheet, top, left, values, types, formats),
    },
  ];
}

function styleBlocks(sheet: SheetInfo, col: number, from: number, to: number): StyleBlock[] {
  if (to < from) return [];
  return [
    {
      kind: "styles",
      worksheet: sheet.worksheet,
      top: from,
      bottom: to,
      col,
      receive: (top, cells) =>
        cells.forEach((cell, i) => {
          const indent = cell.format?.indentLevel ?? 0;
          const bold = cell.format?.font?.bold === true;
          if (indent > 0 || bold) sheet.styles.set(a1(top + i, col), indent > 0 && bold ? { indent, bold } : indent > 0 ? { indent } : { bold });
        }),
    },
  ];
}

/** The header row and the row above it (two-row headers are joined there), across the table. */
function mergeBlock(sheet: SheetInfo, table: DetectedTable): MergeBlock {
  const left = table.firstCol ?? sheet.used!.left;
  const right = table.lastCol ?? sheet.used!.right;
  return {
    kind: "merges",
    worksheet: sheet.worksheet,
    top: Math.max(0, table.headerRow - 1),
    bottom: table.headerRow + 1,
    left,
    right,
    receive: (areas) => {
      for (const area of areas) if (!sheet.merges.some((m) => m.top === area.top && m.left === area.left)) sheet.merges.push(area);
    },
  };
}

function placeRows(sheet: SheetInfo, top: number, left: number, values: unknown[][], types: string[][], formats: unknown[][]): void {
  values.forEach((valueRow, r) => {
    const row: CellValue[] = new Array(left).fill(null);
    valueRow.forEach((value, c) => row.push(toCellValue(value, types[r][c], String(formats[r][c] ?? ""))));
    sheet.rows[top + r] = row;
  });
}

/** A used range's arrays, placed at its offset from A1 (one block, as the reader gets it). */
export function toSheetGrid(name: string, used: Pick<Excel.Range, "rowIndex" | "columnIndex" | "values" | "numberFormat" | "valueTypes">): SheetGrid {
  const rows: CellValue[][] = [];
  for (let r = 0; r < used.rowIndex; r++) rows.push([]);
  const sheet = { rows } as unknown as SheetInfo;
  placeRows(sheet, used.rowIndex, used.columnIndex, used.values, used.valueTypes, used.numberFormat);
  return { name, rows };
}

function toGrid(source: string, sheets: SheetInfo[]): WorkbookGrid {
  return {
    source,
    sheets: sheets.map((sheet) => {
      const rows: CellValue[][] = [];
      for (let r = 0; r < sheet.rows.length; r++) rows.push(sheet.rows[r] ?? []);
      const grid: SheetGrid = { name: sheet.name, rows };
      if (sheet.tables.length) grid.tables = sheet.tables;
      if (sheet.merges.length) grid.merges = sheet.merges;
      if (sheet.styles.size) grid.cellStyles = sheet.styles;
      if (sheet.followUp) grid.followUp = true;
      return grid;
    }),
  };
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
