/**
 * The two hosts write the same follow-up: the bundled sample goes into the fake Excel, is read
 * back through the Office host, run through the pipeline and written with writeSheetPlans; the
 * same workbook read from the file by the xlsx host is written with writeFollowUp and read back
 * with ExcelJS. Every Följsam sheet must hold the same cells: values (constants), formulas and
 * number formats, cell for cell. The summary sheet also gets a real chart in Excel (ExcelJS
 * writes none), checked on the fake.
 */
import * as ExcelJS from "exceljs";
import { join, resolve } from "path";
import type { CellValue, WorkbookGrid } from "../../workbook/cells";
import { resolveSettings, runFollowUp } from "../../workbook/followUp";
import { readXlsxWithWorkbook } from "../xlsx/read";
import { writeFollowUp } from "../xlsx/write";
import { tempDir } from "../xlsx/xlsx.testkit";
import { createFakeWorkbook, dumpSheet, fakeExcelRun } from "./fake";
import { excelApiUpTo } from "./office.testkit";
import { readWorkbookGrid } from "./read";
import { writeSheetPlans } from "./write";

const SAMPLE = join(resolve(__dirname, "..", "..", ".."), "assets", "foljsam-exempel.xlsx");

interface ComparableCell {
  /** A constant's value; null for a formula cell (ExcelJS drops a cached 0, the fake calculates nothing). */
  value: string | number | boolean | null;
  formula?: string;
  numberFormat: string;
}

function unescaped(code: string): string {
  return code.replace(/\\(.)/g, "$1");
}

function fromFake(cells: ReturnType<typeof dumpSheet>): Record<string, ComparableCell> {
  return Object.fromEntries(
    Object.entries(cells).map(([address, c]) => [
      address,
      // ExcelJS drops a format code's escapes when it reads one ("0.0\ %" comes back "0.0 %",
      // which Excel shows alike), so the fake's codes are compared the same way.
      c.formula !== undefined ? { value: null, formula: c.formula, numberFormat: unescaped(c.numberFormat) } : { value: c.value, numberFormat: unescaped(c.numberFormat) },
    ]),
  );
}

function fromExcelJs(ws: ExcelJS.Worksheet): Record<string, ComparableCell> {
  const out: Record<string, ComparableCell> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const numberFormat = cell.numFmt || "General";
      const v = cell.value;
      if (v !== null && typeof v === "object" && "formula" in v) out[cell.address] = { value: null, formula: v.formula, numberFormat };
      // A cell of a shared formula: ExcelJS gives its formula moved from the master to this cell.
      else if (v !== null && typeof v === "object" && "sharedFormula" in v) out[cell.address] = { value: null, formula: cell.formula, numberFormat };
      else if (v !== null && typeof v === "object" && "richText" in v) out[cell.address] = { value: v.richText.map((r) => r.text).join(""), numberFormat };
      else if (v !== null && typeof v === "object" && "error" in v) out[cell.address] = { value: v.error, numberFormat };
      else if (v instanceof Date || (v !== null && typeof v === "object")) throw new Error(`Oväntat cellvärde i ${ws.name}!${cell.address}: ${JSON.stringify(v)}`);
      else out[cell.address] = { value: v ?? null, numberFormat };
    }),
  );
  return out;
}

it("the Office host on the fake and the xlsx host write the bundled sample's follow-up cell for cell alike", async () => {
  const { grid, workbook } = await readXlsxWithWorkbook(SAMPLE);

  // Office.js: the sample open in (fake) Excel, read, computed and written back.
  const excel = createFakeWorkbook({ name: grid.source, sheets: grid.sheets });
  const officeGrid = await fakeExcelRun(excel, (context) => readWorkbookGrid(context));
  // Excel's used range is a rectangle: the Office host pads short rows with empty cells.
  const trim = (row: CellValue[]) => {
    let end = row.length;
    while (end > 0 && row[end - 1] === null) end--;
    return row.slice(0, end);
  };
  const trimmed = (g: WorkbookGrid) => g.sheets.map((s) => [s.name, s.rows.map(trim)]);
  expect(trimmed(officeGrid)).toEqual(trimmed(grid));
  const office = runFollowUp(officeGrid, resolveSettings(officeGrid));
  await fakeExcelRun(excel, (context) => writeSheetPlans(context, office.plans, { requirements: excelApiUpTo(9) }));

  // ExcelJS: the file, computed and written to a copy, read back.
  const file = runFollowUp(grid, resolveSettings(grid));
  expect(office.report).toEqual(file.report);
  const out = join(tempDir("foljsam-crosshost-"), "uppfoljning.xlsx");
  await writeFollowUp(workbook, file.plans, out);
  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(out);

  const names = file.plans.map((p) => p.name);
  expect(office.plans.map((p) => p.name)).toEqual(names);
  expect(names).toEqual(expect.arrayContaining(["Följsam Sammanfattning", "Följsam Drift", "Följsam Indikatorer", "Följsam Kontroller"]));
  expect(written.worksheets.map((w) => w.name)).toEqual(excel.sheets.map((s) => s.name));

  let formulas = 0;
  for (const name of names) {
    const fake = fromFake(dumpSheet(excel, name));
    const xlsx = fromExcelJs(written.getWorksheet(name)!);
    expect(Object.keys(fake).length).toBeGreaterThan(3);
    expect([name, fake]).toEqual([name, xlsx]);
    formulas += Object.values(fake).filter((c) => c.formula !== undefined).length;
  }
  expect(formulas).toBeGreaterThan(50);

  // The charts of the summary sheet (indicators per status, deviation per area): real Excel charts
  // over the plan's ranges.
  const summary = office.plans.find((p) => p.kind === "summary")!;
  expect(summary.charts.map((c) => c.title)).toEqual(["Indikatorer per måluppfyllelse", "Avvikelse per verksamhetsområde"]);
  const sheet = `'${summary.name}'`;
  expect(excel.sheet(summary.name).charts).toEqual(summary.charts.map((plan) => ({
      name: expect.any(String),
      type: "BarClustered",
      source: `${sheet}!${plan.values}`,
      seriesBy: "Auto",
      title: plan.title,
      legendVisible: false,
      position: { from: plan.from, to: plan.to },
      // Excel splits a two-column source into two series; the host names the first.
      series: plan.series!.map((s, i) =>
        i === 0 ? { name: plan.seriesName, values: `${sheet}!${s.values}`, xAxisValues: `${sheet}!${plan.categories}` } : { values: `${sheet}!${s.values}` },
      ),
  })));
  const plan = summary.charts[1];
  const areas = dumpSheet(excel, summary.name);
  const [first] = plan.categories.split(":");
  expect(areas[first].value).toBe("Barn och ungdom");
});
