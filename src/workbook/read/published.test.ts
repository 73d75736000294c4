/**
 * Tables as municipalities publish them (DOMAIN.md 7a), one describe per rule, each with figures
 * worked by hand from the table in the test. The Socialnämnden tables carry the published figures
 * of VB 2019 (shared/examples); the others are laid out in the styles 7a describes.
 */
import { parseAmount } from "../../engine/amount";
import type { Finding } from "../../engine/types";
import type { CellValue, SheetGrid } from "../cells";
import { findingMessage } from "../../i18n/findings";
import { checkFollowUp } from "../followUp";
import { readWorkbook } from ".";
import { settings, sheet, table, workbook } from "./read.testkit";

const a = (text: string) => parseAmount(text);
const codes = (findings: Finding[]) => findings.map((f) => f.code);
const only = (findings: Finding[], code: string) => findings.filter((f) => f.code === code);
const run = (sheets: SheetGrid[], over: Parameters<typeof settings>[0] = {}) => checkFollowUp(workbook(sheets), settings(over));

/** Socialnämndens driftredovisning VB 2019 as published: per area, with the derived columns. */
const publishedDrift = [
  "Verksamhetsområde, mnkr | Budget 2019 | Bokslut 2019 | Avvikelse | Resultat-överför. | Justering Nyanlända | Justerad avvikelse",
  "Barn och ungdom | 88,0 | 82,2 | 5,8 | | | 5,8",
  "Verksamhet för personer med funktionsnedsättning | 144,8 | 147,4 | -2,6 | | | -2,6",
  "Hemlöshet och missbruk | 272,2 | 259,4 | 12,8 | | | 12,8",
  "Jour- och rådgivande verksamhet | 188,0 | 156,4 | 31,6 | | -31,3 | 0,3",
  "Insatser mot våld i nära relationer | 27,5 | 28,4 | -0,9 | | | -0,9",
  "Strategi och utveckling | 91,1 | 88,7 | 2,4 | | | 2,4",
  "Övrig verksamhet | 203,2 | 178,0 | 25,2 | -0,1 | -23,8 | 1,3",
  "Ledning och administration | 55,8 | 52,8 | 3,0 | | | 3,0",
  "Stöd till utomstående organisationer | 217,4 | 220,6 | -3,2 | | | -3,2",
  "Omstrukturering | 9,0 | 7,9 | 1,1 | | | 1,1",
  "Nämnden totalt | 1 297,1 | 1 221,6 | 75,6 | -0,1 | -55,1 | 20,3",
];

