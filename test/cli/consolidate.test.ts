/**
 * `foljsam consolidate` as a controller runs it: the bundled sample (Socialnämnden, VB 2019, mnkr)
 * with a second nämnd in tkr gives the city's totals in mnkr as computed by hand below; the
 * consolidated workbook has them as live formulas; files of different periods are refused.
 */
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, readdirSync } from "fs";
import { join } from "path";
import { foljsam, ROOT, tempDir } from "../helpers/cli";

const SAMPLE = join(ROOT, "assets", "foljsam-exempel.xlsx");

/** Kulturnämnden, VB 2019, in tkr, with hand-chosen figures. */
async function writeKultur(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const settings = wb.addWorksheet("Inställningar");
  for (const row of [["Inställning", "Värde"], ["Nämnd", "Kulturnämnden"], ["Period", "VB"], ["År", 2019], ["Enhet", "tkr"]]) settings.addRow(row);
  const drift = wb.addWorksheet("Drift");
  for (const row of [
    ["Verksamhetsområde", "Budget 2019", "Bokslut 2019", "Prognos T2", "Resultatenhet", "Ingående resultatfond", "Bruttobudget", "Kommentar"],
    ["Bibliotek", 120500, 118250.5, 119000, null, null, null, "Vakanta tjänster."],
    ["Kulturskola", 45000, 46100, 45500, null, null, null, "Fler elever än planerat."],
    ["Administration", 10000, 9800, 9900, "ja", 500, 12000, null],
  ]) {
    drift.addRow(row);
  }
  const indicators = wb.addWorksheet("Indikatorer");
  for (const row of [
    ["Mål", "Indikator", "Periodens utfall", "Årsmål", "Kommentar"],
    ["I Stockholm får människor i behov av stöd insatser i tid", "Andel unga som får stöd inom en vecka", "95 %", "90 %", null],
    [null, "Andel nöjda föräldrar", "80 %", "80 %", null],
    ["Stockholm är en kulturstad", "Andel elever i kulturskolan", "40 %", "60 %", "Lokalbrist under hösten."],
  ]) {
    indicators.addRow(row);
  }
  await wb.xlsx.writeFile(path);
}

