/**
 * Every kind of workbook Följsam writes, checked by the strict package validator that stands in
 * for Excel (`../shared/ooxml/validate.py`: the ECMA-376 schemas plus the [MS-XLSX] rules Excel
 * enforces; see its README): the demo, the templates for T1, T2 and VB, a report on a report, a
 * report on a workbook with a chart, a pivot table and sheet-scoped names (and a re-run on that),
 * a consolidation, and the ExcelJS fallback. Any ERROR line fails the test. CI installs what the
 * validator needs (.ci/run); the test fails, it does not skip, when the validator is missing.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { foljsam, ROOT, tempDir } from "./helpers/cli";
import { richWorkbook } from "./helpers/richWorkbook";
import { loadWorkbook, readXlsx } from "../src/hosts/xlsx/read";
import { writeFollowUp } from "../src/hosts/xlsx/write";
import { unzip } from "../src/hosts/xlsx/xlsx.testkit";
import { resolveSettings, runFollowUp } from "../src/workbook/followUp";

/**
 * The validator: the shared one beside the checkout where it is (it is kept up to date there),
 * else the copy in tools/ooxml, so that a clone on its own runs the same check.
 */
const SHARED_VALIDATOR = resolve(ROOT, "..", "shared", "ooxml", "validate.py");
const VALIDATOR =
  process.env.FOLJSAM_OOXML_VALIDATOR ?? (existsSync(SHARED_VALIDATOR) ? SHARED_VALIDATOR : resolve(ROOT, "tools", "ooxml", "validate.py"));
const SAMPLE = join(ROOT, "assets", "foljsam-exempel.xlsx");

/** The validator's ERROR lines per file, for every file given. */
function validate(files: string[]): Map<string, string[]> {
  const r = spawnSync("/usr/bin/python3", [VALIDATOR, ...files], { encoding: "utf8", timeout: 240_000 });
  expect(r.error).toBeUndefined();
  const out = new Map<string, string[]>();
  let current = "";
  for (const line of r.stdout.split("\n")) {
    const head = /^== (.*): \d+ error\(s\)/.exec(line);
    if (head) out.set((current = head[1]), []);
    else if (/^\s*ERROR\b/.test(line)) out.get(current)?.push(line.trim());
  }
  expect([...out.keys()].sort()).toEqual([...files].sort());
  expect(r.status === 0 || [...out.values()].some((e) => e.length > 0)).toBe(true);
  return out;
}

/** A second nämnd for the consolidation: VB 2019 in tkr, figures chosen by hand. */
async function writeSecondUnit(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const settings = wb.addWorksheet("Inställningar");
  for (const row of [["Inställning", "Värde"], ["Nämnd", "Idrottsnämnden"], ["Period", "VB"], ["År", 2019], ["Enhet", "tkr"]]) settings.addRow(row);
  const drift = wb.addWorksheet("Drift");
  for (const row of [["Verksamhetsområde", "Budget 2019", "Bokslut 2019", "Kommentar"], ["Idrottsanläggningar", 80000, 83500, "Energikostnader."], ["Föreningsstöd", 20000, 19000, null]]) drift.addRow(row);
  await wb.xlsx.writeFile(path);
}

function workbookXml(file: string): string {
  return unzip(readFileSync(file)).get("xl/workbook.xml") ?? "";
}

function sheetNames(xml: string): string[] {
  return [...xml.matchAll(/<sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1]);
}

