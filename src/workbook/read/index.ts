/**
 * The reader: from a host's cells (WorkbookGrid) to the engine's input (FollowUpInput). Pure: no
 * files, no Excel. Rules: DOMAIN.md sections 2, 3, 6, 7 and 9; CONTRACT.md for the period.
 *
 * Decisions worth knowing:
 * - Units: each table's unit comes from its headers, else its title, else the setting, else tkr
 *   (a unit setting overrides them all). The report's unit is the drift table's, else the first
 *   amount table's; other tables are converted to it exactly and keep their own in `sourceUnit`.
 * - Period: the setting (command line, settings file), else the settings sheet, else the headers
 *   (period.ts), else a title or Period column; else a FoljsamError that says how to give it.
 * - Blank rows never end a table; a run of EMPTY_RUN_LIMIT (50) empty rows does, and so does a
 *   new header row after a blank row (tables stacked on one sheet). Notes under a table (rows
 *   without amounts) are not rows.
 * - costsNegative flips the sign of drift, investment and cost-type amounts (not the opening
 *   result fund, a balance that is positive either way).
 */
import type { FollowUpInput, Finding, Period, Settings, Unit } from "../../engine/types";
import { makeFinding } from "../../i18n/findings.sv";
import { type WorkbookGrid, a1 } from "../cells";
import { FoljsamError } from "../errors";
import { columnsForPeriod, missingColumns } from "./columns";
import { TableContext } from "./context";
import { readCostTypes } from "./costTypes";
import { type DetectedTable, type Given, detect, resolveForPeriod } from "./detect";
import { readDrift } from "./drift";
import { readIndicators } from "./indicators";
import { readInvestments } from "./investments";
import { inferPeriod, periodFromHeaders, periodSignalColumn } from "./period";
import { readSettingsSheet } from "./settingsSheet";
import type { TableKind } from "./synonyms";

export type { TableKind } from "./synonyms";
export type { DetectedTable } from "./detect";
export type { SettingsSheet } from "./settingsSheet";
export { inferPeriod, periodFromHeaders, periodFromText, periodSignalColumn, type PeriodInference } from "./period";
export { readSettingsSheet } from "./settingsSheet";
export { EMPTY_RUN_LIMIT, HEADER_SCAN_ROWS } from "./detect";

const PERIODS: readonly Period[] = ["T1", "T2", "VB"];
const UNITS: readonly Unit[] = ["kr", "tkr", "mnkr"];

/**
 * The workbook's tables, for the add-in's "Hitta" step: the user may correct columns and unit
 * and pass the tables back to readWorkbook. Never throws; a table missing a required column is
 * returned with `missing` set.
 */
export function detectTables(grid: WorkbookGrid, settings: Settings): DetectedTable[] {
  const given = givenFrom(grid, settings);
  const { tables } = detect(grid, given);
  const period = given.period ?? inferPeriod(tables).period;
  return period === null ? tables : tables.map((t) => resolveForPeriod(t, period));
}

