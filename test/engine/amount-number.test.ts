import { add, amountFromNumber, convertUnit, mul, parseAmount, roundTo, toDecimalString, toNumber } from "../../src/engine/amount";
import { formatSwedish, parseSwedishNumber } from "../../src/engine/swedishNumber";

describe("exact amounts", () => {
  it("adds without binary drift: 0,1 + 0,2 = 0,3", () => {
    expect(toDecimalString(add(amountFromNumber(0.1)!, amountFromNumber(0.2)!))).toBe("0.3");
    expect(amountFromNumber(0.1 + 0.2)).toBe(parseAmount("0.3"));
  });
  it("reads large and small spreadsheet numbers as their displayed decimal", () => {
    expect(toDecimalString(amountFromNumber(60123456789.12)!)).toBe("60123456789.12");
    expect(toDecimalString(amountFromNumber(-0.000001)!)).toBe("-0.000001");
    expect(amountFromNumber(Number.NaN)).toBeNull();
  });
  it("multiplies by a share and converts units exactly", () => {
    expect(toDecimalString(mul(parseAmount("30.0")!, parseAmount("0.05")!))).toBe("1.5");
    expect(toDecimalString(convertUnit(parseAmount("1234.5")!, "tkr", "mnkr"))).toBe("1.2345");
    expect(toDecimalString(convertUnit(parseAmount("1.5")!, "mnkr", "kr"))).toBe("1500000");
  });
  it("rounds half away from zero for display only", () => {
    expect(toNumber(roundTo(parseAmount("2.65")!, 1))).toBe(2.7);
    expect(toNumber(roundTo(parseAmount("-2.65")!, 1))).toBe(-2.7);
  });
});

describe("Swedish numbers", () => {
  const value = (t: string) => {
    const p = parseSwedishNumber(t);
    return p.kind === "number" ? p.decimal : p.kind;
  };
  it.each([
    ["1 297,1", "1297.1"],
    ["1\u00a0297,1", "1297.1"],
    ["1\u202f297,1", "1297.1"],
    ["\u22122,6", "-2.6"],
    ["-2,6", "-2.6"],
    ["(2,6)", "-2.6"],
    ["(1 200)", "-1200"],
    ["75 %", "75"],
    ["20 st", "20"],
    ["1.297,5", "1297.5"],
    ["1297.1", "1297.1"],
    ["+3", "3"],
    ["", "missing"],
    ["-", "missing"],
    ["–", "missing"],
    ["abc", "invalid"],
    ["12,3,4", "invalid"],
  ])("%j → %s", (text, expected) => {
    expect(value(text)).toBe(expected);
  });
  it("marks percentages", () => {
    expect(parseSwedishNumber("86,4 %")).toEqual({ kind: "number", decimal: "86.4", value: 86.4, percent: true });
  });
  it("formats as in the published reports", () => {
    expect(formatSwedish(1297.1, 1)).toBe("1 297,1");
    expect(formatSwedish(-2.6, 1)).toBe("-2,6");
    expect(formatSwedish(12500, 0)).toBe("12 500");
    expect(formatSwedish(-0.04, 1)).toBe("0,0");
  });
});

describe("spreadsheet numbers of every size read as the 15 digits Excel shows", () => {
  it.each([
    [1234567.891, "1234567.891"],
    [60123456789.12, "60123456789.12"],
    [-98765432.1, "-98765432.1"],
    [999999999999999, "999999999999999"],
    [1e20, "100000000000000000000"],
    [1000000, "1000000"],
    [2.5e6 * 0.66, "1650000"],
    [678.66 * 3, "2035.98"],
  ])("%p → %s", (x, text) => {
    expect(toDecimalString(amountFromNumber(x)!)).toBe(text);
    expect(amountFromNumber(x)).toBe(parseAmount(Number(x).toPrecision(15)));
  });
});
