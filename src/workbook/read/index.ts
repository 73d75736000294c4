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
import type { FollowUpInput, Finding, Period, Settings, TableReport, Unit, ValueSource } from "../../engine/types";
import { makeFinding } from "../../i18n/findings.sv";
import { type WorkbookGrid, a1, columnLetters } from "../cells";
import { FoljsamError } from "../errors";
import { columnsForPeriod, missingColumns } from "./columns";
import { TableContext } from "./context";
import { readCostTypes } from "./costTypes";
import { type DetectedTable, type Given, detect, resolveForPeriod } from "./detect";
import { readDrift } from "./drift";
import { readIndicators } from "./indicators";
import { readInvestments } from "./investments";
import { inferPeriod, periodFromHeaders, periodSignalColumn, type PeriodInference } from "./period";
import { sheetKindFromName } from "./headers";
import { analyseHeader } from "./normalise";
import { flippedColumns } from "./signs";
import { FIELD_LABELS, KIND_LABELS } from "./synonyms";
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

/** Reads the workbook into the engine's input. Throws FoljsamError only when nothing can be read. */
export function readWorkbook(grid: WorkbookGrid, settings: Settings, tables?: DetectedTable[]): FollowUpInput {
  const given = givenFrom(grid, settings);
  let found: DetectedTable[];
  let unreadableSheets: string[] = [];
  let others: DetectedTable[] = [];
  if (tables !== undefined) found = tables;
  else {
    const d = detect(grid, given);
    found = d.tables;
    unreadableSheets = d.unreadableSheets;
    others = d.others;
  }
  const findings: Finding[] = [];
  const reports: TableReport[] = [];
  const unreadable: { table: DetectedTable | null; sheet: string; missing: string[] }[] = [];
  const markUnreadable = (t: DetectedTable, missing: string[]) => {
    unreadable.push({ table: t, sheet: t.sheet, missing });
    findings.push(
      makeFinding("TABLE_UNREADABLE", "error", { sheet: t.sheet, cell: a1(t.headerRow, t.firstCol ?? 0), subject: null }, {
        sheet: `"${t.sheet}"`,
        kind: KIND_LABELS[t.kind],
        headerRow: t.headerRow + 1,
        missing: missingText(missing),
      }),
    );
    reports.push(tableReport(t, "unreadable", `${missingText(missing)} (rubrikraden är rad ${t.headerRow + 1})`));
  };
  for (const name of unreadableSheets) {
    const kind = sheetKindFromName(name);
    unreadable.push({ table: null, sheet: name, missing: [] });
    findings.push(
      makeFinding("TABLE_UNREADABLE", "error", { sheet: name, cell: null, subject: null }, { sheet: `"${name}"`, kind: kind ? KIND_LABELS[kind] : "en tabell" }),
    );
    reports.push({
      sheet: name,
      kind: REPORT_KINDS[kind ?? "drift"],
      headerRows: [],
      unit: null,
      unitFrom: null,
      columns: {},
      unrecognisedColumns: [],
      status: "unreadable",
      reason: "ingen rubrikrad som känns igen (t.ex. Verksamhetsområde | Budget | Utfall)",
    });
  }

  let readable = found.filter((t) => {
    const missing = missingColumns(t.kind, t.columns, null);
    if (missing.length > 0) markUnreadable(t, missing);
    return missing.length === 0;
  });
  if (readable.length === 0) throw nothingReadable(grid.source, unreadable);

  const inference = inferPeriod(readable);
  const period = given.period ?? inference.period;
  if (period === null) throw periodError(grid.source);
  readable = readable
    .map((t) => {
      const resolved = tables === undefined ? resolveForPeriod(t, period) : t;
      return { ...resolved, columns: columnsForPeriod(t.kind, resolved.columns, period) };
    })
    .filter((t) => {
      const missing = missingColumns(t.kind, t.columns, period);
      if (missing.length > 0) markUnreadable(t, missing);
      return missing.length === 0;
    });
  if (readable.length === 0) throw nothingReadable(grid.source, unreadable);
  found = readable;

  for (const t of others) {
    const missing = missingColumns(t.kind, t.columns, null);
    if (missing.length > 0) {
      markUnreadable(t, missing);
      continue;
    }
    const used = found.find((u) => u.kind === t.kind);
    findings.push(
      makeFinding("TABLE_NOT_USED", "warning", { sheet: t.sheet, cell: a1(t.headerRow, t.firstCol ?? 0), subject: null }, {
        sheet: `"${t.sheet}"`,
        kind: KIND_LABELS[t.kind],
        headerRow: t.headerRow + 1,
        used: used ? `"${used.sheet}"` : "",
      }),
    );
    reports.push(tableReport(t, "notUsed", `en tabell med ${KIND_LABELS[t.kind]} till; bara den på bladet "${used?.sheet ?? ""}" används`));
  }

  if (given.period !== null && inference.source === "headers" && inference.period !== null && inference.period !== given.period) {
    // Pointed at the header that says otherwise ("Bokslut 2026" in a template set to T1).
    const signal = found.find((t) => t.sheet === inference.sheet && periodFromHeaders(t.kind, t.headers, t.year) !== null);
    const col = signal ? periodSignalColumn(signal.kind, signal.headers, signal.year) : null;
    const cell = signal && col !== null ? a1(signal.headerRow, col) : null;
    findings.push(
      makeFinding("PERIOD_MISMATCH", "warning", { sheet: inference.sheet, cell, subject: null }, { given: given.period, found: inference.period }),
    );
  }

  found = assumeUnits(found, findings);
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

  for (const t of found) {
    reports.push(tableReport(t, "read", null));
    reportUnrecognised(t, findings);
  }

  const context = (t: DetectedTable | null, negate: boolean): TableContext | null => {
    if (t === null) return null;
    const sheet = grid.sheets.find((s) => s.name === t.sheet);
    if (!sheet) throw new FoljsamError(`${grid.source}: bladet "${t.sheet}" finns inte.`);
    const flips = flippedColumns(sheet, t, settings, findings);
    const ctx = new TableContext(sheet, t, t.columns, findings, unit, negate, flips);
    ctx.period = period;
    return ctx;
  };
  const negate = settings.costsNegative;
  const driftCtx = context(driftTable, negate);
  const investmentsCtx = context(byKind("investments"), negate);
  const costTypesCtx = context(byKind("costTypes"), negate);
  const indicatorsCtx = context(byKind("indicators"), false);
  reports.sort((a, b) => grid.sheets.findIndex((x) => x.name === a.sheet) - grid.sheets.findIndex((x) => x.name === b.sheet) || (a.headerRows[0] ?? 0) - (b.headerRows[0] ?? 0));
  return {
    period,
    year,
    unit,
    drift: driftCtx ? readDrift(driftCtx) : null,
    investments: investmentsCtx ? readInvestments(investmentsCtx) : null,
    costTypes: costTypesCtx ? readCostTypes(costTypesCtx) : null,
    indicators: indicatorsCtx ? readIndicators(indicatorsCtx) : null,
    readFindings: findings,
    tables: reports,
    sources: {
      period: periodSource(given.period !== null, inference, found),
      year: yearSource(given.year !== null, year, driftTable ?? found.find((t) => t.year !== null) ?? null),
      unit: unitSource(unitTable),
    },
  };
}