/** Reads the workbook into the engine's input. Throws FoljsamError on what stops the run. */
export function readWorkbook(grid: WorkbookGrid, settings: Settings, tables?: DetectedTable[]): FollowUpInput {
  const given = givenFrom(grid, settings);
  let found: DetectedTable[];
  let unreadable: string[] = [];
  if (tables !== undefined) found = tables;
  else {
    const d = detect(grid, given);
    found = d.tables;
    unreadable = d.unreadableSheets;
  }
  if (found.length === 0) throw noTableError(grid.source, unreadable);
  for (const t of found) {
    const missing = missingColumns(t.kind, t.columns, null);
    if (missing.length > 0) throw missingColumnError(grid.source, t, missing);
  }

  const inference = inferPeriod(found);
  const period = given.period ?? inference.period;
  if (period === null) throw periodError(grid.source);
  found = found.map((t) => {
    const resolved = tables === undefined ? resolveForPeriod(t, period) : t;
    return { ...resolved, columns: columnsForPeriod(t.kind, resolved.columns, period) };
  });
  for (const t of found) {
    const missing = missingColumns(t.kind, t.columns, period);
    if (missing.length > 0) throw missingColumnError(grid.source, t, missing);
  }

  const findings: Finding[] = [];
  if (given.period !== null && inference.source === "headers" && inference.period !== null && inference.period !== given.period) {
    // Pointed at the header that says otherwise ("Bokslut 2026" in a template set to T1).
    const signal = found.find((t) => t.sheet === inference.sheet && periodFromHeaders(t.kind, t.headers, t.year) !== null);
    const col = signal ? periodSignalColumn(signal.kind, signal.headers, signal.year) : null;
    const cell = signal && col !== null ? a1(signal.headerRow, col) : null;
    findings.push(
      makeFinding("PERIOD_MISMATCH", "warning", { sheet: inference.sheet, cell, subject: null }, { given: given.period, found: inference.period }),
    );
  }

  const byKind = (kind: TableKind) => found.find((t) => t.kind === kind) ?? null;
  const driftTable = byKind("drift");
  const unitTable = driftTable ?? found.find((t) => t.kind !== "indicators") ?? found[0];
  const unit = unitTable.unit;

  for (const t of found) {
    if (t.kind !== "indicators" && t.unitSource === "setting" && t.foundUnit && t.foundUnit !== t.unit) {
      findings.push(
        makeFinding("UNIT_MISMATCH", "warning", { sheet: t.sheet, cell: a1(t.headerRow, t.firstCol ?? 0), subject: null }, {
          given: t.unit,
          where: `bladet "${t.sheet}"`,
          found: t.foundUnit,
        }),
      );
    }
  }

  // A table without a unit of its own is tkr (DOMAIN.md 9), which is worth a word when another
  // table of the same workbook states a different unit: the figures may be off by a thousand.
  const stated = found.find((t) => t.kind !== "indicators" && (t.unitSource === "header" || t.unitSource === "title"));
  if (stated) {
    for (const t of found) {
      if (t.kind === "indicators" || t.unitSource !== "default" || t.unit === stated.unit) continue;
      findings.push(
        makeFinding("UNIT_ASSUMED", "warning", { sheet: t.sheet, cell: a1(t.headerRow, t.firstCol ?? 0), subject: null }, {
          assumed: t.unit,
          where: `bladet "${stated.sheet}"`,
          found: stated.unit,
        }),
      );
    }
  }

  const year = given.year ?? (driftTable?.year ?? found.find((t) => t.year !== null)?.year ?? null);
  if (given.year !== null) {
    for (const t of found) {
      if (t.year === null || t.year === given.year) continue;
      const h = t.headers.find((x) => x.text.includes(String(t.year)));
      const cell = h ? a1(t.headerRow, h.col) : titleCellWith(grid, t, String(t.year));
      findings.push(
        makeFinding("YEAR_MISMATCH", "warning", { sheet: t.sheet, cell, subject: null }, {
          given: given.year,
          found: t.year,
        }),
      );
    }
  }

  const context = (t: DetectedTable | null, negate: boolean): TableContext | null => {
    if (t === null) return null;
    const sheet = grid.sheets.find((s) => s.name === t.sheet);
    if (!sheet) throw new FoljsamError(`${grid.source}: bladet "${t.sheet}" finns inte.`);
    return new TableContext(sheet, t, t.columns, findings, unit, negate);
  };
  const negate = settings.costsNegative;
  const driftCtx = context(driftTable, negate);
  const investmentsCtx = context(byKind("investments"), negate);
  const costTypesCtx = context(byKind("costTypes"), negate);
  const indicatorsCtx = context(byKind("indicators"), false);
  return {
    period,
    year,
    unit,
    drift: driftCtx ? readDrift(driftCtx) : null,
    investments: investmentsCtx ? readInvestments(investmentsCtx) : null,
    costTypes: costTypesCtx ? readCostTypes(costTypesCtx) : null,
    indicators: indicatorsCtx ? readIndicators(indicatorsCtx) : null,
    readFindings: findings,
  };
}

/** The title cell above a table that holds `text` (the year a title gave the table), else null. */
function titleCellWith(grid: WorkbookGrid, t: DetectedTable, text: string): string | null {
  const sheet = grid.sheets.find((s) => s.name === t.sheet);
  if (!sheet) return null;
  for (let r = Math.max(0, t.headerRow - 10); r < t.headerRow; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.includes(text)) return a1(r, c);
    }
  }
  return null;
}

/** Period, year and unit from the settings, else from the workbook's settings sheet. */
function givenFrom(grid: WorkbookGrid, settings: Settings): Given {
  let period = settings.period;
  let year = settings.year;
  let unit = settings.unit;
  if (period === null || year === null || unit === null) {
    const sheet = readSettingsSheet(grid)?.settings;
    if (sheet) {
      if (period === null && PERIODS.includes(sheet.period as Period)) period = sheet.period as Period;
      if (year === null && Number.isInteger(sheet.year)) year = sheet.year as number;
      if (unit === null && UNITS.includes(sheet.unit as Unit)) unit = sheet.unit as Unit;
    }
  }
  return { period, year, unit };
}

function listSv(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

function missingColumnError(source: string, t: DetectedTable, missing: string[]): FoljsamError {
  const what = missing.length === 1 ? `kolumnen ${missing[0]} saknas` : `kolumnerna ${listSv(missing)} saknas`;
  return new FoljsamError(`${source}, blad "${t.sheet}": ${what} (rubrikraden är rad ${t.headerRow + 1}).`);
}

function noTableError(source: string, unreadable: string[]): FoljsamError {
  const sheets =
    unreadable.length > 0
      ? ` ${unreadable.length === 1 ? "Bladet" : "Bladen"} ${listSv(unreadable.map((s) => `"${s}"`))} saknar en rubrikrad som känns igen.`
      : "";
  return new FoljsamError(
    `${source}: hittar ingen tabell att följa upp.${sheets} Ge bladen namn som "Drift", "Investeringar", "Kostnadsslag" eller "Indikatorer", med en rubrikrad som t.ex. Verksamhetsområde | Budget | Utfall.`,
  );
}

function periodError(source: string): FoljsamError {
  return new FoljsamError(
    `${source}: Kan inte avgöra perioden av kolumnrubrikerna; ange --period T1, T2 eller VB (eller Period på bladet Inställningar).`,
  );
}
