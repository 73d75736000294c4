import { createFakeWorkbook, fakeExcelRun } from "./fake";
import { READ_FIRST_SYNCS, readWorkbookGrid } from "./read";
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
