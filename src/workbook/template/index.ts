/**
 * The report template ("blankettset") as sheet plans: Instruktioner, Drift, Investeringar,
 * Intäkts- och kostnadsslag, Indikatorer and Inställningar for one period and year. Pure and
 * host-neutral: the command line executes the plans with ExcelJS (`foljsam template`), the add-in
 * with Office.js ("Skapa mall").
 *
 * A template is input, not output: its sheets carry no Följsam mark (hosts must not mark them),
 * or the reader would skip them. Every header is one the reader recognises for the period; the
 * settings rows are those the reader's settings sheet honours, with the defaults as values.
 */
import { defaultSettings } from "../../engine/settings";
import type { Period, Unit } from "../../engine/types";
import { columnLetters } from "../cells";
import type { DataValidationPlan, PlanCell, SheetPlan, SheetProtectionPlan, StyleName } from "../plan";
import { type PlanRow, sheetPlan, text } from "../plans/grid";
import { type InputKind, type InputSheetSpec, inputSheetSpecs } from "./columns";
import { INSTRUCTION_TEXTS as I, LIST_VALUES, SETTINGS_TEXTS as S, SHEET_TEXTS, TEMPLATE_SHEET_NAMES, VALIDATION_TEXTS as V } from "./labels.sv";

export { inputSheetSpecs, DRIFT_ROWS, INVESTMENT_ROWS, COST_TYPE_ROWS, INDICATOR_ROWS } from "./columns";
export type { InputSheetSpec, TemplateColumn, InputKind } from "./columns";
export { TEMPLATE_SHEET_NAMES, periodName } from "./labels.sv";

export interface TemplateOptions {
  /** The amount unit written on Inställningar (default tkr, the reader's default). */
  unit?: Unit;
}

/** 0-based row of the header on every input sheet: title, note, header. */
export const TEMPLATE_HEADER_ROW = 2;

/** The largest amount a cell accepts: far above any budget, below Excel's 15 significant digits. */
const AMOUNT_LIMIT = 1e12;

/**
 * Locked cells cannot be changed; formatting columns and rows and inserting rows stay allowed.
 * Deleting rows is not: Excel refuses it on a protected sheet when a row has locked cells.
 */
export const TEMPLATE_PROTECTION: SheetProtectionPlan = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: true,
  allowDeleteRows: false,
  allowSort: false,
  allowAutoFilter: false,
};

export function buildTemplatePlans(period: Period, year: number, options: TemplateOptions = {}): SheetPlan[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2099) throw new RangeError(`year out of range: ${year}`);
  const specs = inputSheetSpecs(period, year);
  return [instructionsPlan(period, year, specs), ...specs.map(inputSheetPlan), settingsPlan(period, year, options.unit ?? "tkr")];
}

function validationFor(input: InputKind, range: string): DataValidationPlan | null {
  switch (input) {
    case "amount":
      return { range, rule: { type: "decimal", min: -AMOUNT_LIMIT, max: AMOUNT_LIMIT }, error: V.amount };
    case "yesNo":
      return { range, rule: { type: "list", values: LIST_VALUES.yesNo }, error: V.yesNo };
    case "direction":
      return { range, rule: { type: "list", values: LIST_VALUES.direction }, error: V.direction };
    case "costKind":
      return { range, rule: { type: "list", values: LIST_VALUES.costKind }, error: V.costKind };
    case "text":
    case "indicatorValue":
      // Indicator cells take text too: "86,4 %", "+/- 1 %", "Tas fram av nämnden".
      return null;
  }
}

function inputSheetPlan(spec: InputSheetSpec): SheetPlan {
  const rows: PlanRow[] = [[text(spec.title, "title")], [text(spec.note, "note")], spec.columns.map((c) => text(c.header, "header"))];
  const first = TEMPLATE_HEADER_ROW + 2; // 1-based first input row
  const last = first + spec.rows - 1;
  const dataValidations: DataValidationPlan[] = [];
  spec.columns.forEach((c, i) => {
    const letter = columnLetters(i);
    const v = validationFor(c.input, `${letter}${first}:${letter}${last}`);
    if (v) dataValidations.push(v);
  });
  return sheetPlan(spec.kind, spec.name, rows, spec.columns.map((c) => c.width), TEMPLATE_HEADER_ROW, {
    freezeColumns: spec.freezeColumns,
    dataValidations,
    unlockedRanges: [`A${first}:${columnLetters(spec.columns.length - 1)}${last}`],
    protection: TEMPLATE_PROTECTION,
  });
}

type SettingValue = { v: string | number; numFmt?: string; validation?: Omit<DataValidationPlan, "range"> };

