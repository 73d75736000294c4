import { memoryStorage, officeDocumentStorage } from "./settingsStorage";
import type { HostEnvironment } from "./types";

/**
 * The real host: Excel.run, the workbook's document settings, Office's requirement sets and
 * display language. `host` is what Office.onReady reported; opened anywhere but Excel (or in a
 * plain browser tab), the task pane still renders and says why it cannot run.
 */
export function officeEnvironment(host: Office.HostType | null | undefined): HostEnvironment {
  const context = typeof Office !== "undefined" ? Office.context : undefined;
  const inExcel = host === Office.HostType.Excel;
  const document = inExcel ? context?.document : undefined;
  return {
    excelRun: (batch) => Excel.run(batch),
    storage: document?.settings ? officeDocumentStorage(document.settings) : memoryStorage(),
    requirements: inExcel ? (context?.requirements ?? null) : null,
    displayLanguage: context?.displayLanguage,
  };
}
