/**
 * Layouts met in practice: title rows, shuffled columns, synonyms, units from headers and titles,
 * tertials, totals and subtotals, headings, continuation rows, blank rows, stacked tables, Excel
 * tables, Följsam's own sheets, costsNegative and mixed units.
 */
import { parseAmount } from "../../engine/amount";
import { detectTables, readWorkbook } from ".";
import { settings, sheet, table, workbook } from "./read.testkit";
import { findingMessage } from "../../i18n/findings";

const a = (text: string) => parseAmount(text);
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);
/** These tables name no unit on purpose: the UNIT_ASSUMED warning (tested in unitAssumed.test.ts) is left out here. */
const notUnit = <T extends { code: string }>(findings: T[]) => findings.filter((f) => f.code !== "UNIT_ASSUMED");

describe("title rows, synonyms and shuffled columns", () => {
  const grid = workbook([
    sheet(
      "Drift",
      table([
        "Socialnämnden | Tertialrapport 1 2020",
        "Driftredovisning, belopp i tkr",
        "Förklaring | Prognos helår | Ansvar | Område | Slutlig budget | Utfall per 30 april",
        "Hög efterfrågan | 11 500 | Enhet A | Barn | 10 000 | 3 900",
        " | 20 000 | Enhet B | Barn | 20 000 | 6 500",
        " | 5 000 | | Vuxna | 5 000 | 1 600",
      ]),
    ),
  ]);

  it("finds the header below the title rows and maps the synonyms", () => {
    const [t] = detectTables(grid, settings());
    expect(t.headerRow).toBe(2);
    expect(t.firstDataRow).toBe(3);
    expect(t.lastDataRow).toBe(5);
    expect(t.title).toBe("Socialnämnden");
    expect(t.columns).toEqual({ comment: 0, forecast: 1, unit: 2, area: 3, budget: 4, actual: 5 });
    expect(t.unit).toBe("tkr");
    expect(t.unitSource).toBe("title");
    expect(t.year).toBe(2020);
    expect(t.periodHint).toBe("T1");
  });

  it("reads T1 from 'Utfall per 30 april' beside 'Prognos helår'", () => {
    const input = readWorkbook(grid, settings());
    expect(input.period).toBe("T1");
    expect(input.year).toBe(2020);
    expect(input.unit).toBe("tkr");
    const rows = input.drift!.rows;
    expect(rows.map((r) => r.path)).toEqual([["Barn", "Enhet A"], ["Barn", "Enhet B"], ["Vuxna"]]);
    expect(rows[0]).toMatchObject({ budget: a("10000"), actual: a("3900"), forecast: a("11500"), forecastProblem: null, comment: "Hög efterfrågan" });
    expect(rows[0].ref).toMatchObject({ row: 4, labelCell: "C4" });
    expect(rows[2].ref.labelCell).toBe("D6");
  });

  it("does not take a partial match: 'Ansvarig chef' is not 'Ansvar'", () => {
    const g = workbook([sheet("Drift", table(["Verksamhetsområde | Ansvarig chef | Budget | Bokslut", "Barn | Eva | 10 | 9"]))]);
    const [t] = detectTables(g, settings());
    expect(t.columns.unit).toBeUndefined();
    expect(t.headers.find((h) => h.text === "Ansvarig chef")!.field).toBeNull();
    expect(readWorkbook(g, settings()).drift!.rows[0].path).toEqual(["Barn"]);
  });

  it("takes a blank or unit-only first header as the area column", () => {
    const g = workbook([sheet("Drift", table(["mnkr | Budget 2019 | Bokslut 2019", "Barn | 88,0 | 82,2", "Vuxna | 10,0 | 9,0"]))]);
    const input = readWorkbook(g, settings());
    expect(input.unit).toBe("mnkr");
    expect(input.period).toBe("VB");
    expect(input.drift!.rows.map((r) => r.path[0])).toEqual(["Barn", "Vuxna"]);
  });
});

