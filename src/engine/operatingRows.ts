import { type Amount, ratio } from "./amount";
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

/**
 * Sums of the rows that have a value; an aggregate with no values is null. `parts` are further
 * aggregates to add (sub-groups): a sum of sums is the sum of their rows, exactly. One pass.
 */
export function aggregateFields(rows: readonly AmountFields[], parts: readonly AmountFields[] = []): AmountFields {
  let budget: Amount | null = null;
  let actual: Amount | null = null;
  let forecast: Amount | null = null;
  let previousForecast: Amount | null = null;
  let priorYearActual: Amount | null = null;
  let base: Amount | null = null;
  let deviation: Amount | null = null;
  let resultTransfer: Amount | null = null;
  let returnedFunds: Amount | null = null;
  let adjustedDeviation: Amount | null = null;
  let forecastChange: Amount | null = null;
  let priorYearChange: Amount | null = null;
  const add = (a: Amount | null, b: Amount | null): Amount | null => (b === null ? a : a === null ? b : a + b);
  for (let pass = 0; pass < 2; pass++) {
    const list = pass === 0 ? rows : parts;
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      budget = add(budget, r.budget);
      actual = add(actual, r.actual);
      forecast = add(forecast, r.forecast);
      previousForecast = add(previousForecast, r.previousForecast);
      priorYearActual = add(priorYearActual, r.priorYearActual);
      base = add(base, r.base);
      deviation = add(deviation, r.deviation);
      resultTransfer = add(resultTransfer, r.resultTransfer);
      returnedFunds = add(returnedFunds, r.returnedFunds);
      adjustedDeviation = add(adjustedDeviation, r.adjustedDeviation);
      forecastChange = add(forecastChange, r.forecastChange);
      priorYearChange = add(priorYearChange, r.priorYearChange);
    }
  }
  return {
    budget,
    actual,
    forecast,
    previousForecast,
    priorYearActual,
    base,
    deviation,
    deviationPct: deviationPct(deviation, budget),
    resultTransfer: resultTransfer ?? 0n,
    returnedFunds: returnedFunds ?? 0n,
    adjustedDeviation,
    forecastChange,
    priorYearChange,
  };
}