describe("foljsam consolidate", () => {
  it("consolidates the sample (mnkr) with a nämnd in tkr into the hand-computed city totals in mnkr", async () => {
    const dir = tempDir();
    copyFileSync(SAMPLE, join(dir, "social.xlsx"));
    await writeKultur(join(dir, "kultur.xlsx"));
    const sample = JSON.parse(foljsam(["report", "social.xlsx", "-o", "s-ut.xlsx", "--json", "-"], dir).stdout);

    const r = foljsam(["consolidate", "social.xlsx", "kultur.xlsx", "-o", "stad.xlsx", "--json", "-"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Följsam – sammanställning, verksamhetsberättelse 2019 (mnkr), 2 nämnder");
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ schemaVersion: 1, kind: "consolidation", period: "VB", year: 2019, unit: "mnkr" });

    // Socialnämnden (mnkr, from the sample's published figures): budget 1 297,0, actual 1 221,8,
    // deviation 75,2, transfer −0,1, returned −55,1, adjusted 20,0; no prognos T2 in its drift.
    // Kulturnämnden (tkr): budget 120 500 + 45 000 + 10 000 = 175 500; actual 118 250,5 + 46 100
    // + 9 800 = 174 150,5; deviation 2 249,5 − 1 100 + 200 = 1 349,5; Administration's surplus
    // 200 is under its cap 5 % × 12 000 = 600: transfer −200; adjusted 1 149,5; prognos T2
    // 119 000 + 45 500 + 9 900 = 174 400. In mnkr: 175,5 / 174,1505 / 1,3495 / −0,2 / 1,1495 / 174,4.
    const [social, kultur] = json.units;
    expect(social).toMatchObject({ name: "Socialnämnden", nameSource: "title", file: "social.xlsx", sourceUnit: "mnkr", budget: 1297, actual: 1221.8, deviation: 75.2, resultTransfer: -0.1, returnedFunds: -55.1, adjustedDeviation: 20, previousForecast: null, forecastAccuracy: null });
    expect(social.findings).toBe(sample.findings.length);
    expect(social.indicators).toEqual({ full: 7, partial: 7, none: 0, notMeasured: 0, notAssessable: 0 });
    expect(kultur).toMatchObject({ name: "Kulturnämnden", nameSource: "settings", file: "kultur.xlsx", sourceUnit: "tkr", budget: 175.5, actual: 174.1505, deviation: 1.3495, resultTransfer: -0.2, returnedFunds: 0, adjustedDeviation: 1.1495, previousForecast: 174.4, findings: 1, errors: 0 });
    expect(kultur.forecastAccuracy).toBeCloseTo(-249.5 / 175500, 12);

    // City: 1 297,0 + 175,5 = 1 472,5; 1 221,8 + 174,1505 = 1 395,9505; 75,2 + 1,3495 = 76,5495;
    // −0,1 − 0,2 = −0,3; −55,1; 20,0 + 1,1495 = 21,1495.
    expect(json.operating.total).toEqual({
      name: "Staden totalt",
      budget: 1472.5,
      actual: 1395.9505,
      forecast: null,
      previousForecast: 174.4,
      base: 1395.9505,
      deviation: 76.5495,
      resultTransfer: -0.3,
      returnedFunds: -55.1,
      adjustedDeviation: 21.1495,
    });
    expect(json.operating.budgetAdherenceBefore).toBeCloseTo(1395.9505 / 1472.5, 12);
    expect(json.operating.budgetAdherenceAfter).toBeCloseTo(1396.2505 / 1472.5, 12);
    // Only Kulturnämnden has a prognos T2: (174,1505 − 174,4) / 175,5 = −0,14 %.
    expect(json.operating.forecastAccuracy).toBeCloseTo(-0.2495 / 175.5, 12);
    expect(json.operating.forecastAccuracyMet).toBe(true);

    expect(json.indicators.summary).toEqual({ full: 9, partial: 7, none: 1, notMeasured: 0, notAssessable: 0 });
    expect(json.indicators.summarySentence).toBe("För 9 av 17 indikatorer har årsmålet uppnåtts helt, för 7 delvis, för 1 inte.");
    expect(json.indicators.goals.map((g: { name: string; sentence: string }) => [g.name, g.sentence])).toEqual([
      ["I Stockholm får människor i behov av stöd insatser i tid", "1 av 2 nämnder bedömer att målet uppnås helt, 1 bedömer att målet uppnås delvis."],
      ["Stockholm är en kulturstad", "1 av 1 nämnd bedömer att målet inte uppnås."],
    ]);
    expect(json.findings).toHaveLength(sample.findings.length + 1);
    expect(json.findings[json.findings.length - 1]).toMatchObject({ code: "DEFICIT", sheet: "Drift", cell: "A3", subject: "Kulturskola", file: "kultur.xlsx", unitName: "Kulturnämnden" });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "stad.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sammanställning", "Måluppfyllelse per mål", "Kontroller"]);
    const ws = wb.getWorksheet("Sammanställning")!;
    expect(ws.getCell("A4").value).toBe("Nämnd");
    expect(ws.getCell("A5").value).toBe("Socialnämnden");
    expect(ws.getCell("A7").value).toBe("Staden totalt");
    expect(ws.getCell("C7").value).toEqual({ formula: "SUM(C5:C6)", result: 1472.5 });
    expect(ws.getCell("D7").value).toEqual({ formula: "SUM(D5:D6)", result: 1395.9505 });
    expect(ws.getCell("I7").value).toMatchObject({ formula: 'IF(C7=0,"",D7/C7)' });
    expect(ws.getCell("J7").value).toMatchObject({ formula: 'IF(C7=0,"",(D7-F7)/C7)' });
    expect(ws.getCell("L6").value).toMatchObject({ formula: 'IF(OR(C6=0,K6=""),"",(D6-K6)/C6)' });
    expect(ws.getCell("L7").value).toMatchObject({ formula: 'IF(SUMIF(K5:K6,"<>",C5:C6)=0,"",(SUMIF(K5:K6,"<>",D5:D6)-SUM(K5:K6))/SUMIF(K5:K6,"<>",C5:C6))' });
    const goals = wb.getWorksheet("Måluppfyllelse per mål")!;
    expect(goals.getCell("G6").value).toBe("1 av 1 nämnd bedömer att målet inte uppnås.");
    const names: string[] = [];
    wb.definedNames.forEach((n) => names.push(n));
    expect(names.sort()).toEqual(["FOLJSAM_SHEET_1", "FOLJSAM_SHEET_2", "FOLJSAM_SHEET_3"]);
  });

  it("refuses files of different periods with exit 2, one line naming both, and writes nothing", async () => {
    const dir = tempDir();
    copyFileSync(SAMPLE, join(dir, "social-vb.xlsx"));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Drift").addRows([
      ["Verksamhetsområde", "Budget 2019", "Utfall per 31 augusti", "Prognos T2"],
      ["Bibliotek", 100, 60, 95],
    ]);
    await wb.xlsx.writeFile(join(dir, "kultur-t2.xlsx"));
    const r = foljsam(["consolidate", "social-vb.xlsx", "kultur-t2.xlsx", "-o", "stad.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("social-vb.xlsx gäller VB 2019 men kultur-t2.xlsx gäller T2 2019");
    expect(readdirSync(dir).sort()).toEqual(["kultur-t2.xlsx", "social-vb.xlsx"]);
  });

  it("refuses the same nämnd twice, a missing output and bad flags, with exit 2", async () => {
    const dir = tempDir();
    copyFileSync(SAMPLE, join(dir, "a.xlsx"));
    copyFileSync(SAMPLE, join(dir, "b.xlsx"));
    const twice = foljsam(["consolidate", "a.xlsx", "b.xlsx", "-o", "stad.xlsx"], dir);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("a.xlsx och b.xlsx gäller båda Socialnämnden");
    expect(foljsam(["consolidate", "a.xlsx", "./a.xlsx", "-o", "stad.xlsx"], dir).stderr).toContain("a.xlsx är angiven två gånger");
    expect(foljsam(["consolidate", "a.xlsx"], dir).code).toBe(2);
    expect(foljsam(["consolidate", "a.xlsx", "--period", "VB", "-o", "s.xlsx"], dir).code).toBe(2);
    expect(foljsam(["consolidate", "a.xlsx", "-o", "a.xlsx"], dir).code).toBe(2);
    expect(foljsam(["consolidate", "a.xlsx", "saknas.xlsx", "-o", "s.xlsx"], dir).stderr).toContain("saknas.xlsx");
    expect(existsSync(join(dir, "stad.xlsx"))).toBe(false);
    expect(existsSync(join(dir, "s.xlsx"))).toBe(false);
    // One nämnd is a consolidation too, in the unit asked for.
    const one = foljsam(["consolidate", "a.xlsx", "--unit", "tkr", "--json", "-"], dir);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).operating.total).toMatchObject({ budget: 1297000, deviation: 75200 });
  });
});
