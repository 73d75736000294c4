/**
 * Test-only entry (built with FOLJSAM_TEST_HARNESS=1 or `--env harness`, never in production):
 * the task pane with the in-memory fake of the Excel API in place of Excel, for the browser test.
 * The test drives it through `window.foljsamHarness`. `?lang=en` shows the English table,
 * `?theme=dark` Office's dark theme.
 */
import { createFakeWorkbook, dumpSheet, fakeExcelRun, FakeOfficeError, FakeWorkbook, FakeWorkbookDescription, type FakeErrorCode } from "../hosts/office/fake";
import { mountTaskPane } from "./app";
import { memoryStorage, type RawSettings } from "./services";

export interface FoljsamHarness {
  workbook: FakeWorkbook;
  /** Replaces the open workbook (before the test starts clicking). */
  load(description: FakeWorkbookDescription): void;
  dumpSheet: (sheetName: string) => ReturnType<typeof dumpSheet>;
  sheetNames: () => string[];
  /** The active sheet and the address last selected through the API ("Drift!A15"). */
  selection: () => { activeSheet: string | null; address: string | null };
  /** Charts on a sheet, as the fake recorded them. */
  charts: (sheetName: string) => FakeWorkbook["sheets"][number]["charts"];
  /** What the task pane saved in the document's settings. */
  storedSettings: () => RawSettings | null;
  /** The next Excel.run fails with this Office error (as Excel would: a RichApi.Error with a code). */
  failNext(code: FakeErrorCode, message: string): void;
}

declare global {
  interface Window {
    foljsamHarness: FoljsamHarness;
  }
}

const storage = memoryStorage();
const harness: FoljsamHarness = {
  workbook: createFakeWorkbook({ name: "Exempel.xlsx", sheets: [{ name: "Blad1" }] }),
  load(description) {
    harness.workbook = createFakeWorkbook(description);
  },
  dumpSheet: (sheetName) => dumpSheet(harness.workbook, sheetName),
  sheetNames: () => harness.workbook.sheets.map((s) => s.name),
  selection: () => ({ activeSheet: harness.workbook.activeSheet?.name ?? null, address: harness.workbook.selection ?? null }),
  charts: (sheetName) => harness.workbook.sheet(sheetName).charts,
  storedSettings: () => storage.load(),
  failNext(code, message) {
    failure = new FakeOfficeError(code, message);
  },
};
let failure: FakeOfficeError | null = null;
window.foljsamHarness = harness;

const requirements = { isSetSupported: (name: string) => name === "ExcelApi" };
const query = new URLSearchParams(window.location.search);
const language = query.get("lang") ?? "sv-SE";

const container = document.getElementById("container");
if (container) {
  mountTaskPane(container, {
    excelRun: (batch) => {
      const error = failure;
      failure = null;
      return error === null ? fakeExcelRun(harness.workbook, batch) : Promise.reject(error);
    },
    storage,
    requirements,
    displayLanguage: language,
  }, { dark: query.get("theme") === "dark" });
}
