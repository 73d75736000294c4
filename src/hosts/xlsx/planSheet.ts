import type * as ExcelJS from "exceljs";
import type { PlanCell, SheetPlan, StyleName } from "../../workbook/plan";
import { STYLES, type StyleSpec } from "../../workbook/styles";

/**
 * Executes one sheet plan on a fresh ExcelJS worksheet: values, live formulas with the engine's
 * figure as cached result, number formats, named styles, column widths, frozen panes, data bars,
 * page set-up and tab colour.
 *
 * Charts are not written: ExcelJS 4.4 cannot create charts. The plan still carries them; the
 * Excel add-in draws them with Office.js, and a file made by the command line has the figures
 * without the chart.
 */
export function executePlan(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const styles = new StyleCache();
  plan.rows.forEach((cells, r) => {
    if (!cells || cells.length === 0) return;
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = row.getCell(c + 1);
      target.value = cellValue(cell);
      const style = styles.get(cell.styles, cell.numFmt);
      if (style) target.style = style;
    });
  });

  plan.columnWidths.forEach((width, c) => {
    if (width > 0) ws.getColumn(c + 1).width = width;
  });

  const xSplit = Math.max(0, plan.freezeColumns ?? 0);
  const ySplit = Math.max(0, plan.freezeRows);
  if (xSplit > 0 || ySplit > 0) ws.views = [{ state: "frozen", xSplit, ySplit }];

  let priority = 1;
  for (const rule of plan.conditionalFormats) {
    // Solid bars (gradient: false) make ExcelJS write the rule the way Excel itself does: the
    // 2007 <dataBar> plus its x14 extension, linked by a GUID; deficits get Excel's red negative
    // bars. With gradient: true ExcelJS still writes the link, but with an empty id.
    const dataBar: ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> } = {
      type: "dataBar",
      priority: priority++,
      gradient: false,
      cfvo: [{ type: "min" }, { type: "max" }],
      color: { argb: argb(rule.color) },
    };
    ws.addConditionalFormatting({ ref: rule.range, rules: [dataBar] });
  }

  // ExcelJS writes the print-titles name as '<sheet>'!$1:$1 without doubling an apostrophe in the
  // sheet name, which Excel would have to repair; such a sheet prints without repeated titles.
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: plan.landscape ? "landscape" : "portrait",
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(plan.printTitleRows && !plan.name.includes("'") ? { printTitlesRow: `${plan.printTitleRows[0]}:${plan.printTitleRows[1]}` } : {}),
  };
  if (plan.tabColor) ws.properties.tabColor = { argb: argb(plan.tabColor) };
}

/** Excel's limit on the text in one cell. */
const MAX_CELL_TEXT = 32_767;

type CellInput = ExcelJS.CellValue;

/**
 * A string is always written as a string value (a shared string in the file), never parsed, so
 * text such as "=HYPERLINK(...)", "+46 8 ...", "-x" or "@foo" stays text. Only `f` makes a formula.
 */
function cellValue(cell: PlanCell): CellInput {
  if (cell.f !== undefined && cell.f !== "") {
    const formula = cell.f.replace(/^=/, "");
    const result = plainValue(cell.v);
    return (result === null ? { formula } : { formula, result }) as CellInput;
  }
  return plainValue(cell.v);
}

function plainValue(v: PlanCell["v"]): string | number | boolean | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v;
  return v;
}

/** "C00000", "#C00000" or "FFC00000" as ExcelJS's ARGB. */
export function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  return hex.length === 8 ? hex : `FF${hex}`;
}

/** Named styles merged in order (a later one wins per property), with the cell's number format. */
export function styleOf(names: readonly StyleName[] | undefined, numFmt: string | undefined): Partial<ExcelJS.Style> | undefined {
  const spec: StyleSpec = {};
  for (const name of names ?? []) Object.assign(spec, STYLES[name]);
  const style: Partial<ExcelJS.Style> = {};
  if (numFmt) style.numFmt = numFmt;
  if (spec.bold || spec.italic || spec.fontSize || spec.fontColor) {
    // A font in the file names its face and size; ExcelJS writes Calibri 11 as the workbook default.
    style.font = {
      name: "Calibri",
      family: 2,
      size: spec.fontSize ?? 11,
      ...(spec.bold ? { bold: true } : {}),
      ...(spec.italic ? { italic: true } : {}),
      ...(spec.fontColor ? { color: { argb: argb(spec.fontColor) } } : {}),
    };
  }
  if (spec.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(spec.fill) } };
  if (spec.borderTop || spec.borderBottom) {
    style.border = {
      ...(spec.borderTop ? { top: { style: "thin" } } : {}),
      ...(spec.borderBottom ? { bottom: { style: "thin" } } : {}),
    };
  }
  if (spec.wrap || spec.horizontal) {
    style.alignment = {
      ...(spec.wrap ? { wrapText: true } : {}),
      ...(spec.horizontal ? { horizontal: spec.horizontal } : {}),
    };
  }
  return Object.keys(style).length ? style : undefined;
}

/**
 * One style object per combination: a sheet repeats few combinations over many cells, and ExcelJS
 * writes each distinct one once. Cells share the object, so nothing may mutate it afterwards.
 */
class StyleCache {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style> | undefined>();

  get(names: readonly StyleName[] | undefined, numFmt: string | undefined): Partial<ExcelJS.Style> | undefined {
    if (!names?.length && !numFmt) return undefined;
    const key = `${(names ?? []).join(",")}|${numFmt ?? ""}`;
    if (!this.byKey.has(key)) this.byKey.set(key, styleOf(names, numFmt));
    return this.byKey.get(key);
  }
}
