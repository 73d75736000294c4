/** Each rule of DOMAIN.md section 3 on its own, with hand-worked figures. */
import { computeOperating } from "../../src/engine/operating";
import { defaultSettings, mergeSettings } from "../../src/engine/settings";
import { a, driftRow, driftTable } from "../helpers/exampleInputs";
import type { TotalRowInput } from "../../src/engine/types";
import { findingMessage } from "../../src/i18n/findings";

const settings = defaultSettings();

describe("deviation and deviation %", () => {
  it("deviation = budget − base; % on |budget|; empty when budget is 0", () => {
    const { result } = computeOperating(
      driftTable([
        driftRow({ path: ["A"], budget: a("200"), actual: a("210"), comment: "x" }),
        driftRow({ path: ["B"], budget: a("-50"), actual: a("-40"), comment: "x" }),
        driftRow({ path: ["C"], budget: a("0"), actual: a("0.4"), comment: "x" }),
      ]),
      "VB",
      settings,
    );
    const [A, B, C] = result.areas;
    expect(A.deviation).toBe(a("-10"));
    expect(A.deviationPct).toBeCloseTo(-0.05, 15);
    // Revenue budget −50, outcome −40: 10 less revenue than budgeted is a deficit of 10 (−20 %).
    expect(B.deviation).toBe(a("-10"));
    expect(B.deviationPct).toBeCloseTo(-0.2, 15);
    expect(C.deviation).toBe(a("-0.4"));
    expect(C.deviationPct).toBeNull();
  });

  it("prior-year change = base − prior year; forecast change in T2 = forecast − previous forecast", () => {
    const { result } = computeOperating(
      driftTable([driftRow({ path: ["A"], budget: a("100"), actual: a("70"), forecast: a("104"), previousForecast: a("101.5"), priorYearActual: a("97.25"), comment: "x" })]),
      "T2",
      settings,
    );
    expect(result.total.base).toBe(a("104"));
    expect(result.total.forecastChange).toBe(a("2.5"));
    expect(result.total.priorYearChange).toBe(a("6.75"));
  });
});

describe("resultatöverföring", () => {
  const unitRow = (budget: string, actual: string, gross: string | null, opening: string | null = "2") =>
    driftRow({ path: ["Område", "Enhet"], budget: a(budget), actual: a(actual), resultUnit: true, grossBudget: gross === null ? null : a(gross), openingResultFund: opening === null ? null : a(opening), comment: "x" });

  it("a surplus above the cap moves only the cap: 5 % of 40 gross = 2,0 of a 3,0 surplus", () => {
    const { result } = computeOperating(driftTable([unitRow("20", "17", "40")]), "VB", settings);
    const u = result.resultUnits[0];
    expect(u.cap).toBe(a("2"));
    expect(u.resultTransfer).toBe(a("-2"));
    expect(u.capped).toBe(true);
    expect(u.closingFund).toBe(a("4"));
    expect(result.total.adjustedDeviation).toBe(a("1"));
  });

  it("a surplus exactly at the cap is not capped", () => {
    const { result } = computeOperating(driftTable([unitRow("20", "18", "40")]), "VB", settings);
    expect(result.resultUnits[0].resultTransfer).toBe(a("-2"));
    expect(result.resultUnits[0].capped).toBe(false);
  });

  it("a deficit is carried in full: deviation −1,5 → transfer +1,5, fund 2,0 → 0,5, adjusted 0", () => {
    const { result } = computeOperating(driftTable([unitRow("20", "21.5", "40")]), "VB", settings);
    const u = result.resultUnits[0];
    expect(u.resultTransfer).toBe(a("1.5"));
    expect(u.closingFund).toBe(a("0.5"));
    expect(result.total.adjustedDeviation).toBe(a("0"));
    // Budget adherence after transfers: (21,5 − 1,5) / 20 = 100 %.
    expect(result.budgetAdherenceAfter).toBeCloseTo(1, 15);
  });

  it("carryDeficits false leaves a deficit in the nämnd's result", () => {
    const s = mergeSettings(settings, { resultUnits: { carryDeficits: false } });
    const { result } = computeOperating(driftTable([unitRow("20", "21.5", "40")]), "VB", s);
    expect(result.resultUnits[0].resultTransfer).toBe(a("0"));
    expect(result.total.adjustedDeviation).toBe(a("-1.5"));
  });

  it("capShare is a setting: 10 % of 40 = 4,0", () => {
    const s = mergeSettings(settings, { resultUnits: { capShare: 0.1 } });
    const { result } = computeOperating(driftTable([unitRow("20", "17", "40")]), "VB", s);
    expect(result.resultUnits[0].resultTransfer).toBe(a("-3"));
    expect(result.resultUnits[0].capped).toBe(false);
  });

  it("without a gross budget the cap is 5 % of |budget| and CAP_BASIS_MISSING is reported", () => {
    const { result, findings } = computeOperating(driftTable([unitRow("20", "17", null)]), "VB", settings);
    expect(result.resultUnits[0].cap).toBe(a("1"));
    expect(result.resultUnits[0].resultTransfer).toBe(a("-1"));
    expect(findings.map((f) => f.code)).toContain("CAP_BASIS_MISSING");
  });

  it("a missing opening fund gives no closing fund (never a made-up 0)", () => {
    const { result } = computeOperating(driftTable([unitRow("20", "19", "40", null)]), "VB", settings);
    expect(result.resultUnits[0].openingFund).toBeNull();
    expect(result.resultUnits[0].closingFund).toBeNull();
  });
});