const REPORT_KINDS: Record<TableKind, TableReport["kind"]> = {
  drift: "operating",
  investments: "investments",
  costTypes: "costTypes",
  indicators: "indicators",
};

/** Header cells not mapped to a field, with why when the header names a field another column fills. */
function unmapped(t: DetectedTable): { col: number; text: string; reason: string | null }[] {
  const out: { col: number; text: string; reason: string | null }[] = [];
  const used = new Set(Object.values(t.columns));
  for (const h of t.headers) {
    if (h.field !== null || h.text === "" || used.has(h.col)) continue;
    const label = h.recognisedAs ? (FIELD_LABELS[h.recognisedAs] ?? h.recognisedAs) : null;
    out.push({ col: h.col, text: h.text, reason: label ? `den liknar ${label}, men en annan kolumn används för det eller perioden behöver den inte` : null });
  }
  for (const u of t.unrecognised ?? []) if (!used.has(u.col)) out.push({ col: u.col, text: "", reason: null });
  return out.sort((a, b) => a.col - b.col);
}

function tableReport(t: DetectedTable, status: TableReport["status"], reason: string | null): TableReport {
  const columns: Record<string, string> = {};
  for (const [field, col] of Object.entries(t.columns)) if (col !== undefined) columns[field] = columnLetters(col);
  const rows = t.headerRowCount ?? 1;
  return {
    sheet: t.sheet,
    kind: REPORT_KINDS[t.kind],
    headerRows: Array.from({ length: rows }, (_, i) => t.headerRow + 1 + i),
    unit: t.kind === "indicators" ? null : t.unit,
    unitFrom: t.kind === "indicators" ? null : t.unitSource,
    columns,
    unrecognisedColumns: unmapped(t).map((u) => ({ column: columnLetters(u.col), header: u.text })),
    status,
    reason,
  };
}

