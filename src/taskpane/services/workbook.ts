/**
 * The task pane's only contact with Excel: each function is one Excel.run through the Office
 * host (src/hosts/office), which owns the batching.
 */
import { readWorkbookGrid, toHostError, watchWorksheets, writeSheetPlans, writeTemplatePlans, type TemplateWriteReport, type WorkbookChange, type WriteReport } from "../../hosts/office";
import type { WorkbookGrid } from "../../workbook/cells";
import type { SheetPlan } from "../../workbook/plan";
import type { HostEnvironment } from "./types";

/** One Excel.run; an Office error comes out as OfficeHostError (a kind and a sentence for the user). */
async function excel<T>(env: HostEnvironment, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await env.excelRun(batch);
  } catch (e) {
    throw toHostError(e);
  }
}

/** Reads the open workbook in one Excel.run (Följsam's own sheets by name only). */
export function readOpenWorkbook(env: HostEnvironment): Promise<WorkbookGrid> {
  return excel(env, (context) => readWorkbookGrid(context, { followUpContent: false, requirements: env.requirements }));
}

/** Writes the sheet plans into the open workbook, replacing Följsam's earlier sheets. */
export function writePlans(env: HostEnvironment, plans: readonly SheetPlan[], onProgress: (done: number, total: number) => void): Promise<WriteReport> {
  return excel(env, (context) => writeSheetPlans(context, plans, { requirements: env.requirements, onProgress }));
}

/** Adds a template's input sheets (unmarked, so the reader reads them) beside the workbook's sheets. */
export function writeTemplate(env: HostEnvironment, plans: readonly SheetPlan[], onProgress: (done: number, total: number) => void): Promise<TemplateWriteReport> {
  return excel(env, (context) => writeTemplatePlans(context, plans, { requirements: env.requirements, onProgress }));
}

/** Takes the user to a cell: activates its sheet and selects it (the sheet alone when cell is null). */
export function selectCell(env: HostEnvironment, sheet: string, cell: string | null): Promise<void> {
  return excel(env, async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (cell !== null) worksheet.getRange(cell).select();
    await context.sync();
  });
}

/** Listens for changes to the workbook's sheets (ExcelApi 1.7 events). */
export function watchWorkbook(env: HostEnvironment, onChange: (change: WorkbookChange) => void): Promise<void> {
  return excel(env, (context) => watchWorksheets(context, onChange));
}
