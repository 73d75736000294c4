import type { Amount } from "./amount";

export type Period = "T1" | "T2" | "VB";
export type Unit = "kr" | "tkr" | "mnkr";
export type Severity = "error" | "warning" | "info";

/** Where a value came from, so every finding can name its sheet and cell. */
export interface CellRef {
  sheet: string;
  /** A1 address, e.g. "C12". */
  cell: string;
}

/** A row's origin: its sheet, its 1-based row number and the address of each field's cell. */
export interface RowRef {
  sheet: string;
  row: number;
  /** Address of the row's label cell (area, indicator name …). */
  labelCell: string;
  /** Address per field name, for the fields the table has. */
  cells: Record<string, string>;
}

/** The values a finding's text is rendered from; amounts and percentages already formatted ("-3,2 mnkr"). */
export type FindingParams = Record<string, string | number | null>;

/**
 * A finding is data: the code names the rule, `params` holds the values its text is rendered
 * from. The engine holds no language: src/i18n renders the Swedish text (sheets, the JSON
 * report's `message`, the command line) and the English one (the task pane in English).
 */
export interface Finding {
  severity: Severity;
  code: FindingCode;
  sheet: string | null;
  cell: string | null;
  subject: string | null;
  params?: FindingParams;
}

export type FindingCode =
  | "COMMENT_REQUIRED"
  | "DEFICIT"
  | "FORECAST_MISSING"
  | "RUN_RATE"
  | "FORECAST_SHIFT"
  | "SUM_MISMATCH"
  | "NUMBER_PARSE"
  | "MISSING_COLUMN"
  | "DUPLICATE_ROW"
  | "FORMULA_ERROR"
  | "GENDER_GAP"
  | "DIRECTION_UNSET"
  | "CAP_BASIS_MISSING"
  | "FORMULA_NO_VALUE"
  | "DATE_IN_AMOUNT"
  | "PERIOD_MISMATCH"
  | "YEAR_MISMATCH"
  | "TOTAL_MISSING"
  | "UNKNOWN_EARMARK_SETTING"
  | "UNLABELLED_ROW"
  | "UNIT_MISMATCH"
  | "UNIT_ASSUMED"
  | "SETTING_UNKNOWN"
  | "UNIT_NAME_MISSING"
  | "TABLE_UNREADABLE"
  | "TABLE_NOT_USED"
  | "UNRECOGNISED_COLUMN"
  | "GIVEN_MISMATCH"
  | "SIGNS_NORMALISED"
  | "DIRECTION_ASSUMED"
  | "HEADING_ROWS";

// ---------------------------------------------------------------- settings

export interface EarmarkSetting {
  mode: "surplusOnly" | "both";
}

/** Every setting of DOMAIN.md. Amount thresholds are in mnkr whatever the input unit. */
export interface Settings {
  period: Period | null;
  year: number | null;
  /** Overrides the unit found in headers; null means "from the workbook, else tkr". */
  unit: Unit | null;
  commentThreshold: { mnkr: number; share: number };
  resultUnits: { capShare: number; carryDeficits: boolean };
  earmarks: Record<string, EarmarkSetting>;
  indicators: {
    tolerance: number;
    improvementCountsAsPartial: boolean;
    genderGapPoints: number;
    /** For non-% indicators: share of the larger of the two values. */
    genderGapShare: number;
  };
  runRateShare: number;
  forecastAccuracyBand: number;
  costsNegative: boolean;
  /**
   * Per amount column, whether its sign is flipped ("flip") or kept ("keep") whatever the
   * reader's sign rule says (DOMAIN.md 7a); a column not named is decided by the rule.
   */
  signs: Partial<Record<SignField, "flip" | "keep">>;
}

export type SignField = "budget" | "actual" | "forecast" | "previousForecast" | "priorYearActual";

// ---------------------------------------------------------------- operating budget input

export interface DriftRowInput {
  /** Hierarchy path: [area] or [area, unit] or [area, unit, cost type]. */
  path: string[];
  budget: Amount | null;
  actual: Amount | null;
  forecast: Amount | null;
  /** Why the forecast is null when the table has a forecast column: "empty", "invalid", "error". */
  forecastProblem?: "empty" | "invalid" | "error" | null;
  previousForecast: Amount | null;
  priorYearActual: Amount | null;
  comment: string | null;
  resultUnit: boolean;
  openingResultFund: Amount | null;
  grossBudget: Amount | null;
  earmark: string | null;
  ref: RowRef;
  /** Figures the input table derives itself (DOMAIN.md 7a): checked, and used where their sources are missing. */
  given?: GivenFigures;
}

