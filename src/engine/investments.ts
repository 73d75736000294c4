import { type Amount, sumPresent } from "./amount";
import { formatAmount } from "./format";
import { checkTotals } from "./totals";
import { makeFinding } from "./finding";
import type { Finding, InvestmentResult, InvestmentRowResult, InvestmentTableInput, Period } from "./types";

/**
 * Investeringar (DOMAIN.md section 4): deviation against the budget, deviation against the
 * previous forecast, and re-budgeting proposals for unspent multi-year money.
 */
export function computeInvestments(table: InvestmentTableInput, period: Period): { result: InvestmentResult; findings: Finding[] } {
  const findings: Finding[] = [];
  const rows: InvestmentRowResult[] = table.rows.map((input) => {
    let forecast = input.forecast;
    if (period !== "VB" && forecast === null && input.budget !== null) {
      forecast = input.budget;
      if (table.hasForecast) {
        findings.push(
          makeFinding("FORECAST_MISSING", "warning", { sheet: table.sheet, cell: input.ref.cells.forecast ?? input.ref.labelCell, subject: input.name }, {
            budget: formatAmount(input.budget, table.unit),
            found: null,
          }),
        );
      }
    }
    const base = period === "VB" ? input.actual : forecast;
    const deviation = input.budget !== null && base !== null ? input.budget - base : null;
    return {
      name: input.name,
      budget: input.budget,
      actual: input.actual,
      forecast,
      previousForecast: input.previousForecast,
      base,
      deviation,
      deviationVsForecast: input.previousForecast !== null && base !== null ? input.previousForecast - base : null,
      reBudgetProposal: input.multiYear && deviation !== null && deviation > 0n ? deviation : null,
      multiYear: input.multiYear,
      comment: input.comment,
      ref: input.ref,
    };
  });
  const sum = (pick: (r: InvestmentRowResult) => Amount | null) => sumPresent(rows.map(pick));
  const total: InvestmentRowResult = {
    name: "Summa",
    budget: sum((r) => r.budget),
    actual: sum((r) => r.actual),
    forecast: sum((r) => r.forecast),
    previousForecast: sum((r) => r.previousForecast),
    base: sum((r) => r.base),
    deviation: sum((r) => r.deviation),
    deviationVsForecast: sum((r) => r.deviationVsForecast),
    reBudgetProposal: sum((r) => r.reBudgetProposal),
    multiYear: false,
    comment: null,
    ref: null,
  };
  checkTotals(table.totalRows, [], rows, ["budget", "actual", "forecast", "previousForecast"], table.unit, table.sheet, findings);
  return { result: { rows, total }, findings };
}
