/**
 * The task pane's only contact with Excel: each function is one Excel.run through the Office
 * host (src/hosts/office), which owns the batching.
 */
import { readWorkbookGrid, writeSheetPlans, writeTemplatePlans, type TemplateWriteReport, type WriteReport } from "../../hosts/office";
import type { WorkbookGrid } from "../../workbook/cells";
import type { SheetPlan } from "../../workbook/plan";
import type { HostEnvironment } from "./types";

/** Reads the open workbook in one Excel.run (Följsam's own sheets by name only). */
export function readOpenWorkbook(env: HostEnvironment): Promise<WorkbookGrid> {
  return env.excelRun((context) => readWorkbookGrid(context, { followUpContent: false }));
}

/** Writes the sheet plans into the open workbook, replacing Följsam's earlier sheets. */
export function writePlans(env: HostEnvironment, plans: readonly SheetPlan[], onProgress: (done: number, total: number) => void): Promise<WriteReport> {
  return env.excelRun((context) => writeSheetPlans(context, plans, { requirements: env.requirements, onProgress }));
}

/** Adds a template's input sheets (unmarked, so the reader reads them) beside the workbook's sheets. */
export function writeTemplate(env: HostEnvironment, plans: readonly SheetPlan[], onProgress: (done: number, total: number) => void): Promise<TemplateWriteReport> {
  return env.excelRun((context) => writeTemplatePlans(context, plans, { requirements: env.requirements, onProgress }));
}

/** Takes the user to a cell: activates its sheet and selects it (the sheet alone when cell is null). */
export function selectCell(env: HostEnvironment, sheet: string, cell: string | null): Promise<void> {
  return env.excelRun(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (cell !== null) worksheet.getRange(cell).select();
    await context.sync();
  });
}
