/**
 * Text never becomes a formula. A workbook whose every text cell (names, units, comments,
 * earmarks, goals, indicator names, targets, titles, a sheet name) starts with =, +, -, @ or hides
 * a formula goes through the whole pipeline; no formula in any sheet plan, in the .xlsx written
 * either way (into the user's package, or through ExcelJS) or in the Office host's fake workbook
 * contains any of that text. Formulas that Följsam writes itself are only its own arithmetic.
 */
import * as ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { readXlsx, readXlsxWithWorkbook } from "../../src/hosts/xlsx/read";
import { writeFollowUp, writeFollowUpFile } from "../../src/hosts/xlsx/write";
import { unzip } from "../../src/hosts/xlsx/xlsx.testkit";
import { createFakeWorkbook, fakeExcelRun } from "../../src/hosts/office/fake";
import { writeSheetPlans } from "../../src/hosts/office";
import { excelApiUpTo } from "../../src/hosts/office/office.testkit";
import { resolveSettings, runFollowUp } from "../../src/workbook/followUp";
import type { SheetPlan } from "../../src/workbook/plan";
import { tempDir } from "../helpers/cli";

/** Every payload carries "evil" (any case) or "cmd|", so that a formula made of it is recognised. */
function payloads(): string[] {
  const out: string[] = [];
  const kinds = [
    (i: number) => `=HYPERLINK("http://evil.example/${i}","klicka här")`,
    (i: number) => `+cmd|' /C calc'!A${i}`,
    (i: number) => `-1+1+EVIL${i}`,
    (i: number) => `@SUM(EVIL${i})`,
    (i: number) => `=EVIL${i}()`,
    (i: number) => `\t=EVIL${i}`,
    (i: number) => `\r\n=EVIL${i}`,
    (i: number) => ` =EVIL${i}`,
    (i: number) => `＝EVIL${i}`,
    (i: number) => `'=EVIL${i}`,
    (i: number) => `Avvikelse =SUM(EVIL${i}:A9)`,
    (i: number) => `=1+1 evil ${i}`,
  ];
  for (let i = 0; i < 120; i++) out.push(kinds[i % kinds.length](i));
  return out;
}

const MARK = /evil|cmd\|/i;
const SHEET_NAME = "=cmd|' C calc'!A0 evil";

async function hostileWorkbook(path: string): Promise<void> {
  const p = payloads();
  let n = 0;
  const next = () => p[n++ % p.length];
  const wb = new ExcelJS.Workbook();
  const drift = wb.addWorksheet(SHEET_NAME);
  drift.addRow([next()]);
  drift.addRow(["Verksamhetsområde", "Enhet", "Budget 2026", "Utfall per 31 augusti", "Prognos T1", "Prognos T2", "Resultatenhet", "Bruttobudget", "Öronmärkning", "Kommentar"]);
  for (let i = 0; i < 12; i++) {
    const area = next();
    for (let j = 0; j < 3; j++) drift.addRow([area, next(), 1000 + i * 10 + j, 300 + i, 990 + j, 1100 - 50 * j, j === 1 ? "ja" : null, 1200, i % 3 === 0 ? next() : null, next()]);
  }
  drift.addRow([next(), null, next(), next(), 5, 5, null, null, null, next()]);
  const inv = wb.addWorksheet("Investeringar");
  inv.addRow(["Projekt", "Budget", "Utfall per 31 augusti", "Prognos", "Flerårig", "Kommentar"]);
  for (let i = 0; i < 5; i++) inv.addRow([next(), 10, 3, 12, "ja", next()]);
  const cost = wb.addWorksheet("Kostnadsslag");
  cost.addRow(["Kostnadsslag", "Utfall 2025", "Utfall 2026", "Slag"]);
  for (let i = 0; i < 5; i++) cost.addRow([next(), 100, 120, i % 2 === 0 ? "kostnad" : next()]);
  const ind = wb.addWorksheet("Indikatorer");
  ind.addRow(["Nämndmål", "Indikator", "Periodens utfall", "Utfall kvinnor", "Utfall män", "Årsmål", "KF:s årsmål", "Riktning", "Kommentar"]);
  for (let i = 0; i < 10; i++) ind.addRow([next(), next(), i % 3 === 0 ? next() : "70 %", "80 %", "60 %", i % 2 === 0 ? next() : "75 %", next(), i % 4 === 0 ? next() : null, next()]);
  await wb.xlsx.writeFile(path);
}

