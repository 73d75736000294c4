/**
 * A sheet plan is the follow-up sheet as plain data: cells (values, live formulas with the
 * engine's figure as cached result), number formats, named styles, conditional formats, charts,
 * freeze panes and print set-up. Plans are built from engine results in src/workbook/plans and
 * executed by a host (ExcelJS or Office.js). Tests inspect them before any host runs them.
 */

export type OutputKind =
  | "summary"
  | "drift"
  | "resultUnits"
  | "earmarks"
  | "investments"
  | "costTypes"
  | "indicators"
  | "findings";

/** Sheets of a report template (src/workbook/template): input sheets for a person to fill. */
export type TemplateKind = "instructions" | "templateDrift" | "templateInvestments" | "templateCostTypes" | "templateIndicators" | "templateSettings";

/** Sheets of a city-wide consolidation (src/workbook/consolidate). */
export type ConsolidationKind = "cityUnits" | "cityGoals" | "cityFindings";

export type PlanKind = OutputKind | TemplateKind | ConsolidationKind;

/** Named styles; their look is defined once, as data, in ./styles.ts. */
export type StyleName =
  | "title"
  | "note"
  | "header"
  | "text"
  | "wrap"
  | "total"
  | "subtotal"
  | "deficit"
  | "needsComment"
  | "statusFull"
  | "statusPartial"
  | "statusNone"
  | "statusNotMeasured"
  | "statusNotAssessable"
  | "severityError"
  | "severityWarning"
  | "severityInfo"
  | "goal";

export interface PlanCell {
  /** The value, or for a formula cell the engine's figure (written as the cached result). */
  v: number | string | boolean | null;
  /** Formula without the leading "=", in A1 style, locale-invariant (comma separators). */
  f?: string;
  /**
   * On the first cell of a column run: the `fill` cells below it hold the same formula relative
   * to their row (each still carries its own `f`). A host may write the run as one formula
   * (the .xlsx host as a shared formula).
   */
  fill?: number;
  /** Locale-invariant number format code, e.g. "#,##0.0" or "0.0%". */
  numFmt?: string;
  styles?: StyleName[];
}

export interface DataBarRule {
  type: "dataBar";
  /** A1 range on this sheet, e.g. "E5:E14". */
  range: string;
  color: string;
}

/** One series of a chart: its values (a column range on this sheet) and the cell holding its name. */
export interface ChartSeriesPlan {
  values: string;
  /** The header cell above the values, so the legend follows when the user renames it. */
  nameCell: string;
  name: string;
}

export interface ChartPlan {
  type: "barClustered";
  title: string;
  /** A1 ranges on this sheet. */
  categories: string;
  /** Every value column together (hosts that take one source range use it). */
  values: string;
  seriesName: string;
  /** The series one by one, where the host writes them itself (the .xlsx chart parts). */
  series?: ChartSeriesPlan[];
  /** A colour (RRGGBB) per category, e.g. the status colours; otherwise one colour per series. */
  pointColors?: string[];
  /** Locale-invariant number format of the value axis. */
  numFmt?: string;
  /** Top-left and bottom-right cells where the chart is placed. */
  from: string;
  to: string;
}

/** Printed header and footer: left, centre and right texts (plain text; hosts escape it). */
export interface HeaderFooterPlan {
  headerLeft: string;
  headerRight: string;
  /** The footer's centre shows "Sida N av M" in every host. */
  footerLeft: string;
}

/**
 * Data validation on a range of input cells (templates). Hosts show `error` when a person types
 * something else; pasted values are not checked by Excel, which is why the reader checks again.
 */
export interface DataValidationPlan {
  /** A1 range on this sheet, e.g. "D4:D303". */
  range: string;
  rule:
    | { type: "decimal"; min: number; max: number }
    | { type: "whole"; min: number; max: number }
    /** A drop-down list; values hold no comma (Excel separates the list with commas). */
    | { type: "list"; values: string[] };
  /** Shown when the cell is selected. */
  prompt?: { title: string; text: string };
  /** Shown when a value is refused (Excel's "stop" style). */
  error: { title: string; text: string };
}

/**
 * Sheet protection without a password: locked cells (every cell outside `unlockedRanges`) cannot
 * be changed by mistake; a person lifts it from Excel's Review tab when needed.
 */
export interface SheetProtectionPlan {
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertRows: boolean;
  allowDeleteRows: boolean;
  allowSort: boolean;
  allowAutoFilter: boolean;
}

/** How a cell of a patterned row is made from the row's value: its look, and its formula for the row. */
export interface PatternCell {
  styles?: StyleName[];
  numFmt?: string;
  /** The formula for the 1-based row `n` (A1, no "="); absent for a value cell. */
  formula?: (n: number) => string;
}

/** Rows alike but for their values (a table's leaf rows): the cells' looks and formulas, once. */
export interface RowPattern {
  cells: (PatternCell | null)[];
}

/**
 * A row as a pattern and its values by column. A value cell without a value is empty, or a
 * styled empty cell when the pattern gives it a look; a formula cell's value is its cached result.
 * `fills` as PlanCell.fill, by column.
 */
export interface PatternRow {
  pattern: RowPattern;
  values: (number | string | null)[];
  fills: (number | undefined)[] | null;
}

/**
 * A sheet's rows made one at a time, for a sheet too large to hold as cells (Följsam Drift of a
 * city's ledger): the .xlsx host streams them into the compressor, patterned rows without making
 * their cells. `plan.rows` still gives every row (built when first read, for the Office host and tests).
 */
export interface PlanStream {
  /** Number of rows, as `rows.length`. */
  count: number;
  /** Number of columns: the widest row. */
  width: number;
  /** The first rows (title, notes, header), held as cells; forPrint edits the title here. */
  head: (PlanCell | null)[][];
  /** Every row in order, the head first, a patterned row as its pattern and values; made as it is read. */
  patterned(): Iterable<(PlanCell | null)[] | PatternRow>;
}

export interface SheetPlan {
  kind: PlanKind;
  /** Final sheet name (already made unique against the workbook's other sheets). */
  name: string;
  /** rows[r][c] from A1; null is an empty cell. */
  rows: (PlanCell | null)[][];
  /** Column widths in characters. */
  columnWidths: number[];
  /** Rows frozen at the top (the header rows). */
  freezeRows: number;
  freezeColumns?: number;
  conditionalFormats: DataBarRule[];
  charts: ChartPlan[];
  /** Rows repeated on every printed page (1-based, inclusive). */
  printTitleRows?: [number, number];
  landscape: boolean;
  tabColor?: string;
  /** Row heights in points by 0-based row, for rows of wrapped text; other rows keep the default. */
  rowHeights?: (number | undefined)[];
  /** 0-based rows that start a new printed page (a heading kept with its table). */
  pageBreaksBefore?: number[];
  headerFooter?: HeaderFooterPlan;
  /** The sheet the workbook opens on (one per workbook). */
  active?: boolean;
  /** Templates: validation of input cells. */
  dataValidations?: DataValidationPlan[];
  /** Templates: A1 ranges a person fills in; they stay editable when the sheet is protected. */
  unlockedRanges?: string[];
  /** Templates: protect the sheet (no password). */
  protection?: SheetProtectionPlan;
  /** Rows made one at a time (see PlanStream); `rows` and `rowHeights` are then built on first read. */
  stream?: PlanStream;
}

/** The defined-name prefix that marks a sheet as Följsam's own (see hosts). */
export const FOLLOW_UP_NAME_PREFIX = "FOLJSAM_SHEET_";
