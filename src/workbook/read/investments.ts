/**
 * The investment table (DOMAIN.md section 4): one row per category or project. A row with a name
 * but no amounts and no comment is a heading and is not read; total labels make total rows.
 */
import type { Amount } from "../../engine/amount";
import type { InvestmentRowInput, InvestmentTableInput, TotalRowInput } from "../../engine/types";
import { type TableContext, UNLABELLED_SUM } from "./context";
import { reportDuplicates } from "./drift";
import { isTotalLabel } from "./normalise";

const AMOUNTS = ["budget", "actual", "forecast", "previousForecast"] as const;
type AmountField = (typeof AMOUNTS)[number];

export function readInvestments(ctx: TableContext): InvestmentTableInput {
  const { table, reader } = ctx;
  const colName = ctx.col("name");
  const hName = ctx.header("name");
  const amountCols = AMOUNTS.map((f) => [f, ctx.col(f), ctx.header(f)] as const).filter(
    (e): e is readonly [AmountField, number, string] => e[1] !== undefined,
  );
  const colComment = ctx.col("comment");
  const hComment = ctx.header("comment");
  const colMultiYear = ctx.col("multiYear");
  const hasForecastCol = ctx.col("forecast") !== undefined;

  const rows: InvestmentRowInput[] = [];
  const totalRows: TotalRowInput[] = [];
  const colDeviation = ctx.col("deviation");
  const colVsForecast = ctx.col("deviationVsForecast");
  const givenHeaders: Record<string, string> = {};
  if (colDeviation !== undefined) givenHeaders.deviation = ctx.header("deviation");
  if (colVsForecast !== undefined) givenHeaders.deviationVsForecast = ctx.header("deviationVsForecast");
  const readGiven = (r: number, subject: string | null): InvestmentRowInput["given"] => {
    if (colDeviation === undefined && colVsForecast === undefined) return undefined;
    const deviation = colDeviation === undefined ? null : reader.amount(r, colDeviation, givenHeaders.deviation, subject, false);
    const deviationVsForecast = colVsForecast === undefined ? null : reader.amount(r, colVsForecast, givenHeaders.deviationVsForecast, subject, false);
    return deviation === null && deviationVsForecast === null ? undefined : { deviation, deviationVsForecast };
  };
  for (let r = table.firstDataRow; r <= table.lastDataRow; r++) {
    const name = reader.text(r, colName, hName, null);
    const subject = name === "" ? null : name;
    const values: Record<AmountField, Amount | null> = { budget: null, actual: null, forecast: null, previousForecast: null };
    let hasAmounts = false;
    let firstAmountField: string | null = null;
    let forecastProblem: InvestmentRowInput["forecastProblem"] = null;
    for (const [field, col, header] of amountCols) {
      values[field] = reader.amount(r, col, header, subject);
      if (reader.present) {
        hasAmounts = true;
        firstAmountField ??= field;
      }
      if (field === "forecast" && values.forecast === null) forecastProblem = reader.problem;
    }
    const comment = reader.text(r, colComment, hComment, subject);
    const given = readGiven(r, subject);
    if (name === "") {
      if (hasAmounts && ctx.isUnlabelledSum(r)) {
        totalRows.push({ label: UNLABELLED_SUM, ...values, priorYearActual: null, ref: ctx.ref(r, "name"), scope: null });
      } else if (hasAmounts) ctx.unlabelled(r, "name", firstAmountField);
      else if (comment !== "" && rows.length > 0) {
        const prev = rows[rows.length - 1];
        prev.comment = prev.comment ? `${prev.comment} ${comment}` : comment;
      }
      continue;
    }
    if (isTotalLabel(name)) {
      totalRows.push({ label: name, ...values, priorYearActual: null, ref: ctx.ref(r, "name"), scope: null, ...(given ? { givenInvestment: given } : {}) });
      continue;
    }
    if (!hasAmounts && comment === "") continue;
    rows.push({
      name,
      ...values,
      forecastProblem: hasForecastCol && values.forecast === null ? forecastProblem : null,
      multiYear: reader.flag(r, colMultiYear),
      comment: comment === "" ? null : comment,
      ref: ctx.ref(r, "name"),
      ...(given ? { given } : {}),
    });
  }
  reportDuplicates(ctx, rows.map((row) => ({ label: row.name, ref: row.ref })));
  return {
    sheet: table.sheet,
    unit: ctx.unit,
    rows,
    totalRows,
    hasForecast: hasForecastCol,
    hasPreviousForecast: ctx.col("previousForecast") !== undefined,
    givenHeaders,
    ...(table.unit !== ctx.unit ? { sourceUnit: table.unit } : {}),
  };
}
