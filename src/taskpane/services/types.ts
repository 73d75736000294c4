import type { RequirementProbe } from "../../hosts/office/requirements";
import type { Corrections } from "./pipeline";

/** `Excel.run` as the task pane uses it; the browser test harness passes the fake's instead. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A raw settings object as mergeSettings takes it (the same shape as a --settings file). */
export type RawSettings = Record<string, unknown>;

/**
 * Where the add-in keeps its settings: in the workbook (Office document settings), so that the
 * next person who opens it gets the same results. Tests and the harness use memoryStorage().
 */
export interface SettingsStorage {
  load(): RawSettings | null;
  /** Saves the settings into the document; null removes them. */
  save(raw: RawSettings | null): Promise<void>;
  /** The corrections made under Hitta, kept in the document too (by sheet and header text). */
  loadCorrections(): Corrections;
  saveCorrections(corrections: Corrections): Promise<void>;
}

/** Everything the task pane needs from its host: Excel, the document's settings, the language. */
export interface HostEnvironment {
  excelRun: ExcelRun;
  storage: SettingsStorage;
  /** Office.context.requirements, or null outside Office. */
  requirements: RequirementProbe | null;
  /** Office.context.displayLanguage ("sv-SE", "en-US" …). */
  displayLanguage?: string;
}
