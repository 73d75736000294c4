/**
 * The template as plans, before any host: every sheet and header per period, read back by the
 * reader as they are; the settings rows give exactly the default settings; validations, unlocked
 * input ranges and protection where they belong; no formulas and no follow-up kinds.
 */
import { defaultSettings, mergeSettings } from "../../engine/settings";
import type { Period } from "../../engine/types";
import type { CellValue, WorkbookGrid } from "../cells";
import { parseA1 } from "../cells";
import type { SheetPlan } from "../plan";
import { detectTables, inferPeriod, readSettingsSheet, readWorkbook } from "../read";
import { buildTemplatePlans, DRIFT_ROWS, TEMPLATE_HEADER_ROW } from ".";

/** The grid a host would read from the plans as written (numbers and text as planned). */
function gridOf(plans: SheetPlan[]): WorkbookGrid {
  return {
    source: "mall.xlsx",
    sheets: plans.map((p) => ({ name: p.name, rows: p.rows.map((row) => (row ?? []).map((c) => (c ? (c.v as CellValue) : null))) })),
  };
}

const headersOf = (plan: SheetPlan) => plan.rows[TEMPLATE_HEADER_ROW].map((c) => c?.v);
const planNamed = (plans: SheetPlan[], name: string) => plans.find((p) => p.name === name)!;