const SHARE: Omit<DataValidationPlan, "range"> = { rule: { type: "decimal", min: 0, max: 1 }, error: V.share };
const NUMBER: Omit<DataValidationPlan, "range"> = { rule: { type: "decimal", min: 0, max: AMOUNT_LIMIT }, error: V.number };
const YES_NO: Omit<DataValidationPlan, "range"> = { rule: { type: "list", values: LIST_VALUES.yesNo }, error: V.yesNo };
const share = (x: number): SettingValue => ({ v: x, numFmt: x * 100 === Math.round(x * 100) ? "0\\ %" : "0.0\\ %", validation: SHARE });
const yesNo = (b: boolean): SettingValue => ({ v: b ? S.yes : S.no, validation: YES_NO });

/** Inställningar: Inställning | Värde | Förklaring, the values being the defaults and the period's. */
function settingsPlan(period: Period, year: number, unit: Unit): SheetPlan {
  const d = defaultSettings();
  const R = S.rows;
  const entries: [{ label: string; help: string }, SettingValue | null][] = [
    [R.unitName, null],
    [R.period, { v: period, validation: { rule: { type: "list", values: LIST_VALUES.period }, error: V.period } }],
    [R.year, { v: year, numFmt: "0", validation: { rule: { type: "whole", min: 1900, max: 2099 }, error: V.year } }],
    [R.unit, { v: unit, validation: { rule: { type: "list", values: LIST_VALUES.unit }, error: V.unit } }],
    [R.commentMnkr, { v: d.commentThreshold.mnkr, numFmt: "0.0", validation: NUMBER }],
    [R.commentShare, share(d.commentThreshold.share)],
    [R.capShare, share(d.resultUnits.capShare)],
    [R.carryDeficits, yesNo(d.resultUnits.carryDeficits)],
    [R.tolerance, share(d.indicators.tolerance)],
    [R.improvement, yesNo(d.indicators.improvementCountsAsPartial)],
    [R.genderGapPoints, { v: d.indicators.genderGapPoints, numFmt: "0", validation: NUMBER }],
    [R.genderGapShare, share(d.indicators.genderGapShare)],
    [R.runRate, share(d.runRateShare)],
    [R.forecastAccuracy, share(d.forecastAccuracyBand)],
    [R.costsNegative, yesNo(d.costsNegative)],
  ];
  const rows: PlanRow[] = [
    [text(SHEET_TEXTS.settingsTitle(period, year), "title")],
    [text(S.note, "note")],
    [text(S.headers.key, "header"), text(S.headers.value, "header"), text(S.headers.help, "header")],
  ];
  const dataValidations: DataValidationPlan[] = [];
  for (const [label, value] of entries) {
    const excelRow = rows.length + 1;
    const cell: PlanCell | null = value === null ? null : value.numFmt ? { v: value.v, numFmt: value.numFmt } : { v: value.v };
    rows.push([text(label.label), cell, text(label.help, "wrap")]);
    if (value?.validation) dataValidations.push({ ...value.validation, range: `B${excelRow}` });
  }
  const first = TEMPLATE_HEADER_ROW + 2;
  return sheetPlan("templateSettings", TEMPLATE_SHEET_NAMES.settings, rows, [32, 18, 90], TEMPLATE_HEADER_ROW, {
    dataValidations,
    unlockedRanges: [`B${first}:B${rows.length}`],
    protection: TEMPLATE_PROTECTION,
    landscape: false,
  });
}

/** Instruktioner: one paragraph per cell in column A, then every column of every sheet explained. */
function instructionsPlan(period: Period, year: number, specs: InputSheetSpec[]): SheetPlan {
  const rows: PlanRow[] = [];
  const add = (t: string, style: StyleName = "wrap") => rows.push([text(t, style)]);
  add(I.title(period, year), "title");
  add(I.intro);
  rows.push([]);
  add(I.stepsHeading, "subtotal");
  for (const s of I.steps) add(s);
  rows.push([]);
  add(I.rulesHeading, "subtotal");
  for (const s of I.rules) add(s);
  rows.push([]);
  add(I.checkHeading, "subtotal");
  for (const s of I.check) add(s);
  rows.push([]);
  add(I.columnsHeading, "subtotal");
  for (const spec of specs) {
    add(spec.name, "goal");
    for (const c of spec.columns) add(`${c.header}: ${c.help}`);
  }
  // 88 characters on a landscape page: the text wraps well inside the margins.
  return sheetPlan("instructions", TEMPLATE_SHEET_NAMES.instructions, rows, [88], null, {
    protection: TEMPLATE_PROTECTION,
    landscape: true,
    tabColor: "1F4E79",
  });
}
