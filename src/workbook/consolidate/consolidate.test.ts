/**
 * The consolidation, pure: the city's sentence per goal, the nämnd's name, exact totals across
 * units, refusals, and the sheet plans (live SUM formulas, text from files never a formula).
 */
import { amountFromNumber } from "../../engine/amount";
import { computeFollowUp } from "../../engine";
import { defaultSettings } from "../../engine/settings";
import type { FollowUpResult, IndicatorStatus, Period, Unit } from "../../engine/types";
import { FoljsamError } from "../errors";
import { readWorkbook } from "../read";
import { sheet, workbook } from "../read/read.testkit";
import { buildConsolidationPlans, consolidate, consolidationJson, goalSentence, nameFromTitle, summariseUnit, type UnitSummary, unitNameOf } from ".";

const a = (x: number) => amountFromNumber(x)!;

function unit(name: string, over: Partial<UnitSummary> = {}): UnitSummary {
  return {
    name,
    nameSource: "settings",
    file: `${name}.xlsx`,
    period: "VB",
    year: 2026,
    sourceUnit: "mnkr",
    hasOperating: true,
    budget: a(100),
    actual: a(90),
    forecast: null,
    previousForecast: null,
    base: a(90),
    deviation: a(10),
    resultTransfer: 0n,
    returnedFunds: 0n,
    adjustedDeviation: a(10),
    budgetAdherenceBefore: 0.9,
    budgetAdherenceAfter: 0.9,
    forecastAccuracy: null,
    indicators: null,
    goals: [],
    findings: [],
    ...over,
  };
}

function resultOf(rows: (string | number | null)[][], period: Period = "VB", unitSetting: Unit | null = null): FollowUpResult {
  const settings = { ...defaultSettings(), period, unit: unitSetting };
  return computeFollowUp(readWorkbook(workbook([sheet("Drift", rows)]), settings), settings);
}

describe("goalSentence", () => {
  it.each<[[number, number, number, number], string]>([
    [[22, 7, 0, 0], "22 av 29 nämnder bedömer att målet uppnås helt, 7 bedömer att målet uppnås delvis."],
    [[20, 7, 2, 0], "20 av 29 nämnder bedömer att målet uppnås helt, 7 bedömer att målet uppnås delvis, 2 bedömer att målet inte uppnås."],
    [[0, 3, 0, 0], "3 av 3 nämnder bedömer att målet uppnås delvis."],
    [[0, 2, 1, 0], "2 av 3 nämnder bedömer att målet uppnås delvis, 1 bedömer att målet inte uppnås."],
    [[1, 0, 0, 0], "1 av 1 nämnd bedömer att målet uppnås helt."],
    [[0, 0, 1, 0], "1 av 1 nämnd bedömer att målet inte uppnås."],
    [[5, 0, 0, 2], "5 av 5 nämnder bedömer att målet uppnås helt. 2 nämnder har inte kunnat bedöma målet."],
    [[0, 0, 0, 1], "1 nämnd har inte kunnat bedöma målet."],
    [[0, 0, 0, 0], "Ingen nämnd har bedömt målet."],
  ])("%j → %s", ([full, partial, none, notAssessable], sentence) => {
    expect(goalSentence({ full, partial, none, notAssessable })).toBe(sentence);
  });
});