describe("units", () => {
  it("reads tkr from a header such as 'Budget (tkr)'", () => {
    const g = workbook([sheet("Drift", table(["Verksamhetsområde | Budget (tkr) | Bokslut 2019", "Barn | 1 200 | 1 100"]))]);
    const [t] = detectTables(g, settings());
    expect([t.unit, t.unitSource]).toEqual(["tkr", "header"]);
  });

  it("defaults to tkr, and a unit setting overrides the headers with a UNIT_MISMATCH warning", () => {
    const plain = workbook([sheet("Drift", table(["Verksamhetsområde | Budget | Bokslut 2019", "Barn | 1 200 | 1 100"]))]);
    expect(detectTables(plain, settings())[0]).toMatchObject({ unit: "tkr", unitSource: "default" });
    const mnkr = workbook([sheet("Drift", table(["Verksamhetsområde, mnkr | Budget | Bokslut 2019", "Barn | 1,2 | 1,1"]))]);
    const input = readWorkbook(mnkr, settings({ unit: "tkr" }));
    expect(input.unit).toBe("tkr");
    expect(input.drift!.rows[0].budget).toBe(a("1.2"));
    expect(input.readFindings).toMatchObject([{ code: "UNIT_MISMATCH", severity: "warning", sheet: "Drift", cell: "A1" }]);
  });

  it("converts a table in another unit to the drift table's, exactly", () => {
    const g = workbook([
      sheet("Drift", table(["Verksamhetsområde, tkr | Budget 2019 | Bokslut 2019", "Barn | 88 000 | 82 200"])),
      sheet("Investeringar", table(["Investeringar, mnkr | Budget 2019 | Bokslut 2019", "Inventarier | 3,0 | 2,8"])),
      sheet("Kostnadsslag", table(["Kostnadsslag, kr | Utfall 2018 | Utfall 2019", "Personal | 659 400 123,45 | 620 700 000"])),
    ]);
    const input = readWorkbook(g, settings());
    expect(input.unit).toBe("tkr");
    expect(input.investments!.unit).toBe("tkr");
    expect(input.investments!.sourceUnit).toBe("mnkr");
    expect(input.investments!.rows[0].budget).toBe(a("3000"));
    expect(input.costTypes!.sourceUnit).toBe("kr");
    expect(input.costTypes!.rows[0].priorYearActual).toBe(a("659400.12345"));
    expect(input.drift!.sourceUnit).toBeUndefined();
  });
});

describe("tertials and forecasts", () => {
  const t2 = ["Verksamhetsområde | Budget 2020 | Utfall hittills | Prognos T1 | Prognos T2", "Barn | 100 | 60 | 98 | 97"];

  it("T2: Prognos T2 is forecast and Prognos T1 previousForecast", () => {
    const input = readWorkbook(workbook([sheet("Drift", table(t2))]), settings());
    expect(input.period).toBe("T2");
    expect(input.drift!.rows[0]).toMatchObject({ actual: a("60"), forecast: a("97"), previousForecast: a("98") });
    expect(input.drift!.hasPreviousForecast).toBe(true);
  });

  it("VB given: any forecast is previousForecast, the T2 one; the headers' T2 is a PERIOD_MISMATCH", () => {
    const input = readWorkbook(workbook([sheet("Drift", table(t2))]), settings({ period: "VB" }));
    expect(input.period).toBe("VB");
    expect(input.drift!.rows[0]).toMatchObject({ forecast: null, previousForecast: a("97") });
    expect(input.drift!.hasForecast).toBe(false);
    // Prognos T1 has no place in a VB: it is named, not dropped silently (DOMAIN.md 7a).
    expect(notUnit(input.readFindings)).toMatchObject([
      { code: "PERIOD_MISMATCH", params: { given: "VB", found: "T2" } },
      { code: "UNRECOGNISED_COLUMN", severity: "info", params: { header: "Prognos T1" } },
    ]);
  });

  it("'Bokslut 2019' with 'Prognos T2' is VB", () => {
    const g = workbook([sheet("Drift", table(["Verksamhetsområde | Budget 2019 | Prognos T2 | Bokslut 2019", "Barn | 100 | 98 | 97"]))]);
    const input = readWorkbook(g, settings());
    expect(input.period).toBe("VB");
    expect(input.drift!.rows[0]).toMatchObject({ actual: a("97"), previousForecast: a("98"), forecast: null });
  });

  it("'Årsprognos' with 'Utfall hittills' is a tertial but not which: an error unless --period is given", () => {
    const g = workbook([sheet("Drift", table(["Område | Budget | Utfall hittills | Årsprognos", "Barn | 100 | 60 | 98"]))]);
    expect(() => readWorkbook(g, settings())).toThrow(/ange --period T1, T2 eller VB/);
    const input = readWorkbook(g, settings({ period: "T2" }));
    expect(input.drift!.rows[0]).toMatchObject({ forecast: a("98"), actual: a("60") });
  });

  it("a title naming the tertial settles it", () => {
    const g = workbook([sheet("Drift", table(["Tertialrapport 2 2020", "Område | Budget | Utfall hittills | Årsprognos", "Barn | 100 | 60 | 98"]))]);
    expect(readWorkbook(g, settings()).period).toBe("T2");
  });

  it("marks empty, invalid and error forecasts for the engine", () => {
    const g = workbook([
      sheet("Drift", [
        ["Verksamhetsområde", "Budget", "Utfall per 31 augusti", "Prognos"],
        ["A", 100, 60, null],
        ["B", 100, 60, "okänd"],
        ["C", 100, 60, { error: "#REF!" }],
        ["D", 100, 60, 95],
        ["E", 100, 60, "–"],
      ]),
    ]);
    const input = readWorkbook(g, settings());
    expect(input.period).toBe("T2");
    expect(input.drift!.rows.map((r) => r.forecastProblem)).toEqual(["empty", "invalid", "error", null, "empty"]);
    expect(codes(notUnit(input.readFindings))).toEqual(["NUMBER_PARSE", "FORMULA_ERROR"]);
  });
});

