/**
 * Templates end to end, as staff use them: `foljsam template` → filled in as a person would (values
 * typed into unlocked input cells only) → `foljsam validate` → `foljsam report`, for T1, T2 and VB,
 * with figures computed by hand; and a filled template with the typical mistakes gives exactly
 * the expected findings, with their cells.
 */
import ExcelJS from "exceljs";
import { existsSync, readdirSync } from "fs";
import { join } from "path";
import { foljsam, tempDir } from "../helpers/cli";
import { fillTemplate, type TemplateFill } from "../helpers/template";

interface JsonFinding {
  severity: string;
  code: string;
  sheet: string;
  cell: string | null;
  subject: string | null;
}

function makeTemplate(dir: string, period: string, extra: string[] = []): string {
  const r = foljsam(["template", "--period", period, "--year", "2026", "-o", "mall.xlsx", ...extra], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return join(dir, "mall.xlsx");
}

function findingsOf(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout).findings as JsonFinding[]).map(({ severity, code, sheet, cell, subject }) => ({ severity, code, sheet, cell, subject }));
}

/** validate, then report: both read the filled template as it is. */
function check(dir: string, file: string) {
  const v = foljsam(["validate", file, "--json", "-"], dir);
  const r = foljsam(["report", file, "-o", "ut.xlsx", "--json", "-"], dir);
  expect(r.code).toBe(0);
  return { v, validateJson: JSON.parse(v.stdout), json: JSON.parse(r.stdout) };
}

describe("foljsam template", () => {
  it("writes a template without Följsam's follow-up mark, which validate reads as a blank form", async () => {
    const dir = tempDir();
    const r = foljsam(["template", "--period", "T2", "--year", "2026", "-o", "blank.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Skrev blank.xlsx: mall för tertialrapport 2 2026, belopp i tkr.");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "blank.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Instruktioner", "Drift", "Investeringar", "Intäkts- och kostnadsslag", "Indikatorer", "Inställningar"]);
    const names: string[] = [];
    wb.definedNames.forEach((name) => names.push(name));
    expect(names.filter((n) => n.toUpperCase().startsWith("FOLJSAM_SHEET_"))).toEqual([]);
    const v = foljsam(["validate", "blank.xlsx", "--json", "-"], dir);
    expect(v.code).toBe(0);
    // The only remark on a blank form: the nämnd has no name yet.
    expect(findingsOf(v.stdout)).toEqual([{ severity: "warning", code: "UNIT_NAME_MISSING", sheet: "Inställningar", cell: "B4", subject: null }]);
  });

  it("takes --unit for the amounts and refuses what it cannot do, with exit 2 and one line", () => {
    const dir = tempDir();
    expect(foljsam(["template", "--period", "VB", "--year", "2026", "--unit", "mnkr", "-o", "m.xlsx"], dir).stdout).toContain("belopp i mnkr");
    for (const args of [
      ["template", "--period", "T3", "-o", "x.xlsx"],
      ["template", "--period", "T1"],
      ["template", "--period", "T1", "-o", "x.csv"],
      ["template", "indata.xlsx", "-o", "x.xlsx"],
      ["template", "--period", "T1", "--json", "-", "-o", "x.xlsx"],
    ]) {
      const r = foljsam(args, dir);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^foljsam: /);
    }
    expect(readdirSync(dir)).toEqual(["m.xlsx"]);
  });
});

