/** shared/examples README sections 2 and 3, as published, and the rules of DOMAIN.md 4 and 5. */
import { computeInvestments } from "../../src/engine/investments";
import { computeCostTypes } from "../../src/engine/costTypes";
import { roundTo, toNumber } from "../../src/engine/amount";
import { a, exampleCostTypes, exampleInvestments, ref } from "../helpers/exampleInputs";

const one = (x: bigint | null) => (x === null ? null : toNumber(roundTo(x, 1)));

describe("investeringar VB 2019", () => {
  const { result, findings } = computeInvestments(exampleInvestments(), "VB");
  const row = (name: string) => result.rows.find((r) => r.name === name)!;

  it.each([
    ["Inventarier och maskiner", 3.0, 2.8, 0.2, -0.8],
    ["Klimatinvesteringar", 5.0, 4.9, 0.1, 0.1],
    ["Bilar med finansiell leasing", 0.0, 4.8, -4.8, -4.8],
  ])("%s: budget %d, actual %d, deviation %d, against the T2 forecast %d", (name, budget, actual, dev, vsForecast) => {
    const r = row(name as string);
    expect(one(r.budget)).toBe(budget);
    expect(one(r.actual)).toBe(actual);
    expect(one(r.deviation)).toBe(dev);
    expect(one(r.deviationVsForecast)).toBe(vsForecast);
  });

  it("Summa with the zero rows: 8,0 / 12,5 / -4,5 / -5,5", () => {
    expect(result.rows).toHaveLength(7);
    expect(result.total.budget).toBe(a("8.0"));
    expect(result.total.actual).toBe(a("12.5"));
    expect(result.total.deviation).toBe(a("-4.5"));
    expect(result.total.deviationVsForecast).toBe(a("-5.5"));
    expect(findings).toEqual([]);
  });

  it("proposes re-budgeting the unspent part of multi-year projects only", () => {
    const table = exampleInvestments();
    table.rows[3].multiYear = true; // Inventarier: 0,2 unspent
    table.rows[6].multiYear = true; // Bilar: overspent, nothing to move
    const { result: r } = computeInvestments(table, "VB");
    expect(r.rows[3].reBudgetProposal).toBe(a("0.2"));
    expect(r.rows[6].reBudgetProposal).toBeNull();
    expect(r.rows[4].reBudgetProposal).toBeNull();
  });

  it("in a tertial the forecast is assessed, and a missing one is the budget", () => {
    const table = exampleInvestments();
    table.rows[3].forecast = a("2.5");
    const { result: r, findings: f } = computeInvestments(table, "T2");
    expect(r.rows[3].deviation).toBe(a("0.5"));
    expect(r.rows[4].forecast).toBe(a("5.0"));
    expect(f.filter((x) => x.code === "FORECAST_MISSING")).toHaveLength(6);
  });
});

describe("intäkts- och kostnadsslag VB 2019", () => {
  for (const withKind of [true, false]) {
    describe(withKind ? "with a Slag column" : "kind from the sign", () => {
      const { result } = computeCostTypes(exampleCostTypes(withKind));
      const change = (name: string) => one(result.rows.find((r) => r.name === name)!.change);

      it("the change of each row's own size: Taxor -0,9, Bidrag -47,7, Hyresintäkter 0,1, Personal -38,7, Lokal 6,6", () => {
        expect(change("Taxor och avgifter")).toBe(-0.9);
        expect(change("Bidrag, ersättningar")).toBe(-47.7);
        expect(change("Hyresintäkter")).toBe(0.1);
        expect(change("Personalkostnader")).toBe(-38.7);
        expect(change("Lokalkostnader")).toBe(6.6);
      });

      it("Summa intäkter -508,5 → -421,5 shows -87,0; Summa kostnader 1 673,7 → 1 643,0 shows -30,7; Netto 1 165,2 → 1 221,5 shows 56,3", () => {
        const t = result.totals;
        expect([t.revenues.priorYearActual, t.revenues.actual, t.revenues.change]).toEqual([a("-508.5"), a("-421.5"), a("-87.0")]);
        expect([t.costs.priorYearActual, t.costs.actual, t.costs.change]).toEqual([a("1673.7"), a("1643.0"), a("-30.7")]);
        expect([t.net.priorYearActual, t.net.actual, t.net.change]).toEqual([a("1165.2"), a("1221.5"), a("56.3")]);
      });
    });
  }

  it("a Summa intäkter row that does not add up is reported", () => {
    const table = exampleCostTypes();
    table.totalRows.push({ label: "Summa intäkter", budget: null, actual: a("-420.0"), forecast: null, previousForecast: null, priorYearActual: a("-508.5"), ref: ref("Intäkts- och kostnadsslag", 20) });
    const { findings } = computeCostTypes(table);
    expect(findings.map((f) => [f.code, f.subject])).toEqual([["SUM_MISMATCH", "Summa intäkter"]]);
  });
});
