import { type Amount, ratio, sumPresent } from "./amount";
import { formatAmount } from "./format";
import { makeFinding } from "./finding";
import type { AmountFields, DriftRowInput, DriftRowResult, DriftTableInput, Finding, Period } from "./types";

export const MONTHS_ELAPSED: Record<Period, number> = { T1: 4, T2: 8, VB: 12 };

const PROBLEM_TEXT: Record<string, string> = { empty: "tom cell", invalid: "inte ett tal", error: "felvärde" };

/** One leaf row's own figures; transfers and returns are filled in afterwards. */
export function computeRow(input: DriftRowInput, period: Period, table: DriftTableInput, findings: Finding[]): DriftRowResult {
  let forecast = input.forecast;
  let forecastSubstituted = false;
  if (period !== "VB" && forecast === null && input.budget !== null) {
    forecast = input.budget;
    forecastSubstituted = true;
    if (table.hasForecast) {
      findings.push(
        makeFinding(
          "FORECAST_MISSING",
          "warning",
          { sheet: table.sheet, cell: input.ref.cells.forecast ?? input.ref.labelCell, subject: rowName(input.path) },
          { budget: formatAmount(input.budget, table.unit), found: input.forecastProblem ? PROBLEM_TEXT[input.forecastProblem] : null },
        ),
      );
    }
  }
  const base = period === "VB" ? input.actual : forecast;
  const deviation = input.budget !== null && base !== null ? input.budget - base : null;
  return {
    name: rowName(input.path),
    path: input.path,
    comment: input.comment,
    earmark: input.earmark,
    resultUnit: input.resultUnit,
    forecastSubstituted,
    runRate: null,
    ref: input.ref,
    budget: input.budget,
    actual: input.actual,
    forecast,
    previousForecast: input.previousForecast,
    priorYearActual: input.priorYearActual,
    base,
    deviation,
    deviationPct: deviationPct(deviation, input.budget),
    resultTransfer: 0n,
    returnedFunds: 0n,
    adjustedDeviation: deviation,
    forecastChange: period !== "VB" && forecast !== null && input.previousForecast !== null ? forecast - input.previousForecast : null,
    priorYearChange: base !== null && input.priorYearActual !== null ? base - input.priorYearActual : null,
  };
}

/** The most specific label of a path: the unit (or cost type) under an area, else the area. */
export function rowName(path: string[]): string {
  return path[path.length - 1];
}

export function deviationPct(deviation: Amount | null, budget: Amount | null): number | null {
  if (deviation === null || budget === null || budget === 0n) return null;
  return ratio(deviation, budget < 0n ? -budget : budget);
}

/** Sums of the rows that have a value; an aggregate with no values is null. */
export function aggregateFields(rows: AmountFields[]): AmountFields {
  const sum = (pick: (r: AmountFields) => Amount | null) => sumPresent(rows.map(pick));
  const budget = sum((r) => r.budget);
  const deviation = sum((r) => r.deviation);
  return {
    budget,
    actual: sum((r) => r.actual),
    forecast: sum((r) => r.forecast),
    previousForecast: sum((r) => r.previousForecast),
    priorYearActual: sum((r) => r.priorYearActual),
    base: sum((r) => r.base),
    deviation,
    deviationPct: deviationPct(deviation, budget),
    resultTransfer: sum((r) => r.resultTransfer) ?? 0n,
    returnedFunds: sum((r) => r.returnedFunds) ?? 0n,
    adjustedDeviation: sum((r) => r.adjustedDeviation),
    forecastChange: sum((r) => r.forecastChange),
    priorYearChange: sum((r) => r.priorYearChange),
  };
}