describe("given derived columns: checked, and used where the table lacks their sources", () => {
  const { report, result } = run([sheet("Drift", table(publishedDrift))]);

  it("uses Resultat-överför. and Justering Nyanlända: the adjusted deviation is 20,0, not 75,2", () => {
    const total = result.operating!.total;
    // Σ rows: 1 297,0 − 1 221,8 = 75,2; − 0,1 − 55,1 (31,3 + 23,8) = 20,0 (published 20,3 from unrounded books).
    expect(total.budget).toBe(a("1297.0"));
    expect(total.actual).toBe(a("1221.8"));
    expect(total.deviation).toBe(a("75.2"));
    expect(total.resultTransfer).toBe(a("-0.1"));
    expect(total.returnedFunds).toBe(a("-55.1"));
    expect(total.adjustedDeviation).toBe(a("20.0"));
    expect(report.earmarks).toEqual([expect.objectContaining({ name: "Nyanlända", returnedFunds: -55.1, deviation: 55.1 })]);
    expect(report.resultUnits).toEqual([expect.objectContaining({ name: "Övrig verksamhet", resultTransfer: -0.1 })]);
    const ovrig = report.operating!.areas.find((x) => x.name === "Övrig verksamhet")!;
    expect(ovrig).toMatchObject({ deviation: 25.2, resultTransfer: -0.1, returnedFunds: -23.8, adjustedDeviation: 1.3 });
  });

  it("finds no mismatch where the published figures differ only by rounding", () => {
    // Total row: 75,6 against 75,2 is 0,4 ≤ 3 × 0,05 × 10 rows; 20,3 against 20,0 is 0,3 ≤ 5 × 0,05 × 10.
    expect(only(result.findings, "GIVEN_MISMATCH")).toEqual([]);
    expect(only(result.findings, "SUM_MISMATCH")).toEqual([]);
  });

  it("maps every header: nothing unrecognised", () => {
    expect(only(result.findings, "UNRECOGNISED_COLUMN")).toEqual([]);
    expect(report.tables).toEqual([
      expect.objectContaining({
        sheet: "Drift",
        kind: "operating",
        headerRows: [1],
        unit: "mnkr",
        unitFrom: "header",
        columns: expect.objectContaining({ area: "A", budget: "B", actual: "C", deviation: "D", resultTransfer: "E", "returnedFunds:Nyanlända": "F", adjustedDeviation: "G" }),
        unrecognisedColumns: [],
        status: "read",
        reason: null,
      }),
    ]);
  });

  it("reports a given Avvikelse off by more than rounding (0,15 mnkr: half a unit for it, the budget and the outcome)", () => {
    const at = (deviation: string) => {
      const rows = [...publishedDrift];
      rows[1] = `Barn och ungdom | 88,0 | 82,2 | ${deviation} | | | 5,8`;
      return only(run([sheet("Drift", table(rows))]).result.findings, "GIVEN_MISMATCH");
    };
    expect(at("5,95")).toEqual([]); // 5,95 − 5,8 = 0,15: within rounding
    const off = at("5,96");
    expect(off).toHaveLength(1);
    expect(off[0]).toMatchObject({ severity: "warning", sheet: "Drift", cell: "D2", subject: "Barn och ungdom" });
    expect(findingMessage(off[0])).toBe("Avvikelse: tabellen anger 6,0 mnkr men Följsam räknar 5,8 mnkr (Budget − Utfall; skillnad 0,2 mnkr).");
  });

  it("checks a given transfer where the table has Resultatenhet, instead of using it", () => {
    const t = table([
      "Verksamhetsområde, mnkr | Budget 2019 | Bokslut 2019 | Resultatenhet | Bruttobudget | Resultatöverföring",
      "Tillståndsenheten | 10,0 | 9,0 | ja | 30,0 | -0,5",
      "Övrigt | 20,0 | 20,0 | | |",
    ]);
    const r = run([sheet("Drift", t)]).result;
    // Surplus 1,0, cap 5 % × 30,0 = 1,5: transfer −1,0; the table says −0,5 (off by 0,5 > 0,15).
    expect(r.operating!.total.resultTransfer).toBe(a("-1.0"));
    expect(only(r.findings, "GIVEN_MISMATCH").map((f) => [f.cell, f.params?.stated, f.params?.computed])).toEqual([["F2", "-0,5 mnkr", "-1,0 mnkr"]]);
  });

  it("derives the base from Avvikelse when the table has no outcome column", () => {
    const t = table(["Verksamhetsområde, tkr | Budget 2026 | Avvikelse mot budget", "Skola | 1 000 | 40", "Vård | 500 | -25"]);
    const input = readWorkbook(workbook([sheet("Drift", t)]), settings({ period: "VB" }));
    expect(input.drift!.rows.map((r) => r.actual)).toEqual([a("960"), a("525")]);
  });
});

