import type { SheetPlan } from "../../workbook/plan";
import { executePlan } from "./planSheet";
import { replaceFollowUpSheets, saveAtomically } from "./write";

export interface NewWorkbookOptions {
  /**
   * Mark the sheets as Följsam's output (a consolidation), so that a later run replaces them and
   * the reader skips them. A template is not output: its sheets are read, so they carry no mark.
   */
  mark: boolean;
}

/** Writes sheet plans into a new workbook saved as outPath (atomically: no half-written file). */
export async function writeNewWorkbook(plans: SheetPlan[], outPath: string, options: NewWorkbookOptions): Promise<void> {
  // Loaded here, not at start-up: `report` never needs ExcelJS for a package it can edit directly.
  const { Workbook } = await import("exceljs");
  const workbook = new Workbook();
  workbook.creator = "Följsam";
  if (options.mark) replaceFollowUpSheets(workbook, plans);
  else for (const plan of plans) executePlan(workbook.addWorksheet(plan.name), plan);
  await saveAtomically(workbook, outPath, [], plans);
}
