/**
 * Test-only entry (built with FOLJSAM_TEST_HARNESS=1 or `--env harness`, never in production):
 * the task pane with the in-memory fake of the Excel API in place of Excel, for the browser test.
 * The test drives it through `window.foljsamHarness`.
 */
import { createFakeWorkbook, dumpSheet, fakeExcelRun, FakeWorkbook, FakeWorkbookDescription } from "../hosts/office/fake";
import { mountTaskPane } from "./app";

export interface FoljsamHarness {
  workbook: FakeWorkbook;
  /** Replaces the open workbook (before the test starts clicking). */
  load(description: FakeWorkbookDescription): void;
  dumpSheet: (sheetName: string) => ReturnType<typeof dumpSheet>;
  sheetNames: () => string[];
}

declare global {
  interface Window {
    foljsamHarness: FoljsamHarness;
  }
}

const harness: FoljsamHarness = {
  workbook: createFakeWorkbook({ name: "Exempel.xlsx", sheets: [{ name: "Blad1" }] }),
  load(description) {
    harness.workbook = createFakeWorkbook(description);
  },
  dumpSheet: (sheetName) => dumpSheet(harness.workbook, sheetName),
  sheetNames: () => harness.workbook.sheets.map((s) => s.name),
};
window.foljsamHarness = harness;

const supported = { isSetSupported: (name: string) => name === "ExcelApi" };
// The globals office.js would define, as far as the task pane uses them.
Object.assign(globalThis, {
  Office: {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: { requirements: supported, displayLanguage: "sv-SE", contentLanguage: "sv-SE" },
  },
  Excel: { run: <T,>(batch: (context: Excel.RequestContext) => Promise<T>) => fakeExcelRun(harness.workbook, batch) },
});

const container = document.getElementById("container");
if (container) mountTaskPane(container, supported);