describe("the name column found by its content", () => {
  it("reads Socialnämndens investments under the header 'Mnkr, netto' (was: the whole run stopped)", () => {
    const investments = table([
      "Mnkr, netto | Budget 2019 | Bokslut 2019 | Prognos T2 | Avvikelse | Avvikelse prognos T2/2019",
      "Inventarier och maskiner | 3,0 | 2,8 | 2,0 | 0,2 | -0,8",
      "Klimatinvesteringar | 5,0 | 4,9 | 5,0 | 0,1 | 0,1",
      "Bilar med finansiell leasing | 0,0 | 4,8 | 0,0 | -4,8 | -4,8",
      "Summa | 8,0 | 12,5 | 7,0 | -4,5 | -5,5",
    ]);
    const { report, result } = run([sheet("Drift", table(publishedDrift)), sheet("Investeringar", investments)]);
    expect(report.investments!.rows.map((r) => [r.name, r.deviation, r.deviationVsForecast])).toEqual([
      ["Inventarier och maskiner", 0.2, -0.8],
      ["Klimatinvesteringar", 0.1, 0.1],
      ["Bilar med finansiell leasing", -4.8, -4.8],
    ]);
    expect(report.investments!.total).toMatchObject({ budget: 8, actual: 12.5, deviation: -4.5, deviationVsForecast: -5.5 });
    expect(report.tables.find((t) => t.sheet === "Investeringar")).toMatchObject({ unit: "mnkr", unitFrom: "header", columns: { name: "A" } });
    expect(only(result.findings, "TABLE_UNREADABLE")).toEqual([]);
    // The given Avvikelse columns agree with the published figures: checked, no mismatch.
    expect(report.tables.find((t) => t.sheet === "Investeringar")!.columns).toMatchObject({ deviation: "E", deviationVsForecast: "F" });
    expect(only(result.findings, "GIVEN_MISMATCH")).toEqual([]);
    const wrong = investments.map((row) => (row[0] === "Klimatinvesteringar" ? [...row.slice(0, 5), "1,1"] : row));
    const m = only(run([sheet("Drift", table(publishedDrift)), sheet("Investeringar", wrong)]).result.findings, "GIVEN_MISMATCH");
    expect(m.map((f) => [f.cell, f.params?.stated, f.params?.computed])).toEqual([["F3", "1,1 mnkr", "0,1 mnkr"]]);
  });

  it("takes an empty or '(mnkr)' header over text, and 'Belopp i tkr' as the unit", () => {
    const empty = readWorkbook(workbook([sheet("Drift", [[null, "Budget 2024", "Bokslut 2024"], ["Skola", 10, 9], ["Vård", 5, 5]])]), settings());
    expect(empty.drift!.rows.map((r) => r.path)).toEqual([["Skola"], ["Vård"]]);
    const tkr = readWorkbook(workbook([sheet("Blad1", table(["Belopp i tkr | Budget 2024 | Bokslut 2024", "Skola | 10 | 9", "Vård | 5 | 5"]))]), settings());
    expect(tkr.unit).toBe("tkr");
    expect(tkr.tables![0].unitFrom).toBe("header");
    expect(tkr.drift!.rows).toHaveLength(2);
  });

  it("needs text in more than half of the data rows (boundary: two of four is not enough)", () => {
    const grid = (names: (string | number)[]) =>
      workbook([sheet("Drift", [["Mnkr, netto", "Budget 2024", "Bokslut 2024"], ...names.map((n, i): CellValue[] => [n, 10 + i, 9])])]);
    // Three of four: column A is the name column (and the row named 4 is read as such).
    expect(readWorkbook(grid(["Skola", "Vård", "Kultur", 4]), settings()).drift!.rows.map((r) => r.path[0])).toEqual(["Skola", "Vård", "Kultur", "4"]);
    expect(() => readWorkbook(grid(["Skola", "Vård", 3, 4]), settings())).toThrow(/kolumnen Verksamhetsområde saknas/);
  });
});

describe("vocabulary: Kommunbidrag, Nettokostnad, Utfall jan–aug, Prognos aug, Bedömt utfall helår", () => {
  it("reads a T2 table in another municipality's words", () => {
    const t = table([
      "Driftredovisning, tkr",
      "Nämnd | Kommunbidrag 2026 | Utfall jan–aug 2026 | Prognos aug | Avvikelse",
      "Förskola | 12 000 | 8 300 | 12 400 | -400",
      "Grundskola | 20 000 | 13 100 | 19 800 | 200",
    ]);
    const input = readWorkbook(workbook([sheet("Drift", t)]), settings());
    expect(input.period).toBe("T2"); // "aug" in the to-date header
    expect(input.year).toBe(2026);
    expect(input.drift!.rows.map((r) => [r.budget, r.actual, r.forecast])).toEqual([
      [a("12000"), a("8300"), a("12400")],
      [a("20000"), a("13100"), a("19800")],
    ]);
    expect(input.sources!.period).toMatchObject({ from: "header", text: "Utfall jan–aug 2026" });
  });

  it("takes Bedömt utfall helår as the forecast and Nettokostnad as the outcome", () => {
    const t = table(["Verksamhet | Budgetram | Nettokostnad t.o.m. april | Bedömt utfall helår", "Kultur | 3 000 | 950 | 3 100"]);
    const input = readWorkbook(workbook([sheet("Blad1", t)]), settings());
    expect(input.period).toBe("T1");
    expect(input.drift!.rows[0]).toMatchObject({ budget: a("3000"), actual: a("950"), forecast: a("3100") });
  });

  it("joins a word broken at a hyphen and a line break in a header cell", () => {
    const input = readWorkbook(workbook([sheet("Drift", [["Verksamhet", "Kommun-\nbidrag", "Netto-\nkostnad\n2023"], ["Kultur", 3, 2.5]])]), settings({ period: "VB" }));
    expect(input.tables![0].columns).toMatchObject({ area: "A", budget: "B", actual: "C" });
  });
});

