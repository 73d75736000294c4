import { computeIndicators } from "./indicators";
import { NO_GOAL, proposeGoalStatus, summarySentence } from "./indicatorSummary";
import { type RowSpec, settingsWith, table } from "./indicators.testkit";
import type { IndicatorSummary } from "./types";

const FULL: RowSpec = { actual: "100", target: "100" };
const PARTIAL: RowSpec = { actual: "95", target: "100" };
const NONE: RowSpec = { actual: "50", target: "100" };
const NOT_MEASURED: RowSpec = { actual: null, target: "100" };
const NOT_ASSESSABLE: RowSpec = { actual: "50", target: "Tas fram av nämnden" };

function run(specs: RowSpec[]) {
  return computeIndicators(table(specs), "VB", settingsWith()).result;
}

const summary = (full: number, partial: number, none: number, notMeasured = 0, notAssessable = 0): IndicatorSummary => ({
  full,
  partial,
  none,
  notMeasured,
  notAssessable,
});

describe("goal roll-up", () => {
  it.each([
    ["all assessed full", summary(3, 0, 0), "full"],
    ["full plus unassessed rows is still full", summary(2, 0, 0, 1, 1), "full"],
    ["one partial", summary(2, 1, 0), "partial"],
    ["one none of three", summary(2, 0, 1), "partial"],
    ["exactly half none", summary(2, 0, 2), "partial"],
    ["more than half none", summary(1, 0, 2), "none"],
    ["all none", summary(0, 0, 2), "none"],
    ["more than half none, the rest partial", summary(0, 1, 2), "none"],
    ["nothing assessed", summary(0, 0, 0, 2, 1), "notAssessable"],
    ["no indicators", summary(0, 0, 0), "notAssessable"],
  ])("%s", (_, s, expected) => {
    expect(proposeGoalStatus(s)).toBe(expected);
  });

  it("groups rows by goal in first-appearance order, rows without a goal under their own heading", () => {
    const result = run([
      { ...FULL, goal: "B-mål" },
      { ...NONE, goal: null },
      { ...PARTIAL, goal: "A-mål" },
      { ...FULL, goal: "B-mål" },
      { ...NOT_MEASURED, goal: "  " },
      { ...NOT_ASSESSABLE, goal: "C-mål" },
      { ...FULL, goal: " A-mål " },
    ]);
    expect(result.goals.map((g) => [g.name, g.proposedStatus])).toEqual([
      ["B-mål", "full"],
      [NO_GOAL, "none"], // 1 none of 1 assessed; the not measured row does not count
      ["A-mål", "partial"],
      ["C-mål", "notAssessable"],
    ]);
    expect(result.goals[1].summary).toEqual(summary(0, 0, 1, 1, 0));
    expect(NO_GOAL).toBe("(utan mål)");
  });

  it("keeps each row's own goal as given", () => {
    const result = run([{ ...FULL, goal: null }]);
    expect(result.rows[0].goal).toBeNull();
  });
});

describe("summarySentence", () => {
  it("as published", () => {
    expect(summarySentence(summary(7, 7, 0))).toBe("För 7 av 14 indikatorer har årsmålet uppnåtts helt, för 7 delvis.");
  });

  it("adds the none count when there are any", () => {
    expect(summarySentence(summary(5, 3, 2))).toBe("För 5 av 10 indikatorer har årsmålet uppnåtts helt, för 3 delvis, för 2 inte.");
  });

  it("writes zeros so the sentence keeps its published shape", () => {
    expect(summarySentence(summary(0, 2, 1))).toBe("För 0 av 3 indikatorer har årsmålet uppnåtts helt, för 2 delvis, för 1 inte.");
    expect(summarySentence(summary(3, 0, 0))).toBe("För 3 av 3 indikatorer har årsmålet uppnåtts helt, för 0 delvis.");
    expect(summarySentence(summary(0, 0, 2))).toBe("För 0 av 2 indikatorer har årsmålet uppnåtts helt, för 0 delvis, för 2 inte.");
  });

  it("uses the singular for one indicator", () => {
    expect(summarySentence(summary(1, 0, 0))).toBe("För 1 av 1 indikator har årsmålet uppnåtts helt, för 0 delvis.");
    expect(summarySentence(summary(0, 0, 1))).toBe("För 0 av 1 indikator har årsmålet uppnåtts helt, för 0 delvis, för 1 inte.");
  });

  it("counts only assessed indicators", () => {
    expect(summarySentence(summary(2, 1, 0, 3, 1))).toBe("För 2 av 3 indikatorer har årsmålet uppnåtts helt, för 1 delvis.");
  });

  it("says so when nothing could be assessed", () => {
    expect(summarySentence(summary(0, 0, 0, 2, 1))).toBe("Ingen av de 3 indikatorerna har kunnat bedömas mot något årsmål.");
    expect(summarySentence(summary(0, 0, 0, 1, 0))).toBe("Indikatorn har inte kunnat bedömas mot något årsmål.");
    expect(summarySentence(summary(0, 0, 0))).toBe("Det finns inga indikatorer att redovisa.");
  });

  it("comes out of computeIndicators", () => {
    const result = run([FULL, PARTIAL, NONE, NOT_MEASURED]);
    expect(result.summary).toEqual(summary(1, 1, 1, 1, 0));
    expect(result.summarySentence).toBe("För 1 av 3 indikatorer har årsmålet uppnåtts helt, för 1 delvis, för 1 inte.");
  });

  it("an empty table", () => {
    const result = run([]);
    expect(result).toEqual({
      rows: [],
      summary: summary(0, 0, 0),
      goals: [],
      summarySentence: "Det finns inga indikatorer att redovisa.",
      notAssessedSentence: null,
    });
  });
});

describe("notAssessedSentence", () => {
  it("is null when every indicator was assessed", () => {
    expect(run([FULL, NONE]).notAssessedSentence).toBeNull();
  });

  it("names one indicator not measured", () => {
    expect(run([FULL, { ...NOT_MEASURED, name: "Andel som inte burit vapen" }]).notAssessedSentence).toBe(
      "Indikatorn \u201dAndel som inte burit vapen\u201d har inte mätts.",
    );
  });

  it("names several, not measured first, then not assessable", () => {
    const result = run([
      { ...NOT_ASSESSABLE, name: "C" },
      { ...NOT_MEASURED, name: "A" },
      FULL,
      { ...NOT_MEASURED, name: "B" },
    ]);
    expect(result.notAssessedSentence).toBe(
      "Indikatorerna \u201dA\u201d och \u201dB\u201d har inte mätts. " +
        "Indikatorn \u201dC\u201d kan inte bedömas eftersom den saknar ett årsmål i siffror.",
    );
  });

  it("lists three or more with commas and 'och'", () => {
    const result = run([
      { ...NOT_ASSESSABLE, name: "A" },
      { ...NOT_ASSESSABLE, name: "B" },
      { ...NOT_ASSESSABLE, name: "C" },
    ]);
    expect(result.notAssessedSentence).toBe(
      "Indikatorerna \u201dA\u201d, \u201dB\u201d och \u201dC\u201d kan inte bedömas eftersom de saknar årsmål i siffror.",
    );
  });
});
