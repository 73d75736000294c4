/**
 * Indicator follow-up (DOMAIN.md section 6): per indicator the assessed value, the target it is
 * held against, its Måluppfyllelse and gender gap; then the goal roll-up, the summary sentence
 * and the findings. Pure: no cells, no clock.
 */
import { amountFromNumber, toDecimalString } from "./amount";
import { assessStatus, genderGap, genderGapReported } from "./indicatorStatus";
import { STATUS_LABELS, notAssessedSentence, rollUpGoals, summarise, summarySentence } from "./indicatorSummary";
import { type IndicatorTarget, lowerIsBetterMeasure, nameSuggestsLowerIsBetter, parseIndicatorTarget } from "./indicatorTarget";
import { formatSwedish } from "./swedishNumber";
import type {
  Direction,
  Finding,
  IndicatorResult,
  IndicatorRowInput,
  IndicatorRowResult,
  IndicatorTableInput,
  Period,
  Settings,
} from "./types";
import { makeFinding } from "./finding";

export { NO_GOAL, STATUS_LABELS, goalName } from "./indicatorSummary";
export { parseIndicatorTarget, parseTargetText, nameSuggestsLowerIsBetter } from "./indicatorTarget";
export type { IndicatorTarget } from "./indicatorTarget";

export function computeIndicators(
  table: IndicatorTableInput,
  period: Period,
  settings: Settings,
): { result: IndicatorResult; findings: Finding[] } {
  const rows: IndicatorRowResult[] = [];
  const findings: Finding[] = [];
  for (const input of table.rows) {
    const row = computeRow(input, period, settings);
    rows.push(row);
    findings.push(...rowFindings(table.sheet, input, row, period, settings));
  }
  const summary = summarise(rows.map((r) => r.status));
  return {
    result: {
      rows,
      summary,
      goals: rollUpGoals(rows),
      summarySentence: summarySentence(summary),
      notAssessedSentence: notAssessedSentence(rows),
    },
    findings,
  };
}

function computeRow(input: IndicatorRowInput, period: Period, settings: Settings): IndicatorRowResult {
  const assumed = input.direction === null && lowerIsBetterMeasure(input.name) !== null;
  const direction: Direction = input.direction ?? (assumed ? "lowerIsBetter" : "higherIsBetter");
  const own = parseIndicatorTarget(input.target, direction);
  const kf = parseIndicatorTarget(input.kfTarget, direction);
  // Årsmål first; KF:s årsmål stands in when the nämnd's own target is empty or text.
  const [target, targetSource]: [IndicatorTarget, "target" | "kfTarget" | null] =
    own.kind !== "none" ? [own, "target"] : kf.kind !== "none" ? [kf, "kfTarget"] : [own, null];

  const actual = input.actual.value;
  const forecast = input.forecast.value;
  const value = period === "VB" ? actual : (forecast ?? actual);
  const tolerance = input.tolerance ?? settings.indicators.tolerance;
  const percent =
    [input.actual, input.forecast, input.actualMen, input.actualWomen, input.priorYearActual, input.target, input.kfTarget].some(
      (c) => c.percent,
    ) ||
    own.percent ||
    kf.percent ||
    isPercentUnit(input.unit);

  return {
    name: input.name,
    goal: input.goal,
    value,
    actual,
    actualMen: input.actualMen.value,
    actualWomen: input.actualWomen.value,
    priorYearActual: input.priorYearActual.value,
    forecast,
    target: target.value,
    targetText: input.target.text,
    kfTarget: kf.value,
    kfTargetText: input.kfTarget.text,
    targetKind: target.kind,
    targetSource,
    // An explicit "högst 5" says lower is better even without a Riktning column.
    direction: input.direction ?? (assumed || target.kind === "atMost" ? "lowerIsBetter" : "higherIsBetter"),
    directionSource: input.direction !== null ? "given" : assumed ? "assumed" : target.kind === "atMost" ? "target" : "default",
    percent,
    tolerance,
    status: assessStatus({
      value,
      target,
      tolerance,
      priorYearActual: input.priorYearActual.value,
      improvementCountsAsPartial: settings.indicators.improvementCountsAsPartial,
    }),
    genderGap: genderGap(input.actualWomen.value, input.actualMen.value),
    comment: input.comment,
    ref: input.ref,
  };
}

/**
 * Each finding points at the cell to act on: the Riktning cell (else the name), the women's
 * value for a gender gap, the comment cell (else the name) for a missing comment.
 */