describe("headers over two rows", () => {
  const rows: CellValue[][] = [
    ["Verksamhet", "Budget", "Utfall", "Prognos", null],
    [null, 2026, "per 31 aug", "T1", "T2"],
    ["Förskola", 100, 60, 98, 97],
    ["Skola", 200, 130, 201, 203],
  ];

  it("joins 'Prognos' merged above 'T1 | T2' and 'Utfall' above 'per 31 aug': a T2, not a VB", () => {
    const input = readWorkbook(workbook([sheet("Drift", rows, { merges: [{ top: 0, left: 3, bottom: 0, right: 4, name: "" }] })]), settings());
    expect(input.period).toBe("T2");
    expect(input.year).toBe(2026);
    expect(input.drift!.rows[0]).toMatchObject({ budget: a("100"), actual: a("60"), forecast: a("97"), previousForecast: a("98") });
    expect(input.tables![0].headerRows).toEqual([1, 2]);
  });

  it("reads the same without merge information: 'T2' takes the 'Prognos' to its left", () => {
    const input = readWorkbook(workbook([sheet("Drift", rows)]), settings());
    expect(input.period).toBe("T2");
    expect(input.drift!.rows[1]).toMatchObject({ forecast: a("203"), previousForecast: a("201") });
  });

  it("does not join a first data row of text (a heading row) to the header", () => {
    const t = table(["Verksamhetsområde | Budget 2026 | Bokslut 2026", "Äldreomsorg | |", "Hemtjänst | 10 | 9"]);
    const input = readWorkbook(workbook([sheet("Drift", t)]), settings());
    expect(input.tables![0].headerRows).toEqual([1]);
    expect(input.drift!.rows.find((r) => r.path[0] === "Hemtjänst")).toMatchObject({ budget: a("10"), actual: a("9") });
  });
});

describe("two columns of a kind that differ by a year", () => {
  it("maps the earlier year's Budget and Avvikelse to the prior year, and does not check them", () => {
    const t = table([
      "Verksamhetsområde, mnkr | Budget 2017 | Budget 2018 | Bokslut 2018 | Avvikelse 2017 | Avvikelse",
      "Skola | 95,0 | 100,0 | 97,0 | 9,9 | 3,0",
    ]);
    const { report, result } = run([sheet("Drift", t)]);
    expect(report.year).toBe(2018);
    expect(report.operating!.total).toMatchObject({ budget: 100, actual: 97, deviation: 3 });
    expect(report.tables[0].columns).toMatchObject({ priorYearBudget: "B", budget: "C", priorYearDeviation: "E", deviation: "F" });
    expect(only(result.findings, "GIVEN_MISMATCH")).toEqual([]);
    expect(only(result.findings, "UNRECOGNISED_COLUMN")).toEqual([]);
  });
});

