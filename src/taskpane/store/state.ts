/**
 * The task pane's state as one small reducer: what was read, the settings the user chose (the
 * layer stored in the workbook), the corrections made under Hitta, and the last run.
 */
import type { Severity, Unit } from "../../engine/types";
import type { OfficeErrorDescription } from "../../hosts/office/errors";
import type { WorkbookGrid } from "../../workbook/cells";
import type { RawSettings, RunMode, RunOutcome, RunProgress } from "../services";
import { headerKey, type Corrections } from "../services/pipeline";
import { pathKey, withValue } from "./settingsForm";

export type Step = "find" | "settings" | "run";
export const STEPS: readonly Step[] = ["find", "settings", "run"];

/** The action a problem belongs to: the pane shows it beside that action's button. */
export type ProblemAction = "read" | "run" | "template" | "select";

/**
 * A problem to show in a MessageBar beside the action that failed: a pipeline message
 * (FoljsamError, SettingsError, Swedish), an Office error (one sentence with a next step, in
 * Swedish and English) or an unexpected error.
 */
export interface Problem {
  action: ProblemAction;
  message: string;
  /** The English sentence, where there is one (Office errors). */
  en?: string;
  /** For "select": the link or work-list entry that asked, so the message appears beside it. */
  entry?: string | null;
  unexpected: boolean;
  /** For an Office error: its kind and its sentence in both languages (hosts/office/errors). */
  office?: OfficeErrorDescription;
}

export type SaveState = { status: "idle" | "saving" | "saved" | "reset" } | { status: "failed"; detail: string };

export interface State {
  step: Step;
  grid: WorkbookGrid | null;
  reading: boolean;
  problem: Problem | null;
  /** The settings layer the user chose here, as stored in the workbook; null when none. */
  stored: RawSettings | null;
  /** Bumped by each change the user makes to `stored`, so that only those are saved. */
  storedVersion: number;
  /** What the user typed into text inputs, by pathKey, while it is not (yet) a valid value. */
  drafts: Record<string, string>;
  fieldErrors: Record<string, string>;
  save: SaveState;
  corrections: Corrections;
  /** Bumped by each change the user makes to `corrections`, so that only those are saved. */
  correctionsVersion: number;
  /**
   * The workbook changed (a cell, a sheet added or deleted) since it was last read: what Hitta
   * shows and the last results may no longer hold. Kör reads it afresh; reading clears this.
   */
  stale: boolean;
  /** What is under way: a run, a check or "Skapa mall". */
  running: RunMode | "template" | null;
  progress: RunProgress | null;
  outcome: RunOutcome | null;
  /** The sheets "Skapa mall" added last, shown until the next run. */
  templateSheets: string[] | null;
  visible: Record<Severity, boolean>;
  /** Where the last finding clicked took the user ("Drift!A15"), and the work-list entry it came from. */
  selected: { where: string; entry: string | null } | null;
  /** The work list's kind filter: a finding code, or null for every kind. */
  kindFilter: string | null;
  /** The work list's page (0-based). */
  page: number;
  /** Kör was pressed while Följsam's earlier sheets are in the workbook: the pane asks first. */
  confirmingReplace: boolean;
}

export type Action =
  | { type: "goTo"; step: Step }
  | { type: "readStart" }
  | { type: "readDone"; grid: WorkbookGrid }
  | { type: "failed"; problem: Problem }
  | { type: "dismissProblem" }
  | { type: "setSetting"; path: string[]; value: unknown }
  | { type: "typeSetting"; path: string[]; text: string; value: unknown; error: string | null }
  | { type: "resetSettings" }
  | { type: "saveState"; save: SaveState }
  /** `header` is the column's header text (the correction is kept by it); `col` names a column without one. */
  | { type: "correctColumn"; table: string; col: number; header: string; field: string | null }
  | { type: "correctUnit"; table: string; unit: Unit }
  | { type: "clearCorrections" }
  | { type: "runStart"; mode: RunMode | "template" }
  | { type: "runProgress"; progress: RunProgress }
  | { type: "runDone"; outcome: RunOutcome }
  | { type: "templateDone"; sheets: string[] }
  | { type: "toggleSeverity"; severity: Severity }
  | { type: "selected"; where: string; entry: string | null }
  | { type: "filterKind"; code: string | null }
  | { type: "showPage"; page: number }
  | { type: "confirmReplace"; asking: boolean }
  | { type: "runCancelled" }
  | { type: "workbookChanged" };

