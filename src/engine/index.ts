/**
 * The engine's one public entry: from parsed tables to every figure and finding of the
 * follow-up. Pure: no files, no Excel, no clock.
 */
import { computeCostTypes } from "./costTypes";
import { computeIndicators } from "./indicators";
import { computeInvestments } from "./investments";
import { computeOperating } from "./operating";
import type { Finding, FollowUpInput, FollowUpResult, Settings } from "./types";

export function computeFollowUp(input: FollowUpInput, settings: Settings): FollowUpResult {
  const findings: Finding[] = [...input.readFindings];
  const operating = input.drift ? collect(computeOperating(input.drift, input.period, settings), findings) : null;
  const investments = input.investments ? collect(computeInvestments(input.investments, input.period), findings) : null;
  const costTypes = input.costTypes ? collect(computeCostTypes(input.costTypes), findings) : null;
  const indicators = input.indicators ? collect(computeIndicators(input.indicators, input.period, settings), findings) : null;
  return {
    period: input.period,
    year: input.year,
    unit: input.unit,
    settings,
    operating,
    investments,
    costTypes,
    indicators,
    findings,
    tables: input.tables ?? [],
    ...(input.sources ? { sources: input.sources } : {}),
  };
}

function collect<T>(out: { result: T; findings: Finding[] }, into: Finding[]): T {
  for (const f of out.findings) into.push(f);
  return out.result;
}

export * from "./types";
export { defaultSettings, mergeSettings, SettingsError } from "./settings";