describe("signs per column", () => {
  const signed = table([
    "Bokslut 2023",
    "(mnkr) | Kommunbidrag | Nettokostnad | Resultat",
    "Förskola | 120,0 | -118,5 | 1,5",
    "Grundskola | 300,0 | -305,0 | -5,0",
    "Kultur | 40,0 | -39,0 | 1,0",
    "Summa | 460,0 | -462,5 | -2,5",
  ]);

  it("flips the negative net cost when budget and outcome have opposite signs in most rows, and says so", () => {
    const { report, result } = run([sheet("Drift", signed)]);
    expect(report.period).toBe("VB");
    expect(report.operating!.total).toMatchObject({ budget: 460, actual: 462.5, deviation: -2.5 });
    expect(report.operating!.areas.map((x) => x.deviation)).toEqual([1.5, -5, 1]);
    const s = only(result.findings, "SIGNS_NORMALISED");
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ severity: "info", cell: "C2" });
    expect(findingMessage(s[0])).toBe('Kolumnen "Nettokostnad" har motsatt tecken mot "Kommunbidrag" på 4 av 4 rader; den läses med omvänt tecken (nettokostnad positiv).');
    expect(codes(result.findings)).not.toContain("SUM_MISMATCH");
    expect(codes(result.findings)).not.toContain("GIVEN_MISMATCH");
  });

  it("needs more than half of the rows (boundary: two of four keeps the signs)", () => {
    const t = table(["Verksamhet | Budget 2023 | Bokslut 2023", "A | 10 | -9", "B | 10 | -9", "C | 10 | 9", "D | 10 | 9"]);
    expect(only(readWorkbook(workbook([sheet("Drift", t)]), settings()).readFindings, "SIGNS_NORMALISED")).toEqual([]);
    const t3 = table(["Verksamhet | Budget 2023 | Bokslut 2023", "A | 10 | -9", "B | 10 | -9", "C | 10 | -9", "D | 10 | 9"]);
    const input = readWorkbook(workbook([sheet("Drift", t3)]), settings());
    expect(input.drift!.rows.map((r) => r.actual)).toEqual([a("9"), a("9"), a("9"), a("-9")]);
  });

  it("obeys the signs setting either way", () => {
    const kept = readWorkbook(workbook([sheet("Drift", signed)]), settings({ signs: { actual: "keep" } }));
    expect(kept.drift!.rows[0].actual).toBe(a("-118.5"));
    expect(only(kept.readFindings, "SIGNS_NORMALISED")).toEqual([]);
    const plain = table(["Verksamhet | Budget 2023 | Bokslut 2023", "A | 10 | 9"]);
    const forced = readWorkbook(workbook([sheet("Drift", plain)]), settings({ signs: { actual: "flip" } }));
    expect(forced.drift!.rows[0].actual).toBe(a("-9"));
    expect(findingMessage(only(forced.readFindings, "SIGNS_NORMALISED")[0])).toBe('Kolumnen "Bokslut 2023" läses med omvänt tecken enligt inställningen signs.');
  });
});

describe("subtotals in the list", () => {
  const city = [
    "Nämnd/verksamhet, mnkr | Budget 2023 | Bokslut 2023",
    "Utbildningsnämnden | 500,0 | 490,0",
    "Förskola | 200,0 | 195,0",
    "Grundskola | 300,0 | 295,0",
    "Socialnämnden | 150,0 | 160,0",
    "Individ och familj | 90,0 | 100,0",
    "Äldreomsorg | 60,0 | 60,0",
    "Summa | 650,0 | 650,0",
  ];

  it("does not count a nämnd and its verksamheter twice (the sum rule), and says which rows it took as headings", () => {
    const { report, result } = run([sheet("Drift", table(city))]);
    // 200 + 300 + 90 + 60 = 650, not 1 300.
    expect(report.operating!.total).toMatchObject({ budget: 650, actual: 650, deviation: 0 });
    expect(report.operating!.areas.map((x) => [x.name, x.budget, x.actual])).toEqual([
      ["Utbildningsnämnden", 500, 490],
      ["Socialnämnden", 150, 160],
    ]);
    expect(only(result.findings, "HEADING_ROWS").map((f) => [f.subject, f.params?.count])).toEqual([
      ["Utbildningsnämnden", 2],
      ["Socialnämnden", 2],
    ]);
    expect(only(result.findings, "SUM_MISMATCH")).toEqual([]);
  });

  it("needs at least two rows under a heading, summing within rounding (boundary: 0,1 over two rows)", () => {
    const single = table(["Verksamhet, mnkr | Budget 2023 | Bokslut 2023", "A | 100,0 | 90,0", "B | 100,0 | 90,0", "C | 50,0 | 40,0"]);
    expect(run([sheet("Drift", single)]).report.operating!.total.budget).toBe(250);
    const within = [...city];
    within[1] = "Utbildningsnämnden | 500,1 | 490,0"; // 500,1 − 500,0 = 0,1 = 2 × 0,05
    expect(run([sheet("Drift", table(within))]).report.operating!.total.budget).toBe(650);
    const beyond = [...city];
    beyond[1] = "Utbildningsnämnden | 500,2 | 490,0";
    // No longer a heading: a leaf row of its own, and the Summa row says the sum is wrong.
    const r = run([sheet("Drift", table(beyond))]);
    expect(r.report.operating!.total.budget).toBe(1150.2);
    expect(codes(r.result.findings)).toContain("SUM_MISMATCH");
  });

  it("takes indentation as the level where the file has it, and checks the heading like a total row", () => {
    const rows = table(city.map((l) => l.replace("500,0 | 490,0", "510,0 | 490,0")));
    const cellStyles = new Map([
      ["A3", { indent: 1 }],
      ["A4", { indent: 1 }],
      ["A6", { indent: 1 }],
      ["A7", { indent: 1 }],
    ]);
    const r = run([sheet("Drift", rows, { cellStyles })]);
    expect(r.report.operating!.total.budget).toBe(650);
    // 510 ≠ 200 + 300: still a heading (by indentation), and its figure is checked.
    expect(only(r.result.findings, "SUM_MISMATCH").map((f) => [f.cell, f.subject])).toEqual([["B2", "Utbildningsnämnden"]]);
    expect(only(r.result.findings, "HEADING_ROWS")).toEqual([]);
  });

  it("takes bold rows as headings over the plain rows below them", () => {
    const cellStyles = new Map([
      ["A2", { bold: true }],
      ["A5", { bold: true }],
      ["A8", { bold: true }],
    ]);
    const r = run([sheet("Drift", table(city), { cellStyles })]);
    expect(r.report.operating!.areas.map((x) => x.name)).toEqual(["Utbildningsnämnden", "Socialnämnden"]);
    expect(r.report.operating!.total.budget).toBe(650);
  });
});

