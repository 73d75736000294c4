/**
 * The whole job, host-neutral: settings from their layers, cells → engine input → results →
 * sheet plans and the JSON report. The command line and the add-in both call this; each host
 * only reads cells before and executes plans after.
 */
import { computeFollowUp } from "../engine";
import { toJsonReport, type JsonReport } from "../engine/report";
import { findingMessage } from "../i18n/findings";
import { defaultSettings, mergeSettings } from "../engine/settings";
import type { FollowUpInput, FollowUpResult, Settings } from "../engine/types";
import type { WorkbookGrid } from "./cells";
import type { SheetPlan } from "./plan";
import { fileStem, nameFromTitle } from "./consolidate/unit";
import { cellAt } from "./read/cellValues";
import { assignSheetNames, buildSheetPlans } from "./plans";
import { type DetectedTable, readSettingsSheet, readWorkbook } from "./read";

/** Title rows looked at for the nämnd's name, at the top of each input sheet. */
const TITLE_ROWS = 10;

/**
 * The nämnd the report is about, for its titles and printed headers: the settings sheet's Nämnd,
 * else a title cell at the top of an input sheet ("Socialnämnden – verksamhetsberättelse 2019"),
 * else the file's name. Like the consolidation's unitNameOf, without finding the tables again.
 */
function reportUnitName(grid: WorkbookGrid): string {
  const fromSettings = readSettingsSheet(grid)?.unitName?.trim();
  if (fromSettings) return fromSettings;
  for (const sheet of grid.sheets) {
    if (sheet.followUp) continue;
    for (let r = 0; r < Math.min(TITLE_ROWS, sheet.rows.length); r++) {
      for (let c = 0; c < (sheet.rows[r]?.length ?? 0); c++) {
        const v = cellAt(sheet, r, c);
        const name = typeof v === "string" ? nameFromTitle(v) : null;
        if (name) return name;
      }
    }
  }
  return fileStem(grid.source);
}

export interface SettingsLayer {
  /** Named in messages, e.g. "inställningar.json". */
  source: string;
  raw: unknown;
}

/**
 * Defaults, then the workbook's settings sheet, then what the add-in stored in the workbook,
 * then the given layers in order (a settings file, then command-line flags).
 */
export function resolveSettings(grid: WorkbookGrid, layers: SettingsLayer[] = []): Settings {
  let settings = defaultSettings();
  const sheet = readSettingsSheet(grid);
  if (sheet) settings = mergeSettings(settings, sheet.settings, `${grid.source}, blad "${sheet.sheet}"`);
  if (grid.storedSettings) settings = mergeSettings(settings, grid.storedSettings, `${grid.source}, sparade inställningar`);
  for (const layer of layers) settings = mergeSettings(settings, layer.raw, layer.source);
  return settings;
}

export interface FollowUpRun {
  result: FollowUpResult;
  plans: SheetPlan[];
  report: JsonReport;
}

export function runFollowUp(grid: WorkbookGrid, settings: Settings, tables?: DetectedTable[]): FollowUpRun {
  const steps = followUpSteps(grid, settings, tables);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** The steps of runFollowUp, in the order they run; the task pane yields to the page between them. */
export const FOLLOW_UP_STEPS = ["read", "compute", "plans"] as const;

/**
 * runFollowUp one step at a time: yields the name of each step before it runs, returns the run.
 * The task pane yields to the page between steps, so its progress moves and Avbryt is heard.
 */
export function* followUpSteps(grid: WorkbookGrid, settings: Settings, tables?: DetectedTable[]): Generator<(typeof FOLLOW_UP_STEPS)[number], FollowUpRun> {
  yield "read";
  // The engine's input is not kept: on a city's ledger it is as large as the result.
  let input: FollowUpInput | null = readWorkbook(grid, settings, tables);
  yield "compute";
  const result = computeFollowUp(input, settings);
  input = null;
  yield "plans";
  const names = assignSheetNames(grid.sheets.map((s) => ({ name: s.name, followUp: s.followUp === true })));
  const plans = buildSheetPlans(result, names, { file: grid.source, unitName: reportUnitName(grid) });
  // Built when asked for: the command line needs it only with --json, and on a large ledger it
  // is a copy of every figure.
  let report: JsonReport | undefined;
  const source = grid.source;
  return {
    result,
    plans,
    get report(): JsonReport {
      report ??= toJsonReport(result, { source, messageOf: findingMessage });
      return report;
    },
  };
}

/** Findings only (validate / Kontrollera): no sheet plans. */
export function checkFollowUp(grid: WorkbookGrid, settings: Settings, tables?: DetectedTable[]): { result: FollowUpResult; report: JsonReport } {
  const result = computeFollowUp(readWorkbook(grid, settings, tables), settings);
  const source = grid.source;
  let report: JsonReport | undefined;
  // Built when asked for, as in followUpSteps: a copy of every figure of a large ledger.
  return {
    result,
    get report(): JsonReport {
      report ??= toJsonReport(result, { source, messageOf: findingMessage });
      return report;
    },
  };
}
