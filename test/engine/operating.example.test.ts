/**
 * Socialnämndens verksamhetsberättelse 2019: every figure of shared/examples/README.md section 1,
 * written here as published (and as DOMAIN.md derives it where it differs by rounding).
 */
import { computeOperating } from "../../src/engine/operating";
import { defaultSettings } from "../../src/engine/settings";
import { roundTo, toNumber } from "../../src/engine/amount";
import { a, exampleDrift } from "../helpers/exampleInputs";
import { findingMessage } from "../../src/i18n/findings";

const { result, findings } = computeOperating(exampleDrift(), "VB", defaultSettings());
const oneDecimal = (x: bigint | null) => (x === null ? null : toNumber(roundTo(x, 1)));

describe("driftbudget VB 2019, per area", () => {
  const published: [string, number, number, number, number, number, number][] = [
    ["Barn och ungdom", 88.0, 82.2, 5.8, 0, 0, 5.8],
    ["Verksamhet för personer med funktionsnedsättning", 144.8, 147.4, -2.6, 0, 0, -2.6],
    ["Hemlöshet och missbruk", 272.2, 259.4, 12.8, 0, 0, 12.8],
    ["Jour- och rådgivande verksamhet", 188.0, 156.4, 31.6, 0, -31.3, 0.3],
    ["Insatser mot våld i nära relationer", 27.5, 28.4, -0.9, 0, 0, -0.9],
    ["Strategi och utveckling", 91.1, 88.7, 2.4, 0, 0, 2.4],
    ["Övrig verksamhet", 203.2, 178.0, 25.2, -0.1, -23.8, 1.3],
    ["Ledning och administration", 55.8, 52.8, 3.0, 0, 0, 3.0],
    ["Stöd till utomstående organisationer", 217.4, 220.6, -3.2, 0, 0, -3.2],
    ["Omstrukturering", 9.0, 7.9, 1.1, 0, 0, 1.1],
  ];

  it("lists the ten areas in the published order", () => {
    expect(result.areas.map((x) => x.name)).toEqual(published.map((p) => p[0]));
  });

  it.each(published)("%s: budget %d, actual %d, deviation %d, transfer %d, returned %d, adjusted %d", (name, budget, actual, dev, transfer, returned, adjusted) => {
    const area = result.areas.find((x) => x.name === name)!;
    expect(oneDecimal(area.budget)).toBe(budget);
    expect(oneDecimal(area.actual)).toBe(actual);
    expect(oneDecimal(area.deviation)).toBe(dev);
    expect(oneDecimal(area.resultTransfer)).toBe(transfer);
    expect(oneDecimal(area.returnedFunds)).toBe(returned);
    expect(oneDecimal(area.adjustedDeviation)).toBe(adjusted);
  });
});

describe("driftbudget VB 2019, the nämnd", () => {
  it("sums unrounded rows: 1 297,0 / 1 221,8 / 75,2 / -0,1 / -55,1 / 20,0 (published from books: 1 297,1 / 1 221,6 / 75,6 / -0,1 / -55,1 / 20,3)", () => {
    const t = result.total;
    expect(t.name).toBe("Nämnden totalt");
    expect(t.budget).toBe(a("1297.0"));
    expect(t.actual).toBe(a("1221.8"));
    expect(t.deviation).toBe(a("75.2"));
    expect(t.resultTransfer).toBe(a("-0.1"));
    expect(t.returnedFunds).toBe(a("-55.1"));
    expect(t.adjustedDeviation).toBe(a("20.0"));
    expect(t.priorYearActual).toBe(a("1165.0"));
  });

  it("budget adherence 1 221,8 / 1 297,0 = 94,20 % before and 94,21 % after transfers", () => {
    expect(result.budgetAdherenceBefore).toBeCloseTo(1221.8 / 1297.0, 12);
    expect(result.budgetAdherenceBefore!.toFixed(4)).toBe("0.9420");
    expect(result.budgetAdherenceAfter!.toFixed(4)).toBe("0.9421");
  });

  it("has no forecast accuracy without a T2 forecast", () => {
    expect(result.forecastAccuracy).toBeNull();
  });
});

describe("resultatenhet and earmark", () => {
  it("Tillståndsenheten: deviation 0,1, transfer -0,1 under the 5 % cap of 30,0, fund 1,5 → 1,6", () => {
    expect(result.resultUnits).toHaveLength(1);
    const u = result.resultUnits[0];
    expect(u.name).toBe("Tillståndsenheten");
    expect(u.area).toBe("Övrig verksamhet");
    expect(u.deviation).toBe(a("0.1"));
    expect(u.resultTransfer).toBe(a("-0.1"));
    expect(u.cap).toBe(a("1.5"));
    expect(u.capped).toBe(false);
    expect(u.openingFund).toBe(a("1.5"));
    expect(u.closingFund).toBe(a("1.6"));
  });

  it("Nyanlända: budget 310,0, actual 254,9, deviation 55,1, returned -55,1", () => {
    expect(result.earmarks).toHaveLength(1);
    const e = result.earmarks[0];
    expect(e.name).toBe("Nyanlända");
    expect(e.budget).toBe(a("310.0"));
    expect(e.base).toBe(a("254.9"));
    expect(e.deviation).toBe(a("55.1"));
    expect(e.returnedFunds).toBe(a("-55.1"));
  });
});

describe("findings", () => {
  const subjects = (code: string) => findings.filter((f) => f.code === code).map((f) => f.subject);

  it("COMMENT_REQUIRED for exactly the four uncommented areas with |deviation| ≥ 1,0 mnkr", () => {
    expect(subjects("COMMENT_REQUIRED").sort()).toEqual(
      ["Jour- och rådgivande verksamhet", "Omstrukturering", "Stöd till utomstående organisationer", "Övrig verksamhet"].sort(),
    );
    const stod = findings.find((f) => f.code === "COMMENT_REQUIRED" && f.subject === "Stöd till utomstående organisationer")!;
    expect(findingMessage(stod)).toBe("Avvikelsen -3,2 mnkr kräver en förklaring.");
    expect(stod.severity).toBe("warning");
    expect(stod.sheet).toBe("Drift");
    expect(stod.cell).toMatch(/^A\d+$/);
  });

  it("DEFICIT for the three areas with a negative deviation", () => {
    expect(subjects("DEFICIT").sort()).toEqual(
      ["Insatser mot våld i nära relationer", "Stöd till utomstående organisationer", "Verksamhet för personer med funktionsnedsättning"].sort(),
    );
  });

  it("nothing else", () => {
    expect(findings.filter((f) => f.code !== "COMMENT_REQUIRED" && f.code !== "DEFICIT")).toEqual([]);
  });
});

describe("prognossäkerhet, as the report states it", () => {
  it("an outcome 69,5 mnkr below the T2 forecast on budget 1 297,1 is −5,4 %: not met against ±1 %", () => {
    const table = exampleDrift();
    // One row carrying the published nämnd totals, with the T2 forecast 69,5 above the outcome.
    const row = { ...table.rows[0], path: ["Nämnden"], budget: a("1297.1"), actual: a("1221.6"), previousForecast: a("1291.1"), comment: "x" };
    const { result: r } = computeOperating({ ...table, rows: [row], hasPreviousForecast: true }, "VB", defaultSettings());
    expect(r.forecastAccuracy).toBeCloseTo(-69.5 / 1297.1, 12);
    expect((r.forecastAccuracy! * 100).toFixed(1)).toBe("-5.4");
    expect(r.forecastAccuracyMet).toBe(false);
  });
});