export function initialState(stored: RawSettings | null, corrections: Corrections = {}): State {
  return {
    step: "find",
    grid: null,
    reading: false,
    problem: null,
    stored,
    storedVersion: 0,
    drafts: {},
    fieldErrors: {},
    save: { status: "idle" },
    corrections,
    correctionsVersion: 0,
    stale: false,
    running: null,
    progress: null,
    outcome: null,
    templateSheets: null,
    visible: { error: true, warning: true, info: true },
    selected: null,
    kindFilter: null,
    page: 0,
    confirmingReplace: false,
  };
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const out = { ...record };
  delete out[key];
  return out;
}

export function reducer(state: State, action: Action): State {
  switch (action.type) {
    case "goTo":
      return { ...state, step: action.step };
    case "readStart":
      return { ...state, reading: true, problem: null };
    case "readDone":
      return { ...state, reading: false, grid: action.grid, stale: false };
    case "failed":
      return { ...state, reading: false, running: null, progress: null, problem: action.problem };
    case "dismissProblem":
      return { ...state, problem: null };
    case "setSetting": {
      const key = pathKey(action.path);
      return {
        ...state,
        stored: withValue(state.stored, action.path, action.value),
        storedVersion: state.storedVersion + 1,
        drafts: without(state.drafts, key),
        fieldErrors: without(state.fieldErrors, key),
      };
    }
    case "typeSetting": {
      const key = pathKey(action.path);
      const drafts = { ...state.drafts, [key]: action.text };
      if (action.error !== null) return { ...state, drafts, fieldErrors: { ...state.fieldErrors, [key]: action.error } };
      return {
        ...state,
        drafts,
        fieldErrors: without(state.fieldErrors, key),
        stored: withValue(state.stored, action.path, action.value),
        storedVersion: state.storedVersion + 1,
      };
    }
    case "resetSettings":
      return { ...state, stored: null, storedVersion: state.storedVersion + 1, drafts: {}, fieldErrors: {} };
    case "saveState":
      return { ...state, save: action.save };
    case "correctColumn": {
      const current = state.corrections[action.table] ?? {};
      const columns = { ...(current.columns ?? {}), [headerKey(action.header, action.col)]: action.field };
      return { ...state, corrections: { ...state.corrections, [action.table]: { ...current, columns } }, correctionsVersion: state.correctionsVersion + 1 };
    }
    case "correctUnit": {
      const current = state.corrections[action.table] ?? {};
      return { ...state, corrections: { ...state.corrections, [action.table]: { ...current, unit: action.unit } }, correctionsVersion: state.correctionsVersion + 1 };
    }
    case "clearCorrections":
      return { ...state, corrections: {}, correctionsVersion: state.correctionsVersion + 1 };
    case "runStart":
      // The last results stay on screen while the new run works.
      return { ...state, running: action.mode, progress: null, problem: null, selected: null, templateSheets: null, confirmingReplace: false };
    case "runProgress":
      return { ...state, progress: action.progress };
    case "runDone":
      return { ...state, running: null, progress: null, outcome: action.outcome, grid: action.outcome.grid, page: 0, stale: false };
    case "runCancelled":
      return { ...state, running: null, progress: null };
    case "templateDone":
      return { ...state, running: null, progress: null, templateSheets: action.sheets };
    case "toggleSeverity":
      return { ...state, visible: { ...state.visible, [action.severity]: !state.visible[action.severity] }, page: 0 };
    case "selected":
      return { ...state, selected: { where: action.where, entry: action.entry }, problem: null };
    case "filterKind":
      return { ...state, kindFilter: action.code, page: 0 };
    case "showPage":
      return { ...state, page: Math.max(0, action.page) };
    case "confirmReplace":
      return { ...state, confirmingReplace: action.asking };
    case "workbookChanged":
      return state.grid === null || state.stale ? state : { ...state, stale: true };
  }
}