describe("cost-type totals are scoped", () => {
  const published = table([
    "Intäkts- och kostnadsslag, mnkr | Utfall 2018 | Utfall 2019",
    "Taxor och avgifter | -48,1 | -47,2",
    "Hyresintäkter | -54,5 | -54,6",
    "Bidrag, ersättningar | -107,0 | -59,3",
    "Försäljning | -289,8 | -252,8",
    "Övriga intäkter | -9,1 | -7,6",
    "Summa intäkter | -508,5 | -421,5",
    "Personalkostnader | 659,4 | 620,7",
    "Lokalkostnader | 204,9 | 211,5",
    "Lämnade bidrag | 377,3 | 412,3",
    "Entreprenad, köp av verksamhet, konsulter | 279,7 | 247,3",
    "Övriga kostnader | 152,4 | 151,2",
    "Summa kostnader | 1 673,7 | 1 643,0",
    "Netto | 1 165,2 | 1 221,5",
  ]);

  it("checks Summa intäkter against the revenues, Summa kostnader against the costs, Netto against all: no false SUM_MISMATCH", () => {
    const { report, result } = run([sheet("Kostnadsslag", published)]);
    expect(only(result.findings, "SUM_MISMATCH")).toEqual([]);
    expect(report.costTypes!.totals.revenues).toMatchObject({ priorYearActual: -508.5, actual: -421.5, change: -87 });
    expect(report.costTypes!.totals.costs).toMatchObject({ priorYearActual: 1673.7, actual: 1643, change: -30.7 });
    expect(report.costTypes!.totals.net).toMatchObject({ priorYearActual: 1165.2, actual: 1221.5, change: 56.3 });
  });

  it("still reports a scoped total that is wrong, with its own scope's sum", () => {
    const wrong = published.map((row) => (row[0] === "Summa intäkter" ? ["Summa intäkter", "-508,5", "-420,0"] : row));
    const m = only(run([sheet("Kostnadsslag", wrong)]).result.findings, "SUM_MISMATCH");
    expect(m.map((f) => [f.subject, f.params?.stated, f.params?.computed])).toEqual([["Summa intäkter", "-420,0 mnkr", "-421,5 mnkr"]]);
  });

  it("reads revenues printed positive under an Intäkter heading with the net-cost sign", () => {
    const gross = table([
      "Kostnadsslag, tkr | Utfall 2022 | Utfall 2023",
      "Intäkter | |",
      "Avgifter | 100 | 110",
      "Bidrag | 50 | 40",
      "Summa intäkter | 150 | 150",
      "Kostnader | |",
      "Personal | 900 | 950",
      "Summa kostnader | 900 | 950",
      "Netto | 750 | 800",
    ]);
    const { report, result } = run([sheet("Kostnadsslag", gross)]);
    expect(report.costTypes!.rows.map((r) => [r.name, r.kind, r.actual])).toEqual([
      ["Avgifter", "revenue", -110],
      ["Bidrag", "revenue", -40],
      ["Personal", "cost", 950],
    ]);
    expect(report.costTypes!.totals.net.actual).toBe(800);
    expect(codes(result.findings)).toContain("SIGNS_NORMALISED");
    expect(only(result.findings, "SUM_MISMATCH")).toEqual([]);
  });
});