/** UNRECOGNISED_COLUMN for every header cell not mapped, and every unnamed column holding data. */
function reportUnrecognised(t: DetectedTable, findings: Finding[]): void {
  const row = t.headerRow + (t.headerRowCount ?? 1) - 1;
  for (const u of unmapped(t)) {
    findings.push(
      makeFinding("UNRECOGNISED_COLUMN", "info", { sheet: t.sheet, cell: a1(u.text === "" ? row : t.headerRow, u.col), subject: null }, {
        header: u.text,
        column: columnLetters(u.col),
        reason: u.reason,
      }),
    );
  }
}

/**
 * A table without a unit of its own (DOMAIN.md 9): the unit the workbook's other tables state when
 * they all agree (UNIT_ASSUMED, info), else tkr (UNIT_ASSUMED, warning).
 */
function assumeUnits(found: DetectedTable[], findings: Finding[]): DetectedTable[] {
  const amountTables = found.filter((t) => t.kind !== "indicators");
  const stated = amountTables.filter((t) => t.unitSource === "header" || t.unitSource === "title");
  const units = [...new Set(stated.map((t) => t.unit))];
  return found.map((t) => {
    if (t.kind === "indicators" || t.unitSource !== "default") return t;
    const cell = a1(t.headerRow, t.firstCol ?? 0);
    if (units.length === 1) {
      const where = stated.map((x) => `bladet "${x.sheet}"`).filter((v, i, a) => a.indexOf(v) === i).join(", ");
      findings.push(makeFinding("UNIT_ASSUMED", "info", { sheet: t.sheet, cell, subject: null }, { assumed: units[0], where }));
      return { ...t, unit: units[0], unitSource: "tables" as const };
    }
    const other = stated.find((x) => x.unit !== t.unit);
    findings.push(
      makeFinding("UNIT_ASSUMED", "warning", { sheet: t.sheet, cell, subject: null }, {
        assumed: t.unit,
        where: other ? `bladet "${other.sheet}"` : "",
        found: other ? other.unit : "",
      }),
    );
    return t;
  });
}

function periodSource(fromSetting: boolean, inference: PeriodInference, found: DetectedTable[]): ValueSource {
  if (fromSetting) return { from: "setting", sheet: null, cell: null, text: null };
  const t = found.find((x) => x.sheet === inference.sheet) ?? null;
  if (inference.source === "headers" && t) {
    const col = periodSignalColumn(t.kind, t.headers, t.year);
    const h = col === null ? undefined : t.headers.find((x) => x.col === col);
    return { from: "header", sheet: t.sheet, cell: col === null ? null : a1(t.headerRow, col), text: h?.text ?? null };
  }
  if (t) return { from: t.periodSource === "title" && t.title ? "title" : "column", sheet: t.sheet, cell: null, text: t.title };
  return { from: "none", sheet: null, cell: null, text: null };
}

function yearSource(fromSetting: boolean, year: number | null, t: DetectedTable | null): ValueSource {
  if (fromSetting) return { from: "setting", sheet: null, cell: null, text: null };
  if (year === null || t === null) return { from: "none", sheet: null, cell: null, text: null };
  const h = t.headers.find((x) => x.text.includes(String(year)));
  if (h) return { from: "header", sheet: t.sheet, cell: a1(t.headerRow, h.col), text: h.text };
  return { from: "title", sheet: t.sheet, cell: null, text: t.title };
}

function unitSource(t: DetectedTable): ValueSource {
  const from: ValueSource["from"] = t.unitSource === "header" ? "header" : t.unitSource;
  if (t.unitSource === "header") {
    const h = t.headers.find((x) => analyseHeader(x.text).unit !== null);
    return { from, sheet: t.sheet, cell: h ? a1(t.headerRow, h.col) : null, text: h?.text ?? null };
  }
  if (t.unitSource === "title") return { from, sheet: t.sheet, cell: null, text: t.title };
  return { from, sheet: t.sheet, cell: null, text: null };
}

function missingText(missing: string[]): string {
  return missing.length === 1 ? `kolumnen ${missing[0]} saknas` : `kolumnerna ${listSv(missing)} saknas`;
}

function nothingReadable(source: string, unreadable: { table: DetectedTable | null; sheet: string; missing: string[] }[]): FoljsamError {
  const withTable = unreadable.filter((u) => u.table !== null);
  if (withTable.length === 1) return missingColumnError(source, withTable[0].table!, withTable[0].missing);
  if (withTable.length > 1) {
    const parts = withTable.map((u) => `blad "${u.sheet}": ${missingText(u.missing)} (rubrikraden är rad ${u.table!.headerRow + 1})`);
    return new FoljsamError(`${source}: ingen tabell kan läsas: ${parts.join("; ")}.`);
  }
  return noTableError(source, unreadable.map((u) => u.sheet));
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
  return new FoljsamError(`${source}, blad "${t.sheet}": ${missingText(missing)} (rubrikraden är rad ${t.headerRow + 1}).`);
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