/**
 * Derived figures as the input gives them. `returnedFunds` per earmark name (from `Justering
 * <name>` columns). Cells are the A1 addresses, for GIVEN_MISMATCH.
 */
export interface GivenFigures {
  deviation?: Amount | null;
  resultTransfer?: Amount | null;
  returnedFunds?: Record<string, Amount | null>;
  adjustedDeviation?: Amount | null;
}

/** An input row labelled as a total ("Nämnden totalt", "Summa" …): checked, never summed. */
export interface TotalRowInput {
  label: string;
  budget: Amount | null;
  actual: Amount | null;
  forecast: Amount | null;
  previousForecast: Amount | null;
  priorYearActual: Amount | null;
  ref: RowRef;
  /**
   * The area a subtotal covers ("Summa Övrig verksamhet", or an area row with its units under it);
   * null or absent for a total of the whole table.
   */
  scope?: string | null;
  /** Derived figures the total row gives (drift): checked against the sum of the rows it covers. */
  given?: GivenFigures;
  /** Cost-type totals: which rows the total covers ("Summa intäkter": the revenues). */
  costScope?: "revenue" | "cost" | null;
  /** Investment totals: the given Avvikelse and Avvikelse prognos. */
  givenInvestment?: { deviation?: Amount | null; deviationVsForecast?: Amount | null };
}

/** A heading row: an area (or unit) with rows under it; not a leaf. Its comment explains the group. */
export interface DriftHeadingInput {
  path: string[];
  comment: string | null;
  ref: RowRef;
}

export interface DriftTableInput {
  sheet: string;
  unit: Unit;
  rows: DriftRowInput[];
  totalRows: TotalRowInput[];
  /** Which amount columns the table has. */
  hasForecast: boolean;
  hasPreviousForecast: boolean;
  hasPriorYear: boolean;
  hasComment: boolean;
  /** Heading rows (not leaves), with their comments. */
  headings?: DriftHeadingInput[];
  /** The unit the sheet was written in, when the reader converted it to `unit`. */
  sourceUnit?: Unit;
  /**
   * The table gives result transfers or `Justering <name>` columns without Resultatenhet and
   * Öronmärkning columns: the given figures are the row's transfers and returned funds.
   */
  givenTransfers?: boolean;
  givenReturns?: string[];
  /** Column letters of given figures, for messages. */
  givenHeaders?: Record<string, string>;
}

export interface InvestmentRowInput {
  name: string;
  budget: Amount | null;
  actual: Amount | null;
  forecast: Amount | null;
  forecastProblem?: "empty" | "invalid" | "error" | null;
  previousForecast: Amount | null;
  multiYear: boolean;
  comment: string | null;
  ref: RowRef;
  /** Avvikelse and Avvikelse prognos as the table gives them: checked (GIVEN_MISMATCH). */
  given?: { deviation?: Amount | null; deviationVsForecast?: Amount | null };
}

export interface InvestmentTableInput {
  sheet: string;
  unit: Unit;
  rows: InvestmentRowInput[];
  totalRows: TotalRowInput[];
  hasForecast: boolean;
  hasPreviousForecast: boolean;
  /** The unit the sheet was written in, when the reader converted it to `unit`. */
  sourceUnit?: Unit;
  /** Header texts of the given columns, for messages. */
  givenHeaders?: Record<string, string>;
}

export type CostKind = "revenue" | "cost";

export interface CostTypeRowInput {
  name: string;
  /** From a Slag column; null when there is none (the sign decides). */
  kind: CostKind | null;
  priorYearActual: Amount | null;
  actual: Amount | null;
  ref: RowRef;
}

export interface CostTypeTableInput {
  sheet: string;
  unit: Unit;
  rows: CostTypeRowInput[];
  totalRows: TotalRowInput[];
  /** The unit the sheet was written in, when the reader converted it to `unit`. */
  sourceUnit?: Unit;
}

