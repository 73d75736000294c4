/**
 * Issue 8 on the command line: a partial report when one table cannot be read, what the run used
 * and where it came from, the first ten errors and warnings, help, version, plurals, and the same
 * Swedish message for a missing --json folder as for a missing -o folder.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { foljsam, tempDir } from "../helpers/cli";

type Rows = (string | number | null)[][];

async function writeWorkbook(path: string, sheets: Record<string, Rows>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  await wb.xlsx.writeFile(path);
}

/** Socialnämndens areas as published in VB 2019 (mnkr), with their derived columns. */
const DRIFT: Rows = [
  ["Verksamhetsområde, mnkr", "Budget 2019", "Bokslut 2019", "Avvikelse", "Resultat-överför.", "Justering Nyanlända", "Justerad avvikelse"],
  ["Barn och ungdom", 88.0, 82.2, 5.8, null, null, 5.8],
  ["Verksamhet för personer med funktionsnedsättning", 144.8, 147.4, -2.6, null, null, -2.6],
  ["Hemlöshet och missbruk", 272.2, 259.4, 12.8, null, null, 12.8],
  ["Jour- och rådgivande verksamhet", 188.0, 156.4, 31.6, null, -31.3, 0.3],
  ["Insatser mot våld i nära relationer", 27.5, 28.4, -0.9, null, null, -0.9],
  ["Strategi och utveckling", 91.1, 88.7, 2.4, null, null, 2.4],
  ["Övrig verksamhet", 203.2, 178.0, 25.2, -0.1, -23.8, 1.3],
  ["Ledning och administration", 55.8, 52.8, 3.0, null, null, 3.0],
  ["Stöd till utomstående organisationer", 217.4, 220.6, -3.2, null, null, -3.2],
  ["Omstrukturering", 9.0, 7.9, 1.1, null, null, 1.1],
  ["Nämnden totalt", 1297.1, 1221.6, 75.6, -0.1, -55.1, 20.3],
];

