/**
 * The follow-up sheets as plain data (SheetPlans), built from the engine's FollowUpResult.
 * Pure: no ExcelJS, no Office.js. Hosts execute the plans; tests inspect them first.
 */
import type { FollowUpResult } from "../../engine/types";
import type { OutputKind, SheetPlan } from "../plan";
import { buildCostTypesSheet } from "./costTypes";
import { buildDriftSheet, type DriftAnchors } from "./drift";
import { buildEarmarksSheet } from "./earmarks";
import { buildFindingsSheet } from "./findings";
import { buildIndicatorsSheet, type IndicatorAnchors } from "./indicators";
import { buildInvestmentsSheet, type InvestmentAnchors } from "./investments";
import { buildResultUnitsSheet } from "./resultUnits";
import { PRINT_TEXTS } from "./labels.sv";
import { buildSummarySheet } from "./summary";

export { assignSheetNames, OUTPUT_SHEET_NAMES } from "./names";
export { STATUS_DISPLAY, STATUS_LABELS, STATUS_ORDER } from "./labels.sv";
export { sortFindings } from "./findings";

/** Order of the sheets in the workbook. */
export const OUTPUT_ORDER: readonly OutputKind[] = [
  "summary",
  "drift",
  "resultUnits",
  "earmarks",
  "investments",
  "costTypes",
  "indicators",
  "findings",
];

/**
 * The sheets that have data, Sammanfattning first and Kontroller always. `names` are the final
 * sheet names (see assignSheetNames); cross-sheet formulas use them.
 */
export function buildSheetPlans(result: FollowUpResult, names: Record<OutputKind, string>, source?: { file: string; unitName?: string }): SheetPlan[] {
  const plans: SheetPlan[] = [];
  const { period, year, unit } = result;

  let drift: DriftAnchors | null = null;
  const op = result.operating;
  if (op && op.areas.length > 0) {
    const built = buildDriftSheet(op, period, year, unit, names.drift);
    drift = built.anchors;
    plans.push(built.plan);
    if (op.resultUnits.length > 0) plans.push(buildResultUnitsSheet(op, period, year, unit, result.settings, names.resultUnits));
    if (op.earmarks.length > 0) plans.push(buildEarmarksSheet(op.earmarks, period, year, unit, names.earmarks));
  }

  let investments: InvestmentAnchors | null = null;
  const inv = result.investments;
  if (inv && inv.rows.length > 0) {
    const built = buildInvestmentsSheet(inv, period, year, inv.unit ?? unit, names.investments);
    investments = built.anchors;
    plans.push(built.plan);
  }

  const ct = result.costTypes;
  if (ct && ct.rows.length > 0) plans.push(buildCostTypesSheet(ct, period, year, ct.unit ?? unit, names.costTypes));

  let indicators: IndicatorAnchors | null = null;
  if (result.indicators && result.indicators.rows.length > 0) {
    const built = buildIndicatorsSheet(result.indicators, period, year, names.indicators);
    indicators = built.anchors;
    plans.push(built.plan);
  }

  const findings = buildFindingsSheet(result.findings, names.findings);
  plans.push(findings.plan);

  const summary = buildSummarySheet(
    result,
    { drift, investments, indicators, findings: findings.anchors, driftUnit: unit, investmentUnit: inv?.unit ?? unit },
    names.summary,
    source,
  );
  const all = [summary, ...plans];
  forPrint(all, source?.unitName ?? null, PRINT_TEXTS.header(result.period, result.year));
  return all;
}

/**
 * What says whose report a page is: the nämnd's name before each sheet's title and in the printed
 * header with the report and period, the sheet's name and "Sida N av M" in the footer. The
 * workbook opens on the first plan (Sammanfattning).
 */
export function forPrint(plans: SheetPlan[], unitName: string | null, report: string): void {
  for (const plan of plans) {
    plan.headerFooter = { headerLeft: unitName ?? "", headerRight: report, footerLeft: plan.name };
    // A streamed plan's title is in its head: reading `rows` would make every row.
    const first = (plan.stream?.head ?? plan.rows)[0];
    const title = first?.[0];
    if (unitName && title && typeof title.v === "string" && title.styles?.includes("title")) first[0] = { ...title, v: PRINT_TEXTS.title(unitName, title.v) };
  }
  if (plans.length > 0) plans[0].active = true;
}
