/**
 * The input sheets of the template as data: per period, which columns each sheet has, what kind
 * of value each takes and how wide it is. The headers are those DOMAIN.md section 7 names for the
 * period: a tertial has the actual to date (Utfall per 30 april / 31 augusti) and the full-year
 * forecast (in T2 Prognos T2 beside the earlier Prognos T1); a VB has Bokslut YYYY and Prognos T2.
 */
import type { Period } from "../../engine/types";
import type { TemplateKind } from "../plan";
import { COLUMN_TEXTS as C, SHEET_TEXTS, TEMPLATE_SHEET_NAMES } from "./labels.sv";

/** What a person types in a column, and so its validation. */
export type InputKind = "text" | "amount" | "yesNo" | "direction" | "costKind" | "indicatorValue";

export interface TemplateColumn {
  header: string;
  help: string;
  input: InputKind;
  width: number;
}

export interface InputSheetSpec {
  kind: TemplateKind;
  name: string;
  title: string;
  note: string;
  columns: TemplateColumn[];
  /** Empty input rows under the header (rows can be inserted on the protected sheet). */
  rows: number;
  freezeColumns: number;
}

export const DRIFT_ROWS = 300;
export const INVESTMENT_ROWS = 60;
export const COST_TYPE_ROWS = 40;
export const INDICATOR_ROWS = 150;

const col = (t: { header: string; help: string }, input: InputKind, width: number): TemplateColumn => ({ ...t, input, width });
const amount = (t: { header: string; help: string }) => col(t, "amount", 14);

/** Actual and forecast columns of drift and investments for the period. */
function periodAmounts(period: Period, year: number): TemplateColumn[] {
  switch (period) {
    case "T1":
      return [amount(C.toDate("T1")), amount(C.forecast)];
    case "T2":
      return [amount(C.toDate("T2")), amount(C.forecastT1Previous), amount(C.forecastT2)];
    case "VB":
      return [amount(C.books(year)), amount(C.forecastT2Previous)];
  }
}

export function inputSheetSpecs(period: Period, year: number): InputSheetSpec[] {
  const drift: InputSheetSpec = {
    kind: "templateDrift",
    name: TEMPLATE_SHEET_NAMES.drift,
    title: SHEET_TEXTS.driftTitle(period, year),
    note: SHEET_TEXTS.amountNote,
    columns: [
      col(C.area, "text", 36),
      col(C.unit, "text", 30),
      amount(C.priorYear(year)),
      amount(C.budget(year)),
      ...periodAmounts(period, year),
      col(C.comment, "text", 50),
      col(C.resultUnit, "yesNo", 14),
      amount(C.openingFund),
      amount(C.grossBudget),
      col(C.earmark, "text", 18),
    ],
    rows: DRIFT_ROWS,
    freezeColumns: 2,
  };
  const investments: InputSheetSpec = {
    kind: "templateInvestments",
    name: TEMPLATE_SHEET_NAMES.investments,
    title: SHEET_TEXTS.investmentsTitle(period, year),
    note: SHEET_TEXTS.investmentNote,
    columns: [col(C.investment, "text", 36), amount(C.budget(year)), ...periodAmounts(period, year), col(C.multiYear, "yesNo", 12), col(C.comment, "text", 50)],
    rows: INVESTMENT_ROWS,
    freezeColumns: 1,
  };
  const costTypes: InputSheetSpec = {
    kind: "templateCostTypes",
    name: TEMPLATE_SHEET_NAMES.costTypes,
    title: SHEET_TEXTS.costTypesTitle(period, year),
    note: SHEET_TEXTS.amountNote,
    columns: [
      col(C.costType, "text", 40),
      col(C.costKind, "costKind", 12),
      ...(period === "VB" ? [amount(C.costPrior(year)), amount(C.costActual(year))] : [amount(C.costPriorTertial), amount(C.costActualTertial)]),
    ],
    rows: COST_TYPE_ROWS,
    freezeColumns: 1,
  };
  const value = (t: { header: string; help: string }) => col(t, "indicatorValue", 13);
  const indicators: InputSheetSpec = {
    kind: "templateIndicators",
    name: TEMPLATE_SHEET_NAMES.indicators,
    title: SHEET_TEXTS.indicatorsTitle(period, year),
    note: SHEET_TEXTS.indicatorNote,
    columns: [
      col(C.goal, "text", 36),
      col(C.indicator, "text", 46),
      col(C.direction, "direction", 16),
      value(C.indicatorActual),
      value(C.women),
      value(C.men),
      value(C.indicatorPrior),
      ...(period === "VB" ? [] : [value(C.indicatorForecast)]),
      value(C.target),
      value(C.kfTarget),
      value(C.tolerance),
      col(C.indicatorComment, "text", 50),
    ],
    rows: INDICATOR_ROWS,
    freezeColumns: 2,
  };
  return [drift, investments, costTypes, indicators];
}