describe("the nämnd's name", () => {
  it("is taken from a title cell that names a nämnd or styrelse, before a dash or colon", () => {
    expect(nameFromTitle("Socialnämnden – verksamhetsberättelse 2019")).toBe("Socialnämnden");
    expect(nameFromTitle("Stadsdelsnämnden Södermalm - T2 2026")).toBe("Stadsdelsnämnden Södermalm");
    expect(nameFromTitle("Kommunstyrelsen: tertialrapport 1")).toBe("Kommunstyrelsen");
    expect(nameFromTitle("Kulturnämnden")).toBe("Kulturnämnden");
    expect(nameFromTitle("Driftbudget – tertialrapport 1 2026")).toBeNull();
    expect(nameFromTitle("Nämndmål och indikatorer")).toBeNull();
  });

  it("comes from Inställningar, else a title above a table, else the file name", () => {
    const drift = sheet("Drift", [["Kulturnämnden – VB 2026"], ["Verksamhetsområde", "Budget 2026", "Bokslut 2026"], ["Bibliotek", 10, 9]]);
    const settings = sheet("Inställningar", [["Nämnd", "Idrottsnämnden"]]);
    const s = { ...defaultSettings(), period: "VB" as const };
    expect(unitNameOf(workbook([drift, settings]), s, "x.xlsx")).toEqual({ name: "Idrottsnämnden", source: "settings" });
    expect(unitNameOf(workbook([drift]), s, "x.xlsx")).toEqual({ name: "Kulturnämnden", source: "title" });
    const untitled = sheet("Drift", [["Verksamhetsområde", "Budget 2026", "Bokslut 2026"], ["Kulturnämnden – bibliotek", 10, 9]]);
    expect(unitNameOf(workbook([untitled]), s, "mappen/Nämnd 7.xlsx")).toEqual({ name: "Nämnd 7", source: "file" });
  });
});

describe("summariseUnit and consolidate", () => {
  it("converts each nämnd's totals exactly to the consolidation's unit and sums them", () => {
    // 1 234,567 tkr and 0,5 mnkr and 250 000 kr: 1,234567 + 0,5 + 0,25 = 1,984567 mnkr.
    const tkr = resultOf([["Verksamhetsområde, tkr", "Budget 2026", "Bokslut 2026"], ["A", 1234.567, 1000]]);
    const mnkr = resultOf([["Verksamhetsområde, mnkr", "Budget 2026", "Bokslut 2026"], ["A", 0.5, 0.4]]);
    const kr = resultOf([["Verksamhetsområde, kr", "Budget 2026", "Bokslut 2026"], ["A", 250000, 250001]]);
    const units = [
      summariseUnit(tkr, { file: "a.xlsx", name: "A-nämnden", nameSource: "file" }, "mnkr"),
      summariseUnit(mnkr, { file: "b.xlsx", name: "B-nämnden", nameSource: "file" }, "mnkr"),
      summariseUnit(kr, { file: "c.xlsx", name: "C-nämnden", nameSource: "file" }, "mnkr"),
    ];
    expect(units.map((u) => u.sourceUnit)).toEqual(["tkr", "mnkr", "kr"]);
    const c = consolidate(units, { unit: "mnkr" });
    const json = consolidationJson(c);
    expect(json.operating.total).toMatchObject({ budget: 1.984567, actual: 1.650001, deviation: 0.334566 });
    expect(c.total.budget).toBe(1_984_567_000n);
    expect(json.units.map((u) => u.budget)).toEqual([1.234567, 0.5, 0.25]);
    expect(c.budgetAdherenceBefore).toBeCloseTo(1.650001 / 1.984567, 15);
  });

  it("refuses another period or another year, naming both files; an unknown year goes with the others", () => {
    expect(() => consolidate([unit("A"), unit("B", { period: "T2" })], { unit: "mnkr" })).toThrow(new FoljsamError("A.xlsx gäller VB 2026 men B.xlsx gäller T2 2026; sammanställ bara nämnder från samma period och år."));
    expect(() => consolidate([unit("A"), unit("B", { year: 2025 })], { unit: "mnkr" })).toThrow(/A\.xlsx gäller VB 2026 men B\.xlsx gäller VB 2025/);
    expect(consolidate([unit("A", { year: null }), unit("B")], { unit: "mnkr" }).year).toBe(2026);
    expect(() => consolidate([unit("A", { year: null }), unit("B"), unit("C", { year: 2025 })], { unit: "mnkr" })).toThrow(/B\.xlsx gäller VB 2026 men C\.xlsx gäller VB 2025/);
    expect(() => consolidate([unit("Kulturnämnden"), unit("kulturnämnden ", { file: "k2.xlsx" })], { unit: "mnkr" })).toThrow(/Kulturnämnden\.xlsx och k2\.xlsx gäller båda/);
  });

  it("counts per goal (names matched without regard to case) how many nämnder reach it fully, partly or not", () => {
    const goals = (...g: [string, IndicatorStatus][]) => g.map(([name, status]) => ({ name, status }));
    const c = consolidate(
      [
        unit("A", { goals: goals(["Trygg stad", "full"], ["Grön stad", "none"]), indicators: { full: 3, partial: 0, none: 1, notMeasured: 0, notAssessable: 0 } }),
        unit("B", { goals: goals(["trygg  stad", "partial"]), indicators: { full: 0, partial: 2, none: 0, notMeasured: 1, notAssessable: 0 } }),
        unit("C", { goals: goals(["Trygg stad", "notAssessable"]), indicators: { full: 0, partial: 0, none: 0, notMeasured: 0, notAssessable: 2 } }),
        unit("D"),
      ],
      { unit: "mnkr" },
    );
    expect(c.goals.map((g) => [g.name, g.full, g.partial, g.none, g.notAssessable, g.sentence])).toEqual([
      ["Trygg stad", 1, 1, 0, 1, "1 av 2 nämnder bedömer att målet uppnås helt, 1 bedömer att målet uppnås delvis. 1 nämnd har inte kunnat bedöma målet."],
      ["Grön stad", 0, 0, 1, 0, "1 av 1 nämnd bedömer att målet inte uppnås."],
    ]);
    expect(c.indicators).toEqual({ full: 3, partial: 2, none: 1, notMeasured: 1, notAssessable: 2 });
    expect(c.indicatorSentence).toBe("För 3 av 6 indikatorer har årsmålet uppnåtts helt, för 2 delvis, för 1 inte.");
  });

  it("computes the city's prognossäkerhet over the nämnder that have a prognos T2", () => {
    const c = consolidate([unit("A", { previousForecast: a(95) }), unit("B", { budget: a(50), actual: a(50), base: a(50) })], { unit: "mnkr" });
    expect(c.forecastAccuracy).toBeCloseTo((90 - 95) / 100, 15);
    expect(c.forecastAccuracyMet).toBe(false);
    expect(consolidate([unit("A", { period: "T2" })], { unit: "mnkr" }).forecastAccuracy).toBeNull();
  });
});