describe("återredovisning", () => {
  const rows = (second: string) => [
    driftRow({ path: ["A", "x"], budget: a("10"), actual: a("6"), earmark: "Nyanlända", comment: "k" }),
    driftRow({ path: ["A", "y"], budget: a("10"), actual: a(second), earmark: "Nyanlända", comment: "k" }),
    driftRow({ path: ["A", "z"], budget: a("10"), actual: a("9"), comment: "k" }),
  ];

  it("a net surplus neutralises every row of the earmark, a deficit row included", () => {
    const { result } = computeOperating(driftTable(rows("12")), "VB", settings);
    // Deviations +4 and −2: net +2 > 0, so both rows are neutralised (−4 and +2).
    expect(result.earmarks[0].deviation).toBe(a("2"));
    expect(result.earmarks[0].returnedFunds).toBe(a("-2"));
    expect(result.total.adjustedDeviation).toBe(a("1"));
  });

  it("an earmark in net deficit returns nothing (surplusOnly)", () => {
    const { result } = computeOperating(driftTable(rows("15")), "VB", settings);
    expect(result.earmarks[0].deviation).toBe(a("-1"));
    expect(result.earmarks[0].returnedFunds).toBe(a("0"));
    expect(result.total.adjustedDeviation).toBe(a("0"));
  });

  it("mode both neutralises a net deficit too", () => {
    const s = mergeSettings(settings, { earmarks: { Nyanlända: { mode: "both" } } });
    const { result } = computeOperating(driftTable(rows("15")), "VB", s);
    expect(result.earmarks[0].mode).toBe("both");
    expect(result.earmarks[0].returnedFunds).toBe(a("1"));
    expect(result.total.adjustedDeviation).toBe(a("1"));
  });
});

describe("comment and deficit checks", () => {
  it("an area needs a comment at 1,0 mnkr or 5 %; one comment on any of its rows is enough", () => {
    const { result, findings } = computeOperating(
      driftTable([
        driftRow({ path: ["Exakt en miljon"], budget: a("100"), actual: a("99") }),
        driftRow({ path: ["Fem procent"], budget: a("10"), actual: a("9.5") }),
        driftRow({ path: ["Under båda"], budget: a("100"), actual: a("99.01") }),
        driftRow({ path: ["Kommenterad", "a"], budget: a("50"), actual: a("40") }),
        driftRow({ path: ["Kommenterad", "b"], budget: a("50"), actual: a("50"), comment: "Förklarat." }),
        driftRow({ path: ["Streck", "a"], budget: a("50"), actual: a("40"), comment: "–" }),
      ]),
      "VB",
      settings,
    );
    const needs = findings.filter((f) => f.code === "COMMENT_REQUIRED").map((f) => f.subject);
    expect(needs).toEqual(["Exakt en miljon", "Fem procent", "Streck"]);
    expect(result.areas.filter((x) => x.needsComment).map((x) => x.name)).toEqual(needs);
  });

  it("in tkr the amount threshold is 1 000 tkr", () => {
    const { findings } = computeOperating(
      driftTable(
        [
          driftRow({ path: ["Stor"], budget: a("100000"), actual: a("99000") }),
          driftRow({ path: ["Liten"], budget: a("100000"), actual: a("99001") }),
        ],
        { unit: "tkr" },
      ),
      "VB",
      settings,
    );
    const f = findings.filter((x) => x.code === "COMMENT_REQUIRED");
    expect(f.map((x) => x.subject)).toEqual(["Stor"]);
    expect(findingMessage(f[0])).toBe("Avvikelsen 1 000 tkr kräver en förklaring.");
  });

  it("an area with budget 0 is judged on the amount only", () => {
    const { findings } = computeOperating(driftTable([driftRow({ path: ["Noll"], budget: a("0"), actual: a("0.5") })]), "VB", settings);
    expect(findings.filter((f) => f.code === "COMMENT_REQUIRED")).toEqual([]);
    expect(findings.filter((f) => f.code === "DEFICIT").map((f) => f.subject)).toEqual(["Noll"]);
  });

  it("the deviation before transfers counts: a returned surplus still needs its explanation", () => {
    const { findings } = computeOperating(
      driftTable([driftRow({ path: ["Öronmärkt"], budget: a("20"), actual: a("10"), earmark: "E" })]),
      "VB",
      settings,
    );
    expect(findings.filter((f) => f.code === "COMMENT_REQUIRED").map((f) => f.subject)).toEqual(["Öronmärkt"]);
  });
});