/** A parsed indicator cell: a number (percent held as points), or text, or nothing. */
export interface IndicatorValue {
  value: number | null;
  percent: boolean;
  /** The cell's text as written, for display and for "Tas fram av nämnden". */
  text: string | null;
}

export type TargetKind = "atLeast" | "atMost" | "band" | "none";
export type Direction = "higherIsBetter" | "lowerIsBetter";

export interface IndicatorRowInput {
  name: string;
  goal: string | null;
  actual: IndicatorValue;
  actualMen: IndicatorValue;
  actualWomen: IndicatorValue;
  priorYearActual: IndicatorValue;
  forecast: IndicatorValue;
  target: IndicatorValue;
  kfTarget: IndicatorValue;
  period: string | null;
  /** null when there is no Riktning column or its cell is empty. */
  direction: Direction | null;
  unit: string | null;
  /** Per-indicator tolerance as a fraction (0.1), or null for the setting. */
  tolerance: number | null;
  comment: string | null;
  ref: RowRef;
  /** Måluppfyllelse as the table states it (a given column, checked: GIVEN_MISMATCH), with its text. */
  givenStatus?: { status: IndicatorStatus | null; text: string; column: string };
}

export interface IndicatorTableInput {
  sheet: string;
  rows: IndicatorRowInput[];
  hasDirectionColumn: boolean;
  hasCommentColumn: boolean;
}

/** Everything the engine needs; produced by src/workbook/read from any host's cells. */
export interface FollowUpInput {
  period: Period;
  year: number | null;
  /** The report's unit: the drift table's, else the first table's. */
  unit: Unit;
  drift: DriftTableInput | null;
  investments: InvestmentTableInput | null;
  costTypes: CostTypeTableInput | null;
  indicators: IndicatorTableInput | null;
  /** Findings made while reading (NUMBER_PARSE, FORMULA_ERROR, MISSING_COLUMN …). */
  readFindings: Finding[];
  /** What was read as what, table by table (CONTRACT.md `tables`). */
  tables?: TableReport[];
  /** Where the period, year and unit came from, for the command line to say. */
  sources?: { period: ValueSource; year: ValueSource; unit: ValueSource };
}

/** Where a value the run uses came from: a setting, a header, a title row, other tables, or a default. */
export interface ValueSource {
  from: "setting" | "header" | "title" | "column" | "tables" | "default" | "none";
  sheet: string | null;
  cell: string | null;
  /** The text that said it ("Bokslut 2019"), when there is one. */
  text: string | null;
}

/** CONTRACT.md's `tables` entry: one per table found, read or not. */
export interface TableReport {
  sheet: string;
  kind: "operating" | "investments" | "costTypes" | "indicators";
  /** 1-based rows of the header. */
  headerRows: number[];
  unit: Unit | null;
  unitFrom: "header" | "title" | "setting" | "default" | "tables" | null;
  /** Field → column letter. */
  columns: Record<string, string>;
  unrecognisedColumns: { column: string; header: string }[];
  status: "read" | "unreadable" | "notUsed";
  /** Why a table is unreadable (or not used), in Swedish; null when read. */
  reason: string | null;
}

// ---------------------------------------------------------------- results

export interface AmountFields {
  budget: Amount | null;
  actual: Amount | null;
  forecast: Amount | null;
  previousForecast: Amount | null;
  priorYearActual: Amount | null;
  /** The forecast in T1/T2, the actual in VB. */
  base: Amount | null;
  deviation: Amount | null;
  deviationPct: number | null;
  resultTransfer: Amount;
  returnedFunds: Amount;
  adjustedDeviation: Amount | null;
  forecastChange: Amount | null;
  priorYearChange: Amount | null;
}

export interface DriftRowResult extends AmountFields {
  name: string;
  path: string[];
  comment: string | null;
  earmark: string | null;
  resultUnit: boolean;
  /** True when the forecast was missing and the budget stands in for it. */
  forecastSubstituted: boolean;
  runRate: Amount | null;
  ref: RowRef;
}

export interface DriftNodeResult extends AmountFields {
  name: string;
  /** Rows directly under this node (level 2 or 3 leaves, or sub-nodes flattened to leaves). */
  rows: DriftRowResult[];
  /** Sub-groups (enhet) when the path has three levels. */
  children: DriftNodeResult[];
  comment: string | null;
  needsComment: boolean;
  ref: RowRef | null;
}

