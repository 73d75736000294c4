/**
 * The command line as a user runs it (CONTRACT.md): exit codes, the JSON report, one-line
 * Swedish errors, no output left behind, the input untouched, reruns, text never a formula.
 */
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { foljsam, ROOT, tempDir } from "../helpers/cli";

const SAMPLE = join(ROOT, "assets", "foljsam-exempel.xlsx");

async function writeWorkbook(path: string, sheets: Record<string, (string | number | null)[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  await wb.xlsx.writeFile(path);
}

const DRIFT_HEADER = ["Verksamhetsområde", "Budget 2026", "Utfall per 31 augusti", "Prognos T1", "Prognos T2", "Kommentar"];

describe("foljsam demo", () => {
  it("writes the follow-up of the bundled sample and prints the Swedish summary", () => {
    const dir = tempDir();
    const r = foljsam(["demo", "-o", "ut"], dir);
    // Standard error says what was used and where it came from, then the warnings (CONTRACT.md).
    expect(r.stderr.split("\n").slice(0, 4)).toEqual([
      'Period: VB, enligt rubriken "Bokslut 2019" (Drift!E3)',
      'År: 2019, enligt rubriken "Budget 2019" (Drift!D3)',
      'Enhet: mnkr, enligt rubriken "Verksamhetsområde, mnkr" (Drift!A3)',
      "Tabeller: 4 lästa",
    ]);
    // The sample's 7 warnings (DEFICIT ×3, COMMENT_REQUIRED ×4), one line each.
    expect(r.stderr.split("\n").filter((l) => l.startsWith("Varning: "))).toHaveLength(7);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "ut", "foljsam-exempel-uppfoljning.xlsx"))).toBe(true);
    // Published figures (shared/examples README section 1 and 4), summed from unrounded rows.
    expect(r.stdout).toMatch(/Budget\s+1 297,0/);
    expect(r.stdout).toMatch(/Utfall\s+1 221,8/);
    expect(r.stdout).toMatch(/Avvikelse\s+75,2/);
    expect(r.stdout).toMatch(/Justerad avvikelse\s+20,0/);
    expect(r.stdout).toMatch(/Budgetföljsamhet\s+94,2 %/);
    expect(r.stdout).toContain("För 7 av 14 indikatorer har årsmålet uppnåtts helt, för 7 delvis.");
    expect(r.stdout).toMatch(/Kontroller: \d+/);
  });
});

