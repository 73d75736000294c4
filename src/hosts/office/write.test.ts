import { FOLLOW_UP_NAME_PREFIX, SheetPlan } from "../../workbook/plan";
import { FoljsamError } from "../../workbook/errors";
import { createFakeWorkbook, dumpSheet, fakeExcelRun, FakeWorkbook } from "./fake";
import { driftPlan, excelApiUpTo } from "./office.testkit";
import { readWorkbookGrid } from "./read";
import { writeSheetPlans, WriteOptions } from "./write";

const modernExcel: WriteOptions = { requirements: excelApiUpTo(17) };

function summaryPlan(name = "Sammanfattning"): SheetPlan {
  return {
    kind: "summary",
    name,
    rows: [
      [{ v: "Sammanfattning", styles: ["title"] }],
      [{ v: "Avvikelse", styles: ["header"] }, { v: 5, f: "Drift!D13", numFmt: "#,##0" }],
      [{ v: "Budgetföljsamhet", styles: ["text"] }, { v: 0.98, numFmt: "0.0%" }],
    ],
    columnWidths: [30, 12],
    freezeRows: 0,
    conditionalFormats: [],
    charts: [],
    landscape: false,
  };
}

function inputWorkbook(): FakeWorkbook {
  const data = createFakeWorkbook({
    sheets: [
      { name: "Indata", rows: [["Verksamhetsområde", "Budget", "Utfall"], ["Skola", 100, 90]], formulas: { D2: "B2-C2" }, numberFormats: { B2: "#,##0" } },
      { name: "Mål", rows: [["Indikator", "Utfall"]] },
    ],
  });
  data.resetStats();
  return data;
}