/** Formulas of every plan cell that carry hostile text; and text cells that were made formulas. */
function badPlanCells(plans: SheetPlan[]): string[] {
  const bad: string[] = [];
  for (const plan of plans) {
    plan.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        if (cell.f !== undefined && MARK.test(cell.f)) bad.push(`${plan.name}!R${r + 1}C${c + 1}: =${cell.f}`);
      }),
    );
  }
  return bad;
}

let dir: string;
let input: string;
let plans: SheetPlan[];
let textCells = 0;

beforeAll(async () => {
  dir = tempDir("foljsam-injektion-");
  input = join(dir, "fientlig.xlsx");
  await hostileWorkbook(input);
  const { grid } = await readXlsx(input);
  const run = runFollowUp(grid, resolveSettings(grid));
  plans = run.plans;
  for (const plan of plans) for (const row of plan.rows) for (const cell of row) if (cell && typeof cell.v === "string" && MARK.test(cell.v)) textCells++;
});

describe("hostile text through the whole pipeline", () => {
  it("reaches the follow-up sheets as text: many cells show it, no plan formula holds it", () => {
    // The text does arrive (names, comments, findings quoting cells and the sheet name) …
    expect(textCells).toBeGreaterThan(60);
    expect(plans.some((p) => p.rows.some((row) => row.some((cell) => cell?.v === SHEET_NAME || (typeof cell?.v === "string" && cell.v.includes(SHEET_NAME)))))).toBe(true);
    // … and never inside a formula.
    expect(badPlanCells(plans)).toEqual([]);
    // Följsam's own formulas are arithmetic on cell references, sums and conditions.
    for (const plan of plans) for (const row of plan.rows) for (const cell of row) if (cell?.f) expect(cell.f).toMatch(/^[A-Z0-9$:(),+\-*/<>=."' ÅÄÖåäöa-z!]*$/);
  });

  async function writtenFormulas(out: string): Promise<{ cells: string[]; xml: string[] }> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cells: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula && MARK.test(cell.formula ?? "")) cells.push(`${ws.name}!${cell.address}: ${cell.formula}`);
        }),
      );
    }
    const xml: string[] = [];
    for (const [part, text] of unzip(readFileSync(out))) {
      if (!part.startsWith("xl/worksheets/")) continue;
      for (const m of text.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)) if (MARK.test(m[1])) xml.push(`${part}: ${m[1]}`);
    }
    return { cells, xml };
  }

  it("is written as text into the user's package (the command line's way)", async () => {
    const out = join(dir, "ut-paket.xlsx");
    await writeFollowUpFile(readFileSync(input), plans, out);
    expect(await writtenFormulas(out)).toEqual({ cells: [], xml: [] });
    // The hostile text is there, as shared or inline strings.
    const back = await readXlsx(out, { followUpCells: true });
    const shown = back.grid.sheets.filter((s) => s.followUp).flatMap((s) => s.rows.flat()).filter((v) => typeof v === "string" && MARK.test(v));
    expect(shown.length).toBe(textCells);
  });

  it("is written as text through ExcelJS", async () => {
    const out = join(dir, "ut-exceljs.xlsx");
    await writeFollowUp((await readXlsxWithWorkbook(input)).workbook, plans, out);
    expect(await writtenFormulas(out)).toEqual({ cells: [], xml: [] });
  });

  it("is written as text by the Office host", async () => {
    const data = createFakeWorkbook({ sheets: [{ name: "Indata", rows: [["x"]] }] });
    await fakeExcelRun(data, (context) => writeSheetPlans(context, plans, { requirements: excelApiUpTo(17) }));
    const bad: string[] = [];
    let texts = 0;
    for (const sheet of data.sheets) {
      for (const cell of sheet.cells.values()) {
        if (cell.formula !== undefined && MARK.test(cell.formula)) bad.push(`${sheet.name}: ${cell.formula}`);
        if (typeof cell.value === "string" && MARK.test(cell.value)) texts++;
      }
    }
    expect(bad).toEqual([]);
    expect(texts).toBe(textCells);
  });
});