describe("totals, headings and hierarchy", () => {
  const grid = workbook([
    sheet(
      "Drift",
      table([
        "Verksamhetsområde | Enhet | Budget | Bokslut 2019 | Kommentar",
        "Barn och ungdom | | | | Vakanser",
        " | Enhet A | 10 | 9 |",
        " | Enhet B | 20 | 18 |",
        " | Summa | 30 | 27 |",
        "",
        "Övrig verksamhet | | 50 | 48 |",
        " | Enhet C | 30 | 29 |",
        " | Enhet D | 20 | 19 |",
        "Ledning | | 5 | 5 |",
        "Nämnden totalt | | 85 | 80 |",
        "",
        "Källa: ekonomisystemet",
      ]),
    ),
  ]);
  const input = readWorkbook(grid, settings());
  const drift = input.drift!;

  it("continues an empty area cell and keeps heading rows out of the leaves", () => {
    expect(drift.rows.map((r) => r.path)).toEqual([
      ["Barn och ungdom", "Enhet A"],
      ["Barn och ungdom", "Enhet B"],
      ["Övrig verksamhet", "Enhet C"],
      ["Övrig verksamhet", "Enhet D"],
      ["Ledning"],
    ]);
    expect(drift.headings).toMatchObject([
      { path: ["Barn och ungdom"], comment: "Vakanser", ref: { row: 2 } },
      { path: ["Övrig verksamhet"], comment: null, ref: { row: 7 } },
    ]);
  });

  it("puts totals and subtotals in totalRows, with the area they cover", () => {
    expect(drift.totalRows.map((t) => [t.label, t.scope, t.budget, t.actual, t.ref.row])).toEqual([
      ["Summa Barn och ungdom", "Barn och ungdom", a("30"), a("27"), 5],
      ["Övrig verksamhet", "Övrig verksamhet", a("50"), a("48"), 7],
      ["Nämnden totalt", null, a("85"), a("80"), 11],
    ]);
  });

  it("ends at the last row with amounts: the note below is not a row", () => {
    expect(detectTables(grid, settings())[0].lastDataRow).toBe(10);
    expect(notUnit(input.readFindings)).toEqual([]);
  });

  it("reads a third level (cost type) under a unit, continuing the unit", () => {
    const g = workbook([
      sheet(
        "Drift",
        table([
          "Verksamhetsområde | Enhet | Kostnadsslag | Budget | Utfall",
          "Barn | Enhet A | Personal | 10 | 9",
          " | | Lokaler | 5 | 5",
          " | Enhet B | Personal | 7 | 7",
        ]),
      ),
    ]);
    const rows = readWorkbook(g, settings({ period: "VB" })).drift!.rows;
    expect(rows.map((r) => r.path)).toEqual([
      ["Barn", "Enhet A", "Personal"],
      ["Barn", "Enhet A", "Lokaler"],
      ["Barn", "Enhet B", "Personal"],
    ]);
    expect(rows[1].ref.labelCell).toBe("C3");
  });

  it("reports duplicate leaf rows, naming the other row", () => {
    const g = workbook([sheet("Drift", table(["Verksamhetsområde | Budget | Bokslut 2019", "Barn | 10 | 9", "Vuxna | 5 | 5", "barn | 1 | 1"]))]);
    const input2 = readWorkbook(g, settings());
    expect(input2.drift!.rows).toHaveLength(3);
    expect(notUnit(input2.readFindings)).toMatchObject([
      { code: "DUPLICATE_ROW", severity: "warning", cell: "A4", subject: "barn", params: { otherRow: 2 } },
    ]);
    expect(findingMessage(notUnit(input2.readFindings)[0])).toBe('Raden "barn" förekommer också på rad 2.');
  });

  it("reports a row with amounts but no label, and does not read it", () => {
    const g = workbook([sheet("Drift", table(["Verksamhetsområde | Budget | Bokslut 2019", "Barn | 10 | 9", " | 10 | 9", "Vuxna | 5 | 5"]))]);
    const input2 = readWorkbook(g, settings());
    expect(input2.drift!.rows).toHaveLength(2);
    expect(input2.drift!.totalRows).toEqual([]);
    expect(notUnit(input2.readFindings)).toMatchObject([{ code: "UNLABELLED_ROW", severity: "warning", cell: "B3" }]);
    expect(findingMessage(notUnit(input2.readFindings)[0])).toBe("Raden har värden men ingen benämning (Verksamhetsområde är tom); den läses inte.");
  });

  it("takes a last row with amounts but no label for the sum row, checked and never summed", () => {
    const g = workbook([
      sheet("Drift", table(["Verksamhetsområde | Budget | Bokslut 2019", "Barn | 10 | 9", "Vuxna | 5 | 5", "", " | 15 | 14"])),
      sheet("Investeringar", table(["Projekt | Budget | Bokslut 2019", "Skolgården | 3 | 2", " | 3 | 2"])),
    ]);
    const input2 = readWorkbook(g, settings());
    expect(input2.drift!.rows).toHaveLength(2);
    expect(input2.drift!.totalRows).toMatchObject([{ label: "Summa (rad utan benämning)", budget: a("15"), scope: null, ref: { row: 5 } }]);
    expect(input2.investments!.totalRows).toMatchObject([{ label: "Summa (rad utan benämning)", budget: a("3") }]);
    expect(notUnit(input2.readFindings)).toEqual([]);
  });

  it("joins a comment-only row to the row above", () => {
    const g = workbook([
      sheet(
        "Drift",
        table(["Verksamhetsområde | Budget | Bokslut 2019 | Kommentar", "Barn | 10 | 9 | Första meningen.", " | | | Andra meningen.", "Vuxna | 5 | 5 |"]),
      ),
    ]);
    const rows = readWorkbook(g, settings()).drift!.rows;
    expect(rows.map((r) => r.comment)).toEqual(["Första meningen. Andra meningen.", null]);
  });
});

