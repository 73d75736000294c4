/**
 * City-wide consolidation, host-neutral: each nämnd's follow-up is reduced to a UnitSummary as
 * soon as its file is read (summariseUnit), the summaries are consolidated (consolidate) and turned
 * into sheet plans for a new workbook (buildConsolidationPlans) and a JSON report
 * (consolidationJson).
 */
export { summariseUnit, unitNameOf, nameFromTitle, fileStem, type UnitSummary, type UnitFinding } from "./unit";
export {
  consolidate,
  assertSamePeriod,
  periodReference,
  assertDistinctNames,
  consolidationPeriodName,
  type Consolidation,
  type CityTotal,
  type GoalConsolidation,
  type ConsolidateOptions,
} from "./consolidate";
export { buildConsolidationPlans } from "./plans";
export { consolidationJson, type ConsolidationJson } from "./json";
export { goalSentence, CITY_SHEET_NAMES } from "./labels.sv";
