/**
 * One nämnd's follow-up, reduced to what the city-wide consolidation needs: its totals in the
 * consolidation's unit (converted exactly), its ratios, its indicator counts and goal statuses,
 * and its findings. This is all that is kept of a file once it has been read, so that many large
 * files can be consolidated one after the other without keeping their cells.
 */
import { type Amount, convertUnit } from "../../engine/amount";
import { NO_GOAL } from "../../engine/indicatorSummary";
import { findingMessage } from "../../i18n/findings";
import type { Finding, FollowUpResult, IndicatorStatus, IndicatorSummary, Period, Settings, Unit } from "../../engine/types";
import type { WorkbookGrid } from "../cells";
import { detectTables, readSettingsSheet } from "../read";
import { cellAt } from "../read/cellValues";
import { cleanText, words } from "../read/normalise";

export type UnitFinding = Pick<Finding, "severity" | "code" | "sheet" | "cell" | "subject"> & { message: string };

/** The operating budget's totals, for one nämnd or for the city, in the consolidation's unit. */
export interface OperatingTotals {
  budget: Amount | null;
  actual: Amount | null;
  forecast: Amount | null;
  previousForecast: Amount | null;
  base: Amount | null;
  deviation: Amount | null;
  resultTransfer: Amount;
  returnedFunds: Amount;
  adjustedDeviation: Amount | null;
}

export interface UnitSummary extends OperatingTotals {
  name: string;
  /** Where the name came from: the Inställningar sheet's Nämnd, a title cell, or the file name. */
  nameSource: "settings" | "title" | "file";
  file: string;
  period: Period;
  year: number | null;
  /** The unit the nämnd's workbook was written in. */
  sourceUnit: Unit;
  /** The drift table was there (else every amount is null). */
  hasOperating: boolean;
  budgetAdherenceBefore: number | null;
  budgetAdherenceAfter: number | null;
  forecastAccuracy: number | null;
  indicators: IndicatorSummary | null;
  /** The nämnd's proposed status per goal (indicators without a goal left out). */
  goals: { name: string; status: IndicatorStatus }[];
  findings: UnitFinding[];
}

/** The file's name without folders and without .xlsx, for a nämnd that names itself nowhere. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.xlsx$/i, "") || base;
}

const NAME_WORD_ENDINGS = ["namnd", "namnden", "styrelse", "styrelsen"];
const TITLE_ROWS = 10;

/**
 * A nämnd's name in a title cell above a table: the text before a dash or colon ("Socialnämnden –
 * verksamhetsberättelse 2019"), or the whole cell, when it holds a word that names a nämnd or a
 * styrelse (Socialnämnden, Stadsdelsnämnden Södermalm, Kommunstyrelsen).
 */
export function nameFromTitle(text: string): string | null {
  const lead = cleanText(text).split(/\s[–—-]\s|:/)[0].trim();
  if (lead === "") return null;
  return words(lead).some((w) => NAME_WORD_ENDINGS.some((e) => w.endsWith(e))) ? lead : null;
}

/** The nämnd's name: the settings sheet's Nämnd, else a title cell above one of its tables, else the file name. */
export function unitNameOf(grid: WorkbookGrid, settings: Settings, file: string): { name: string; source: UnitSummary["nameSource"] } {
  const fromSettings = readSettingsSheet(grid)?.unitName?.trim();
  if (fromSettings) return { name: fromSettings, source: "settings" };
  for (const t of detectTables(grid, settings)) {
    const sheet = grid.sheets.find((s) => s.name === t.sheet);
    if (!sheet) continue;
    for (let r = Math.max(0, t.headerRow - TITLE_ROWS); r < t.headerRow; r++) {
      for (let c = 0; c < (sheet.rows[r]?.length ?? 0); c++) {
        const v = cellAt(sheet, r, c);
        const name = typeof v === "string" ? nameFromTitle(v) : null;
        if (name) return { name, source: "title" };
      }
    }
  }
  return { name: fileStem(file), source: "file" };
}

/** Reduces one nämnd's result to its summary, amounts converted exactly to `unit`. */
export function summariseUnit(result: FollowUpResult, meta: { file: string; name: string; nameSource: UnitSummary["nameSource"] }, unit: Unit): UnitSummary {
  const to = (a: Amount | null): Amount | null => (a === null ? null : convertUnit(a, result.unit, unit));
  const op = result.operating;
  const t = op?.total ?? null;
  const goals = (result.indicators?.goals ?? [])
    .filter((g) => g.name !== NO_GOAL)
    .map((g) => ({ name: g.name, status: g.proposedStatus }));
  return {
    name: meta.name,
    nameSource: meta.nameSource,
    file: meta.file,
    period: result.period,
    year: result.year,
    sourceUnit: result.unit,
    hasOperating: op !== null && op.areas.length > 0,
    budget: to(t?.budget ?? null),
    actual: to(t?.actual ?? null),
    forecast: to(t?.forecast ?? null),
    previousForecast: to(t?.previousForecast ?? null),
    base: to(t?.base ?? null),
    deviation: to(t?.deviation ?? null),
    resultTransfer: to(t?.resultTransfer ?? 0n) ?? 0n,
    returnedFunds: to(t?.returnedFunds ?? 0n) ?? 0n,
    adjustedDeviation: to(t?.adjustedDeviation ?? null),
    budgetAdherenceBefore: op?.budgetAdherenceBefore ?? null,
    budgetAdherenceAfter: op?.budgetAdherenceAfter ?? null,
    forecastAccuracy: op?.forecastAccuracy ?? null,
    indicators: result.indicators && result.indicators.rows.length > 0 ? { ...result.indicators.summary } : null,
    goals,
    findings: result.findings.map((f) => ({ severity: f.severity, code: f.code, sheet: f.sheet, cell: f.cell, subject: f.subject, message: findingMessage(f) })),
  };
}