describe("every workbook Följsam writes passes the package validator", () => {
  expect(existsSync(VALIDATOR)).toBe(true);
  const dir = tempDir("foljsam-ooxml-");
  const files: Record<string, string> = {};
  let errors = new Map<string, string[]>();

  beforeAll(async () => {
    const run = (args: string[]) => {
      const r = foljsam(args, dir);
      if (r.code !== 0) throw new Error(`foljsam ${args.join(" ")}: ${r.stderr}`);
    };
    run(["demo", "-o", "demo"]);
    files.demo = join(dir, "demo", "foljsam-exempel-uppfoljning.xlsx");
    for (const period of ["T1", "T2", "VB"]) {
      run(["template", "--period", period, "--year", "2026", "-o", `mall-${period}.xlsx`]);
      files[`template ${period}`] = join(dir, `mall-${period}.xlsx`);
    }
    copyFileSync(files.demo, join(dir, "rapport.xlsx"));
    run(["report", "rapport.xlsx", "-o", "rapport-igen.xlsx"]);
    files["report on a report"] = join(dir, "rapport-igen.xlsx");

    writeFileSync(join(dir, "arbetad.xlsx"), await richWorkbook());
    files["workbook with chart, pivot table and names"] = join(dir, "arbetad.xlsx");
    run(["report", "arbetad.xlsx", "-o", "arbetad-ut.xlsx"]);
    files["report on it"] = join(dir, "arbetad-ut.xlsx");
    run(["report", "arbetad-ut.xlsx", "-o", "arbetad-ut-igen.xlsx"]);
    files["re-run on that report"] = join(dir, "arbetad-ut-igen.xlsx");

    copyFileSync(SAMPLE, join(dir, "social.xlsx"));
    await writeSecondUnit(join(dir, "idrott.xlsx"));
    run(["consolidate", "social.xlsx", "idrott.xlsx", "-o", "stad.xlsx"]);
    files.consolidation = join(dir, "stad.xlsx");
    run(["consolidate", "social.xlsx", "idrott.xlsx", "-o", "stad.xlsx"]);
    files["consolidation written again"] = join(dir, "stad.xlsx");

    // The ExcelJS path, which the command line takes for a package it does not edit itself.
    const rich = readFileSync(files["workbook with chart, pivot table and names"]);
    const { grid } = await readXlsx(files["workbook with chart, pivot table and names"]);
    const result = runFollowUp(grid, resolveSettings(grid));
    await writeFollowUp(await loadWorkbook(rich, "arbetad.xlsx"), result.plans, join(dir, "reserv.xlsx"), rich);
    files["ExcelJS fallback"] = join(dir, "reserv.xlsx");

    errors = validate([...new Set(Object.values(files))]);
  }, 600_000);

  it("reports no ERROR on any of them", () => {
    const found = Object.entries(files).flatMap(([what, file]) => (errors.get(file) ?? ["not validated"]).map((e) => `${what}: ${e}`));
    expect(found).toEqual([]);
  });

  it("writes the summary's two charts as DrawingML parts on the summary sheet, referring to its cells", () => {
    const parts = unzip(readFileSync(files.demo));
    const charts = [...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(2);
    const titles = charts.map((c) => /<a:t>([^<]*)<\/a:t>/.exec(parts.get(c)!)?.[1]);
    expect(titles.sort()).toEqual(["Avvikelse per verksamhetsområde", "Indikatorer per måluppfyllelse"]);
    for (const c of charts) for (const m of parts.get(c)!.matchAll(/<c:f>([^<]*)<\/c:f>/g)) expect(m[1]).toMatch(/^&apos;Följsam Sammanfattning&apos;!\$[A-C]\$\d+(:\$[A-C]\$\d+)?$/);
  });

  it("keeps the user's chart, pivot table and names, and replaces only Följsam's own drawings on a re-run", () => {
    for (const file of [files["report on it"], files["re-run on that report"]]) {
      const parts = unzip(readFileSync(file));
      expect(parts.has("xl/pivotTables/pivotTable1.xml")).toBe(true);
      expect(parts.has("xl/pivotCache/pivotCacheRecords1.xml")).toBe(true);
      // The user's chart on Drift and the summary's two: three charts, three drawings' worth, no leftovers.
      expect([...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(3);
      expect([...parts.keys()].filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(2);
      const wb = workbookXml(file);
      expect(wb).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Drift!$A$1:$D$12</definedName>');
      expect(wb).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">Investeringar!$A$1:$D$8</definedName>');
    }
  });

  it("opens the report on Följsam Sammanfattning, with only that tab selected", () => {
    for (const file of [files.demo, files["report on it"], files["re-run on that report"], files["ExcelJS fallback"]]) {
      const wb = workbookXml(file);
      const active = Number(/<workbookView\b[^>]*\sactiveTab="(\d+)"/.exec(wb)?.[1]);
      expect([file, sheetNames(wb)[active]]).toEqual([file, "Följsam Sammanfattning"]);
      const parts = unzip(readFileSync(file));
      const selected = [...parts.entries()].filter(([p, xml]) => p.startsWith("xl/worksheets/sheet") && /<sheetView\b[^>]*tabSelected="1"/.test(xml));
      expect([file, selected.length]).toEqual([file, 1]);
    }
  });

  it("prints like a report: the nämnd, report and page numbers in header and footer, page breaks, wrapped rows' heights", () => {
    for (const file of [files.demo, files["ExcelJS fallback"]]) {
      const parts = unzip(readFileSync(file));
      const wb = parts.get("xl/workbook.xml")!;
      const rels = parts.get("xl/_rels/workbook.xml.rels")!;
      const sheetPart = (name: string) => {
        const rid = new RegExp(`<sheet\\b[^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
        const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
        return parts.get(`xl/${target.replace(/^\/?xl\//, "")}`)!;
      };
      const summary = sheetPart("Följsam Sammanfattning");
      expect(summary).toContain(
        "<oddHeader>&amp;LSocialnämnden&amp;RUppföljning VB 2019</oddHeader><oddFooter>&amp;LFöljsam Sammanfattning&amp;CSida &amp;P av &amp;N</oddFooter>",
      );
      expect(summary).toMatch(/<rowBreaks count="2" manualBreakCount="2"><brk id="\d+" max="\d+" man="1"\/><brk id="\d+" max="\d+" man="1"\/><\/rowBreaks>/);
      // The longest comment on Drift (111 letters in a 60-wide column) gets two lines.
      expect(sheetPart("Följsam Drift")).toMatch(/<row r="\d+" ht="30" customHeight="1"/);
    }
  });

  it("keeps every sheet-scoped name on its own sheet in the ExcelJS fallback", () => {
    const wb = workbookXml(files["ExcelJS fallback"]);
    const names = sheetNames(wb);
    const scoped = [...wb.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)]
      .map((m) => ({ name: /name="([^"]*)"/.exec(m[1])![1], local: /localSheetId="(\d+)"/.exec(m[1])?.[1], ref: m[2] }))
      .filter((n) => n.local !== undefined);
    expect(scoped.length).toBeGreaterThanOrEqual(2);
    for (const n of scoped) {
      const sheet = names[Number(n.local)];
      const quoted = `'${sheet.replace(/'/g, "''")}'`.replace(/'/g, "&apos;");
      expect([n.name, n.ref.startsWith(`${sheet}!`) || n.ref.startsWith(`${quoted}!`)]).toEqual([n.name, true]);
    }
    expect(scoped.map((n) => `${n.name}@${names[Number(n.local)]}`)).toEqual(
      expect.arrayContaining(["_xlnm._FilterDatabase@Drift", "_xlnm.Print_Area@Investeringar"]),
    );
  });
});
