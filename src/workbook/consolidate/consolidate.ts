/**
 * The city-wide consolidation of several nämnder (one file each), pure: from per-nämnd summaries
 * to city totals, budget adherence, forecast accuracy, indicator counts and, per goal, how many
 * nämnder reach it fully, partly or not. Amounts are exact (all in one unit already).
 */
import { type Amount, ratio, sumPresent } from "../../engine/amount";
import { emptySummary, summarySentence } from "../../engine/indicatorSummary";
import type { IndicatorSummary, Period, Unit } from "../../engine/types";
import { FoljsamError } from "../errors";
import { wordKey } from "../read/normalise";
import { CITY_MESSAGES, cityPeriodName, goalSentence } from "./labels.sv";
import type { OperatingTotals, UnitSummary } from "./unit";

export type CityTotal = OperatingTotals;

export interface GoalConsolidation {
  name: string;
  full: number;
  partial: number;
  none: number;
  notAssessable: number;
  /** Each nämnd's status for the goal, in the order of the files. */
  units: { name: string; status: "full" | "partial" | "none" | "notAssessable" }[];
  sentence: string;
}

export interface Consolidation {
  period: Period;
  year: number | null;
  unit: Unit;
  units: UnitSummary[];
  total: CityTotal;
  budgetAdherenceBefore: number | null;
  budgetAdherenceAfter: number | null;
  /** VB: (Σ actual − Σ prognos T2) / Σ budget over the nämnder that have a prognos T2. */
  forecastAccuracy: number | null;
  forecastAccuracyMet: boolean | null;
  indicators: IndicatorSummary | null;
  indicatorSentence: string | null;
  goals: GoalConsolidation[];
}

export interface ConsolidateOptions {
  unit: Unit;
  /** The prognossäkerhet target (setting forecastAccuracyBand), default 1 %. */
  forecastAccuracyBand?: number;
}

/** A file's period for messages: "VB 2019". */
function periodOf(u: Pick<UnitSummary, "period" | "year">): string {
  return u.year === null ? u.period : `${u.period} ${u.year}`;
}

/**
 * Refuses a nämnd of another period or year than the first (exit 2, naming both files). A file
 * whose year is not known is taken to be of the others' year.
 */
export function assertSamePeriod(first: Pick<UnitSummary, "file" | "period" | "year">, next: Pick<UnitSummary, "file" | "period" | "year">): void {
  const yearsDiffer = first.year !== null && next.year !== null && first.year !== next.year;
  if (first.period !== next.period || yearsDiffer) {
    throw new FoljsamError(CITY_MESSAGES.mixedPeriods(first.file, periodOf(first), next.file, periodOf(next)));
  }
}

/** The nämnd the others are compared with: the first whose year is known, else the first. */
export function periodReference<T extends Pick<UnitSummary, "year">>(units: readonly T[]): T {
  return units.find((u) => u.year !== null) ?? units[0];
}

/** Refuses two files that are the same nämnd: its figures would be counted twice. */
export function assertDistinctNames(units: readonly Pick<UnitSummary, "file" | "name">[]): void {
  const seen = new Map<string, string>();
  for (const u of units) {
    const key = wordKey(u.name);
    const other = seen.get(key);
    if (other !== undefined) throw new FoljsamError(CITY_MESSAGES.sameUnitTwice(u.name, other, u.file));
    seen.set(key, u.file);
  }
}

export function consolidate(units: UnitSummary[], options: ConsolidateOptions): Consolidation {
  if (units.length === 0) throw new FoljsamError("Ingen nämnd att sammanställa.");
  for (const u of units) assertSamePeriod(periodReference(units), u);
  assertDistinctNames(units);
  const period = units[0].period;
  const year = units.find((u) => u.year !== null)?.year ?? null;

  const sum = (pick: (u: UnitSummary) => Amount | null) => sumPresent(units.map(pick));
  const total: CityTotal = {
    budget: sum((u) => u.budget),
    actual: sum((u) => u.actual),
    forecast: sum((u) => u.forecast),
    previousForecast: sum((u) => u.previousForecast),
    base: sum((u) => u.base),
    deviation: sum((u) => u.deviation),
    resultTransfer: sum((u) => u.resultTransfer) ?? 0n,
    returnedFunds: sum((u) => u.returnedFunds) ?? 0n,
    adjustedDeviation: sum((u) => u.adjustedDeviation),
  };
  const adherence = (numerator: Amount | null) => (numerator === null || total.budget === null ? null : ratio(numerator, total.budget));
  const budgetAdherenceBefore = total.base === null ? null : adherence(total.base);
  const budgetAdherenceAfter = total.base === null ? null : adherence(total.base - total.resultTransfer);

  let forecastAccuracy: number | null = null;
  if (period === "VB") {
    const withForecast = units.filter((u) => u.previousForecast !== null && u.actual !== null && u.budget !== null);
    const budget = sumPresent(withForecast.map((u) => u.budget));
    const actual = sumPresent(withForecast.map((u) => u.actual));
    const previous = sumPresent(withForecast.map((u) => u.previousForecast));
    if (budget !== null && actual !== null && previous !== null) forecastAccuracy = ratio(actual - previous, budget);
  }
  const band = options.forecastAccuracyBand ?? 0.01;
  const forecastAccuracyMet = forecastAccuracy === null ? null : Math.abs(forecastAccuracy) <= band + 1e-12;

  const withIndicators = units.filter((u) => u.indicators !== null);
  let indicators: IndicatorSummary | null = null;
  if (withIndicators.length > 0) {
    indicators = emptySummary();
    for (const u of withIndicators) for (const k of Object.keys(indicators) as (keyof IndicatorSummary)[]) indicators[k] += u.indicators![k];
  }

  return {
    period,
    year,
    unit: options.unit,
    units,
    total,
    budgetAdherenceBefore,
    budgetAdherenceAfter,
    forecastAccuracy,
    forecastAccuracyMet,
    indicators,
    indicatorSentence: indicators === null ? null : summarySentence(indicators),
    goals: consolidateGoals(units),
  };
}

/** Per goal (matched by name, case and spacing aside), the nämnder's statuses and the city's sentence. */
function consolidateGoals(units: UnitSummary[]): GoalConsolidation[] {
  const byKey = new Map<string, GoalConsolidation>();
  for (const u of units) {
    for (const g of u.goals) {
      const key = wordKey(g.name);
      let goal = byKey.get(key);
      if (!goal) {
        goal = { name: g.name, full: 0, partial: 0, none: 0, notAssessable: 0, units: [], sentence: "" };
        byKey.set(key, goal);
      }
      // A goal's roll-up is never "not measured": with nothing assessed it is not assessable.
      const status = g.status === "notMeasured" ? "notAssessable" : g.status;
      if (goal.units.some((x) => x.name === u.name)) continue;
      goal[status] += 1;
      goal.units.push({ name: u.name, status });
    }
  }
  const goals = [...byKey.values()];
  for (const g of goals) g.sentence = goalSentence(g);
  return goals;
}

/** "verksamhetsberättelse 2019" for the summary line. */
export function consolidationPeriodName(c: Pick<Consolidation, "period" | "year">): string {
  return cityPeriodName(c.period, c.year);
}
