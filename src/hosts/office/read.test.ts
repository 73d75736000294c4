import type { CellValue } from "../../workbook/cells";
import { createFakeWorkbook, fakeExcelRun, fakeRequirements } from "./fake";
import { ledgerSheetRows } from "./office.testkit";
import { DEFAULT_READ_BUDGET_BYTES, READ_FIRST_SYNCS, readWorkbookGrid } from "./read";
import { isDateFormat } from "./numberFormat";

describe("readWorkbookGrid", () => {
  const workbook = () =>
    createFakeWorkbook({
      name: "Nämnd 2024.xlsx",
      sheets: [
        {
          name: "Drift",
          rows: [
            ["Verksamhetsområde, tkr", "Budget", "Utfall", "Avvikelse", "Klar", "Datum", "Andel"],
            ["Skola", 1200.5, 1100, 100.5, true, { date: 45322 }, 0.25],
            ["Vård", 800, { error: "#REF!" }, { error: "#REF!" }, false, 45323, null],
            ["=inte en formel", null, null, null, null, null, null],
          ],
          formulas: { D2: "B2-C2", D3: "B3-C3" },
          numberFormats: { B2: "#,##0.0", F3: "[$-41D]d mmmm yyyy;@", G2: "0.0%" },
          tables: [{ name: "DriftTabell", range: "A1:G4" }],
        },
        { name: "Mål", rows: [[], [], [null, null, "Indikator", "Utfall"], [null, null, "Nöjdhet", 87]] },
        { name: "Tom" },
        { name: "Sammanfattning", rows: [["Uppföljning"]], followUp: true },
      ],
    });

  it("converts values, errors, dates and tables, in three syncs for a small workbook; formulas stay in Excel", async () => {
    const data = workbook();
    const grid = await fakeExcelRun(data, (context) => readWorkbookGrid(context));
    expect(data.syncCount).toBe(READ_FIRST_SYNCS);
    expect(grid.source).toBe("Nämnd 2024.xlsx");
    expect(grid.sheets.map((s) => s.name)).toEqual(["Drift", "Mål", "Tom", "Sammanfattning"]);

    const drift = grid.sheets[0];
    expect(drift.rows).toEqual([
      ["Verksamhetsområde, tkr", "Budget", "Utfall", "Avvikelse", "Klar", "Datum", "Andel"],
      ["Skola", 1200.5, 1100, 100.5, true, { date: 45322 }, "25 %"],
      ["Vård", 800, { error: "#REF!" }, { error: "#REF!" }, false, { date: 45323 }, null],
      ["=inte en formel", null, null, null, null, null, null],
    ]);
    // The reader reads a formula's value, which Excel always has; the formula text is not loaded.
    expect(drift.formulas).toBeUndefined();
    expect(drift.tables).toEqual([{ name: "DriftTabell", top: 0, left: 0, bottom: 3, right: 6 }]);
    expect(drift.followUp).toBeUndefined();
  });

  it("places a used range that does not start at A1, and gives an empty sheet no rows", async () => {
    const grid = await fakeExcelRun(workbook(), (context) => readWorkbookGrid(context));
    expect(grid.sheets[1].rows).toEqual([[], [], [null, null, "Indikator", "Utfall"], [null, null, "Nöjdhet", 87]]);
    expect(grid.sheets[2]).toEqual({ name: "Tom", rows: [] });
  });

  it("recognises Följsam's sheets by their marks, also after a rename", async () => {
    const data = workbook();
    data.renameSheet(data.sheet("Sammanfattning"), "Sammanfattning (gammal)");
    const grid = await fakeExcelRun(data, (context) => readWorkbookGrid(context));
    expect(grid.sheets.filter((s) => s.followUp).map((s) => s.name)).toEqual(["Sammanfattning (gammal)"]);
    expect(grid.sheets[3].rows).toEqual([["Uppföljning"]]);
  });

  it("can leave out the cells of Följsam's own sheets, still in three syncs", async () => {
    const data = workbook();
    const grid = await fakeExcelRun(data, (context) => readWorkbookGrid(context, { followUpContent: false }));
    expect(grid.sheets[3]).toEqual({ name: "Sammanfattning", rows: [], followUp: true });
    expect(data.syncCount).toBe(READ_FIRST_SYNCS);
  });
});

describe("isDateFormat", () => {
  it.each([
    ["yyyy-mm-dd", true],
    ["d/m/yyyy", true],
    ["[$-41D]d mmmm yyyy;@", true],
    ["ÅÅÅÅ-MM-DD", true],
    ["[h]:mm", true],
    ["General", false],
    ["#,##0.0", false],
    ["#,##0;[Red]-#,##0", false],
    ['0.0 "mnkr"', false],
    ["0.0%", false],
    ["0.00E+00", false],
    ["@", false],
  ])("%s → %s", (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });
});

