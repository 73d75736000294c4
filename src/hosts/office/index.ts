/**
 * The Office.js host: the only code that touches `Excel.*`. It reads the open workbook into the
 * host-neutral grid and executes sheet plans, batched under Excel's request limits.
 */
export { readWorkbookGrid, READ_FIRST_SYNCS, DEFAULT_READ_BUDGET_BYTES } from "./read";
export type { ReadOptions } from "./read";
export { writeSheetPlans } from "./write";
export type { WriteOptions, WriteReport } from "./write";
export { writeTemplatePlans, writeTemplateSheets, applyTemplateFeatures, DATA_VALIDATION_SET } from "./templateFeatures";
export type { TemplateWriteReport } from "./templateFeatures";
export { planWrite, DEFAULT_BUDGET_BYTES } from "./writePlan";
export type { WriteBatch, WriteStep } from "./writePlan";
export { checkRequirements, isSetSupported, REQUIRED_SETS, PAGE_LAYOUT_SET, CELL_STYLES_SET, MERGED_AREAS_SET } from "./requirements";
export { describeOfficeError, isOfficeError, officeErrorCode, OfficeHostError, toHostError } from "./errors";
export type { OfficeErrorDescription, OfficeErrorKind } from "./errors";
export type { RequirementCheck, RequirementProbe } from "./requirements";
export { watchWorksheets } from "./events";
export type { WorkbookChange } from "./events";