describe("buildConsolidationPlans", () => {
  it("sums the nämnder with live formulas, computes adherence as formulas and writes names as text", () => {
    const c = consolidate([unit("=HYPERLINK(\"x\")"), unit("B-nämnden", { budget: a(50), base: a(45), actual: a(45), deviation: a(5), adjustedDeviation: a(5), resultTransfer: a(-1) })], { unit: "mnkr" });
    const [units, goals, findings] = buildConsolidationPlans(c);
    expect([units.name, goals.name, findings.name]).toEqual(["Sammanställning", "Måluppfyllelse per mål", "Kontroller"]);
    const header = units.rows[3].map((x) => x?.v);
    expect(header.slice(0, 10)).toEqual(["Nämnd", "Fil", "Budget", "Utfall", "Avvikelse", "Resultatöverföring", "Återredovisning", "Justerad avvikelse", "Budgetföljsamhet", "Budgetföljsamhet efter resultatöverföringar"]);
    expect(units.rows[4][0]).toEqual({ v: '=HYPERLINK("x")' });
    const total = units.rows[6];
    expect(total[0]?.v).toBe("Staden totalt");
    expect(total[2]).toMatchObject({ f: "SUM(C5:C6)", v: 150 });
    expect(total[5]).toMatchObject({ f: "SUM(F5:F6)", v: -1 });
    expect(total[8]).toMatchObject({ f: 'IF(C7=0,"",D7/C7)', v: 135 / 150 });
    expect(total[9]).toMatchObject({ f: 'IF(C7=0,"",(D7-F7)/C7)', v: 136 / 150 });
    for (const plan of [units, goals, findings]) {
      for (const row of plan.rows) for (const cell of row ?? []) if (cell?.f !== undefined) expect(cell.f).not.toContain("HYPERLINK");
    }
  });
});
