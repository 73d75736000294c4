import type * as ExcelJS from "exceljs";
import { parseA1 } from "../../workbook/cells";
import type { DataValidationPlan, PlanCell, SheetPlan, StyleName } from "../../workbook/plan";
import { STYLES, type StyleSpec } from "../../workbook/styles";
import { DATA_BAR_AXIS_COLOR, DATA_BAR_NEGATIVE_COLOR, headerFooterCodes, MAX_CELL_TEXT, pageBreakRows, styleKey } from "./sheetXml";

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
  executeLayout(ws, plan);
}

/**
 * Instead of the plan's cells, one text cell per distinct look (named styles and number format)
 * down column A, so that ExcelJS puts each look into the workbook's styles and, as it writes the
 * cells, says which index it got; sheetXml.ts then writes the real cells with those indices. At
 * least one cell is written, so that the workbook has a shared-string table to add to. Returns
 * the style keys, the first in A1.
 */
export function executeStyleProbes(ws: ExcelJS.Worksheet, plan: SheetPlan): string[] {
  const styles = new StyleCache();
  const keys = new Map<string, Partial<ExcelJS.Style>>();
  for (const cells of plan.rows) {
    if (!cells) continue;
    for (const cell of cells) {
      if (!cell) continue;
      const key = styleKey(cell.styles, cell.numFmt);
      if (key === "" || keys.has(key)) continue;
      const style = styles.get(cell.styles, cell.numFmt);
      if (style) keys.set(key, style);
    }
  }
  let r = 1;
  for (const style of keys.values()) {
    const probe = ws.getCell(r++, 1);
    probe.value = "·";
    probe.style = style;
  }
  if (keys.size === 0) ws.getCell(1, 1).value = "·";
  return [...keys.keys()];
}

/** Everything of a plan but its cells: column widths, panes, data bars, page set-up, tab colour. */
export function executeLayout(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
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
    // ExcelJS writes the x14 colours only when given; [MS-XLSX] 2.6.30 needs both (sheetXml.ts).
    const dataBar: ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color>; negativeFillColor: Partial<ExcelJS.Color>; axisColor: Partial<ExcelJS.Color> } = {
      type: "dataBar",
      priority: priority++,
      gradient: false,
      cfvo: [{ type: "min" }, { type: "max" }],
      color: { argb: argb(rule.color) },
      negativeFillColor: { argb: argb(DATA_BAR_NEGATIVE_COLOR) },
      axisColor: { argb: argb(DATA_BAR_AXIS_COLOR) },
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

  plan.rowHeights?.forEach((height, r) => {
    if (height) ws.getRow(r + 1).height = height;
  });
  const hf = headerFooterCodes(plan);
  if (hf) ws.headerFooter = { oddHeader: hf.header, oddFooter: hf.footer };
  // ExcelJS's break on row n (1-based) comes after it, as in the file.
  for (const id of pageBreakRows(plan)) ws.getRow(id).addPageBreak();

  applyTemplateFeatures(ws, plan);
}

/**
 * Templates: data validation per range, input ranges unlocked, the sheet protected without a
 * password. ExcelJS keeps a validation per address and writes a range as one rule.
 */
function applyTemplateFeatures(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of plan.dataValidations ?? []) validations.add(v.range, excelValidation(v));

  for (const range of plan.unlockedRanges ?? []) {
    const [from, to = from] = range.split(":");
    const tl = parseA1(from);
    const br = parseA1(to);
    if (!tl || !br) throw new Error(`Ogiltigt område i bladplanen "${plan.name}": ${range}`);
    for (let r = tl.row; r <= br.row; r++) {
      const row = ws.getRow(r + 1);
      for (let c = tl.col; c <= br.col; c++) {
        const cell = row.getCell(c + 1);
        // A new object: cells share their style objects (StyleCache), and cell.protection = …
        // would change every cell that shares it.
        cell.style = { ...cell.style, protection: { locked: false } };
      }
    }
  }

  const p = plan.protection;
  if (p) {
    // No password: ExcelJS then writes <sheetProtection sheet="1" …/> without a hash, resolving at once.
    void ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: p.allowFormatColumns,
      formatRows: p.allowFormatRows,
      insertRows: p.allowInsertRows,
      deleteRows: p.allowDeleteRows,
      sort: p.allowSort,
      autoFilter: p.allowAutoFilter,
    });
  }
}

/** A plan's validation as ExcelJS's; list values are one quoted, comma-separated formula. */
export function excelValidation(v: DataValidationPlan): ExcelJS.DataValidation {
  const messages = {
    // No errorStyle: Excel's default is "stop", which refuses the value.
    showErrorMessage: true,
    errorTitle: v.error.title,
    error: v.error.text,
    ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.text } : {}),
  };
  const rule = v.rule;
  if (rule.type === "list") {
    return { type: "list", allowBlank: true, formulae: [`"${rule.values.join(",")}"`], ...messages };
  }
  return { type: rule.type, operator: "between", allowBlank: true, formulae: [rule.min, rule.max], ...messages };
}

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
    const key = styleKey(names, numFmt);
    if (key === "") return undefined;
    if (!this.byKey.has(key)) this.byKey.set(key, styleOf(names, numFmt));
    return this.byKey.get(key);
  }
}