describe("tertials: missing forecast, run rate, forecast shift", () => {
  it("a missing forecast is taken as the budget (deviation 0) with FORECAST_MISSING naming the cell", () => {
    const { result, findings } = computeOperating(
      driftTable([
        driftRow({ path: ["A"], budget: a("12"), actual: a("4"), forecast: a("12"), comment: "x" }, 5),
        driftRow({ path: ["B"], budget: a("30"), actual: a("10"), forecast: null, forecastProblem: "error", comment: "x" }, 6),
      ], { hasForecast: true }),
      "T1",
      settings,
    );
    const B = result.areas[1].rows[0];
    expect(B.forecast).toBe(a("30"));
    expect(B.forecastSubstituted).toBe(true);
    expect(B.deviation).toBe(a("0"));
    const f = findings.filter((x) => x.code === "FORECAST_MISSING");
    expect(f).toHaveLength(1);
    expect(f[0].cell).toBe("E6");
    expect(findingMessage(f[0])).toBe("Prognos saknas (felvärde); prognos enligt budget (30,0 mnkr) används, avvikelse 0.");
  });

  it("RUN_RATE: T1 actual 5 × 12 / 4 = 15 against forecast 12 on budget 12 (limit 0,6) is flagged; 12,4 is not", () => {
    const rows = [
      driftRow({ path: ["Flaggad"], budget: a("12"), actual: a("5"), forecast: a("12"), comment: "x" }),
      driftRow({ path: ["Inom"], budget: a("12"), actual: a("4.1"), forecast: a("12"), comment: "x" }),
    ];
    const { result, findings } = computeOperating(driftTable(rows), "T1", settings);
    expect(result.areas[0].rows[0].runRate).toBe(a("15"));
    expect(findings.filter((f) => f.code === "RUN_RATE").map((f) => f.subject)).toEqual(["Flaggad"]);
    expect(findings.find((f) => f.code === "RUN_RATE")!.severity).toBe("info");
  });

  it("FORECAST_SHIFT in T2 at |forecast − T1 forecast| ≥ 1,0 mnkr", () => {
    const rows = [
      driftRow({ path: ["Skiftad"], budget: a("90"), actual: a("60"), forecast: a("91"), previousForecast: a("90"), comment: "x" }),
      driftRow({ path: ["Stilla"], budget: a("90"), actual: a("60"), forecast: a("90.9"), previousForecast: a("90"), comment: "x" }),
    ];
    const { findings } = computeOperating(driftTable(rows), "T2", settings);
    expect(findings.filter((f) => f.code === "FORECAST_SHIFT").map((f) => f.subject)).toEqual(["Skiftad"]);
  });

  it("transfers and returns are computed on the forecast in a tertial", () => {
    const { result } = computeOperating(
      driftTable([driftRow({ path: ["A", "E"], budget: a("20"), actual: a("5"), forecast: a("19"), resultUnit: true, grossBudget: a("40"), openingResultFund: a("0"), comment: "x" })]),
      "T1",
      settings,
    );
    expect(result.resultUnits[0].resultTransfer).toBe(a("-1"));
  });
});