describe("nothing is ignored silently", () => {
  it("names every header that is not read, and every unnamed column that holds data", () => {
    const t = [
      ["Verksamhetsområde, tkr", "Budget 2026", "Bokslut 2026", "Ansvarig", null, "Prognos okt", "Prognos T2"],
      ["Skola", 10, 9, "Eva", 3, 9.5, 9.6],
    ];
    const { report, result } = run([sheet("Drift", t)]);
    // VB: Prognos T2 is the previous forecast; Prognos okt has no place and is named.
    expect(report.tables[0].columns).toMatchObject({ previousForecast: "G" });
    expect(report.tables[0].unrecognisedColumns).toEqual([
      { column: "D", header: "Ansvarig" },
      { column: "E", header: "" },
      { column: "F", header: "Prognos okt" },
    ]);
    expect(only(result.findings, "UNRECOGNISED_COLUMN").map((f) => [f.cell, findingMessage(f)])).toEqual([
      ["D1", 'Kolumnen "Ansvarig" (D) känns inte igen och läses inte.'],
      ["E1", "Kolumn E har värden men ingen rubrik och läses inte."],
      ["F1", 'Kolumnen "Prognos okt" (F) läses inte: den liknar Prognos, men en annan kolumn används för det eller perioden behöver den inte.'],
    ]);
  });

  it("reports a table that cannot be read and computes the rest (a partial report)", () => {
    const { report, result } = run([
      sheet("Drift", table(publishedDrift)),
      sheet("Investeringar", table(["Investering | Utfall 2019", "Bilar | 4,8"])),
      sheet("Huvudbok", table(["Konto | Ansvar | Belopp | Datum", "4010 | 110 | 1 200 | 2019-03-01"])),
    ]);
    expect(report.operating!.total.adjustedDeviation).toBe(20);
    const u = only(result.findings, "TABLE_UNREADABLE");
    expect(u).toHaveLength(1);
    expect(u[0]).toMatchObject({ severity: "error", sheet: "Investeringar", cell: "A1" });
    expect(findingMessage(u[0])).toBe(
      "Tabellen (investeringar) på bladet \"Investeringar\" med rubrikraden på rad 1 kan inte läsas: kolumnen Budget saknas. Resten av arbetsboken redovisas.",
    );
    expect(report.tables.map((t) => [t.sheet, t.status])).toEqual([
      ["Drift", "read"],
      ["Investeringar", "unreadable"],
    ]);
    expect(report.tables[1].reason).toBe("kolumnen Budget saknas (rubrikraden är rad 1)");
    expect(report.investments).toBeNull();
  });

  it("names a sheet called Drift that has no header row, and leaves a ledger alone", () => {
    const { result } = run([
      sheet("Drift", table(["Anteckningar om året", "Inget att se här"])),
      sheet("Indikatorer", table(["Indikator | Periodens utfall | Årsmål", "Andel nöjda | 90 % | 85 %"])),
    ]);
    expect(only(result.findings, "TABLE_UNREADABLE").map((f) => [f.sheet, findingMessage(f)])).toEqual([
      ["Drift", 'Bladet "Drift" ser ut att vara driftbudget men har ingen rubrikrad som känns igen; det läses inte. Resten av arbetsboken redovisas.'],
    ]);
  });

  it("stops only when no table at all can be read", () => {
    expect(() => readWorkbook(workbook([sheet("Investeringar", table(["Investering | Utfall 2019", "Bilar | 4,8"]))]), settings())).toThrow(
      /blad "Investeringar": kolumnen Budget saknas/,
    );
  });

  it("does not guess the period of a table of only Budget and Utfall", () => {
    expect(() => readWorkbook(workbook([sheet("Drift", table(["Verksamhet | Budget | Utfall", "Skola | 10 | 9"]))]), settings())).toThrow(
      /Kan inte avgöra perioden.*--period T1, T2 eller VB/,
    );
  });
});