describe("writeSheetPlans", () => {
  it("writes cells, formulas, number formats and styles with 2-D arrays in one batch", async () => {
    const data = inputWorkbook();
    const report = await fakeExcelRun(data, (context) => writeSheetPlans(context, [driftPlan(10)], modernExcel));
    expect(report).toEqual({ sheets: ["Drift"], replaced: [], syncs: 2, batchBytes: [expect.any(Number)] });
    expect(data.syncCount).toBe(2);
    expect(data.suspendCalculationCalls).toBe(1);

    const cells = dumpSheet(data, "Drift", { formats: true, quotePrefix: true });
    expect(cells.A1).toEqual({ value: "Driftredovisning 2024, tkr", numberFormat: "General", quotePrefix: true, format: { bold: true, fontSize: 14 } });
    expect(cells.B2).toEqual({ value: "Budget", numberFormat: "General", format: { bold: true, fill: "#DDEBF7", wrap: true, borderBottom: "Continuous" } });
    expect(cells.B3).toMatchObject({ value: expect.any(Number), numberFormat: "#,##0" });
    expect(cells.D3).toMatchObject({ value: null, formula: "B3-C3", numberFormat: '#,##0;[Red]"▼ "-#,##0' });
    expect(cells.G3).toMatchObject({ formula: 'IF(B3=0,"",D3/B3)', numberFormat: "0.0%" });
    expect(cells.A13).toEqual({ value: "Nämnden totalt", numberFormat: "General", format: { bold: true, borderTop: "Continuous" } });
    expect(cells.D13).toMatchObject({ formula: "SUM(D3:D12)", format: { bold: true, borderTop: "Continuous" } });
  });

  it("keeps text that starts with = + - @ or looks like a number as text", async () => {
    const data = inputWorkbook();
    const plan: SheetPlan = {
      ...summaryPlan("Kontroller"),
      rows: [[{ v: "=SUMMA(A1)" }, { v: "+46 70 123" }, { v: "-ingen uppgift" }, { v: "@kommun" }, { v: "'citat" }, { v: "2024-01-31" }, { v: "SANT" }, { v: "#N/A" }, { v: "Skola" }]],
    };
    await fakeExcelRun(data, (context) => writeSheetPlans(context, [plan], modernExcel));
    const cells = dumpSheet(data, "Kontroller");
    expect(Object.values(cells).map((c) => [c.value, c.formula, c.numberFormat])).toEqual(
      ["=SUMMA(A1)", "+46 70 123", "-ingen uppgift", "@kommun", "'citat", "2024-01-31", "SANT", "#N/A", "Skola"].map((v) => [v, undefined, "General"]),
    );
  });

  it("sets column widths, freeze panes, data bars, the chart, tab colour, page layout and marks", async () => {
    const data = inputWorkbook();
    await fakeExcelRun(data, (context) => writeSheetPlans(context, [driftPlan(10), summaryPlan()], modernExcel));
    const drift = data.sheet("Drift");
    expect(drift.columnWidths.get(0)).toBe(150.75); // 28 characters: (28 × 7 + 5) px × 0.75
    expect(drift.columnWidths.get(1)).toBe(66.75);
    expect(drift.freeze).toEqual({ rows: 2, columns: 0 });
    expect(drift.conditionalFormats).toEqual([{ type: "DataBar", range: "D3:D12", dataBar: { fillColor: "#638EC6", gradientFill: false } }]);
    expect(drift.charts).toEqual([
      {
        name: "Diagram 1",
        type: "BarClustered",
        source: "Drift!D3:D12",
        seriesBy: "Auto",
        title: "Avvikelse per område",
        legendVisible: false,
        position: { from: "J3", to: "Q20" },
        series: [{ name: "Avvikelse", values: "Drift!D3:D12", xAxisValues: "Drift!A3:A12" }],
      },
    ]);
    expect(drift.tabColor).toBe("#1E6B52");
    expect(drift.pageLayout).toEqual({ orientation: "Landscape", printTitleRows: "$1:$2" });
    expect(data.sheet("Sammanfattning").pageLayout).toEqual({ orientation: "Portrait" });
    expect(data.names.map((n) => [n.name, "sheet" in n.target ? n.target.sheet.name : null])).toEqual([
      [`${FOLLOW_UP_NAME_PREFIX}1`, "Drift"],
      [`${FOLLOW_UP_NAME_PREFIX}2`, "Sammanfattning"],
    ]);
  });

  it("leaves page layout out where ExcelApi 1.9 is missing", async () => {
    const data = inputWorkbook();
    await fakeExcelRun(data, (context) => writeSheetPlans(context, [driftPlan(3)], { requirements: excelApiUpTo(8) }));
    expect(data.sheet("Drift").pageLayout).toEqual({ orientation: "Portrait" });
  });

  it("on a rerun replaces only Följsam's sheets and never touches an input sheet", async () => {
    const data = inputWorkbook();
    await fakeExcelRun(data, (context) => writeSheetPlans(context, [driftPlan(10), summaryPlan()], modernExcel));
    // The user renames one output sheet and formats an input cell in between.
    data.renameSheet(data.sheet("Drift"), "Drift (mars)");
    const inputBefore = JSON.stringify([dumpSheet(data, "Indata", { formats: true }), dumpSheet(data, "Mål", { formats: true })]);
    data.resetStats();

    const report = await fakeExcelRun(data, (context) => writeSheetPlans(context, [driftPlan(4), summaryPlan()], modernExcel));
    expect(report.replaced).toEqual(["Drift (mars)", "Sammanfattning"]);
    expect(data.syncCount).toBe(2);
    expect(data.sheets.map((s) => s.name)).toEqual(["Indata", "Mål", "Drift", "Sammanfattning"]);
    expect(JSON.stringify([dumpSheet(data, "Indata", { formats: true }), dumpSheet(data, "Mål", { formats: true })])).toBe(inputBefore);
    expect(dumpSheet(data, "Drift").A7).toEqual({ value: "Nämnden totalt", numberFormat: "General" });
    expect(dumpSheet(data, "Drift").A13).toBeUndefined();
    expect(data.names.map((n) => n.name)).toEqual([`${FOLLOW_UP_NAME_PREFIX}1`, `${FOLLOW_UP_NAME_PREFIX}2`]);

    const grid = await fakeExcelRun(data, (context) => readWorkbookGrid(context));
    expect(grid.sheets.filter((s) => s.followUp).map((s) => s.name)).toEqual(["Drift", "Sammanfattning"]);
  });

  it("replaces its sheets even when they are the only visible ones", async () => {
    const data = inputWorkbook();
    await fakeExcelRun(data, (context) => writeSheetPlans(context, [summaryPlan()], modernExcel));
    data.sheet("Indata").visibility = "Hidden";
    data.sheet("Mål").visibility = "Hidden";
    await fakeExcelRun(data, (context) => writeSheetPlans(context, [summaryPlan()], modernExcel));
    expect(data.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Indata", "Hidden"],
      ["Mål", "Hidden"],
      ["Sammanfattning", "Visible"],
    ]);
  });

  it("refuses a planned name that belongs to a sheet Följsam did not make, before changing anything", async () => {
    const data = inputWorkbook();
    const before = JSON.stringify(dumpSheet(data, "Mål"));
    await expect(fakeExcelRun(data, (context) => writeSheetPlans(context, [summaryPlan("mål")], modernExcel))).rejects.toThrow(FoljsamError);
    await expect(fakeExcelRun(data, (context) => writeSheetPlans(context, [summaryPlan("Mål")], modernExcel))).rejects.toThrow(
      'Bladet "Mål" finns redan i arbetsboken och är inte skapat av Följsam; det lämnas orört.',
    );
    expect(data.syncCount).toBe(2);
    expect(data.sheets.map((s) => s.name)).toEqual(["Indata", "Mål"]);
    expect(JSON.stringify(dumpSheet(data, "Mål"))).toBe(before);
  });
});
