/**
 * Where each key figure of the pane is on Följsam Sammanfattning, found from the summary sheet's
 * plan (the labels in its first column, the figure beside them), so "Visa i arbetsboken" selects
 * the very cell that was written.
 */
import type { IndicatorStatus, Period } from "../../engine/types";
import { a1 } from "../../workbook/cells";
import type { SheetPlan } from "../../workbook/plan";
import { STATUS_LABELS, SUMMARY_TEXTS as T } from "../../workbook/plans/labels.sv";

export type FigureKey =
  | "budget"
  | "base"
  | "deviation"
  | "resultTransfer"
  | "returnedFunds"
  | "adjustedDeviation"
  | "adherenceBefore"
  | "adherenceAfter"
  | "forecastAccuracy"
  | `status:${IndicatorStatus}`;

export type SummaryCells = Partial<Record<FigureKey, { sheet: string; cell: string }>>;

function labels(period: Period): [FigureKey, string][] {
  return [
    ["budget", T.budget],
    ["base", T.base(period)],
    ["deviation", T.deviation],
    ["resultTransfer", T.resultTransfers],
    ["returnedFunds", T.returnedFunds],
    ["adjustedDeviation", T.adjustedDeviation],
    ["adherenceBefore", T.adherenceBefore],
    ["adherenceAfter", T.adherenceAfter],
    ["forecastAccuracy", T.forecastAccuracy],
    ...(Object.entries(STATUS_LABELS) as [IndicatorStatus, string][]).map(([s, label]): [FigureKey, string] => [`status:${s}`, label]),
  ];
}

/** The first row whose label matches (the drift section comes before the investments'), value in column B. */
export function summaryCells(plan: SheetPlan | null, period: Period): SummaryCells {
  if (plan === null) return {};
  const rowOf = new Map<string, number>();
  plan.rows.forEach((row, r) => {
    const label = row[0]?.v;
    if (typeof label === "string" && !rowOf.has(label) && row[1] != null) rowOf.set(label, r);
  });
  const out: SummaryCells = {};
  for (const [key, label] of labels(period)) {
    const r = rowOf.get(label);
    if (r !== undefined) out[key] = { sheet: plan.name, cell: a1(r, 1) };
  }
  return out;
}
