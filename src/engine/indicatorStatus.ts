/**
 * Måluppfyllelse of one indicator and its gender gap, compared exactly. Values arrive as doubles
 * from cells; each is read as the decimal it displays (amountFromNumber) so that 90 against
 * 100 × (1 − 0,10) is a tie, not 90 < 90.00000000000001.
 */
import { type Amount, amountFromNumber, toNumber } from "./amount";
import type { IndicatorTarget } from "./indicatorTarget";
import type { IndicatorStatus } from "./types";

/** 10^9: amounts count billionths, so a product of two amounts counts 10^-18. */
const S = 1_000_000_000n;

export interface StatusInput {
  /** The assessed value (actual in VB, forecast in T1/T2 when given). */
  value: number | null;
  target: IndicatorTarget;
  /** Tolerance as a fraction (0.1 for 10 %). */
  tolerance: number;
  priorYearActual: number | null;
  improvementCountsAsPartial: boolean;
}

export function assessStatus(input: StatusInput): IndicatorStatus {
  const v = exact(input.value);
  if (v === null) return "notMeasured";
  const t = exact(input.target.value);
  if (input.target.kind === "none" || t === null) return "notAssessable";
  const tol = exact(Math.max(0, input.tolerance)) ?? 0n;

  switch (input.target.kind) {
    case "atLeast":
      if (v >= t) return "full";
      // target − |target| × tol: the same as target × (1 − tol) for the usual positive target,
      // and still below the target when the target is negative.
      if (v * S >= t * S - abs(t) * tol) return "partial";
      break;
    case "atMost":
      if (v <= t) return "full";
      if (v * S <= t * S + abs(t) * tol) return "partial";
      break;
    case "band": {
      const x = abs(t);
      if (abs(v) <= x) return "full";
      if (abs(v) * S <= x * (S + tol)) return "partial";
      break;
    }
  }
  if (input.improvementCountsAsPartial && improved(v, exact(input.priorYearActual), input.target.kind)) return "partial";
  return "none";
}

/** The value moved the right way since last year: up for atLeast, down for atMost, towards 0 for a band. */
function improved(v: Amount, prior: Amount | null, kind: IndicatorTarget["kind"]): boolean {
  if (prior === null) return false;
  if (kind === "atLeast") return v > prior;
  if (kind === "atMost") return v < prior;
  if (kind === "band") return abs(v) < abs(prior);
  return false;
}

/** actualWomen − actualMen, exact (79 − 63 = 16, 54,3 − 50,6 = 3,7); null when either is missing. */
export function genderGap(actualWomen: number | null, actualMen: number | null): number | null {
  const w = exact(actualWomen);
  const m = exact(actualMen);
  if (w === null || m === null) return null;
  return toNumber(w - m);
}

export interface GenderGapRule {
  percent: boolean;
  /** For %-indicators: the gap in percentage points that is reported. */
  points: number;
  /** For other units: the share of the larger of the two values that is reported. */
  share: number;
}

/** |gap| ≥ points for %-indicators; |gap| ≥ share × the larger value otherwise. Both boundaries count. */
export function genderGapReported(actualWomen: number | null, actualMen: number | null, rule: GenderGapRule): boolean {
  const w = exact(actualWomen);
  const m = exact(actualMen);
  if (w === null || m === null) return false;
  const gap = abs(w - m);
  if (gap === 0n) return false;
  if (rule.percent) {
    const points = exact(rule.points);
    return points !== null && gap >= points;
  }
  const share = exact(rule.share);
  if (share === null) return false;
  const larger = abs(w) > abs(m) ? abs(w) : abs(m);
  return gap * S >= larger * share;
}

function exact(x: number | null): Amount | null {
  return x === null ? null : amountFromNumber(x);
}

function abs(a: Amount): Amount {
  return a < 0n ? -a : a;
}
