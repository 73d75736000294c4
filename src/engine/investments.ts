import { type Amount, sumPresent } from "./amount";
import { formatAmount } from "./format";
import { checkTotals } from "./totals";
import { makeFinding } from "./finding";
import { compareGiven } from "./given";
import type { Finding, InvestmentResult, InvestmentRowInput, InvestmentRowResult, InvestmentTableInput, Period } from "./types";

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
  // Given Avvikelse (budget − utfall) and Avvikelse prognos (prognos − utfall): checked, DOMAIN.md 7a.
  const baseLabel = period === "VB" ? "Utfall" : "Prognos";
  const check = (given: InvestmentRowInput["given"], computed: { deviation: Amount | null; deviationVsForecast: Amount | null }, n: number, ref: { sheet: string; cells: Record<string, string>; labelCell: string }, subject: string) => {
    if (!given) return;
    const at = (field: string) => ({ sheet: ref.sheet, cell: ref.cells[field] ?? ref.labelCell, subject });
    const h = table.givenHeaders ?? {};
    compareGiven(findings, at("deviation"), h.deviation ?? "Avvikelse", given.deviation, computed.deviation, 2, n, table.unit, `Budget − ${baseLabel}`);
    compareGiven(findings, at("deviationVsForecast"), h.deviationVsForecast ?? "Avvikelse prognos", given.deviationVsForecast, computed.deviationVsForecast, 2, n, table.unit, `Föregående prognos − ${baseLabel}`);
  };
  table.rows.forEach((input, i) => check(input.given, rows[i], 1, input.ref, input.name));
  for (const t of table.totalRows) if (t.givenInvestment) check(t.givenInvestment, total, rows.length, t.ref, t.label);
  return { result: { rows, total }, findings };
}
