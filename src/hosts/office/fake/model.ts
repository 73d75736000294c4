import { columnLetters, quoteSheetName } from "../../../workbook/cells";
import { Area, MAX_COLUMNS, formatAbsoluteArea } from "./address";
import { FakeOfficeError } from "./errors";

/**
 * The state of a fake Excel workbook: plain data that tests build, inspect and compare. The proxy
 * objects (./range, ./worksheet, ./workbook) read and change it only while a `sync()` runs.
 */

export type FakeScalar = number | string | boolean;

export interface FakeCellFormat {
  bold?: boolean;
  italic?: boolean;
  /** Indent of the cell text (RangeFormat.indentLevel, 0–250). */
  indentLevel?: number;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: string;
  borderTop?: string;
  borderBottom?: string;
  borderLeft?: string;
  borderRight?: string;
}

export interface FakeCell {
  /** Constant value; for a formula cell the cached result (null when the fake did not calculate it). */
  value: FakeScalar | null;
  /** Error value such as "#REF!" (then `value` is null). */
  error?: string;
  /** Formula with its leading "=". */
  formula?: string;
  /** Locale-invariant number format; absent means "General". */
  numberFormat?: string;
  /** True when the text was entered with a leading apostrophe (Excel's quotePrefix). */
  quotePrefix?: boolean;
  format?: FakeCellFormat;
}

export interface FakeTable {
  name: string;
  area: Area;
}

export interface FakeDataBar {
  fillColor?: string;
  borderColor?: string;
  gradientFill?: boolean;
  barDirection?: string;
  showDataBarOnly?: boolean;
}

export interface FakeConditionalFormat {
  type: string;
  /** Address on the sheet, e.g. "E5:E14". */
  range: string;
  dataBar?: FakeDataBar;
}

export interface FakeChartSeries {
  name?: string;
  values: string;
  xAxisValues?: string;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  legendVisible?: boolean;
  position?: { from: string; to?: string };
  series: FakeChartSeries[];
}

/** Data validation set on a range through the API (templates), as sent. */
export interface FakeDataValidation {
  /** Address on the sheet, e.g. "D4:D303". */
  range: string;
  ignoreBlanks?: boolean;
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
}

/** A protected sheet: the options protect() was given, and whether a password was. */
export interface FakeProtection {
  options: Excel.WorksheetProtectionOptions;
  password: boolean;
}

/** A format set on a range too large to record cell by cell (whole rows or columns). */
export interface FakeRangeFormatEntry {
  range: string;
  property: string;
  value: unknown;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** "#RRGGBB" or "" for none. */
  tabColor: string;
  deleted: boolean;
  cells: Map<number, FakeCell>;
  /** Column widths in points, by 0-based column. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  tables: FakeTable[];
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
  freeze: { rows: number; columns: number } | null;
  pageLayout: { orientation: "Portrait" | "Landscape"; printTitleRows?: string };
  rangeFormats: FakeRangeFormatEntry[];
  dataValidations: FakeDataValidation[];
  /** Ranges whose cells were unlocked (format.protection.locked = false), e.g. "A4:H303". */
  unlockedRanges: string[];
  protection: FakeProtection | null;
}

export type FakeNameTarget = { sheet: FakeSheet; area: Area } | { formula: string };

export interface FakeName {
  name: string;
  target: FakeNameTarget;
  comment: string;
  visible: boolean;
}

/** What one `context.sync()` sent and received, as measured by the fake. */
export interface SyncRecord {
  /** 1-based, over the life of the workbook (see `resetStats`). */
  index: number;
  operations: number;
  /** Serialised size (UTF-8 bytes) of the operations queued since the previous sync. */
  requestBytes: number;
  /** Serialised size of the properties the sync loaded. */
  responseBytes: number;
}

export interface FakeWorkbookOptions {
  name?: string;
  /** Largest request one sync may send; Excel on the web allows 5 MB. */
  payloadLimitBytes?: number;
  /**
   * Largest response one sync may receive; Excel on the web allows 5 MB, the default. null turns
   * the limit off, for a test of what its absence allows, and only there.
   */
  responseLimitBytes?: number | null;
  /** The newest ExcelApi 1.x the fake's Excel supports (default 17); see ./requirements. */
  excelApiMinor?: number;
}

/** The change events of ExcelApi 1.7 that the fake raises (WorksheetCollection.onChanged …). */
export type FakeEventKind = "changed" | "added" | "deleted";

