/**
 * In-memory fake of the Excel JavaScript API, for tests and the browser test harness only.
 * Never import this from production code: webpack's production entries do not reach it.
 */
export { fakeExcelRun, FakeExcelContext } from "./workbook";
export { FakeWorkbook, DEFAULT_PAYLOAD_LIMIT_BYTES, MAX_CELLS_READ } from "./model";
export { fakeRequirements } from "./requirements";
export type { FakeEventArgs, FakeEventKind } from "./model";
export type { FakeCell, FakeCellFormat, FakeChart, FakeConditionalFormat, FakeDataValidation, FakeProtection, FakeSheet, FakeWorkbookOptions, SyncRecord } from "./model";
export { createFakeWorkbook, dumpSheet, usedAddress, cellAt } from "./build";
export type { DumpedCell, FakeSheetDescription, FakeWorkbookDescription } from "./build";
export { FakeOfficeError } from "./errors";
export type { FakeErrorCode } from "./errors";
export { parseAddress, formatAddress, formatArea } from "./address";