describe("blank rows and stacked tables", () => {
  const header = ["Verksamhetsområde", "Budget", "Bokslut 2019"];
  const blank = (n: number) => Array.from({ length: n }, () => [] as (string | number | null)[]);

  it("keeps reading across blank separator rows, stops after a long run", () => {
    const rows = [header, ["A", 1, 1], ...blank(3), ["B", 2, 2], ...blank(49), ["C", 3, 3], ...blank(50), ["D", 4, 4]];
    const input = readWorkbook(workbook([sheet("Drift", rows)]), settings());
    expect(input.drift!.rows.map((r) => r.path[0])).toEqual(["A", "B", "C"]);
  });

  it("finds a second table stacked under the first after a blank row and a title", () => {
    const rows = [
      header,
      ["A", 1, 1],
      ["B", 2, 2],
      [],
      ["Investeringar 2019"],
      ["Projekt", "Budget", "Bokslut 2019"],
      ["Skolgården", 3, 2],
    ];
    const g = workbook([sheet("Budget och investeringar", rows)]);
    const tables = detectTables(g, settings());
    expect(tables.map((t) => [t.kind, t.headerRow, t.lastDataRow, t.title])).toEqual([
      ["drift", 0, 2, null],
      ["investments", 5, 6, "Investeringar 2019"],
    ]);
    const input = readWorkbook(g, settings());
    expect(input.drift!.rows).toHaveLength(2);
    expect(input.investments!.rows.map((r) => r.name)).toEqual(["Skolgården"]);
  });
});