describe("a workbook with one table that cannot be read", () => {
  const dir = tempDir();
  const file = join(dir, "vb.xlsx");
  beforeAll(() =>
    writeWorkbook(file, {
      Drift: DRIFT,
      // No budget column: unreadable, and the drift is reported all the same.
      Investeringar: [["Investering", "Bokslut 2019"], ["Bilar med finansiell leasing", 4.8]],
      // A ledger is no table of ours: left alone, no finding.
      Huvudbok: [["Konto", "Ansvar", "Belopp"], [4010, 110, 1200]],
    }),
  );

  it("is reported (exit 0), names the table, and gives the published figures", () => {
    const r = foljsam(["report", "vb.xlsx", "--json", "-"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.operating.total).toMatchObject({ budget: 1297, actual: 1221.8, deviation: 75.2, resultTransfer: -0.1, returnedFunds: -55.1, adjustedDeviation: 20 });
    expect(json.findings.filter((f: { code: string }) => f.code === "TABLE_UNREADABLE")).toEqual([
      expect.objectContaining({ severity: "error", sheet: "Investeringar", cell: "A1" }),
    ]);
    expect(json.findings.filter((f: { sheet: string }) => f.sheet === "Huvudbok")).toEqual([]);
    expect(json.tables.map((t: { sheet: string; status: string }) => [t.sheet, t.status])).toEqual([
      ["Drift", "read"],
      ["Investeringar", "unreadable"],
    ]);
    // Standard error: what was used, and the error line.
    expect(r.stderr).toContain('Period: VB, enligt rubriken "Bokslut 2019" (Drift!C1)');
    expect(r.stderr).toContain("Enhet: mnkr, enligt rubriken");
    expect(r.stderr).toContain("Tabeller: 1 läst, 1 kunde inte läsas");
    expect(r.stderr).toMatch(/^Fel: Investeringar!A1 Tabellen \(investeringar\) på bladet "Investeringar" med rubrikraden på rad 1 kan inte läsas: kolumnen Budget saknas\./m);
    expect(existsSync(join(dir, "vb-uppfoljning.xlsx"))).toBe(true);
  });

  it("exits 1 with --strict and in validate, since the unreadable table is an error", () => {
    expect(foljsam(["report", "vb.xlsx", "--strict", "-o", "strikt.xlsx"], dir).code).toBe(1);
    expect(foljsam(["validate", "vb.xlsx"], dir).code).toBe(1);
  });
});

describe("what report says it used", () => {
  const dir = tempDir();
  beforeAll(async () => {
    await writeWorkbook(join(dir, "bara.xlsx"), { Drift: [["Verksamhetsområde", "Budget", "Utfall"], ["Skola", 10, 9]] });
    await writeWorkbook(join(dir, "t2.xlsx"), {
      Drift: [["Verksamhetsområde, tkr", "Budget 2026", "Utfall per 31 augusti", "Prognos T2"], ["Skola", 1000, 640, 990]],
    });
    const many: Rows = [["Verksamhetsområde, tkr", "Budget 2026", "Bokslut 2026", "Kommentar"]];
    for (let i = 1; i <= 12; i++) many.push([`Område ${i}`, 1000, 1500, null]);
    await writeWorkbook(join(dir, "manga.xlsx"), { Drift: many });
    await writeWorkbook(join(dir, "en.xlsx"), { Drift: [["Verksamhetsområde, tkr", "Budget 2026", "Bokslut 2026", "Kommentar"], ["Skola", 1000, 1100, "Fler elever."]] });
  });

  it("stops with the line that says how to give the period when nothing decides it", () => {
    const r = foljsam(["report", "bara.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "foljsam: bara.xlsx: Kan inte avgöra perioden av kolumnrubrikerna; ange --period T1, T2 eller VB (eller Period på bladet Inställningar).\n",
    );
    expect(readdirSync(dir).filter((f) => f.includes("uppfoljning"))).toEqual([]);
    expect(foljsam(["report", "bara.xlsx", "--period", "VB", "-o", "bara-ut.xlsx"], dir).stderr).toContain("Period: VB, från flaggan --period");
  });

  it("shows a PERIOD_MISMATCH warning when --period contradicts the headers", () => {
    const r = foljsam(["report", "t2.xlsx", "--period", "VB", "-o", "t2-ut.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Varning: Drift!C1 Perioden VB stämmer inte med rubrikerna, som tyder på T2\.$/m);
  });

  it("lists the first ten errors and warnings, then how many more", () => {
    const r = foljsam(["report", "manga.xlsx", "-o", "manga-ut.xlsx"], dir);
    // 12 areas over budget: 12 DEFICIT + 12 COMMENT_REQUIRED warnings.
    const lines = r.stderr.split("\n").filter((l) => l.startsWith("Varning: "));
    expect(lines).toHaveLength(10);
    expect(r.stderr).toContain("… och 14 kontroller till (alla finns på bladet Följsam Kontroller och i JSON-rapporten).");
  });

  it("writes Swedish plurals: 1 varning", () => {
    const r = foljsam(["report", "en.xlsx", "-o", "en-ut.xlsx"], dir);
    expect(r.stdout).toContain("Kontroller: 1 (0 fel, 1 varning, 0 information)");
  });

  it("gives the same Swedish message for a missing --json folder as for a missing -o folder, and leaves nothing behind", () => {
    const json = foljsam(["report", "en.xlsx", "-o", "x.xlsx", "--json", "saknas/r.json"], dir);
    const out = foljsam(["report", "en.xlsx", "-o", "saknas/x.xlsx"], dir);
    expect(json.code).toBe(2);
    expect(out.code).toBe(2);
    expect(json.stderr).toBe("foljsam: Kan inte skriva r.json: mappen saknas finns inte.\n");
    expect(out.stderr).toBe("foljsam: Kan inte skriva x.xlsx: mappen saknas finns inte.\n");
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });
});

describe("help and version", () => {
  it("prints the usage for foljsam help and --help, each command's flags and an example, and the version", () => {
    const here = tempDir();
    expect(foljsam(["help"], here).stdout).toContain("foljsam report <fil.xlsx>");
    const h = foljsam(["report", "--help"], here);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("--period T1|T2|VB");
    expect(h.stdout).toContain("Exempel:");
    expect(foljsam(["consolidate", "--help"], here).stdout).toContain("foljsam consolidate nämnder/*.xlsx");
    const v = foljsam(["--version"], here);
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));
    expect(v.stdout).toBe(`foljsam ${pkg.version}\n`);
  });
});

describe("consolidate with one nämnd's table unreadable", () => {
  const dir = tempDir();
  beforeAll(async () => {
    await writeWorkbook(join(dir, "social.xlsx"), {
      Drift: DRIFT,
      Investeringar: [["Investering", "Bokslut 2019"], ["Bilar med finansiell leasing", 4.8]],
    });
    await writeWorkbook(join(dir, "kultur.xlsx"), {
      Drift: [["Kulturnämnden – verksamhetsberättelse 2019"], ["Verksamhetsområde, mnkr", "Budget 2019", "Bokslut 2019"], ["Bibliotek", 100.0, 99.0]],
    });
  });

  it("consolidates the city all the same, counting the nämnd's error", () => {
    const r = foljsam(["consolidate", "social.xlsx", "kultur.xlsx", "-o", "stad.xlsx", "--json", "-"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.units).toHaveLength(2);
    const social = json.units.find((u: { file: string }) => u.file === "social.xlsx");
    expect(social).toMatchObject({ budget: 1297, actual: 1221.8, adjustedDeviation: 20, errors: 1 });
    // 1 297,0 + 100,0 = 1 397,0; 1 221,8 + 99,0 = 1 320,8.
    expect(json.operating.total).toMatchObject({ budget: 1397, actual: 1320.8 });
    expect(foljsam(["consolidate", "social.xlsx", "kultur.xlsx", "-o", "stad2.xlsx", "--strict"], dir).code).toBe(1);
  });
});
