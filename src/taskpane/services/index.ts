/**
 * The task pane's services: the only place that calls Excel (through the Office host), the
 * document's settings and the follow-up pipeline. Components reach them through useServices().
 */
import type { FollowUpResult } from "../../engine/types";
import { checkRequirements } from "../../hosts/office/requirements";
import type { WorkbookGrid } from "../../workbook/cells";
import type { SheetPlan } from "../../workbook/plan";
import { computeCheck, computeFollowUpSteps, lostInRequest, templatePlans, type Corrections, type LostCorrection, type TemplateChoice } from "./pipeline";
import { FOLLOW_UP_STEPS } from "../../workbook/followUp";
import type { HostEnvironment, RawSettings } from "./types";
import { readOpenWorkbook, selectCell, watchWorkbook, writePlans, writeTemplate } from "./workbook";

export type { ExcelRun, HostEnvironment, RawSettings, SettingsStorage } from "./types";
export { memoryStorage, officeDocumentStorage, SETTINGS_KEY, CORRECTIONS_KEY } from "./settingsStorage";

export type RunMode = "run" | "check";

export type RunProgress = { phase: "read" } | { phase: "compute"; done?: number; total?: number } | { phase: "write"; done: number; total: number };

export interface RunOutcome {
  mode: RunMode;
  result: FollowUpResult;
  /** The workbook as read for this run. */
  grid: WorkbookGrid;
  /** Sheets written (empty for a check). */
  sheets: string[];
  /** Corrections from Hitta that found no column with their header in this run (not applied). */
  lostCorrections: LostCorrection[];
  /** The plan of Följsam Sammanfattning as written (null for a check): the pane links its cells. */
  summaryPlan: SheetPlan | null;
}

/** Thrown by run() when the user cancelled it before anything was written. */
export class RunCancelled extends Error {
  constructor() {
    super("Körningen avbröts.");
    this.name = "RunCancelled";
  }
}

export interface RunRequest {
  mode: RunMode;
  stored: RawSettings | null;
  corrections: Corrections;
}

/** Whether this Excel can run Följsam; the task pane words the message from its string table. */
export interface HostCheck {
  ok: boolean;
  /** False outside Office (office.js missing). */
  inExcel: boolean;
  /** Missing requirement sets, as "ExcelApi 1.7". */
  missing: string[];
}

export interface TaskPaneServices {
  requirements(): HostCheck;
  storedSettings(): RawSettings | null;
  saveSettings(raw: RawSettings | null): Promise<void>;
  /** The corrections kept in the workbook (they survive a reload). */
  storedCorrections(): Corrections;
  saveCorrections(corrections: Corrections): Promise<void>;
  /**
   * Calls `onChange` when the user changes the workbook (ExcelApi 1.7 worksheet events), not for
   * Följsam's own writes; returns a function that stops it.
   */
  watchWorkbook(onChange: () => void): Promise<() => void>;
  readWorkbook(): Promise<WorkbookGrid>;
  /**
   * Reads the workbook afresh, computes, and (mode "run") writes the follow-up sheets. An aborted
   * signal stops it, with RunCancelled, at the next step before the writing starts.
   */
  run(request: RunRequest, onProgress: (progress: RunProgress) => void, signal?: AbortSignal): Promise<RunOutcome>;
  selectCell(sheet: string, cell: string | null): Promise<void>;
  /** "Skapa mall": adds the template's input sheets to the open workbook; returns their names. */
  createTemplate(choice: TemplateChoice, onProgress: (progress: RunProgress) => void): Promise<string[]>;
}

/** Lets the browser paint the progress bar before the synchronous computation starts. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Lets Excel's events about Följsam's own writes arrive while they are still ignored. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

export function createServices(env: HostEnvironment): TaskPaneServices {
  // While Följsam writes, the events its own writes raise are not the user's changes.
  let writing = 0;
  const ownWrite = async <T>(write: () => Promise<T>): Promise<T> => {
    writing++;
    try {
      return await write();
    } finally {
      await settle();
      writing--;
    }
  };
  return {
    requirements: () => {
      const check = checkRequirements(env.requirements);
      return { ok: check.ok, inExcel: env.requirements !== null, missing: check.missing };
    },
    storedSettings: () => env.storage.load(),
    saveSettings: (raw) => env.storage.save(raw),
    storedCorrections: () => env.storage.loadCorrections(),
    saveCorrections: (corrections) => env.storage.saveCorrections(corrections),
    async watchWorkbook(onChange) {
      let active = true;
      await watchWorkbook(env, () => {
        if (active && writing === 0) onChange();
      });
      return () => {
        active = false;
      };
    },
    readWorkbook: () => readOpenWorkbook(env),
    async run({ mode, stored, corrections }, onProgress, signal) {
      const stopIfCancelled = () => {
        if (signal?.aborted) throw new RunCancelled();
      };
      onProgress({ phase: "read" });
      const grid = await readOpenWorkbook(env);
      stopIfCancelled();
      onProgress({ phase: "compute" });
      await nextFrame();
      stopIfCancelled();
      const request = { grid, stored, corrections };
      const lostCorrections = lostInRequest(request);
      if (mode === "check") return { mode, result: computeCheck(request), grid, sheets: [], summaryPlan: null, lostCorrections };
      // One step at a time, yielding to the page between them: the bar moves and Avbryt is heard.
      const steps = computeFollowUpSteps(request);
      let step = steps.next();
      for (let done = 0; !step.done; done++) {
        onProgress({ phase: "compute", done, total: FOLLOW_UP_STEPS.length });
        await nextFrame();
        stopIfCancelled();
        step = steps.next();
      }
      const computed = step.value;
      const report = await ownWrite(() => writePlans(env, computed.plans, (done, total) => onProgress({ phase: "write", done, total })));
      return { mode, result: computed.result, grid, sheets: report.sheets, summaryPlan: computed.plans.find((p) => p.kind === "summary") ?? null, lostCorrections };
    },
    selectCell: (sheet, cell) => selectCell(env, sheet, cell),
    async createTemplate(choice, onProgress) {
      // The template's sheets are new input: their events mark what Hitta found as stale, rightly.
      const report = await writeTemplate(env, templatePlans(choice), (done, total) => onProgress({ phase: "write", done, total }));
      return report.sheets;
    },
  };
}