export interface ResultUnitResult {
  name: string;
  area: string;
  deviation: Amount | null;
  resultTransfer: Amount;
  openingFund: Amount | null;
  closingFund: Amount | null;
  cap: Amount | null;
  capped: boolean;
  capBasisMissing: boolean;
  ref: RowRef;
}

export interface EarmarkResult {
  name: string;
  mode: "surplusOnly" | "both";
  budget: Amount | null;
  base: Amount | null;
  deviation: Amount | null;
  returnedFunds: Amount;
}

export interface OperatingResult {
  areas: DriftNodeResult[];
  total: DriftNodeResult;
  budgetAdherenceBefore: number | null;
  budgetAdherenceAfter: number | null;
  forecastAccuracy: number | null;
  forecastAccuracyMet: boolean | null;
  resultUnits: ResultUnitResult[];
  earmarks: EarmarkResult[];
}

export interface InvestmentRowResult {
  name: string;
  budget: Amount | null;
  actual: Amount | null;
  forecast: Amount | null;
  previousForecast: Amount | null;
  base: Amount | null;
  deviation: Amount | null;
  deviationVsForecast: Amount | null;
  reBudgetProposal: Amount | null;
  multiYear: boolean;
  comment: string | null;
  ref: RowRef | null;
}

export interface InvestmentResult {
  rows: InvestmentRowResult[];
  total: InvestmentRowResult;
  /** The investment table's own unit, when it differs from the report's (optional). */
  unit?: Unit;
}

export interface CostTypeRowResult {
  name: string;
  kind: CostKind;
  priorYearActual: Amount | null;
  actual: Amount | null;
  change: Amount | null;
  ref: RowRef | null;
}

export interface CostTypeResult {
  rows: CostTypeRowResult[];
  totals: { revenues: CostTypeRowResult; costs: CostTypeRowResult; net: CostTypeRowResult };
  /** The cost-type table's own unit, when it differs from the report's (optional). */
  unit?: Unit;
}

export type IndicatorStatus = "full" | "partial" | "none" | "notMeasured" | "notAssessable";

export interface IndicatorRowResult {
  name: string;
  goal: string | null;
  /** The assessed value: actual in VB, forecast in T1/T2 when given, else actual. */
  value: number | null;
  actual: number | null;
  actualMen: number | null;
  actualWomen: number | null;
  priorYearActual: number | null;
  forecast: number | null;
  /** The numeric target used (årsmål, else KF:s årsmål); for a band, the half-width. */
  target: number | null;
  targetText: string | null;
  kfTarget: number | null;
  kfTargetText: string | null;
  targetKind: TargetKind;
  /** Which cell the target came from: årsmål, KF:s årsmål (fallback), or neither. */
  targetSource?: "target" | "kfTarget" | null;
  direction: Direction;
  /** Where the direction came from: the Riktning column, the target ("högst"), the measure (DIRECTION_ASSUMED), or the default. */
  directionSource?: "given" | "target" | "assumed" | "default";
  percent: boolean;
  tolerance: number;
  status: IndicatorStatus;
  genderGap: number | null;
  comment: string | null;
  ref: RowRef;
}

export interface IndicatorSummary {
  full: number;
  partial: number;
  none: number;
  notMeasured: number;
  notAssessable: number;
}

export interface GoalResult {
  name: string;
  proposedStatus: IndicatorStatus;
  summary: IndicatorSummary;
}

export interface IndicatorResult {
  rows: IndicatorRowResult[];
  summary: IndicatorSummary;
  goals: GoalResult[];
  summarySentence: string;
  /** Names the indicators not measured or not assessable, or null when there are none. */
  notAssessedSentence: string | null;
}

export interface FollowUpResult {
  period: Period;
  year: number | null;
  unit: Unit;
  settings: Settings;
  operating: OperatingResult | null;
  investments: InvestmentResult | null;
  costTypes: CostTypeResult | null;
  indicators: IndicatorResult | null;
  findings: Finding[];
  /** What the reader read as what (CONTRACT.md `tables`); empty when the input came without it. */
  tables?: TableReport[];
  sources?: FollowUpInput["sources"];
}
