/**
 * The follow-up pipeline as the task pane uses it: pure functions over the grid read from Excel
 * (no Excel here). Settings come in layers as for the command line (defaults, the Inställningar
 * sheet, what the add-in stored in the workbook); the user's corrections from Hitta are applied
 * to the detected tables and handed to runFollowUp as its `tables` argument.
 */
import { defaultSettings, mergeSettings } from "../../engine/settings";
import type { FollowUpResult, Period, Settings, Unit } from "../../engine/types";
import type { WorkbookGrid } from "../../workbook/cells";
import { checkFollowUp, followUpSteps, resolveSettings, runFollowUp, type FollowUpRun } from "../../workbook/followUp";
import { detectTables, inferPeriod, readSettingsSheet, readWorkbook, type DetectedTable, type TableKind } from "../../workbook/read";
import { missingColumns } from "../../workbook/read/columns";
import type { SheetPlan } from "../../workbook/plan";
import { buildTemplatePlans } from "../../workbook/template";
import { HEADER_SYNONYMS, TABLE_KINDS } from "../../workbook/read/synonyms";
import type { RawSettings } from "./types";

export type { DetectedTable, TableKind } from "../../workbook/read";
export { TABLE_KINDS } from "../../workbook/read/synonyms";

export const UNITS: readonly Unit[] = ["kr", "tkr", "mnkr"];
export const PERIODS: readonly Period[] = ["T1", "T2", "VB"];

/**
 * What the user changed in one table under Hitta. A column is named by its header text, not its
 * position, so that a column inserted or deleted afterwards moves nothing: "Ram 2019" stays
 * Budget wherever it now stands. A column without header text is named by its position
 * (`#3` for column D).
 */
export interface TableCorrection {
  /** Header text (or `#` and the 0-based column when the header is empty) → field, or null to ignore the column. */
  columns?: Record<string, string | null>;
  unit?: Unit;
}

/** The key a correction names a column by: its header text, or its position when it has none. */
export function headerKey(text: string, col: number): string {
  return text.trim() !== "" ? text : `#${col}`;
}

/** A correction whose column is no longer in the table (its header was renamed or deleted). */
export interface LostCorrection {
  /** tableKey() of the table. */
  table: string;
  sheet: string;
  /** The header text the correction named (or `#` and the column for a column without one). */
  header: string;
  field: string | null;
}

/** Corrections per table, keyed by tableKey(). */
export type Corrections = Record<string, TableCorrection>;

export function tableKey(table: Pick<DetectedTable, "sheet" | "kind">): string {
  return `${table.kind}@${table.sheet}`;
}

/** The fields a column of this kind of table can hold, in the reader's order. */
export function fieldsFor(kind: TableKind): string[] {
  const fields = Object.keys(HEADER_SYNONYMS[kind]).map((key) => key.split("@")[0]);
  return [...new Set(fields)];
}

/** Every field of every kind (for the string-table test). */
export function allFields(): string[] {
  return [...new Set(TABLE_KINDS.flatMap(fieldsFor))];
}

/**
 * The settings in force: defaults, then the Inställningar sheet, then the stored layer (what the
 * user chose in the task pane). Throws SettingsError when a layer is invalid.
 */
export function effectiveSettings(grid: WorkbookGrid | null, stored: RawSettings | null): Settings {
  if (grid === null) return mergeSettings(defaultSettings(), stored, "sparade inställningar");
  return resolveSettings({ ...grid, storedSettings: stored ?? undefined });
}

/** The Inställningar sheet's name, when the workbook has one. */
export function settingsSheetName(grid: WorkbookGrid | null): string | null {
  return grid === null ? null : (readSettingsSheet(grid)?.sheet ?? null);
}

export interface FoundTables {
  /** The detected tables with the user's corrections applied. */
  tables: DetectedTable[];
  /** The period the workbook itself gives (headers, titles), whatever the settings say. */
  workbookPeriod: Period | null;
  /** Corrections that no longer find their column (or table); not applied, and named to the user. */
  lost: LostCorrection[];
}

export function findTables(grid: WorkbookGrid, settings: Settings, corrections: Corrections): FoundTables {
  const detected = detectTables(grid, settings);
  return {
    tables: detected.map((t) => applyCorrection(t, corrections[tableKey(t)])),
    workbookPeriod: inferPeriod(detected).period,
    lost: lostCorrections(detected, corrections),
  };
}

/** The corrections whose header is not (or no longer) in its table, or whose table is gone. */
export function lostCorrections(tables: readonly DetectedTable[], corrections: Corrections): LostCorrection[] {
  const lost: LostCorrection[] = [];
  for (const [key, correction] of Object.entries(corrections)) {
    const table = tables.find((t) => tableKey(t) === key);
    const sheet = key.slice(key.indexOf("@") + 1);
    for (const [header, field] of Object.entries(correction.columns ?? {})) {
      if (!table || columnOf(table, header) === null) lost.push({ table: key, sheet, header, field });
    }
  }
  return lost;
}

