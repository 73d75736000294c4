import { columnLetters } from "../../workbook/cells";
import { SheetPlan } from "../../workbook/plan";
import { StyleSpec } from "../../workbook/styles";
import { runBatches } from "./batches";
import { followUpMarks } from "./marks";
import { PAGE_LAYOUT_SET, RequirementProbe, isSetSupported } from "./requirements";
import { applyTemplateFeatures } from "./templateFeatures";
import { WriteBatch, WriteStep, planWrite } from "./writePlan";

export interface WriteOptions {
  /** Request budget per sync in bytes (default 4 MB). */
  budgetBytes?: number;
  /** Requirement-set probe (default `Office.context.requirements`); decides page layout (ExcelApi 1.9). */
  requirements?: RequirementProbe | null;
  /** Called after each batch's sync, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface WriteReport {
  /** Sheets written, in plan order. */
  sheets: string[];
  /** Följsam's sheets from an earlier run that were replaced. */
  replaced: string[];
  /** `context.sync()` calls made: one to look at the workbook, one per batch. */
  syncs: number;
  /** Estimated request size of each batch. */
  batchBytes: number[];
}

function color(hex: string): string {
  return hex.startsWith("#") ? hex : `#${hex}`;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;

function applyStyle(range: Pick<Excel.Range, "format">, style: StyleSpec, rows: number): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor) format.font.color = color(style.fontColor);
  if (style.fill) format.fill.color = color(style.fill);
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  // A border "on every cell of the rectangle" is its outer edge plus the lines between its rows.
  if (style.borderTop) format.borders.getItem("EdgeTop").style = "Continuous";
  if (style.borderBottom) format.borders.getItem("EdgeBottom").style = "Continuous";
  if (rows > 1 && (style.borderTop || style.borderBottom)) format.borders.getItem("InsideHorizontal").style = "Continuous";
}

/** Queues one step's Office.js calls (no sync). Also used by ./templateFeatures. */
export function queueStep(context: Excel.RequestContext, step: WriteStep, sheets: Map<string, Excel.Worksheet>): void {
  const worksheets = context.workbook.worksheets;
  const sheetNamed = (name: string): Excel.Worksheet => {
    let sheet = sheets.get(name);
    if (!sheet) {
      sheet = worksheets.getItem(name);
      sheets.set(name, sheet);
    }
    return sheet;
  };
  switch (step.kind) {
    case "deleteName":
      context.workbook.names.getItem(step.name).delete();
      return;
    case "retireSheet": {
      const old = sheetNamed(step.sheet);
      old.name = step.temporaryName;
      sheets.delete(step.sheet);
      sheets.set(step.temporaryName, old);
      return;
    }
    case "deleteSheet":
      sheetNamed(step.sheet).delete();
      sheets.delete(step.sheet);
      return;
    case "addSheet": {
      const added = worksheets.add(step.sheet);
      if (step.tabColor) added.tabColor = step.tabColor;
      sheets.set(step.sheet, added);
      return;
    }
    case "mark":
      context.workbook.names.add(step.name, sheetNamed(step.sheet).getRange("A1").untrack());
      return;
    case "columnWidth":
      sheetNamed(step.sheet).getRange(step.columns).untrack().format.columnWidth = step.points;
      return;
    case "freeze":
      freeze(sheetNamed(step.sheet), step.rows, step.columns);
      return;
    case "pageLayout":
      layOut(sheetNamed(step.sheet), step.landscape, step.printTitleRows);
      return;
    case "cells": {
      const sheet = sheetNamed(step.sheet);
      // Number formats first, in the same request, so values land in cells already formatted and
      // Excel applies none of its automatic formats (dates, percentages) on the way in. One value
      // for a whole run of a column: Office.js sets a single value on every cell of the range.
      for (const run of step.numberFormats) (sheet.getRange(run.address).untrack() as { numberFormat: unknown }).numberFormat = run.format;
      sheet.getRange(step.address).untrack().formulas = step.formulas;
      return;
    }
    case "style": {
      const sheet = sheetNamed(step.sheet);
      // Several areas (ExcelApi 1.9, planned only where it is there) are one RangeAreas.
      const target = step.address.includes(",") ? sheet.getRanges(step.address).untrack() : sheet.getRange(step.address).untrack();
      applyStyle(target, step.style, step.rows);
      return;
    }
    case "dataBar":
      addDataBar(sheetNamed(step.sheet), step.range, step.color);
      return;
    case "chart":
      addChart(sheetNamed(step.sheet), step.chart);
      return;
  }
}

function freeze(sheet: Excel.Worksheet, rows: number, columns: number): void {
  const panes = sheet.freezePanes;
  // freezeAt takes the cells that stay in view: the top rows and left columns together.
  if (rows > 0 && columns > 0) panes.freezeAt(`A1:${columnLetters(columns - 1)}${rows}`);
  else if (rows > 0) panes.freezeRows(rows);
  else panes.freezeColumns(columns);
}

function layOut(sheet: Excel.Worksheet, landscape: boolean, printTitleRows: string | undefined): void {
  const layout = sheet.pageLayout;
  if (landscape) layout.orientation = "Landscape";
  if (printTitleRows) layout.setPrintTitleRows(printTitleRows);
}

function addDataBar(sheet: Excel.Worksheet, address: string, fill: string): void {
  const rule = sheet.getRange(address).untrack().conditionalFormats.add("DataBar");
  rule.dataBar.positiveFormat.fillColor = color(fill);
  rule.dataBar.positiveFormat.gradientFill = false;
}

function addChart(sheet: Excel.Worksheet, plan: Extract<WriteStep, { kind: "chart" }>["chart"]): void {
  const chart = sheet.charts.add("BarClustered", sheet.getRange(plan.values).untrack(), "Auto");
  chart.title.text = plan.title;
  chart.legend.visible = false;
  const series = chart.series.getItemAt(0);
  series.name = plan.seriesName;
  series.setXAxisValues(sheet.getRange(plan.categories).untrack());
  chart.setPosition(plan.from, plan.to);
}

/**
 * Writes the follow-up sheets into the open workbook: one sync to find Följsam's earlier
 * sheets (by their marks), then the planned batches, each under the request budget: old marks
 * removed, old sheets replaced, new sheets added and marked, widths, freeze panes, page layout,
 * cells (number formats and values or formulas as 2-D arrays), styles, data bars and charts.
 * Input sheets are never touched; a planned name that belongs to a sheet Följsam did not make
 * stops the write before anything changes (FoljsamError).
 */
export async function writeSheetPlans(context: Excel.RequestContext, plans: readonly SheetPlan[], options: WriteOptions = {}): Promise<WriteReport> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name,items/formula");
  await context.sync();

  const sheetNames = worksheets.items.map((ws) => ws.name);
  const followUp = followUpMarks(names.items.map((n) => ({ name: n.name, formula: n.formula })), sheetNames);
  // ExcelApi 1.9 brings both page layout and RangeAreas (worksheet.getRanges).
  const pageLayout = isSetSupported(PAGE_LAYOUT_SET, options.requirements);
  const batches: WriteBatch[] = planWrite(plans, { sheets: sheetNames, followUp }, { budgetBytes: options.budgetBytes, pageLayout, rangeAreas: pageLayout });

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
  // Templates only (validation, unlocked input cells, protection): no sync when no plan has them.
  const featureSyncs = await applyTemplateFeatures(context, plans, options.requirements);
  return {
    sheets: plans.map((p) => p.name),
    replaced: followUp.sheets,
    syncs: 1 + batches.length + featureSyncs,
    batchBytes: batches.map((b) => b.bytes),
  };
}