describe("a filled template: validate and report", () => {
  it("T1 in tkr: validate passes and report gives the hand-computed figures", async () => {
    const dir = tempDir();
    const file = makeTemplate(dir, "T1");
    const fill: TemplateFill = {
      settings: { Nämnd: "Kulturnämnden" },
      sheets: {
        // Run rates (actual × 12 / 4) equal the forecasts, so no RUN_RATE.
        Drift: [
          { Verksamhetsområde: "Bibliotek", "Bokslut 2025": 118000, "Budget 2026": 120000, "Utfall per 30 april": 40000, "Prognos helår": 120000 },
          { Verksamhetsområde: "Kulturskola", "Bokslut 2025": 44000, "Budget 2026": 45000, "Utfall per 30 april": 15500, "Prognos helår": 46500, Kommentar: "Fler elever än planerat." },
          {
            Verksamhetsområde: "Administration",
            "Bokslut 2025": 9500,
            "Budget 2026": 10000,
            "Utfall per 30 april": 3200,
            "Prognos helår": 9600,
            Resultatenhet: "ja",
            "Ingående resultatfond": 500,
            Bruttobudget: 12000,
          },
        ],
        Investeringar: [{ Investering: "Inventarier", "Budget 2026": 2000, "Utfall per 30 april": 500, "Prognos helår": 1800 }],
        "Intäkts- och kostnadsslag": [
          { "Intäkts- och kostnadsslag": "Taxor och avgifter", Slag: "intäkt", "Utfall föregående år": -3000, "Utfall i år": -1100 },
          { "Intäkts- och kostnadsslag": "Personalkostnader", Slag: "kostnad", "Utfall föregående år": 80000, "Utfall i år": 27000 },
        ],
        Indikatorer: [
          { Mål: "Fler besöker biblioteken", Indikator: "Antal besök per invånare", Riktning: "Högre är bättre", "Periodens utfall": 2.1, "Prognos helår": 6.5, Årsmål: 6 },
          {
            Indikator: "Andel nöjda besökare",
            Riktning: "Högre är bättre",
            "Periodens utfall": "88 %",
            "Utfall kvinnor": "90 %",
            "Utfall män": "86 %",
            "Prognos helår": "88 %",
            Årsmål: "90 %",
            Kommentar: "Ny mätmetod i år.",
          },
        ],
      },
    };
    await fillTemplate(file, fill);
    const { v, validateJson, json } = check(dir, "mall.xlsx");
    expect(v.code).toBe(0);
    expect(v.stderr).toContain("Inga fel: arbetsboken kan lämnas in.");
    expect(validateJson.findings.map((f: JsonFinding) => [f.code, f.cell])).toEqual([["DEFICIT", "A5"]]);
    expect(json).toMatchObject({ period: "T1", year: 2026, unit: "tkr" });
    // Budget 120 000 + 45 000 + 10 000 = 175 000; forecast 120 000 + 46 500 + 9 600 = 176 100;
    // deviation −1 100; Administration's surplus 400 is under the cap 5 % × 12 000 = 600, so
    // transferred in full (−400); adjusted −1 100 − 400 = −1 500.
    expect(json.operating.total).toMatchObject({ budget: 175000, actual: 58700, forecast: 176100, priorYearActual: 171500, deviation: -1100, resultTransfer: -400, returnedFunds: 0, adjustedDeviation: -1500 });
    expect(json.operating.budgetAdherenceBefore).toBeCloseTo(176100 / 175000, 12);
    expect(json.operating.budgetAdherenceAfter).toBeCloseTo(176500 / 175000, 12);
    expect(json.resultUnits).toEqual([expect.objectContaining({ name: "Administration", deviation: 400, resultTransfer: -400, openingFund: 500, closingFund: 900, capped: false })]);
    expect(json.investments.total).toMatchObject({ budget: 2000, forecast: 1800, deviation: 200 });
    // Revenues fell from 3 000 to 1 100: a change of −1 900 in their own size.
    expect(json.costTypes.rows).toEqual([
      { name: "Taxor och avgifter", kind: "revenue", priorYearActual: -3000, actual: -1100, change: -1900 },
      { name: "Personalkostnader", kind: "cost", priorYearActual: 80000, actual: 27000, change: -53000 },
    ]);
    expect(json.indicators.rows.map((r: { status: string }) => r.status)).toEqual(["full", "partial"]);
    expect(json.indicators.rows[1]).toMatchObject({ value: 88, target: 90, genderGap: 4, goal: "Fler besöker biblioteken" });
    expect(json.indicators.summarySentence).toBe("För 1 av 2 indikatorer har årsmålet uppnåtts helt, för 1 delvis.");
    expect(existsSync(join(dir, "ut.xlsx"))).toBe(true);
  });

  it("T2 in mnkr with units under an area, the T1 forecast and an earmark: validate passes, report as computed", async () => {
    const dir = tempDir();
    const file = makeTemplate(dir, "T2", ["--unit", "mnkr"]);
    await fillTemplate(file, {
      settings: { Nämnd: "Äldrenämnden" },
      sheets: {
        // Run rates (actual × 12 / 8) equal the forecasts.
        Drift: [
          { Verksamhetsområde: "Äldreomsorg", Enhet: "Hemtjänst", "Bokslut 2025": 300, "Budget 2026": 310.5, "Utfall per 31 augusti": 207, "Prognos T1": 310, "Prognos T2": 310.5 },
          { Enhet: "Särskilt boende", "Bokslut 2025": 500, "Budget 2026": 520, "Utfall per 31 augusti": 344, "Prognos T1": 518, "Prognos T2": 516, Kommentar: "Lägre kostnader för inhyrd personal." },
          {
            Verksamhetsområde: "Nyanlända",
            "Bokslut 2025": 50,
            "Budget 2026": 60,
            "Utfall per 31 augusti": 30,
            "Prognos T1": 50,
            "Prognos T2": 45,
            Kommentar: "Färre nyanlända än beräknat.",
            Öronmärkning: "Nyanlända",
          },
        ],
      },
    });
    const { v, json } = check(dir, "mall.xlsx");
    expect(v.code).toBe(0);
    expect(json).toMatchObject({ period: "T2", year: 2026, unit: "mnkr" });
    // Budget 310,5 + 520 + 60 = 890,5; forecast 310,5 + 516 + 45 = 871,5; deviation 19,0, of
    // which Nyanlända's 15,0 is returned; adjusted 4,0. Forecast change −6,5 against T1 878,0.
    expect(json.operating.total).toMatchObject({ budget: 890.5, forecast: 871.5, previousForecast: 878, deviation: 19, returnedFunds: -15, adjustedDeviation: 4, forecastChange: -6.5 });
    const areas = json.operating.areas.map((a: { name: string; deviation: number }) => [a.name, a.deviation]);
    expect(areas).toEqual([["Äldreomsorg", 4], ["Nyanlända", 15]]);
    expect(json.earmarks).toEqual([expect.objectContaining({ name: "Nyanlända", budget: 60, base: 45, deviation: 15, returnedFunds: -15 })]);
    // |−2,0| and |−5,0| ≥ 1,0 mnkr: a large forecast change is a warning to explain, not an error.
    expect(findingsOf(v.stdout).map((f) => [f.severity, f.code, f.cell])).toEqual([
      ["warning", "FORECAST_SHIFT", "G5"],
      ["warning", "FORECAST_SHIFT", "G6"],
    ]);
  });

  it("VB in tkr: validate passes and report gives prognossäkerhet against Prognos T2", async () => {
    const dir = tempDir();
    const file = makeTemplate(dir, "VB");
    await fillTemplate(file, {
      settings: { Nämnd: "Socialnämnden" },
      sheets: {
        Drift: [
          { Verksamhetsområde: "Barn och ungdom", "Bokslut 2025": 92200, "Budget 2026": 88000, "Bokslut 2026": 82200, "Prognos T2": 84000, Kommentar: "Vakanta tjänster." },
          { Verksamhetsområde: "Funktionsnedsättning", "Bokslut 2025": 147700, "Budget 2026": 144800, "Bokslut 2026": 147400, "Prognos T2": 146000, Kommentar: "Intäkter uteblev." },
        ],
        "Intäkts- och kostnadsslag": [{ "Intäkts- och kostnadsslag": "Personalkostnader", Slag: "kostnad", "Utfall 2025": 659400, "Utfall 2026": 620700 }],
        Indikatorer: [{ Mål: "Insatser i tid", Indikator: "Andel barn utan ny insats", Riktning: "Högre är bättre", "Periodens utfall": "86,4 %", Årsmål: "84 %" }],
      },
    });
    const { v, json } = check(dir, "mall.xlsx");
    expect(v.code).toBe(0);
    // Budget 232 800, actual 229 600, deviation 3 200; prognossäkerhet
    // (229 600 − 230 000) / 232 800 = −0,17 %, within ±1 %.
    expect(json.operating.total).toMatchObject({ budget: 232800, actual: 229600, previousForecast: 230000, priorYearActual: 239900, deviation: 3200 });
    expect(json.operating.forecastAccuracy).toBeCloseTo(-400 / 232800, 12);
    expect(json.operating.forecastAccuracyMet).toBe(true);
    expect(json.costTypes.rows).toEqual([{ name: "Personalkostnader", kind: "cost", priorYearActual: 659400, actual: 620700, change: -38700 }]);
    expect(json.indicators.rows).toEqual([expect.objectContaining({ value: 86.4, target: 84, status: "full" })]);
    expect(findingsOf(v.stdout).map((f) => [f.code, f.cell])).toEqual([["DEFICIT", "A5"]]);
  });
});