describe("sheets", () => {
  it("finds tables by their headers on sheets with other names, in any order", () => {
    const g = workbook([
      sheet("Blad3", table(["Mål | Indikator | Periodens utfall | Årsmål", "Mål 1 | Andel nöjda | 80 % | 75 %"])),
      sheet("Blad1", table(["Projekt | Budget | Bokslut 2019", "Skolgården | 3 | 2"])),
      sheet("Blad2", table(["Verksamhet | Budget 2019 | Utfall 2019", "Barn | 10 | 9"])),
    ]);
    const input = readWorkbook(g, settings());
    expect(input.drift!.sheet).toBe("Blad2");
    expect(input.investments!.sheet).toBe("Blad1");
    expect(input.indicators!.sheet).toBe("Blad3");
    expect(input.costTypes).toBeNull();
  });

  it("never reads Följsam's own sheets", () => {
    const g = workbook([
      sheet("Drift", table(["Verksamhetsområde | Budget | Bokslut 2019", "Fel | 1 | 1"]), { followUp: true }),
      sheet("Budget 2019", table(["Verksamhetsområde | Budget | Bokslut 2019", "Rätt | 2 | 2"])),
    ]);
    const input = readWorkbook(g, settings());
    expect(input.drift!.sheet).toBe("Budget 2019");
    expect(input.drift!.rows.map((r) => r.path[0])).toEqual(["Rätt"]);
  });

  it("reads an Excel table as it is: its first row is the header", () => {
    const rows = [
      ["Anteckningar", null, null, null, null],
      ["Budget | Utfall står här bara som text", null, null, null, null],
      [null, null, null, null, null],
      [null, "Område", "Budget 2019", "Bokslut 2019", null],
      [null, "Barn", 10, 9, "utanför tabellen"],
      [null, "Vuxna", 5, 6, null],
      [null, "Summa", 15, 15, null],
      [null, "Under tabellen", 99, 99, null],
    ];
    const g = workbook([sheet("Ekonomi", rows, { tables: [{ name: "Drifttabell", top: 3, left: 1, bottom: 6, right: 3 }] })]);
    const [t] = detectTables(g, settings());
    expect(t).toMatchObject({ kind: "drift", headerRow: 3, firstDataRow: 4, lastDataRow: 6, excelTable: "Drifttabell" });
    const input = readWorkbook(g, settings());
    expect(input.drift!.rows.map((r) => r.path[0])).toEqual(["Barn", "Vuxna"]);
    expect(input.drift!.rows[0].ref.labelCell).toBe("B5");
    expect(input.drift!.totalRows.map((r) => r.label)).toEqual(["Summa"]);
  });

  it("accepts tables corrected by the user", () => {
    const g = workbook([sheet("Drift", table(["Verksamhetsområde | Kolumn1 | Bokslut 2019", "Barn | 10 | 9"]))]);
    const [t] = detectTables(g, settings());
    expect(t.missing).toEqual(["Budget"]);
    const input = readWorkbook(g, settings(), [{ ...t, columns: { ...t.columns, budget: 1 } }]);
    expect(input.drift!.rows[0]).toMatchObject({ budget: a("10"), actual: a("9") });
  });
});