describe("readWorkbookGrid within Excel's limits", () => {
  const styled = (excelApiMinor?: number) =>
    createFakeWorkbook({
      excelApiMinor,
      sheets: [
        {
          name: "Drift",
          rows: [
            ["Verksamhetsområde, mnkr", "Budget", "Utfall", "Kommentar", null],
            ["Nämnden", 30, 28, null, null],
            ["Skola", 10, 9, null, null],
            ["Vård", 20, 19, null, null],
          ],
          cellStyles: { A2: { bold: true }, A3: { indent: 1 }, A4: { indent: 1 }, B2: { bold: true } },
          merges: ["D1:E1"],
        },
      ],
    });

  it("gives the name column's indent and bold (ExcelApi 1.9) and the header's merged cells (1.13)", async () => {
    const data = styled();
    const grid = await fakeExcelRun(data, (context) => readWorkbookGrid(context, { requirements: fakeRequirements(data) }));
    // Only the name column's styles are asked for: B2's bold is not.
    expect(grid.sheets[0].cellStyles).toEqual(new Map([["A2", { bold: true }], ["A3", { indent: 1 }], ["A4", { indent: 1 }]]));
    expect(grid.sheets[0].merges).toEqual([{ name: "D1:E1", top: 0, left: 3, bottom: 0, right: 4 }]);
  });

  it("skips what the Excel at hand lacks: styles without 1.9, merges without 1.13", async () => {
    const old = styled(8);
    const without = await fakeExcelRun(old, (context) => readWorkbookGrid(context, { requirements: fakeRequirements(old) }));
    expect(without.sheets[0].cellStyles).toBeUndefined();
    expect(without.sheets[0].merges).toBeUndefined();
    const mid = styled(12);
    const some = await fakeExcelRun(mid, (context) => readWorkbookGrid(context, { requirements: fakeRequirements(mid) }));
    expect(some.sheets[0].cellStyles?.get("A2")).toEqual({ bold: true });
    expect(some.sheets[0].merges).toBeUndefined();
  });

  it("reads only the first hundred rows of a sheet that holds no table", async () => {
    const data = createFakeWorkbook({
      sheets: [
        { name: "Drift", rows: [["Verksamhetsområde, tkr", "Budget", "Utfall"], ["Skola", 10, 9]] },
        { name: "Huvudbok", rows: ledgerSheetRows(100_000) },
      ],
    });
    const grid = await fakeExcelRun(data, (context) => readWorkbookGrid(context));
    expect(grid.sheets[1].rows).toHaveLength(100);
    expect(grid.sheets[1].rows[99][0]).toBe("V100098");
    expect(data.syncCount).toBe(READ_FIRST_SYNCS);
    for (const s of data.syncs) expect(s.responseBytes).toBeLessThan(DEFAULT_READ_BUDGET_BYTES);
  });

  it("halves its blocks when rows turn out heavier than the first ones, and reads every row", async () => {
    const rows: CellValue[][] = [["Verksamhetsområde, tkr", "Budget", "Utfall", "Kommentar"]];
    for (let i = 1; i <= 3_000; i++) rows.push([`Område ${i}`, i, i, i <= 100 ? null : `${"lång förklaring ".repeat(60)}${i}`]);
    const data = createFakeWorkbook({ responseLimitBytes: 500_000, sheets: [{ name: "Drift", rows }] });
    const grid = await fakeExcelRun(data, (context) => readWorkbookGrid(context, { budgetBytes: 400_000 }));
    expect(grid.sheets[0].rows).toHaveLength(3_001);
    expect(grid.sheets[0].rows[3_000][3]).toMatch(/3000$/);
    // At least one block was refused as too large and read again in halves.
    expect(data.syncs.some((s) => s.responseBytes > 500_000)).toBe(true);
  });
});

describe("readWorkbookGrid below the header probe", () => {
  it("reads only the tables' columns there: a stray cell far to the right does not widen every row", async () => {
    const rows: CellValue[][] = [["Verksamhetsområde, tkr", "Budget", "Utfall"]];
    for (let i = 1; i <= 500; i++) rows.push([`Område ${i}`, i, i]);
    rows[300] = [...rows[300], ...new Array<CellValue>(2_000).fill(null), "anteckning"];
    const data = createFakeWorkbook({ sheets: [{ name: "Drift", rows }] });
    const grid = await fakeExcelRun(data, (context) => readWorkbookGrid(context));
    const drift = grid.sheets[0];
    expect(drift.rows).toHaveLength(501);
    expect(drift.rows[500]).toEqual(["Område 500", 500, 500]);
    // The probe's rows are as wide as the used range; the rows below are the table's three columns.
    expect(drift.rows[50]).toHaveLength(2_004);
    expect(drift.rows[300]).toHaveLength(3);
  });
});
