import { memoryStorage, officeDocumentStorage } from "./settingsStorage";
import type { HostEnvironment } from "./types";

/**
 * The real host: Excel.run, the workbook's document settings, Office's requirement sets and
 * display language. Opened outside Office (office.js loaded but no document), the task pane
 * still renders and says why it cannot run.
 */
export function officeEnvironment(): HostEnvironment {
  const context = typeof Office !== "undefined" ? Office.context : undefined;
  const document = context?.document;
  return {
    excelRun: (batch) => Excel.run(batch),
    storage: document?.settings ? officeDocumentStorage(document.settings) : memoryStorage(),
    requirements: context?.requirements ?? null,
    displayLanguage: context?.displayLanguage,
  };
}
