/**
 * Counting statuses, the goal roll-up and the published summary sentences. The Swedish words of
 * the indicator report are gathered here as data.
 */
import type { GoalResult, IndicatorRowResult, IndicatorStatus, IndicatorSummary } from "./types";

/** The goal under which indicators without a goal are grouped. */
export const NO_GOAL = "(utan mål)";

/** Måluppfyllelse as written in the published reports and in the output sheet. */
export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  full: "Helt",
  partial: "Delvis",
  none: "Ej",
  notMeasured: "Ej mätt",
  notAssessable: "Ej bedömbar",
};

export function emptySummary(): IndicatorSummary {
  return { full: 0, partial: 0, none: 0, notMeasured: 0, notAssessable: 0 };
}

export function summarise(statuses: Iterable<IndicatorStatus>): IndicatorSummary {
  const summary = emptySummary();
  for (const status of statuses) summary[status] += 1;
  return summary;
}

/** Indicators measured against a numeric target: the "av N" of the summary sentence. */
export function assessedCount(s: IndicatorSummary): number {
  return s.full + s.partial + s.none;
}

/** A proposal the user confirms: full if all assessed are full, none if more than half are none. */
export function proposeGoalStatus(s: IndicatorSummary): IndicatorStatus {
  const assessed = assessedCount(s);
  if (assessed === 0) return "notAssessable";
  if (s.full === assessed) return "full";
  if (s.none * 2 > assessed) return "none";
  return "partial";
}

/** One GoalResult per goal, in the order the goals first appear. */
export function rollUpGoals(rows: readonly IndicatorRowResult[]): GoalResult[] {
  const byGoal = new Map<string, IndicatorStatus[]>();
  for (const row of rows) {
    const name = goalName(row.goal);
    const list = byGoal.get(name);
    if (list) list.push(row.status);
    else byGoal.set(name, [row.status]);
  }
  return [...byGoal].map(([name, statuses]) => {
    const summary = summarise(statuses);
    return { name, proposedStatus: proposeGoalStatus(summary), summary };
  });
}

export function goalName(goal: string | null): string {
  const trimmed = goal?.trim() ?? "";
  return trimmed === "" ? NO_GOAL : trimmed;
}

/**
 * "För 7 av 14 indikatorer har årsmålet uppnåtts helt, för 7 delvis." as published, with
 * ", för N inte" when any are none. The counts are always written, zeros included, so that the
 * sentence reads the same way every year.
 */
export function summarySentence(s: IndicatorSummary): string {
  const assessed = assessedCount(s);
  const total = assessed + s.notMeasured + s.notAssessable;
  if (total === 0) return "Det finns inga indikatorer att redovisa.";
  if (assessed === 0) {
    return total === 1
      ? "Indikatorn har inte kunnat bedömas mot något årsmål."
      : `Ingen av de ${total} indikatorerna har kunnat bedömas mot något årsmål.`;
  }
  const noun = assessed === 1 ? "indikator" : "indikatorer";
  const none = s.none > 0 ? `, för ${s.none} inte` : "";
  return `För ${s.full} av ${assessed} ${noun} har årsmålet uppnåtts helt, för ${s.partial} delvis${none}.`;
}

/** Names the indicators that are not measured and those that cannot be assessed; null when there are none. */
export function notAssessedSentence(rows: readonly IndicatorRowResult[]): string | null {
  const notMeasured = rows.filter((r) => r.status === "notMeasured").map((r) => r.name);
  const notAssessable = rows.filter((r) => r.status === "notAssessable").map((r) => r.name);
  const sentences: string[] = [];
  if (notMeasured.length === 1) sentences.push(`Indikatorn ${nameList(notMeasured)} har inte mätts.`);
  else if (notMeasured.length > 1) sentences.push(`Indikatorerna ${nameList(notMeasured)} har inte mätts.`);
  if (notAssessable.length === 1)
    sentences.push(`Indikatorn ${nameList(notAssessable)} kan inte bedömas eftersom den saknar ett årsmål i siffror.`);
  else if (notAssessable.length > 1)
    sentences.push(`Indikatorerna ${nameList(notAssessable)} kan inte bedömas eftersom de saknar årsmål i siffror.`);
  return sentences.length === 0 ? null : sentences.join(" ");
}

/** ”A”, ”B” och ”C” (Swedish quotation marks). */
function nameList(names: readonly string[]): string {
  const quoted = names.map((n) => `\u201d${n}\u201d`);
  if (quoted.length === 1) return quoted[0];
  return `${quoted.slice(0, -1).join(", ")} och ${quoted[quoted.length - 1]}`;
}
