import { nameSuggestsLowerIsBetter, parseIndicatorTarget, parseTargetText } from "./indicatorTarget";
import { cell } from "./indicators.testkit";

describe("parseTargetText: band targets (+/- x)", () => {
  it.each([
    ["+/- 1 %", 1, true],
    ["±1 %", 1, true],
    ["+/-1", 1, false],
    ["± 0,5 procentenheter", 0.5, true],
    ["+/– 1 %", 1, true], // en dash, as Word and Excel autocorrect it
    ["+/− 2", 2, false], // U+2212
    ["+- 1,5 %", 1.5, true],
    ["-/+ 3", 3, false],
    ["+ / - 1 %", 1, true],
    ["±1 %-enheter", 1, true],
    ["±1 procent", 1, true],
    ["±0", 0, false],
    ["±1 000 st", 1000, false],
    ["  ±\u00a01 %  ", 1, true],
  ])("%s → band, half-width %s", (text, halfWidth, percent) => {
    expect(parseTargetText(text, "higherIsBetter")).toEqual({ kind: "band", value: halfWidth, percent });
  });

  it("is a band whatever the direction", () => {
    expect(parseTargetText("+/- 1 %", "lowerIsBetter")).toEqual({ kind: "band", value: 1, percent: true });
  });
});

describe("parseTargetText: plain numbers follow the direction", () => {
  it("higher is better: atLeast", () => {
    expect(parseTargetText("75 %", "higherIsBetter")).toEqual({ kind: "atLeast", value: 75, percent: true });
    expect(parseTargetText("20 st", "higherIsBetter")).toEqual({ kind: "atLeast", value: 20, percent: false });
    expect(parseTargetText("0,03 %", "higherIsBetter")).toEqual({ kind: "atLeast", value: 0.03, percent: true });
  });

  it("lower is better: atMost", () => {
    expect(parseTargetText("5,5 %", "lowerIsBetter")).toEqual({ kind: "atMost", value: 5.5, percent: true });
    expect(parseTargetText("74", "lowerIsBetter")).toEqual({ kind: "atMost", value: 74, percent: false });
  });
});

describe("parseTargetText: explicit comparisons", () => {
  it.each([
    ["minst 75 %", "atLeast", 75, true],
    ["Minst 75 %", "atLeast", 75, true],
    ["≥ 75", "atLeast", 75, false],
    [">=75", "atLeast", 75, false],
    ["högst 5 %", "atMost", 5, true],
    ["Högst 30 dagar", "atMost", 30, false],
    ["max 5", "atMost", 5, false],
    ["≤ 2,5 %", "atMost", 2.5, true],
  ])("%s → %s %s", (text, kind, value, percent) => {
    expect(parseTargetText(text, "higherIsBetter")).toEqual({ kind, value, percent });
  });
});

describe("parseTargetText: text is not assessable", () => {
  it.each(["Tas fram av nämnden", "tas fram av nämnd/styrelse", "-", "–", "", "Öka", "+/- några procent", "minst hälften", "mindre än 5"])(
    "%s → none",
    (text) => {
      expect(parseTargetText(text, "higherIsBetter")).toEqual({ kind: "none", value: null, percent: false });
    },
  );
});

describe("parseIndicatorTarget: from the reader's cell", () => {
  it("takes a numeric cell as it is", () => {
    expect(parseIndicatorTarget(cell("84 %"), "higherIsBetter")).toEqual({ kind: "atLeast", value: 84, percent: true });
    expect(parseIndicatorTarget(cell("84 %"), "lowerIsBetter")).toEqual({ kind: "atMost", value: 84, percent: true });
  });

  it("reads the band from the text the reader could not parse", () => {
    const c = cell("+/- 1 %");
    expect(c.value).toBeNull();
    expect(parseIndicatorTarget(c, "higherIsBetter")).toEqual({ kind: "band", value: 1, percent: true });
  });

  it("reads a band from the text even when a number came with it", () => {
    expect(parseIndicatorTarget({ value: 1, percent: true, text: "±1 %" }, "higherIsBetter")).toEqual({
      kind: "band",
      value: 1,
      percent: true,
    });
  });

  it("a number without text (a cell holding a plain number) is a target", () => {
    expect(parseIndicatorTarget({ value: 30, percent: false, text: null }, "higherIsBetter")).toEqual({
      kind: "atLeast",
      value: 30,
      percent: false,
    });
  });

  it("empty, dashes and words are none", () => {
    for (const text of [null, "-", "–", "Tas fram av nämnden"]) {
      expect(parseIndicatorTarget(cell(text), "higherIsBetter").kind).toBe("none");
    }
  });
});

describe("nameSuggestsLowerIsBetter", () => {
  it.each([
    "Sjukfrånvaro bland medarbetarna",
    "SJUKFRANVARO",
    "Korttidssjukfrånvaron",
    "Antal vräkningar av barnfamiljer",
    "Vräkning",
    "Andel hushåll med ekonomiskt bistånd",
    "Ekonomiskt Bistand, andel",
    "Genomsnittlig väntetid till placering",
    "Väntetider inom LSS",
    "Kostnad per brukare",
    "Nettokostnaden per invånare",
    "Kostnader för köpta platser",
  ])("%s: yes", (name) => {
    expect(nameSuggestsLowerIsBetter(name)).toBe(true);
  });

  it.each([
    "Andel barn och unga som bedömts ha skyddsbehov och som inte fått vänta på placering",
    "Antal hushåll som fått vräkningsförebyggande stöd",
    "Kostnadstäckningsgrad",
    "Andel brukare som trivs – funktionsnedsättning",
    "Frånvaro av sjukdom", // only the stem counts, not its parts
  ])("%s: no", (name) => {
    expect(nameSuggestsLowerIsBetter(name)).toBe(false);
  });
});