function rowFindings(sheet: string, input: IndicatorRowInput, row: IndicatorRowResult, period: Period, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  const at = (field: string) => ({ sheet, cell: input.ref.cells[field] ?? input.ref.labelCell, subject: input.name });

  const measure = input.direction === null ? lowerIsBetterMeasure(input.name) : null;
  if (measure !== null) {
    // An explicit "högst 5" already says it; otherwise the guess is said out loud.
    if (parseIndicatorTarget(input.target, "higherIsBetter").kind !== "atMost") {
      findings.push(makeFinding("DIRECTION_ASSUMED", "info", at("direction"), { name: input.name, measure }));
    }
  } else if (input.direction === null && row.targetKind !== "atMost" && nameSuggestsLowerIsBetter(input.name)) {
    findings.push(makeFinding("DIRECTION_UNSET", "info", at("direction"), { name: input.name }));
  }

  // The published assessment, checked against the rule's (DOMAIN.md 7a: given columns are checked).
  const given = input.givenStatus;
  if (given && given.status !== null && given.status !== row.status) {
    findings.push(
      makeFinding("GIVEN_MISMATCH", "warning", at("givenStatus"), {
        column: given.column,
        stated: given.text,
        computed: STATUS_LABELS[row.status],
        formula: `${period !== "VB" && row.forecast !== null ? "prognos" : "utfall"} ${formatValue(row.value, row.percent, input.unit)} mot årsmål ${targetLabel(row)}`,
        difference: null,
      }),
    );
  }

  const gapRule = { percent: row.percent, points: settings.indicators.genderGapPoints, share: settings.indicators.genderGapShare };
  if (row.genderGap !== null && genderGapReported(row.actualWomen, row.actualMen, gapRule)) {
    findings.push(
      makeFinding("GENDER_GAP", "info", at("actualWomen"), {
        gap: formatGap(row.genderGap, row.percent, input.unit),
        gapValue: row.genderGap,
        women: formatValue(row.actualWomen, row.percent, input.unit),
        men: formatValue(row.actualMen, row.percent, input.unit),
      }),
    );
  }

  if ((row.status === "partial" || row.status === "none") && !hasComment(input.comment)) {
    const usesForecast = period !== "VB" && row.forecast !== null;
    findings.push(
      makeFinding("COMMENT_REQUIRED", "warning", at("comment"), {
        status: STATUS_LABELS[row.status],
        statusCode: row.status,
        basis: usesForecast ? "forecast" : "actual",
        valueLabel: usesForecast ? "prognos" : "utfall",
        value: formatValue(row.value, row.percent, input.unit),
        target: targetLabel(row),
      }),
    );
  }
  return findings;
}

/** "–", "-" and empty are what people write when they have nothing to say. */
function hasComment(comment: string | null): boolean {
  if (comment === null) return false;
  const t = comment.trim();
  return t !== "" && !["-", "–", "—", "−"].includes(t);
}

function isPercentUnit(unit: string | null): boolean {
  if (unit === null) return false;
  return /^(%|procent|andel\s*\(?%\)?|procentenheter)$/i.test(unit.trim());
}

/** The target as the sheet wrote it (so "+/- 1 %" stays that), else the number used. */
function targetLabel(row: IndicatorRowResult): string {
  const text = row.targetSource === "kfTarget" ? row.kfTargetText : row.targetText;
  if (text !== null && text !== "") return text;
  if (row.target === null) return "";
  const n = formatValue(row.target, row.percent, null);
  return row.targetKind === "band" ? `±${n}` : n;
}

/** 68,6 %, 0,03 %, 20 st: as many decimals as the value has, at most three. */
function formatValue(value: number | null, percent: boolean, unit: string | null): string {
  if (value === null) return "";
  const n = formatSwedish(value, decimalsOf(value));
  if (percent) return `${n} %`;
  return unit && unit.trim() !== "" ? `${n} ${unit.trim()}` : n;
}

function formatGap(gap: number, percent: boolean, unit: string | null): string {
  const n = formatSwedish(gap, decimalsOf(gap));
  if (percent) return `${n} ${Math.abs(gap) === 1 ? "procentenhet" : "procentenheter"}`;
  return unit && unit.trim() !== "" ? `${n} ${unit.trim()}` : n;
}

function decimalsOf(x: number): number {
  const a = amountFromNumber(x);
  if (a === null) return 0;
  const fraction = toDecimalString(a).split(".")[1] ?? "";
  return Math.min(fraction.length, 3);
}