describe("SUM_MISMATCH", () => {
  const rows = [
    driftRow({ path: ["A"], budget: a("10.04"), actual: a("9.96"), comment: "x" }),
    driftRow({ path: ["B"], budget: a("20.04"), actual: a("20.06"), comment: "x" }),
  ];
  const total = (budget: string): TotalRowInput => ({
    label: "Nämnden totalt",
    budget: a(budget),
    actual: a("30.0"),
    forecast: null,
    previousForecast: null,
    priorYearActual: null,
    ref: { sheet: "Drift", row: 9, labelCell: "A9", cells: { budget: "C9" } },
  });

  it("a total within half a display unit per row (0,1 for two rows) is accepted", () => {
    const { findings } = computeOperating(driftTable(rows, { totalRows: [total("30.0")] }), "VB", settings);
    expect(findings.filter((f) => f.code === "SUM_MISMATCH")).toEqual([]);
  });

  it("a larger difference is reported with both figures", () => {
    const { findings } = computeOperating(driftTable(rows, { totalRows: [total("30.3")] }), "VB", settings);
    const f = findings.filter((x) => x.code === "SUM_MISMATCH");
    expect(f).toHaveLength(1);
    expect(f[0].cell).toBe("C9");
    expect(f[0].severity).toBe("error");
    expect(findingMessage(f[0])).toBe('Budget: raden "Nämnden totalt" anger 30,3 mnkr men raderna summerar till 30,1 mnkr (skillnad 0,2 mnkr).');
  });
});

describe("SUM_MISMATCH scopes", () => {
  const rows = [
    driftRow({ path: ["A", "a1"], budget: a("10"), actual: a("10"), comment: "x" }),
    driftRow({ path: ["B", "b1"], budget: a("20"), actual: a("20"), comment: "x" }),
    driftRow({ path: ["B", "b2"], budget: a("5"), actual: a("5"), comment: "x" }),
  ];
  const summa = (budget: string, label = "Summa B"): TotalRowInput => ({
    label,
    budget: a(budget),
    actual: null,
    forecast: null,
    previousForecast: null,
    priorYearActual: null,
    scope: "B",
    ref: { sheet: "Drift", row: 9, labelCell: "A9", cells: { budget: "C9" } },
  });

  it("a subtotal scoped to an area is checked against that area", () => {
    expect(computeOperating(driftTable(rows, { totalRows: [summa("25")] }), "VB", settings).findings.filter((f) => f.code === "SUM_MISMATCH")).toEqual([]);
    expect(computeOperating(driftTable(rows, { totalRows: [summa("26")] }), "VB", settings).findings.filter((f) => f.code === "SUM_MISMATCH")).toHaveLength(1);
  });

  it("a bare Summa at the foot of the last area that is the table's total is accepted", () => {
    expect(computeOperating(driftTable(rows, { totalRows: [summa("35")] }), "VB", settings).findings.filter((f) => f.code === "SUM_MISMATCH")).toEqual([]);
    // A label with more than "Summa <area>" in it is never taken for the table's total.
    expect(computeOperating(driftTable(rows, { totalRows: [{ ...summa("35"), label: "Summa B extra" }] }), "VB", settings).findings.filter((f) => f.code === "SUM_MISMATCH")).toHaveLength(1);
  });
});

describe("prognossäkerhet", () => {
  it("counts only rows with both an outcome and a T2 forecast: (98 − 100) / 150 = −1,33 %", () => {
    const { result } = computeOperating(
      driftTable([
        driftRow({ path: ["A"], budget: a("100"), actual: a("98"), previousForecast: a("100"), comment: "x" }),
        driftRow({ path: ["B"], budget: a("50"), actual: null, previousForecast: a("50"), comment: "x" }),
      ]),
      "VB",
      settings,
    );
    expect(result.forecastAccuracy).toBeCloseTo(-2 / 150, 15);
    expect(result.forecastAccuracyMet).toBe(false);
  });

  it("is met within ±1 %: (99,0 − 100) / 100 = −1 %", () => {
    const { result } = computeOperating(
      driftTable([driftRow({ path: ["A"], budget: a("100"), actual: a("99"), previousForecast: a("100"), comment: "x" })]),
      "VB",
      settings,
    );
    expect(result.forecastAccuracy).toBeCloseTo(-0.01, 15);
    expect(result.forecastAccuracyMet).toBe(true);
  });

  it("is null without a T2 forecast, and outside VB", () => {
    const rows = [driftRow({ path: ["A"], budget: a("100"), actual: a("99"), forecast: a("100"), comment: "x" })];
    expect(computeOperating(driftTable(rows), "VB", settings).result.forecastAccuracy).toBeNull();
    expect(computeOperating(driftTable(rows), "T2", settings).result.forecastAccuracy).toBeNull();
  });
});