/** The column a correction's key names in the table now, or null. */
function columnOf(table: DetectedTable, header: string): number | null {
  const found = table.headers.find((h) => headerKey(h.text, h.col) === header);
  return found ? found.col : null;
}

export function hasCorrections(corrections: Corrections): boolean {
  return Object.values(corrections).some((c) => c.unit !== undefined || Object.keys(c.columns ?? {}).length > 0);
}

/** A detected table as the user corrected it: columns moved or ignored, the unit chosen. */
export function applyCorrection(table: DetectedTable, correction: TableCorrection | undefined): DetectedTable {
  if (correction === undefined) return table;
  const columns: Partial<Record<string, number>> = { ...table.columns };
  for (const [header, field] of Object.entries(correction.columns ?? {})) {
    const col = columnOf(table, header);
    if (col === null) continue;
    for (const [f, c] of Object.entries(columns)) if (c === col) delete columns[f];
    if (field !== null) columns[field] = col;
  }
  const fieldAt = new Map<number, string>();
  for (const [f, c] of Object.entries(columns)) if (c !== undefined) fieldAt.set(c, f);
  const corrected: DetectedTable = {
    ...table,
    columns,
    headers: table.headers.map((h) => ({ ...h, field: fieldAt.get(h.col) ?? null })),
    missing: missingColumns(table.kind, columns, null),
  };
  if (correction.unit !== undefined && correction.unit !== table.unit) {
    corrected.unit = correction.unit;
    corrected.unitSource = "setting";
  }
  return corrected;
}

/** The earmarks the drift table names (for their settings), plus those already in the settings. */
export function earmarksIn(grid: WorkbookGrid | null, settings: Settings, tables?: DetectedTable[]): string[] {
  const names = new Set<string>();
  if (grid !== null) {
    try {
      for (const row of readWorkbook(grid, settings, tables).drift?.rows ?? []) if (row.earmark) names.add(row.earmark);
    } catch {
      // A workbook that cannot be read yet (no period, a missing column) names no earmarks; Hitta says why.
    }
  }
  for (const name of Object.keys(settings.earmarks)) names.add(name);
  return [...names];
}

export interface PipelineRequest {
  grid: WorkbookGrid;
  stored: RawSettings | null;
  corrections: Corrections;
}

function prepared({ grid, stored, corrections }: PipelineRequest): { settings: Settings; tables: DetectedTable[] | undefined } {
  const settings = effectiveSettings(grid, stored);
  // Without corrections the reader detects the tables itself, exactly as the command line does.
  const tables = hasCorrections(corrections) ? findTables(grid, settings, corrections).tables : undefined;
  return { settings, tables };
}

/** The corrections of a request that no longer find their column in the workbook as read. */
export function lostInRequest({ grid, stored, corrections }: PipelineRequest): LostCorrection[] {
  if (!hasCorrections(corrections)) return [];
  return lostCorrections(detectTables(grid, effectiveSettings(grid, stored)), corrections);
}

/** The whole follow-up: results and the sheet plans to write. */
export function computeFollowUp(request: PipelineRequest): FollowUpRun {
  const { settings, tables } = prepared(request);
  return runFollowUp(request.grid, settings, tables);
}

/** computeFollowUp one step at a time (see followUpSteps). */
export function computeFollowUpSteps(request: PipelineRequest): ReturnType<typeof followUpSteps> {
  const { settings, tables } = prepared(request);
  return followUpSteps(request.grid, settings, tables);
}

/** Findings only (Kontrollera): no sheet plans. */
export function computeCheck(request: PipelineRequest): FollowUpResult {
  const { settings, tables } = prepared(request);
  return checkFollowUp(request.grid, settings, tables).result;
}

export interface TemplateChoice {
  period: Period;
  year: number;
  unit: Unit | null;
}

/**
 * The period and year "Skapa mall" uses: the settings', else the workbook's, else T1 of `thisYear`.
 * The unit is the setting's (the template's Inställningar sheet says tkr otherwise).
 */
export function templateChoice(settings: Settings, found: FoundTables | null, thisYear: number): TemplateChoice {
  const year = settings.year ?? found?.tables.find((t) => t.year !== null)?.year ?? thisYear;
  return { period: settings.period ?? found?.workbookPeriod ?? "T1", year, unit: settings.unit };
}

/** The template's sheets as plans: input sheets, instructions and Inställningar. */
export function templatePlans(choice: TemplateChoice): SheetPlan[] {
  return buildTemplatePlans(choice.period, choice.year, choice.unit === null ? {} : { unit: choice.unit });
}