export interface FakeEventArgs {
  type: string;
  source: "Local" | "Remote";
  worksheetId: string;
  changeType?: string;
  address?: string;
}

export const DEFAULT_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel refuses to return more than five million cells from one read. */
export const MAX_CELLS_READ = 5_000_000;

const INVALID_SHEET_CHARS = /[:\\/?*[\]]/;
const NAME_PATTERN = /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/;

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export class FakeWorkbook {
  name: string;
  payloadLimitBytes: number;
  responseLimitBytes: number | null;
  excelApiMinor: number;
  /** While true, every sync fails as it does while the user is typing in a cell. */
  cellEditMode = false;
  /** Merged ranges per sheet id (0-based areas). */
  readonly merges = new Map<string, Area[]>();
  private readonly handlers = new Map<FakeEventKind, ((args: FakeEventArgs) => Promise<unknown> | void)[]>();
  private readonly pendingEvents: { kind: FakeEventKind; args: FakeEventArgs }[] = [];
  private syncing = false;
  readonly sheets: FakeSheet[] = [];
  readonly names: FakeName[] = [];
  syncs: SyncRecord[] = [];
  suspendCalculationCalls = 0;
  /** Range proxies made, and how many of them were untracked (Office.js `range.untrack()`). */
  rangeProxies = 0;
  untrackedRanges = 0;
  activeSheet: FakeSheet | undefined;
  /** Address of the last range selected through the API. */
  selection: string | undefined;
  private nextId = 1;

  constructor(options: FakeWorkbookOptions = {}) {
    this.name = options.name ?? "Bok1.xlsx";
    this.payloadLimitBytes = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT_BYTES;
    this.responseLimitBytes = options.responseLimitBytes === undefined ? DEFAULT_PAYLOAD_LIMIT_BYTES : options.responseLimitBytes;
    this.excelApiMinor = options.excelApiMinor ?? 17;
  }

  /** Called by a sync before it runs its operations: the states in which Excel refuses every request. */
  beforeSync(): void {
    if (this.cellEditMode) {
      throw new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    }
    this.syncing = true;
  }

  /** Called after a sync's operations: the events they raised go out, after the sync, as in Excel. */
  afterSync(): void {
    this.syncing = false;
    this.flushEvents();
  }

  addHandler(kind: FakeEventKind, handler: (args: FakeEventArgs) => Promise<unknown> | void): () => void {
    const list = this.handlers.get(kind) ?? [];
    list.push(handler);
    this.handlers.set(kind, list);
    return () => {
      const i = list.indexOf(handler);
      if (i >= 0) list.splice(i, 1);
    };
  }

  handlerCount(kind: FakeEventKind): number {
    return this.handlers.get(kind)?.length ?? 0;
  }

  /** Raises an event (delivered asynchronously; after the sync when an API call caused it). */
  raise(kind: FakeEventKind, args: Omit<FakeEventArgs, "type">): void {
    const type = kind === "changed" ? "WorksheetChanged" : kind === "added" ? "WorksheetAdded" : "WorksheetDeleted";
    this.pendingEvents.push({ kind, args: { type, ...args } });
    if (!this.syncing) this.flushEvents();
  }

  private flushEvents(): void {
    const events = this.pendingEvents.splice(0);
    for (const { kind, args } of events) {
      for (const handler of [...(this.handlers.get(kind) ?? [])]) setTimeout(() => void handler(args), 0);
    }
  }

  /**
   * The user inserts `count` empty columns before column `col` (0-based), as with Infoga > Kolumn:
   * cells, tables and merges to the right move; an onChanged event says so.
   */
  insertColumns(sheet: FakeSheet, col: number, count = 1): void {
    const moved = new Map<number, FakeCell>();
    for (const [key, cell] of sheet.cells) {
      const row = Math.floor(key / MAX_COLUMNS);
      const c = key % MAX_COLUMNS;
      moved.set(cellKey(row, c >= col ? c + count : c), cell);
    }
    sheet.cells = moved;
    const shift = (area: Area) => {
      if (area.left >= col) area.left += count;
      if (area.right >= col) area.right += count;
    };
    for (const table of sheet.tables) shift(table.area);
    for (const merge of this.merges.get(sheet.id) ?? []) shift(merge);
    this.raise("changed", { source: "Local", worksheetId: sheet.id, changeType: "ColumnInserted", address: `${columnLetters(col)}:${columnLetters(col + count - 1)}` });
  }

  /** The user types into a cell (an onChanged event with changeType RangeEdited). */
  typeValue(sheet: FakeSheet, row: number, col: number, value: FakeScalar | null): void {
    this.cellForWrite(sheet, row, col).value = value;
    this.raise("changed", { source: "Local", worksheetId: sheet.id, changeType: "RangeEdited", address: `${columnLetters(col)}${row + 1}` });
  }

  /** Forgets the sync log (e.g. after building the workbook, before the code under test runs). */
  resetStats(): void {
    this.syncs = [];
    this.suspendCalculationCalls = 0;
    this.rangeProxies = 0;
    this.untrackedRanges = 0;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get largestRequestBytes(): number {
    return this.syncs.reduce((max, s) => Math.max(max, s.requestBytes), 0);
  }

  findSheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  sheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. Worksheet: ${name}`);
    return sheet;
  }

  addSheet(name?: string): FakeSheet {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Blad${n}`)) n++;
      sheetName = `Blad${n}`;
    }
    this.checkSheetName(sheetName);
    const sheet: FakeSheet = {
      id: `{fake-sheet-${this.nextId++}}`,
      name: sheetName,
      visibility: "Visible",
      tabColor: "",
      deleted: false,
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      tables: [],
      conditionalFormats: [],
      charts: [],
      freeze: null,
      pageLayout: { orientation: "Portrait" },
      rangeFormats: [],
      dataValidations: [],
      unlockedRanges: [],
      protection: null,
    };
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    this.raise("added", { source: "Local", worksheetId: sheet.id });
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    sheet.name = name;
  }

  deleteSheet(sheet: FakeSheet): void {
    const visibleOthers = this.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
    if (visibleOthers.length === 0) {
      throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    if (this.activeSheet === sheet) this.activeSheet = visibleOthers[0];
    this.raise("deleted", { source: "Local", worksheetId: sheet.id });
    // Excel keeps names that pointed at the sheet; their reference becomes #REF!.
    for (const item of this.names) {
      if ("sheet" in item.target && item.target.sheet === sheet) {
        item.target = { formula: `=#REF!${formatAbsoluteArea(item.target.area)}` };
      }
    }
  }

  private checkSheetName(name: string, except?: FakeSheet): void {
    if (!name || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. Sheet name: ${name}`);
    }
    const existing = this.findSheet(name);
    if (existing && existing !== except) {
      throw new FakeOfficeError("ItemAlreadyExists", `The resource already exists. Worksheet: ${name}`);
    }
  }

  findName(name: string): FakeName | undefined {
    const key = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === key);
  }

  addName(name: string, target: FakeNameTarget, comment = ""): FakeName {
    if (!NAME_PATTERN.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]\d*$/.test(name)) {
      throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. Name: ${name}`);
    }
    if (this.findName(name)) throw new FakeOfficeError("ItemAlreadyExists", `The resource already exists. Name: ${name}`);
    const item: FakeName = { name, target, comment, visible: true };
    this.names.push(item);
    return item;
  }

  deleteName(item: FakeName): void {
    const i = this.names.indexOf(item);
    if (i >= 0) this.names.splice(i, 1);
  }

  getCell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  cellForWrite(sheet: FakeSheet, row: number, col: number): FakeCell {
    const key = cellKey(row, col);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = { value: null };
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  /** Bounding box of the cells with content (and, unless valuesOnly, with formats); null when none. */
  usedArea(sheet: FakeSheet, valuesOnly: boolean): Area | null {
    let area: Area | null = null;
    for (const [key, cell] of sheet.cells) {
      const hasValue = cell.value !== null || cell.formula !== undefined || cell.error !== undefined;
      if (!hasValue && (valuesOnly || (cell.numberFormat === undefined && cell.format === undefined))) continue;
      const row = Math.floor(key / MAX_COLUMNS);
      const col = key % MAX_COLUMNS;
      if (!area) area = { top: row, left: col, bottom: row, right: col };
      else {
        if (row < area.top) area.top = row;
        if (row > area.bottom) area.bottom = row;
        if (col < area.left) area.left = col;
        if (col > area.right) area.right = col;
      }
    }
    return area;
  }
}

/** The formula a defined name shows in Excel ("='Drift 2024'!$A$1", or "=#REF!$A$1" once its sheet is gone). */
export function nameFormula(item: FakeName): string {
  return "sheet" in item.target
    ? `=${quoteSheetName(item.target.sheet.name)}!${formatAbsoluteArea(item.target.area)}`
    : item.target.formula;
}