describe("buildTemplatePlans", () => {
  it("has the six sheets, in order, with Swedish names and template kinds", () => {
    const plans = buildTemplatePlans("T1", 2026);
    expect(plans.map((p) => p.name)).toEqual(["Instruktioner", "Drift", "Investeringar", "Intäkts- och kostnadsslag", "Indikatorer", "Inställningar"]);
    expect(plans.map((p) => p.kind)).toEqual(["instructions", "templateDrift", "templateInvestments", "templateCostTypes", "templateIndicators", "templateSettings"]);
  });

  it.each<[Period, string[], string[]]>([
    ["T1", ["Utfall per 30 april", "Prognos helår"], ["Utfall per 30 april", "Prognos helår"]],
    ["T2", ["Utfall per 31 augusti", "Prognos T1", "Prognos T2"], ["Utfall per 31 augusti", "Prognos T1", "Prognos T2"]],
    ["VB", ["Bokslut 2026", "Prognos T2"], ["Bokslut 2026", "Prognos T2"]],
  ])("%s: canonical headers and a title naming period and year", (period, driftPeriodHeaders, investmentPeriodHeaders) => {
    const plans = buildTemplatePlans(period, 2026);
    const drift = planNamed(plans, "Drift");
    expect(headersOf(drift)).toEqual([
      "Verksamhetsområde",
      "Enhet",
      "Bokslut 2025",
      "Budget 2026",
      ...driftPeriodHeaders,
      "Kommentar",
      "Resultatenhet",
      "Ingående resultatfond",
      "Bruttobudget",
      "Öronmärkning",
    ]);
    expect(headersOf(planNamed(plans, "Investeringar"))).toEqual(["Investering", "Budget 2026", ...investmentPeriodHeaders, "Flerårig", "Kommentar"]);
    expect(drift.rows[0][0]?.v).toBe(period === "VB" ? "Driftbudget – verksamhetsberättelse 2026" : `Driftbudget – tertialrapport ${period[1]} 2026`);
  });

  it.each<Period>(["T1", "T2", "VB"])("%s: the reader finds the four tables, their columns, the period and the year from the headers alone", (period) => {
    const grid = gridOf(buildTemplatePlans(period, 2026));
    // Without the settings sheet's help: the headers must tell the period on their own.
    const tables = detectTables({ ...grid, sheets: grid.sheets.filter((s) => s.name !== "Inställningar") }, defaultSettings());
    expect(tables.map((t) => [t.sheet, t.kind, t.headerRow])).toEqual([
      ["Drift", "drift", 2],
      ["Investeringar", "investments", 2],
      ["Intäkts- och kostnadsslag", "costTypes", 2],
      ["Indikatorer", "indicators", 2],
    ]);
    expect(inferPeriod(tables).period).toBe(period);
    const drift = tables[0];
    const header = (field: string) => drift.headers.find((h) => h.col === drift.columns[field])?.text;
    expect(header("area")).toBe("Verksamhetsområde");
    expect(header("unit")).toBe("Enhet");
    expect(header("budget")).toBe("Budget 2026");
    expect(header("priorYearActual")).toBe("Bokslut 2025");
    expect(header("comment")).toBe("Kommentar");
    expect(header("resultUnit")).toBe("Resultatenhet");
    expect(header("openingResultFund")).toBe("Ingående resultatfond");
    expect(header("grossBudget")).toBe("Bruttobudget");
    expect(header("earmark")).toBe("Öronmärkning");
    const expected: Record<Period, [string, string | undefined, string | undefined]> = {
      T1: ["Utfall per 30 april", "Prognos helår", undefined],
      T2: ["Utfall per 31 augusti", "Prognos T2", "Prognos T1"],
      VB: ["Bokslut 2026", undefined, "Prognos T2"],
    };
    const [actual, forecast, previous] = expected[period];
    expect([header("actual"), header("forecast"), header("previousForecast")]).toEqual([actual, forecast, previous]);
    for (const t of tables) expect(t.missing).toEqual([]);
    const costTypes = tables[2];
    expect(costTypes.columns.priorYearActual).toBe(2);
    expect(costTypes.columns.actual).toBe(3);
    expect(costTypes.columns.kind).toBe(1);
  });

  it.each<Period>(["T1", "T2", "VB"])("%s: a blank template reads without findings in its tables and with the year of its headers", (period) => {
    const input = readWorkbook(gridOf(buildTemplatePlans(period, 2031)), defaultSettings());
    expect(input.period).toBe(period);
    expect(input.year).toBe(2031);
    expect(input.unit).toBe("tkr");
    expect(input.readFindings).toEqual([]);
    expect(input.drift?.rows).toEqual([]);
  });

  it("has an Inställningar sheet whose rows give the default settings with the period, year and unit", () => {
    const sheet = readSettingsSheet(gridOf(buildTemplatePlans("T2", 2027, { unit: "mnkr" })))!;
    expect(sheet.sheet).toBe("Inställningar");
    expect(sheet.unknownKeys).toBeUndefined();
    expect(sheet.unitName).toBeUndefined();
    expect(sheet.unitNameCell).toBe("B4");
    const merged = mergeSettings(defaultSettings(), sheet.settings);
    expect(merged).toEqual({ ...defaultSettings(), period: "T2", year: 2027, unit: "mnkr" });
    // Every threshold is on the sheet (so a person sees and can change it), not just defaulted.
    expect(sheet.settings).toEqual({
      period: "T2",
      year: 2027,
      unit: "mnkr",
      commentThreshold: { mnkr: 1, share: 0.05 },
      resultUnits: { capShare: 0.05, carryDeficits: true },
      indicators: { tolerance: 0.1, improvementCountsAsPartial: false, genderGapPoints: 5, genderGapShare: 0.1 },
      runRateShare: 0.05,
      forecastAccuracyBand: 0.01,
      costsNegative: false,
    });
  });

  it("validates amount columns as decimals and Resultatenhet, Riktning, Slag, Period and Enhet as lists, over the input rows", () => {
    const plans = buildTemplatePlans("T1", 2026);
    const drift = planNamed(plans, "Drift");
    const first = TEMPLATE_HEADER_ROW + 2;
    const last = first + DRIFT_ROWS - 1;
    const byRange = new Map(drift.dataValidations!.map((v) => [v.range, v.rule]));
    for (const col of ["C", "D", "E", "F", "I", "J"]) {
      expect(byRange.get(`${col}${first}:${col}${last}`)).toEqual({ type: "decimal", min: -1e12, max: 1e12 });
    }
    expect(byRange.get(`H${first}:H${last}`)).toEqual({ type: "list", values: ["ja", "nej"] });
    expect([...byRange.keys()].some((r) => r.startsWith("A") || r.startsWith("B") || r.startsWith("G") || r.startsWith("K"))).toBe(false);
    const indicators = planNamed(plans, "Indikatorer");
    expect(indicators.dataValidations!.map((v) => v.rule)).toEqual([{ type: "list", values: ["Högre är bättre", "Lägre är bättre"] }]);
    expect(planNamed(plans, "Intäkts- och kostnadsslag").dataValidations!.map((v) => v.rule)).toEqual([
      { type: "list", values: ["intäkt", "kostnad"] },
      { type: "decimal", min: -1e12, max: 1e12 },
      { type: "decimal", min: -1e12, max: 1e12 },
    ]);
    const settings = planNamed(plans, "Inställningar");
    const at = (label: string) => {
      const r = settings.rows.findIndex((row) => row[0]?.v === label);
      return settings.dataValidations!.find((v) => v.range === `B${r + 1}`)?.rule;
    };
    expect(at("Period")).toEqual({ type: "list", values: ["T1", "T2", "VB"] });
    expect(at("Enhet")).toEqual({ type: "list", values: ["kr", "tkr", "mnkr"] });
    expect(at("År")).toEqual({ type: "whole", min: 1900, max: 2099 });
    expect(at("Underskott förs över")).toEqual({ type: "list", values: ["ja", "nej"] });
    for (const v of plans.flatMap((p) => p.dataValidations ?? [])) {
      expect(v.error.title.length).toBeLessThanOrEqual(32);
      expect(v.error.text.length).toBeLessThanOrEqual(225);
      if (v.rule.type === "list") expect(v.rule.values.join(",").length).toBeLessThan(255);
    }
  });

  it("unlocks the input cells only, protects every sheet without a password and writes no formula", () => {
    const plans = buildTemplatePlans("VB", 2026);
    for (const plan of plans) {
      expect(plan.protection).toBeDefined();
      for (const range of plan.unlockedRanges ?? []) {
        const top = parseA1(range.split(":")[0])!;
        expect(top.row).toBeGreaterThan(TEMPLATE_HEADER_ROW);
      }
      for (const row of plan.rows) for (const cell of row ?? []) expect(cell?.f).toBeUndefined();
    }
    const drift = planNamed(plans, "Drift");
    expect(drift.unlockedRanges).toEqual([`A4:K${3 + DRIFT_ROWS}`]);
    expect(planNamed(plans, "Instruktioner").unlockedRanges).toBeUndefined();
    expect(planNamed(plans, "Inställningar").unlockedRanges).toEqual(["B4:B18"]);
  });

  it("explains every column of every input sheet on Instruktioner, one paragraph per cell", () => {
    const plans = buildTemplatePlans("T2", 2026);
    const texts = planNamed(plans, "Instruktioner").rows.map((r) => r[0]?.v);
    for (const p of plans.filter((x) => x.kind !== "instructions" && x.kind !== "templateSettings")) {
      for (const h of headersOf(p)) expect(texts.some((t) => typeof t === "string" && t.startsWith(`${h}: `))).toBe(true);
    }
    expect(planNamed(plans, "Instruktioner").rows.every((r) => (r ?? []).length <= 1)).toBe(true);
    expect(texts.some((t) => typeof t === "string" && t.includes("foljsam validate"))).toBe(true);
  });

  it("refuses a year that is not a four-digit year", () => {
    expect(() => buildTemplatePlans("T1", 26)).toThrow(RangeError);
  });
});