describe("more published layouts", () => {
  it("reads a gross table with 'Budget 2019' and 'Bokslut 2019' merged over Kostnader | Intäkter | Netto, using the net", () => {
    const rows: CellValue[][] = [
      ["Verksamhetsområde, mnkr", "Budget 2019", null, null, "Bokslut 2019", null, null, "Avvikelse"],
      [null, "Kostnader", "Intäkter", "Netto", "Kostnader", "Intäkter", "Netto", "netto"],
      ["Äldreomsorg", 520.0, -20.0, 500.0, 530.0, -25.0, 505.0, -5.0],
      ["Individ och familj", 210.0, -10.0, 200.0, 200.0, -12.0, 188.0, 12.0],
    ];
    const merges = [
      { name: "", top: 0, left: 1, bottom: 0, right: 3 },
      { name: "", top: 0, left: 4, bottom: 0, right: 6 },
    ];
    const { report, result } = run([sheet("Drift", rows, { merges })]);
    expect(report.tables[0].columns).toMatchObject({ area: "A", budget: "D", actual: "G", deviation: "H" });
    expect(report.operating!.total).toMatchObject({ budget: 700, actual: 693, deviation: 7 });
    // The gross columns are named, not read.
    expect(only(result.findings, "UNRECOGNISED_COLUMN").map((f) => f.params?.header)).toEqual([
      "Budget 2019 Kostnader",
      "Budget 2019 Intäkter",
      "Bokslut 2019 Kostnader",
      "Bokslut 2019 Intäkter",
    ]);
    expect(only(result.findings, "GIVEN_MISMATCH")).toEqual([]);
    // Without merge information (the texts written once, over the first column of each group).
    const plain = run([sheet("Drift", rows)]).report;
    expect(plain.tables[0].columns).toMatchObject({ budget: "D", actual: "G" });
    expect(plain.operating!.total).toMatchObject({ budget: 700, actual: 693 });
  });

  it("takes a first header that reads as an amount ('Nettokostnader, mnkr') over a column of names as the name column", () => {
    const t = table(["Nettokostnader, mnkr | Budget 2023 | Utfall 2023 | Avvikelse | Avvikelse %", "Kultur | 40,0 | 39,0 | 1,0 | 2,5 %", "Fritid | 60,0 | 61,5 | -1,5 | -2,5 %"]);
    const { report, result } = run([sheet("Drift", t)], { period: "VB" });
    expect(report.unit).toBe("mnkr");
    expect(report.tables[0].columns).toMatchObject({ area: "A", budget: "B", actual: "C", deviation: "D", deviationPct: "E" });
    expect(report.operating!.total).toMatchObject({ budget: 100, actual: 100.5, deviation: -0.5 });
    expect(only(result.findings, "UNRECOGNISED_COLUMN")).toEqual([]);
  });

  it("reads an indicator table over two years: the later year is the report's", () => {
    const t = table([
      "Indikator | Utfall 2022 | Målvärde 2022 | Utfall 2023 | Målvärde 2023",
      "Andel nöjda brukare | 80 % | 85 % | 88 % | 90 %",
      "Sjukfrånvaro | 8,1 % | 7 % | 6,9 % | 7 %",
    ]);
    const { report } = run([sheet("Indikatorer", t)]);
    expect(report.tables[0].columns).toMatchObject({ priorYearActual: "B", priorYearTarget: "C", actual: "D", target: "E" });
    // 88 against 90: within 10 %, partial; Sjukfrånvaro 6,9 ≤ 7 (lower is better): full.
    expect(report.indicators!.rows.map((r) => [r.name, r.value, r.target, r.status])).toEqual([
      ["Andel nöjda brukare", 88, 90, "partial"],
      ["Sjukfrånvaro", 6.9, 7, "full"],
    ]);
  });
});

describe("a published Måluppfyllelse column is checked", () => {
  it("says where the table's assessment differs from the rule's, and is quiet where it agrees", () => {
    const t = table([
      "Indikator | Periodens utfall | Årsmål | Måluppfyllelse | Kommentar",
      "Andel nöjda brukare | 88 % | 90 % | Delvis uppnått | Nära målet.",
      "Andel i arbete | 60 % | 75 % | Helt uppnått | Svag arbetsmarknad.",
    ]);
    const { result } = run([sheet("Indikatorer", t)]);
    const g = only(result.findings, "GIVEN_MISMATCH");
    // 60 < 75 × 0,9 = 67,5: not met, although the table says fully.
    expect(g.map((f) => [f.cell, f.subject])).toEqual([["D3", "Andel i arbete"]]);
    expect(findingMessage(g[0])).toBe('Måluppfyllelse: tabellen anger "Helt uppnått" men Följsam bedömer Ej (utfall 60 % mot årsmål 75 %).');
    expect(only(result.findings, "UNRECOGNISED_COLUMN")).toEqual([]);
  });
});