describe("foljsam report", () => {
  it("gives the JSON report on standard output with --json - and nothing else there", () => {
    const dir = tempDir();
    copyFileSync(SAMPLE, join(dir, "in.xlsx"));
    const r = foljsam(["report", "in.xlsx", "--json", "-"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.period).toBe("VB");
    expect(json.year).toBe(2019);
    expect(json.unit).toBe("mnkr");
    expect(json.operating.total).toMatchObject({ name: "Nämnden totalt", budget: 1297, actual: 1221.8, deviation: 75.2, resultTransfer: -0.1, returnedFunds: -55.1, adjustedDeviation: 20 });
    expect(json.operating.budgetAdherenceBefore).toBeCloseTo(0.942, 4);
    expect(json.operating.budgetAdherenceAfter).toBeCloseTo(0.9421, 4);
    const ovrig = json.operating.areas.find((x: { name: string }) => x.name === "Övrig verksamhet");
    expect(ovrig).toMatchObject({ budget: 203.2, actual: 178, priorYearActual: 137.8, deviation: 25.2, resultTransfer: -0.1, returnedFunds: -23.8, adjustedDeviation: 1.3, forecast: null, previousForecast: null });
    expect(ovrig.rows.map((x: { name: string }) => x.name)).toEqual(["Tillfälliga boenden nyanlända", "Tillståndsenheten", "Boutredningsenheten och övrigt"]);
    expect(json.resultUnits).toEqual([expect.objectContaining({ name: "Tillståndsenheten", area: "Övrig verksamhet", deviation: 0.1, resultTransfer: -0.1, openingFund: 1.5, closingFund: 1.6, capped: false })]);
    expect(json.earmarks).toEqual([expect.objectContaining({ name: "Nyanlända", budget: 310, base: 254.9, deviation: 55.1, returnedFunds: -55.1 })]);
    expect(json.investments.total).toMatchObject({ budget: 8, actual: 12.5, deviation: -4.5, deviationVsForecast: -5.5 });
    expect(json.costTypes.totals.net).toMatchObject({ priorYearActual: 1165.2, actual: 1221.5, change: 56.3 });
    expect(json.indicators.summary).toEqual({ full: 7, partial: 7, none: 0, notMeasured: 0, notAssessable: 0 });
    expect(json.indicators.summarySentence).toBe("För 7 av 14 indikatorer har årsmålet uppnåtts helt, för 7 delvis.");
    const codes = (code: string) => json.findings.filter((f: { code: string }) => f.code === code).map((f: { subject: string }) => f.subject).sort();
    expect(codes("COMMENT_REQUIRED")).toEqual(["Jour- och rådgivande verksamhet", "Omstrukturering", "Stöd till utomstående organisationer", "Övrig verksamhet"]);
    expect(codes("DEFICIT")).toHaveLength(3);
    expect(codes("GENDER_GAP")).toHaveLength(6);
    for (const f of json.findings) expect(Object.keys(f)).toEqual(["severity", "code", "sheet", "cell", "subject", "message"]);
    // Default output beside the input; the input itself byte-for-byte unchanged.
    expect(existsSync(join(dir, "in-uppfoljning.xlsx"))).toBe(true);
    expect(readFileSync(join(dir, "in.xlsx")).equals(readFileSync(SAMPLE))).toBe(true);
  });

  it("reads a tertial in tkr laid out differently and writes the figures DOMAIN.md defines", async () => {
    const dir = tempDir();
    await writeWorkbook(join(dir, "t2.xlsx"), {
      Uppföljning: [
        ["Kulturnämnden – tertialrapport 2 2026"],
        ["Belopp i tkr"],
        [],
        ["Kommentar", "Prognos T2", "Område", "Slutlig budget", "Prognos T1", "Utfall per 31 augusti"],
        ["", "10 500", "Bibliotek", "12 000", 11000, 7000],
        ["Högre hyror.", "(2 000)", "Fritid", -1500, -1500, -900],
        [null, 3000, "Administration", 3000, 3000, 2000],
      ],
    });
    const r = foljsam(["report", "t2.xlsx", "--json", "-"], dir);
    expect(r.code).toBe(0);
    // With --json - the summary goes to standard error; standard output is the JSON alone.
    expect(r.stderr).toContain("tertialrapport T2 2026 (tkr)");
    const json = JSON.parse(r.stdout);
    expect(json.period).toBe("T2");
    expect(json.year).toBe(2026);
    expect(json.unit).toBe("tkr");
    const area = (n: string) => json.operating.areas.find((x: { name: string }) => x.name === n);
    expect(area("Bibliotek")).toMatchObject({ budget: 12000, forecast: 10500, previousForecast: 11000, deviation: 1500, forecastChange: -500 });
    // Revenue area: budgeted net revenue 1 500, forecast 2 000: 500 better.
    expect(area("Fritid")).toMatchObject({ budget: -1500, forecast: -2000, deviation: 500 });
    expect(json.operating.total).toMatchObject({ budget: 13500, forecast: 11500, deviation: 2000 });
    const needs = json.findings.filter((f: { code: string }) => f.code === "COMMENT_REQUIRED").map((f: { subject: string }) => f.subject);
    // Bibliotek: 1 500 tkr ≥ 1 000 tkr and uncommented. Fritid is commented.
    expect(needs).toEqual(["Bibliotek"]);
  });

  it("exits 1 with --strict when there are errors, 0 without", async () => {
    const dir = tempDir();
    await writeWorkbook(join(dir, "fel.xlsx"), {
      Drift: [DRIFT_HEADER.slice(0, 3).concat(["Prognos", "Kommentar"]), ["A", 100, 50, "hundra", "x"], ["B", 100, 60, 100, "y"]],
    });
    expect(foljsam(["report", "fel.xlsx", "-o", "a.xlsx"], dir).code).toBe(0);
    const strict = foljsam(["report", "fel.xlsx", "-o", "b.xlsx", "--strict"], dir);
    expect(strict.code).toBe(1);
    expect(existsSync(join(dir, "b.xlsx"))).toBe(true);
    const v = foljsam(["validate", "fel.xlsx"], dir);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain("hundra");
    expect(readdirSync(dir).sort()).toEqual(["a.xlsx", "b.xlsx", "fel.xlsx"]);
  });

  it("exits 2 with one line naming file, sheet and column when a required column is missing; no output file", async () => {
    const dir = tempDir();
    await writeWorkbook(join(dir, "utan-budget.xlsx"), { Drift: [["Verksamhetsområde", "Bokslut 2025", "Kommentar"], ["A", 10, ""]] });
    const before = readFileSync(join(dir, "utan-budget.xlsx"));
    const r = foljsam(["report", "utan-budget.xlsx", "--json", "r.json"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("utan-budget.xlsx");
    expect(r.stderr).toContain("Drift");
    expect(r.stderr).toContain("Budget");
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readdirSync(dir)).toEqual(["utan-budget.xlsx"]);
    expect(readFileSync(join(dir, "utan-budget.xlsx")).equals(before)).toBe(true);
  });

  it("exits 2 on a corrupt file with one Swedish line and leaves nothing behind", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "trasig.xlsx"), "Verksamhetsområde;Budget\nA;1\n");
    const r = foljsam(["report", "trasig.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("trasig.xlsx");
    expect(readdirSync(dir)).toEqual(["trasig.xlsx"]);
  });

  it("exits 2 on bad arguments", () => {
    const dir = tempDir();
    expect(foljsam(["report"], dir).code).toBe(2);
    expect(foljsam(["report", "x.xlsx", "--period", "T4"], dir).code).toBe(2);
    expect(foljsam(["rapport"], dir).code).toBe(2);
    expect(foljsam(["report", "saknas.xlsx"], dir).stderr).toContain("saknas.xlsx");
  });

  it("replaces its own sheets on a rerun on its own output, and writes '=' comments as text", async () => {
    const dir = tempDir();
    await writeWorkbook(join(dir, "in.xlsx"), {
      Drift: [
        ["Verksamhetsområde", "Budget 2025", "Bokslut 2025", "Kommentar"],
        ["Äldreomsorg", 100, 97, "=HYPERLINK(\"http://example.invalid\",\"klicka\")"],
        ["Skola", 50, 50.5, "+46 8 508 000 00"],
      ],
    });
    expect(foljsam(["report", "in.xlsx", "-o", "ut1.xlsx"], dir).code).toBe(0);
    expect(foljsam(["report", "ut1.xlsx", "-o", "ut2.xlsx"], dir).code).toBe(0);
    const one = new ExcelJS.Workbook();
    await one.xlsx.readFile(join(dir, "ut1.xlsx"));
    const two = new ExcelJS.Workbook();
    await two.xlsx.readFile(join(dir, "ut2.xlsx"));
    expect(two.worksheets.map((w) => w.name)).toEqual(one.worksheets.map((w) => w.name));
    let found = 0;
    for (const ws of two.worksheets) {
      if (ws.name === "Drift") continue;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula && String((cell.value as { formula: string }).formula).includes("HYPERLINK")) throw new Error(`formula from text in ${ws.name}!${cell.address}`);
          if (cell.value === '=HYPERLINK("http://example.invalid","klicka")') found++;
        }),
      );
    }
    expect(found).toBeGreaterThan(0);
  });
});
