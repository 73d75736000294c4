/**
 * The bundled sample (shared/examples), read from a grid exactly as the CSVs are written: once
 * with every cell as text (a CSV import), once with numbers as numbers.
 */
import { parseAmount } from "../../engine/amount";
import { computeFollowUp } from "../../engine";
import type { FollowUpInput } from "../../engine/types";
import { detectTables, readWorkbook } from ".";
import { type CellMode, exampleWorkbook, settings } from "./read.testkit";

const a = (text: string) => parseAmount(text);

const AREAS = [
  "Barn och ungdom",
  "Verksamhet för personer med funktionsnedsättning",
  "Hemlöshet och missbruk",
  "Jour- och rådgivande verksamhet",
  "Insatser mot våld i nära relationer",
  "Strategi och utveckling",
  "Övrig verksamhet",
  "Ledning och administration",
  "Stöd till utomstående organisationer",
  "Omstrukturering",
];

describe.each<CellMode>(["text", "numbers"])("the bundled sample, cells as %s", (mode) => {
  let input: FollowUpInput;
  beforeAll(() => {
    input = readWorkbook(exampleWorkbook(mode), settings());
  });

  it("is VB 2019 in mnkr, with no read findings", () => {
    expect(input.period).toBe("VB");
    expect(input.year).toBe(2019);
    expect(input.unit).toBe("mnkr");
    expect(input.readFindings).toEqual([]);
  });

  it("drift: 13 leaf rows, the ten areas in order, Bokslut 2018 as prior year", () => {
    const drift = input.drift!;
    expect(drift.sheet).toBe("Drift");
    expect(drift.unit).toBe("mnkr");
    expect(drift.rows).toHaveLength(13);
    expect(drift.totalRows).toEqual([]);
    expect([...new Set(drift.rows.map((r) => r.path[0]))]).toEqual(AREAS);
    expect(drift.hasForecast).toBe(false);
    expect(drift.hasPreviousForecast).toBe(false);
    expect(drift.hasPriorYear).toBe(true);
    expect(drift.hasComment).toBe(true);
    const first = drift.rows[0];
    expect(first.path).toEqual(["Barn och ungdom"]);
    expect([first.priorYearActual, first.budget, first.actual]).toEqual([a("92.2"), a("88.0"), a("82.2")]);
    expect(first.comment).toMatch(/^Vakanta tjänster inom Framtid Stockholm/);
    expect(first.ref).toEqual({
      sheet: "Drift",
      row: 2,
      labelCell: "A2",
      cells: {
        area: "A2",
        unit: "B2",
        priorYearActual: "C2",
        budget: "D2",
        actual: "E2",
        resultUnit: "F2",
        openingResultFund: "G2",
        grossBudget: "H2",
        earmark: "I2",
        comment: "J2",
      },
    });
    const last = drift.rows[12];
    expect(last.path).toEqual(["Omstrukturering"]);
    expect(last.priorYearActual).toBe(a("-18.6"));
  });

  it("drift: two-level rows, Tillståndsenheten a resultatenhet with fund 1,5 and gross budget 30,0", () => {
    const rows = input.drift!.rows;
    const unitRows = rows.filter((r) => r.path.length === 2).map((r) => r.path);
    expect(unitRows).toEqual([
      ["Jour- och rådgivande verksamhet", "Försörjningsstöd nyanlända (Intro Stockholm)"],
      ["Jour- och rådgivande verksamhet", "Övrig jour- och rådgivande verksamhet"],
      ["Övrig verksamhet", "Tillfälliga boenden nyanlända"],
      ["Övrig verksamhet", "Tillståndsenheten"],
      ["Övrig verksamhet", "Boutredningsenheten och övrigt"],
    ]);
    const t = rows.find((r) => r.path[1] === "Tillståndsenheten")!;
    expect(t.resultUnit).toBe(true);
    expect(t.openingResultFund).toBe(a("1.5"));
    expect(t.grossBudget).toBe(a("30.0"));
    expect(t.ref.labelCell).toBe("B10");
    expect(rows.filter((r) => r.resultUnit)).toHaveLength(1);
  });

  it("drift: earmark Nyanlända on two rows", () => {
    const earmarked = input.drift!.rows.filter((r) => r.earmark !== null);
    expect(earmarked.map((r) => [r.earmark, r.path[1]])).toEqual([
      ["Nyanlända", "Försörjningsstöd nyanlända (Intro Stockholm)"],
      ["Nyanlända", "Tillfälliga boenden nyanlända"],
    ]);
  });

  it("drift: sums to 1 297,0 budget and 1 221,8 actual; 1 165,0 prior year", () => {
    const total = (f: "budget" | "actual" | "priorYearActual") => input.drift!.rows.reduce((s, r) => s + (r[f] ?? 0n), 0n);
    expect(total("budget")).toBe(a("1297.0"));
    expect(total("actual")).toBe(a("1221.8"));
    expect(total("priorYearActual")).toBe(a("1165.0"));
  });

  it("investments: 7 rows, Prognos T2 is previousForecast in VB", () => {
    const inv = input.investments!;
    expect(inv.unit).toBe("mnkr");
    expect(inv.rows).toHaveLength(7);
    expect(inv.hasForecast).toBe(false);
    expect(inv.hasPreviousForecast).toBe(true);
    const row = inv.rows.find((r) => r.name === "Inventarier och maskiner")!;
    expect([row.budget, row.actual, row.forecast, row.previousForecast]).toEqual([a("3.0"), a("2.8"), null, a("2.0")]);
    expect(row.ref.cells).toEqual({ name: "A5", budget: "B5", actual: "C5", previousForecast: "D5" });
    const leasing = inv.rows.find((r) => r.name === "Bilar med finansiell leasing")!;
    expect([leasing.budget, leasing.actual, leasing.previousForecast]).toEqual([0n, a("4.8"), 0n]);
  });

  it("cost types: 10 rows with their kinds, Utfall 2018 as prior year", () => {
    const ct = input.costTypes!;
    expect(ct.rows).toHaveLength(10);
    expect(ct.rows.map((r) => r.kind)).toEqual([...Array(5).fill("revenue"), ...Array(5).fill("cost")]);
    const taxes = ct.rows[0];
    expect(taxes.name).toBe("Taxor och avgifter");
    expect([taxes.priorYearActual, taxes.actual]).toEqual([a("-48.1"), a("-47.2")]);
    expect(ct.rows[9]).toMatchObject({ name: "Övriga kostnader", priorYearActual: a("152.4"), actual: a("151.2") });
  });

  it("indicators: 14 rows, percentages as points, goal, gender values, comments", () => {
    const ind = input.indicators!;
    expect(ind.rows).toHaveLength(14);
    expect(ind.hasCommentColumn).toBe(true);
    expect(ind.hasDirectionColumn).toBe(false);
    const r = ind.rows[2];
    expect(r.name).toBe("Andel familjehemsplacerade barn i skolåldern som klarar målen i kärnämnena i grundskolan");
    expect(r.goal).toBe("I Stockholm får människor i behov av stöd insatser i tid");
    expect(r.actual).toEqual({ value: 68.6, percent: true, text: "68,6 %" });
    expect(r.actualWomen.value).toBe(79);
    expect(r.actualMen.value).toBe(63);
    expect(r.target).toEqual({ value: 75, percent: true, text: "75 %" });
    expect(r.kfTarget).toEqual({ value: null, percent: false, text: null });
    expect(r.comment).toBe("Utfallet har med stor sannolikhet påverkats av den pågående pandemin.");
    expect(ind.rows[0].comment).toBeNull();
    expect(ind.rows[3].comment).toBe("–");
    expect(r.ref.cells).toMatchObject({ goal: "A4", name: "B4", actual: "C4", actualWomen: "D4", actualMen: "E4", target: "F4", comment: "G4" });
  });

  it("detectTables finds the four tables, mnkr from the headers", () => {
    const tables = detectTables(exampleWorkbook(mode), settings());
    expect(tables.map((t) => [t.sheet, t.kind, t.unit, t.unitSource, t.year, t.periodHint])).toEqual([
      ["Drift", "drift", "mnkr", "header", 2019, "VB"],
      ["Investeringar", "investments", "mnkr", "header", 2019, "VB"],
      ["Kostnadsslag", "costTypes", "mnkr", "header", 2019, "VB"],
      ["Indikatorer", "indicators", "tkr", "default", null, "VB"],
    ]);
  });
});

describe("the bundled sample through the engine", () => {
  const result = computeFollowUp(readWorkbook(exampleWorkbook("text"), settings()), settings());

  it("reproduces the published VB 2019 figures", () => {
    const op = result.operating!;
    expect(op.total.budget).toBe(a("1297.0"));
    expect(op.total.actual).toBe(a("1221.8"));
    expect(op.total.adjustedDeviation).toBe(a("20.0"));
    expect(op.resultUnits[0]).toMatchObject({ name: "Tillståndsenheten", closingFund: a("1.6") });
    expect(op.earmarks[0]).toMatchObject({ name: "Nyanlända", returnedFunds: a("-55.1") });
    expect(result.indicators!.summarySentence).toBe("För 7 av 14 indikatorer har årsmålet uppnåtts helt, för 7 delvis.");
  });
});
