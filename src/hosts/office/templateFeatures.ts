import { DataValidationPlan, SheetPlan } from "../../workbook/plan";
import { FoljsamError } from "../../workbook/errors";
import { runBatches } from "./batches";
import { isSetSupported, PAGE_LAYOUT_SET, RequirementProbe, RequirementSet } from "./requirements";
import { queueStep, WriteOptions } from "./write";
import { planWrite } from "./writePlan";

/**
 * The parts of a sheet plan only templates have, in Office.js: data validation per range
 * (ExcelApi 1.8, skipped where Excel is older: the reader checks the cells anyway), input ranges
 * unlocked and the sheet protected without a password (ExcelApi 1.2). And the template's own
 * write: its sheets are added beside the workbook's, never replacing Följsam's earlier output,
 * and without Följsam's mark, since a template is input that the reader must read.
 */
export const DATA_VALIDATION_SET: RequirementSet = { name: "ExcelApi", version: "1.8" };

export function hasTemplateFeatures(plans: readonly SheetPlan[]): boolean {
  return plans.some((p) => (p.dataValidations?.length ?? 0) > 0 || (p.unlockedRanges?.length ?? 0) > 0 || p.protection !== undefined);
}

function rule(v: DataValidationPlan): Excel.DataValidationRule {
  const r = v.rule;
  switch (r.type) {
    case "decimal":
      return { decimal: { formula1: r.min, formula2: r.max, operator: "Between" } };
    case "whole":
      return { wholeNumber: { formula1: r.min, formula2: r.max, operator: "Between" } };
    case "list":
      return { list: { inCellDropDown: true, source: r.values.join(",") } };
  }
}

/**
 * Queues (no sync) each plan's unlocked ranges, validations and protection, in that order: Excel
 * refuses to change a protected sheet, so protection comes last. Returns the operations queued.
 */
export function queueTemplateFeatures(context: Excel.RequestContext, plans: readonly SheetPlan[], options: { validation: boolean }): number {
  let operations = 0;
  for (const plan of plans) {
    if (!plan.unlockedRanges?.length && !plan.dataValidations?.length && !plan.protection) continue;
    const sheet = context.workbook.worksheets.getItem(plan.name);
    for (const range of plan.unlockedRanges ?? []) {
      sheet.getRange(range).format.protection.locked = false;
      operations++;
    }
    if (options.validation) {
      for (const v of plan.dataValidations ?? []) {
        const range = sheet.getRange(v.range);
        range.dataValidation.clear();
        range.dataValidation.ignoreBlanks = true;
        range.dataValidation.rule = rule(v);
        range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.text };
        if (v.prompt) range.dataValidation.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
        operations++;
      }
    }
    const p = plan.protection;
    if (p) {
      sheet.protection.protect({
        allowFormatColumns: p.allowFormatColumns,
        allowFormatRows: p.allowFormatRows,
        allowInsertRows: p.allowInsertRows,
        allowDeleteRows: p.allowDeleteRows,
        allowSort: p.allowSort,
        allowAutoFilter: p.allowAutoFilter,
      });
      operations++;
    }
  }
  return operations;
}

/** Applies the template features of the plans in one sync; none when no plan has any. Returns the syncs made. */
export async function applyTemplateFeatures(context: Excel.RequestContext, plans: readonly SheetPlan[], requirements?: RequirementProbe | null): Promise<number> {
  if (!hasTemplateFeatures(plans)) return 0;
  queueTemplateFeatures(context, plans, { validation: isSetSupported(DATA_VALIDATION_SET, requirements) });
  await context.sync();
  return 1;
}

export interface TemplateWriteReport {
  sheets: string[];
  syncs: number;
}

/**
 * Adds the template's sheets (values, formats, widths, freeze panes) to the open workbook without
 * marking them and without touching any other sheet. A sheet name already in the workbook stops
 * the write before anything changes (FoljsamError). Template features are not applied here.
 */
export async function writeTemplateSheets(context: Excel.RequestContext, plans: readonly SheetPlan[], options: WriteOptions = {}): Promise<TemplateWriteReport> {
  const worksheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const existing = new Set(worksheets.items.map((ws) => ws.name.toLowerCase()));
  const clash = plans.find((p) => existing.has(p.name.toLowerCase()));
  if (clash) throw new FoljsamError(`Bladet "${clash.name}" finns redan i arbetsboken; skapa mallen i en ny arbetsbok eller byt namn på bladet först.`);

  const noFollowUp = { sheets: [], names: [] };
  const pageLayout = isSetSupported(PAGE_LAYOUT_SET, options.requirements);
  const batches = planWrite(plans, { sheets: worksheets.items.map((ws) => ws.name), followUp: noFollowUp }, { budgetBytes: options.budgetBytes, pageLayout }).map((b) => ({
    ...b,
    steps: b.steps.filter((s) => s.kind !== "mark"),
  }));
  const sheets = new Map<string, Excel.Worksheet>();
  await runBatches(
    context,
    batches,
    (batch) => {
      if (batch.writesCells) context.application.suspendApiCalculationUntilNextSync();
      for (const step of batch.steps) queueStep(context, step, sheets);
    },
    options.onProgress,
  );
  return { sheets: plans.map((p) => p.name), syncs: 1 + batches.length };
}

/**
 * "Skapa mall": the template's sheets into the open workbook (or a new one the task pane opened),
 * then their validations, unlocked input cells and protection.
 */
export async function writeTemplatePlans(context: Excel.RequestContext, plans: readonly SheetPlan[], options: WriteOptions = {}): Promise<TemplateWriteReport> {
  const report = await writeTemplateSheets(context, plans, options);
  const syncs = await applyTemplateFeatures(context, plans, options.requirements);
  return { sheets: report.sheets, syncs: report.syncs + syncs };
}
