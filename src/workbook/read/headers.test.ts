import { parseAmount } from "../../engine/amount";
import { detectTables, readWorkbook } from ".";
import { isSettingsSheetName, matchHeader, sheetKindFromName } from "./headers";
import { isTotalLabel } from "./normalise";
import { settings, sheet, table, workbook } from "./read.testkit";
import { HEADER_SYNONYMS, TABLE_KINDS } from "./synonyms";

const a = (text: string) => parseAmount(text);

describe("sheet names", () => {
  it.each([
    ["Drift", "drift"],
    ["DRIFT ", "drift"],
    ["Driftbudget 2019", "drift"],
    ["Driftuppföljning T2", "drift"],
    ["Driftuppfoljning", "drift"],
    ["Verksamhetsområden", "drift"],
    ["Investeringar", "investments"],
    ["Investeringsprojekt 2020", "investments"],
    ["Kostnadsslag", "costTypes"],
    ["Intäkts- och kostnadsslag", "costTypes"],
    ["Intäkter och kostnader", "costTypes"],
    ["Indikatorer", "indicators"],
    ["KF:s indikatorer", "indicators"],
    ["Nyckeltal", "indicators"],
    ["Måluppfyllelse", "indicators"],
    ["Sammanfattning", null],
    ["Blad1", null],
  ])("%s → %s", (name, kind) => {
    expect(sheetKindFromName(name)).toBe(kind);
  });

  it("knows the settings sheet", () => {
    expect(isSettingsSheetName("Inställningar")).toBe(true);
    expect(isSettingsSheetName("installningar")).toBe(true);
    expect(isSettingsSheetName("Drift")).toBe(false);
  });
});

describe("header matching", () => {
  it("matches every synonym, also with a unit word, a year or other punctuation", () => {
    for (const kind of TABLE_KINDS) {
      for (const [role, synonyms] of Object.entries(HEADER_SYNONYMS[kind])) {
        for (const synonym of synonyms) {
          const text = synonym.endsWith(" *") ? synonym.replace(" *", " 30 april") : synonym;
          expect([kind, text, matchHeader(kind, text)?.role]).toEqual([kind, text, role]);
          expect(matchHeader(kind, `${text.toUpperCase()} (tkr)`)?.role).toBe(role);
          expect(matchHeader(kind, `${text}, mnkr 2019`)?.role).toBe(role);
        }
      }
    }
  });

  it("reports years and units, and refuses partial matches", () => {
    expect(matchHeader("drift", "Bokslut 2018")).toEqual({ role: "actual@books", years: [2018], unit: null });
    expect(matchHeader("drift", "Verksamhetsområde, mnkr")).toEqual({ role: "area", years: [], unit: "mnkr" });
    expect(matchHeader("drift", "Budget i tusentals kronor")?.unit).toBe("tkr");
    expect(matchHeader("drift", "Ansvarig chef")).toBeNull();
    expect(matchHeader("drift", "Budgetansvarig")).toBeNull();
    // A derived column of its own (DOMAIN.md 7a), not the budget.
    expect(matchHeader("drift", "Budgetavvikelse")?.role).toBe("deviation");
    expect(matchHeader("drift", "Prognos T2")?.role).toBe("forecast@T2");
    expect(matchHeader("costTypes", "Slag")?.role).toBe("kind");
    expect(matchHeader("costTypes", "Intäkts- och kostnadsslag, mnkr")?.role).toBe("name");
    expect(matchHeader("indicators", "Utfall män/pojkar")?.role).toBe("actualMen");
    expect(matchHeader("indicators", "Periodens utfall VB 2019")?.role).toBe("priorYearActual");
  });

  it("knows total labels", () => {
    for (const label of ["Nämnden totalt", "Nämnden", "Summa", "Summa Övrig verksamhet", "Totalt", "Total", "Netto", "Summa intäkter", "Summa kostnader", "SUMMA"]) {
      expect([label, isTotalLabel(label)]).toEqual([label, true]);
    }
    for (const label of ["Nettoutfall", "Totalförsvar", "Barn och ungdom", "Övriga intäkter", "Nämndens kansli"]) {
      expect([label, isTotalLabel(label)]).toEqual([label, false]);
    }
  });
});

describe("more columns", () => {
  it("reads Föregående prognos as previousForecast, and Nämnden as a total", () => {
    const g = workbook([
      sheet(
        "Drift",
        table(["Verksamhetsområde | Budget | Utfall t.o.m. augusti | Prognos | Föregående prognos", "Barn | 100 | 60 | 97 | 99", "Nämnden | 100 | 60 | 97 | 99"]),
      ),
    ]);
    const input = readWorkbook(g, settings());
    expect(input.period).toBe("T2");
    expect(input.drift!.rows[0]).toMatchObject({ forecast: a("97"), previousForecast: a("99") });
    expect(input.drift!.totalRows.map((t) => t.label)).toEqual(["Nämnden"]);
  });

  it("reads Flerårig (ja/x/1) and comments of investments", () => {
    const g = workbook([
      sheet(
        "Investeringar",
        table([
          "Investering | Budget | Utfall hittills | Prognos T1 | Flerårig | Kommentar",
          "Skolgården | 10 | 2 | 8 | ja | Försenad",
          "Lekplats | 5 | 1 | 5 | x |",
          "Bilar | 1 | 0 | 1 | 1 |",
          "Datorer | 1 | 0 | 1 | nej |",
          "Fastigheter | | | | |",
          "Total | 17 | 3 | 15 | |",
        ]),
      ),
    ]);
    const inv = readWorkbook(g, settings()).investments!;
    expect(inv.rows.map((r) => [r.name, r.multiYear, r.forecast])).toEqual([
      ["Skolgården", true, a("8")],
      ["Lekplats", true, a("5")],
      ["Bilar", true, a("1")],
      ["Datorer", false, a("1")],
    ]);
    expect(inv.rows[0].comment).toBe("Försenad");
    expect(inv.totalRows.map((r) => r.label)).toEqual(["Total"]);
  });

  it("reads a sheet whose only Excel table is not ours like any other sheet", () => {
    const rows = [
      ["Koder", "Namn", null, null],
      ["1", "Ett", null, null],
      [null, null, null, null],
      ["Verksamhetsområde", "Budget", "Bokslut 2019", null],
      ["Barn", 10, 9, null],
    ];
    const g = workbook([sheet("Drift", rows, { tables: [{ name: "Koder", top: 0, left: 0, bottom: 1, right: 1 }] })]);
    const [t] = detectTables(g, settings());
    expect([t.kind, t.headerRow, t.excelTable]).toEqual(["drift", 3, null]);
  });

  it("takes a goal-only row as the goal of the indicators below it", () => {
    const g = workbook([
      sheet(
        "Indikatorer",
        table(["Mål | Indikator | Utfall | Årsmål", "Mål 1: Trygghet | | |", " | Andel trygga | 80 % | 75 %", " | Andel nöjda | 70 % | 75 %", "Mål 2 | Väntetid | 5 | 4"]),
      ),
    ]);
    const rows = readWorkbook(g, settings()).indicators!.rows;
    expect(rows.map((r) => [r.goal, r.name])).toEqual([
      ["Mål 1: Trygghet", "Andel trygga"],
      ["Mål 1: Trygghet", "Andel nöjda"],
      ["Mål 2", "Väntetid"],
    ]);
  });
});
