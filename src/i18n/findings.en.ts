import type { FindingCode, IndicatorStatus, Severity } from "../engine/types";
import type { FindingText } from "./findings.sv";

/**
 * The English text of every finding, for the task pane in English. Same codes and params as
 * findings.sv.ts (findings.test.ts checks that every code has both). The sheets and the JSON
 * report stay Swedish. Amount params arrive formatted the Swedish way ("-3,2 mnkr").
 */
const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? "" : String(v));

const STATUS_EN: Record<IndicatorStatus, string> = {
  full: "Full",
  partial: "Partial",
  none: "Not met",
  notMeasured: "Not measured",
  notAssessable: "Not assessable",
};

function statusText(code: string | number | null | undefined, fallback: string | number | null | undefined): string {
  return typeof code === "string" && code in STATUS_EN ? STATUS_EN[code as IndicatorStatus] : s(fallback);
}

export const FINDING_TEXTS_EN: Record<FindingCode, FindingText> = {
  COMMENT_REQUIRED: {
    title: "Comment required",
    message: (p) =>
      p.status
        ? `Goal attainment ${statusText(p.statusCode, p.status)}${p.value ? ` (${p.basis === "forecast" ? "forecast" : "outcome"} ${s(p.value)}${p.target ? `, annual target ${s(p.target)}` : ""})` : ""}: a comment is required.`
        : `The deviation ${s(p.deviation)} requires an explanation.`,
    advice: "Write an explanation in the Kommentar column: for operations on the area or a row under it, for an indicator on its row.",
  },
  DEFICIT: {
    title: "Deficit",
    message: (p) => `Deficit: the deviation is ${s(p.deviation)}.`,
    advice: "Explain the deficit and describe the measures to reach a balanced budget.",
  },
  FORECAST_MISSING: {
    title: "Forecast missing",
    message: (p) => `Forecast missing${p.found ? ` (${s(p.found)})` : ""}; the budget (${s(p.budget)}) is used as the forecast, deviation 0.`,
    advice: "Enter a full-year forecast for the row.",
  },
  RUN_RATE: {
    title: "Forecast differs from the run rate",
    message: (p) => `The outcome at the annual run rate is ${s(p.runRate)} but the forecast is ${s(p.forecast)} (difference ${s(p.difference)}).`,
    advice: "Check the forecast; seasonal variation may explain the difference.",
  },
  FORECAST_SHIFT: {
    title: "Large forecast change",
    message: (p) => `The forecast has changed by ${s(p.change)} since the previous forecast.`,
    advice: "Explain the change of forecast in the comment.",
  },
  SUM_MISMATCH: {
    title: "Total does not add up",
    message: (p) =>
      `${s(p.column)}: the row "${s(p.label)}" states ${s(p.stated)} but the rows add up to ${s(p.computed)} (difference ${s(p.difference)}).`,
    advice: "Check the total row and the rows under it.",
  },
  NUMBER_PARSE: {
    title: "Not a number",
    message: (p) => `${s(p.column)}: "${s(p.text)}" is not a number; the cell is treated as empty.`,
    advice: "Enter a number, e.g. 1 297,1, or leave the cell empty.",
  },
  MISSING_COLUMN: {
    title: "Column missing",
    message: (p) => `The column ${s(p.column)} is missing${p.detail ? ` (${s(p.detail)})` : ""}.`,
    advice: "Add the column with a header that Följsam recognises (see the README).",
  },
  DUPLICATE_ROW: {
    title: "Duplicate row",
    message: (p) => `The row "${s(p.label)}" also appears on row ${s(p.otherRow)}.`,
    advice: "Remove or rename one of the rows.",
  },
  FORMULA_ERROR: {
    title: "Error value in cell",
    message: (p) => `${s(p.column)}: the cell holds ${s(p.error)}; it is treated as empty.`,
    advice: "Correct the formula or the value in the cell.",
  },
  GENDER_GAP: {
    title: "Difference between women and men",
    message: (p) => `The difference women − men is ${s(p.gap)}${p.women && p.men ? ` (women ${s(p.women)}, men ${s(p.men)})` : ""}.`,
    advice: "Analyse the difference between women and men in the comment.",
  },
  DIRECTION_UNSET: {
    title: "Direction missing",
    message: () => "The name suggests that lower is better, but no direction is given; higher is better is assumed.",
    advice: "Give the indicator a Riktning (Högre är bättre / Lägre är bättre).",
  },
  CAP_BASIS_MISSING: {
    title: "Gross budget missing",
    message: (p) => `The result unit has no gross budget; the cap is computed on the net budget (${s(p.basis)}).`,
    advice: "Enter the Bruttobudget of the result unit.",
  },
  FORMULA_NO_VALUE: {
    title: "Formula without a computed value",
    message: (p) => `${s(p.column)}: the formula ${s(p.formula)} has no saved value; the cell is treated as empty.`,
    advice: "Open the file in Excel, recalculate and save it again.",
  },
  DATE_IN_AMOUNT: {
    title: "Date in an amount column",
    message: (p) => `${s(p.column)}: the cell holds a date (${s(p.text)}), not an amount; it is treated as empty.`,
    advice: "Enter the amount as a number and change the cell's format to number.",
  },
  PERIOD_MISMATCH: {
    title: "Period does not match",
    message: (p) => `The period ${s(p.given)} does not match the headers, which suggest ${s(p.found)}.`,
    advice: "Check the period in the settings and the column headers.",
  },
  YEAR_MISMATCH: {
    title: "Year does not match",
    message: (p) => `The year ${s(p.given)} does not match the headers, which give ${s(p.found)}.`,
    advice: "Check the year in the settings and the column headers.",
  },
  TOTAL_MISSING: {
    title: "Value missing",
    message: (p) => `${s(p.column)} is missing for the row.`,
    advice: "Enter the value.",
  },
  UNKNOWN_EARMARK_SETTING: {
    title: "Unknown earmark in the settings",
    message: (p) => `The settings name the earmark "${s(p.name)}", which is not in the operating budget.`,
    advice: "Check the spelling in the settings or in the Öronmärkning column.",
  },
  UNLABELLED_ROW: {
    title: "Row without a name",
    message: (p) => `The row has values but no name (${s(p.column)} is empty); it is not read.`,
    advice: "Enter the row's name, or remove the row if it is a total.",
  },
  UNIT_ASSUMED: {
    title: "Unit missing",
    message: (p) =>
      p.found
        ? `The table gives no unit for its amounts, so ${s(p.assumed)} is assumed, but ${s(p.where)} gives ${s(p.found)}.`
        : p.where
          ? `The table gives no unit for its amounts; ${s(p.assumed)} is assumed, as ${s(p.where)} gives.`
          : `No table gives a unit for its amounts; ${s(p.assumed)} is assumed.`,
    advice: 'Give the unit in a header or title row (e.g. "Utfall 2026, mnkr") or with the Unit setting.',
  },
  UNIT_MISMATCH: {
    title: "Unit does not match",
    message: (p) => `The unit ${s(p.given)} from the settings is used, but ${s(p.where)} gives ${s(p.found)}.`,
    advice: "Check the unit in the settings and in the headers.",
  },
  SETTING_UNKNOWN: {
    title: "Unknown setting",
    message: (p) => `The row "${s(p.label)}" on the sheet ${s(p.sheet)} is not recognised; its value is not used.`,
    advice: "Check the spelling (see Settings in the README) or remove the row.",
  },
  TABLE_UNREADABLE: {
    title: "Table cannot be read",
    message: (p) =>
      p.missing
        ? `The table (${s(p.kind)}) on the sheet ${s(p.sheet)}${p.headerRow ? ` with its header in row ${s(p.headerRow)}` : ""} cannot be read: ${s(p.missing)}. The rest of the workbook is reported.`
        : `The sheet ${s(p.sheet)} looks like ${s(p.kind)} but has no header row Följsam recognises; it is not read. The rest of the workbook is reported.`,
    advice: "Give the columns headers Följsam recognises (e.g. Verksamhetsområde | Budget | Utfall), or correct the columns under Find.",
  },
  TABLE_NOT_USED: {
    title: "Table not used",
    message: (p) => `The sheet ${s(p.sheet)} also has a table of ${s(p.kind)} (header in row ${s(p.headerRow)}); only the one on the sheet ${s(p.used)} is used.`,
    advice: "Put the tables of each committee in a workbook of their own, or remove the one that should not count.",
  },
  UNRECOGNISED_COLUMN: {
    title: "Column not read",
    message: (p) =>
      p.header
        ? p.reason
          ? `The column "${s(p.header)}" (${s(p.column)}) is not read: ${s(p.reason)}.`
          : `The column "${s(p.header)}" (${s(p.column)}) is not recognised and not read.`
        : `Column ${s(p.column)} has values but no header and is not read.`,
    advice: "Change the header to one Följsam recognises (see the README), or say what the column is under Find, if it should count.",
  },
  GIVEN_MISMATCH: {
    title: "Given figure does not match",
    message: (p) =>
      p.difference
        ? `${s(p.column)}: the table gives ${s(p.stated)} but Följsam computes ${s(p.computed)} (${s(p.formula)}; difference ${s(p.difference)}).`
        : `${s(p.column)}: the table says "${s(p.stated)}" but Följsam assesses ${s(p.computed)} (${s(p.formula)}).`,
    advice: "Check the figure in the column and the amounts it is computed from.",
  },
  SIGNS_NORMALISED: {
    title: "Sign reversed",
    message: (p) =>
      p.section
        ? `The revenues are written as positive numbers in ${s(p.count)} of ${s(p.rows)} rows; they are read as negative (net cost: revenues negative).`
        : p.forced
          ? `The column "${s(p.header)}" is read with its sign reversed, as the signs setting says.`
          : `The column "${s(p.header)}" has the opposite sign of "${s(p.against)}" in ${s(p.count)} of ${s(p.rows)} rows; it is read with its sign reversed (net cost positive).`,
    advice: 'Check the signs; the signs setting ("flip" or "keep" per column) decides if the rule guesses wrong.',
  },
  DIRECTION_ASSUMED: {
    title: "Direction assumed",
    message: (p) => `No direction is given; "${s(p.measure)}" is a measure where lower is better, so lower is better is assumed.`,
    advice: "Give the direction (Högre är bättre / Lägre är bättre) if the assumption is wrong.",
  },
  HEADING_ROWS: {
    title: "Heading over rows",
    message: (p) => `The row "${s(p.label)}" is the sum of the ${s(p.count)} rows under it; it is read as their heading, not as a row of its own.`,
    advice: "Nothing to do if that is right; otherwise mark the rows under it with an indent.",
  },
  UNIT_NAME_MISSING: {
    title: "Name of the committee missing",
    message: (p) => `Nämnd is empty on the sheet ${s(p.sheet)}.`,
    advice: "Enter the committee's name, e.g. Socialnämnden: the controller consolidates the committees under that name.",
  },
};

export const SEVERITY_LABELS_EN: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Information" };