describe("validate on a template filled with the typical mistakes", () => {
  it("reports exactly text in an amount cell, a missing forecast, a Summa row that does not add up, a large deviation without comment and a period contradicting the headers", async () => {
    const dir = tempDir();
    const file = makeTemplate(dir, "T1");
    await fillTemplate(file, {
      // Last tertial's template, with the period changed to T2 on Inställningar only.
      settings: { Nämnd: "Kulturnämnden", Period: "T2" },
      sheets: {
        // Read as T2 (8 months): run rates are actual × 1,5 and equal the forecasts.
        Drift: [
          { Verksamhetsområde: "Bibliotek", "Bokslut 2025": 118000, "Budget 2026": 120000, "Utfall per 30 april": 80000, "Prognos helår": 120000 },
          { Verksamhetsområde: "Kulturskola", "Bokslut 2025": 44000, "Budget 2026": 45000, "Utfall per 30 april": "tre tusen", "Prognos helår": 45000 },
          { Verksamhetsområde: "Fritid", "Bokslut 2025": 20000, "Budget 2026": 21000, "Utfall per 30 april": 14000 },
          { Verksamhetsområde: "Administration", "Bokslut 2025": 9000, "Budget 2026": 10000, "Utfall per 30 april": 5000, "Prognos helår": 7500 },
          // 120 000 + 45 000 + 21 000 + 10 000 = 196 000, not 190 000.
          { Verksamhetsområde: "Summa", "Budget 2026": 190000 },
        ],
      },
    });
    const v = foljsam(["validate", "mall.xlsx", "--json", "-"], dir);
    expect(v.code).toBe(1);
    const sorted = (list: JsonFinding[]) => [...list].sort((a, b) => `${a.cell}${a.code}`.localeCompare(`${b.cell}${b.code}`));
    expect(sorted(findingsOf(v.stdout))).toEqual(
      sorted([
        { severity: "error", code: "PERIOD_MISMATCH", sheet: "Drift", cell: "E3", subject: null },
        { severity: "error", code: "NUMBER_PARSE", sheet: "Drift", cell: "E5", subject: "Kulturskola" },
        { severity: "error", code: "FORECAST_MISSING", sheet: "Drift", cell: "F6", subject: "Fritid" },
        { severity: "error", code: "COMMENT_REQUIRED", sheet: "Drift", cell: "A7", subject: "Administration" },
        { severity: "error", code: "SUM_MISMATCH", sheet: "Drift", cell: "D8", subject: "Summa" },
      ]),
    );
    const messages = JSON.parse(v.stdout).findings.map((f: { message: string }) => f.message);
    expect(messages).toContain('Budget: raden "Summa" anger 190 000 tkr men raderna summerar till 196 000 tkr (skillnad -6 000 tkr).');
    expect(messages).toContain("Perioden T2 stämmer inte med rubrikerna, som tyder på T1.");
    expect(v.stderr).toContain("5 fel måste rättas innan arbetsboken lämnas in.");

    // The follow-up itself keeps each finding's own severity: only text and totals are errors there.
    const r = foljsam(["report", "mall.xlsx", "-o", "ut.xlsx", "--json", "-"], dir);
    expect(r.code).toBe(0);
    const bySeverity = findingsOf(r.stdout).map((f) => `${f.severity} ${f.code}`).sort();
    expect(bySeverity).toEqual(["error NUMBER_PARSE", "error SUM_MISMATCH", "warning COMMENT_REQUIRED", "warning FORECAST_MISSING", "warning PERIOD_MISMATCH"]);
    expect(foljsam(["report", "mall.xlsx", "-o", "ut2.xlsx", "--strict"], dir).code).toBe(1);
  });

  it("points PERIOD_MISMATCH at Bokslut when a VB template says T1, and YEAR_MISMATCH at each table's year", async () => {
    const dir = tempDir();
    const file = makeTemplate(dir, "VB");
    await fillTemplate(file, {
      settings: { Nämnd: "Socialnämnden", Period: "T1", År: 2027 },
      sheets: { Drift: [{ Verksamhetsområde: "Barn och ungdom", "Budget 2026": 88000, "Bokslut 2026": 88000, "Prognos T2": 88000 }] },
    });
    const v = foljsam(["validate", "mall.xlsx", "--json", "-"], dir);
    expect(v.code).toBe(1);
    expect(findingsOf(v.stdout).filter((f) => f.code.endsWith("_MISMATCH"))).toEqual([
      { severity: "error", code: "PERIOD_MISMATCH", sheet: "Drift", cell: "E3", subject: null },
      { severity: "error", code: "YEAR_MISMATCH", sheet: "Drift", cell: "D3", subject: null },
      { severity: "error", code: "YEAR_MISMATCH", sheet: "Investeringar", cell: "B3", subject: null },
      { severity: "error", code: "YEAR_MISMATCH", sheet: "Intäkts- och kostnadsslag", cell: "D3", subject: null },
      // No header of the indicators names a year: its title does.
      { severity: "error", code: "YEAR_MISMATCH", sheet: "Indikatorer", cell: "A1", subject: null },
    ]);
  });

  it("names a misspelt setting with its cell, as a warning", async () => {
    const dir = tempDir();
    const file = makeTemplate(dir, "VB");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Inställningar")!;
    // The person lifts the protection and renames a label.
    ws.getCell("A8").value = "Kommentarsgrän (mnkr)";
    ws.getCell("B4").value = "Socialnämnden";
    await wb.xlsx.writeFile(file);
    const v = foljsam(["validate", "mall.xlsx", "--json", "-"], dir);
    expect(v.code).toBe(0);
    expect(findingsOf(v.stdout)).toEqual([{ severity: "warning", code: "SETTING_UNKNOWN", sheet: "Inställningar", cell: "A8", subject: "Kommentarsgrän (mnkr)" }]);
  });
});