describe("signs", () => {
  it("costsNegative flips drift, investment and cost-type amounts, not the result fund", () => {
    const g = workbook([
      sheet("Drift", table(["Verksamhetsområde | Resultatenhet | Ingående resultatfond | Bruttobudget | Budget | Bokslut 2019", "Barn | x | 1,5 | -30 | -10 | -9"])),
      sheet("Investeringar", table(["Projekt | Budget | Bokslut 2019", "Skolgården | -3 | -2"])),
      sheet("Kostnadsslag", table(["Kostnadsslag | Utfall 2018 | Utfall 2019", "Personal | -659,4 | -620,7", "Taxor | 48,1 | 47,2"])),
    ]);
    const input = readWorkbook(g, settings({ costsNegative: true }));
    expect(input.drift!.rows[0]).toMatchObject({ budget: a("10"), actual: a("9"), grossBudget: a("30"), openingResultFund: a("1.5"), resultUnit: true });
    expect(input.investments!.rows[0]).toMatchObject({ budget: a("3"), actual: a("2") });
    expect(input.costTypes!.rows.map((r) => r.actual)).toEqual([a("620.7"), a("-47.2")]);
  });
});

describe("cost types and indicators", () => {
  it("keeps Summa intäkter, Summa kostnader and Netto out of the rows; without a Slag column an Intäkter heading, else the sign, gives the kind", () => {
    const g = workbook([
      sheet(
        "Intäkter och kostnader",
        table([
          "Intäkts- och kostnadsslag | Utfall 2018 | Utfall 2019",
          "Intäkter | |",
          "Taxor | -48,1 | -47,2",
          "Summa intäkter | -48,1 | -47,2",
          "Personal | 659,4 | 620,7",
          "Summa kostnader | 659,4 | 620,7",
          "Netto | 611,3 | 573,5",
        ]),
      ),
    ]);
    const ct = readWorkbook(g, settings()).costTypes!;
    expect(ct.rows.map((r) => [r.name, r.kind])).toEqual([
      ["Taxor", "revenue"],
      ["Personal", null],
    ]);
    expect(ct.totalRows.map((r) => [r.label, r.actual])).toEqual([
      ["Summa intäkter", a("-47.2")],
      ["Summa kostnader", a("620.7")],
      ["Netto", a("573.5")],
    ]);
  });

  it("reads Riktning, Tolerans, text targets, KF:s årsmål, a continued goal and the Period column", () => {
    const g = workbook([
      sheet(
        "Nyckeltal",
        table([
          "Nämndmål | Indikator | Period | Periodens utfall | Utfall kvinnor | Utfall män | Årsmål | KF:s årsmål | Riktning | Tolerans | Analys",
          "Mål A | Sjukfrånvaro | VB 2020 | 6,1 % | 7 % | 5 % | 6 % | 6 % | Lägre är bättre | 5 % | Ökning under pandemin",
          " | Väntetid | VB 2020 | 12 dagar | | | Tas fram av nämnden | 10 | ↓ | 0,2 |",
          " | Prognossäkerhet | VB 2020 | -5,4 % | | | +/- 1 % | | högre | |",
          "Mål B | Andel nöjda | VB 2020 | 0,864 | | | | | | 10 |",
        ]),
      ),
    ]);
    const input = readWorkbook(g, settings());
    expect(input.period).toBe("VB");
    expect(input.year).toBe(2020);
    const ind = input.indicators!;
    expect(ind.hasDirectionColumn).toBe(true);
    const [sick, wait, accuracy, happy] = ind.rows;
    expect(sick).toMatchObject({ goal: "Mål A", direction: "lowerIsBetter", tolerance: 0.05, period: "VB 2020", comment: "Ökning under pandemin" });
    expect(sick.actual).toEqual({ value: 6.1, percent: true, text: "6,1 %" });
    expect(wait).toMatchObject({ goal: "Mål A", direction: "lowerIsBetter", tolerance: 0.2 });
    expect(wait.actual).toEqual({ value: 12, percent: false, text: "12 dagar" });
    expect(wait.target).toEqual({ value: null, percent: false, text: "Tas fram av nämnden" });
    expect(wait.kfTarget).toEqual({ value: 10, percent: false, text: "10" });
    expect(accuracy.target).toEqual({ value: null, percent: false, text: "+/- 1 %" });
    expect(accuracy.actual.value).toBe(-5.4);
    expect(accuracy.direction).toBe("higherIsBetter");
    expect(happy).toMatchObject({ goal: "Mål B", direction: null, tolerance: 0.1 });
    expect(happy.actual).toEqual({ value: 0.864, percent: false, text: "0,864" });
  });
});
