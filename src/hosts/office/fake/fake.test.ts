import { FOLLOW_UP_NAME_PREFIX } from "../../../workbook/plan";
import { createFakeWorkbook, dumpSheet, fakeExcelRun, FakeOfficeError, FakeWorkbook, formatAddress, parseAddress } from "./index";

async function rejection(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error("expected the promise to reject");
}

function oneSheet(): FakeWorkbook {
  return createFakeWorkbook({
    name: "Budget.xlsx",
    sheets: [{ name: "Drift", rows: [["Område", "Budget"], ["Skola", 120.5], ["Vård", { error: "#REF!" }]] }],
  });
}

describe("fake Excel: loading", () => {
  it("throws PropertyNotLoaded for a property read before load and sync, as Office does", async () => {
    const workbook = oneSheet();
    await fakeExcelRun(workbook, async (context) => {
      const range = context.workbook.worksheets.getItem("Drift").getRange("A1:B3");
      // The reads before load and sync below are the mistakes the lint rules catch; the fake must throw on them.
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- deliberate: read before load
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-before-read -- deliberate: read before sync
      expect(() => range.values).toThrow(/call the load method on the containing object and call "context.sync\(\)"/);
      await context.sync();
      expect(range.values).toEqual([
        ["Område", "Budget"],
        ["Skola", 120.5],
        ["Vård", "#REF!"],
      ]);
      // eslint-disable-next-line office-addins/load-object-before-read -- deliberate: formulas were never loaded
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("loads collection items with nested paths, and value types, formulas and formats", async () => {
    const workbook = createFakeWorkbook({
      sheets: [
        { name: "Indata", rows: [["a", 1, true, null, 3]], formulas: { E1: "B1*3" }, numberFormats: { B1: "#,##0.0" }, tables: [{ name: "Budget", range: "A1:E1" }] },
        { name: "Tom" },
      ],
    });
    await fakeExcelRun(workbook, async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/visibility");
      const tables = context.workbook.tables.load("items/name,items/worksheet/name");
      const range = context.workbook.worksheets.getItem("Indata").getRange("A1:E1").load(["formulas", "valueTypes", "numberFormat"]);
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Indata", "Visible"],
        ["Tom", "Visible"],
      ]);
      expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([["Budget", "Indata"]]);
      expect(range.formulas).toEqual([["a", 1, true, "", "=B1*3"]]);
      expect(range.valueTypes).toEqual([["String", "Double", "Boolean", "Empty", "Double"]]);
      expect(range.numberFormat).toEqual([["General", "#,##0.0", "General", "General", "General"]]);
    });
  });

  it("reports a missing item at sync, and null objects through isNullObject", async () => {
    const workbook = oneSheet();
    await fakeExcelRun(workbook, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Saknas");
      const empty = context.workbook.worksheets.add("Tomt");
      const used = empty.getUsedRangeOrNullObject(true);
      const usedA1 = empty.getUsedRange().load("address");
      // eslint-disable-next-line office-addins/call-sync-before-read -- deliberate: isNullObject is known only after a sync
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(usedA1.address).toBe("Tomt!A1");
      context.workbook.worksheets.getItem("Saknas");
      expect((await rejection(context.sync())).code).toBe("ItemNotFound");
    });
  });
});

describe("fake Excel: writing", () => {
  it("refuses a 2-D array whose size differs from the range, at sync, like Office", async () => {
    const workbook = oneSheet();
    const error = await rejection(
      fakeExcelRun(workbook, async (context) => {
        const range = context.workbook.worksheets.getItem("Drift").getRange("D1:E2");
        range.values = [[1, 2, 3]];
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
    expect(error.message).toContain("The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    expect(dumpSheet(workbook, "Drift").D1).toBeUndefined();
  });

  it("treats typed input as Excel does: formulas, apostrophe text, numbers, + - @", async () => {
    const workbook = oneSheet();
    await fakeExcelRun(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Drift");
      sheet.getRange("A5:G5").formulas = [["=B2*2", "'=inte formel", "'+46 70", "123", "-abc", "2024-01-31", "true"]];
      sheet.getRange("A6").numberFormat = [["@"]];
      sheet.getRange("A6").values = [["=som text"]];
      await context.sync();
    });
    const cells = dumpSheet(workbook, "Drift", { quotePrefix: true });
    expect(cells.A5).toEqual({ value: null, formula: "B2*2", numberFormat: "General" });
    expect(cells.B5).toEqual({ value: "=inte formel", numberFormat: "General", quotePrefix: true });
    expect(cells.C5).toEqual({ value: "+46 70", numberFormat: "General", quotePrefix: true });
    expect(cells.D5).toEqual({ value: 123, numberFormat: "General" });
    expect(cells.E5).toEqual({ value: null, formula: "-abc", numberFormat: "General" });
    expect(cells.F5).toEqual({ value: 45322, numberFormat: "yyyy-mm-dd" });
    expect(cells.G5).toEqual({ value: true, numberFormat: "General" });
    expect(cells.A6).toEqual({ value: "=som text", numberFormat: "@" });
  });

  it("records formats, column widths, freeze panes, data bars, charts and names as data", async () => {
    const workbook = createFakeWorkbook({ sheets: [{ name: "Indata", rows: [["x"]] }] });
    await fakeExcelRun(workbook, async (context) => {
      const sheet = context.workbook.worksheets.add("Sammanfattning");
      sheet.tabColor = "#1e6b52";
      sheet.getRange("A1:B2").values = [
        ["Skola", 5],
        ["Vård", -3],
      ];
      sheet.getRange("A1:B2").format.font.bold = true;
      sheet.getRange("A1:B2").format.borders.getItem("InsideHorizontal").style = "Continuous";
      sheet.getRange("B:C").format.columnWidth = 60;
      sheet.freezePanes.freezeRows(1);
      const bar = sheet.getRange("B1:B2").conditionalFormats.add("DataBar");
      bar.dataBar.positiveFormat.fillColor = "#638EC6";
      const chart = sheet.charts.add("BarClustered", sheet.getRange("B1:B2"), "Auto");
      chart.title.text = "Avvikelse per område";
      chart.series.getItemAt(0).setXAxisValues(sheet.getRange("A1:A2"));
      chart.setPosition("D2", "J15");
      context.workbook.names.add(`${FOLLOW_UP_NAME_PREFIX}1`, sheet.getRange("A1"));
      await context.sync();
    });
    const sheet = workbook.sheet("Sammanfattning");
    expect(sheet.tabColor).toBe("#1E6B52");
    expect(dumpSheet(workbook, "Sammanfattning", { formats: true }).A1.format).toEqual({ bold: true, borderBottom: "Continuous" });
    expect(dumpSheet(workbook, "Sammanfattning", { formats: true }).A2.format).toEqual({ bold: true, borderTop: "Continuous" });
    expect([...sheet.columnWidths]).toEqual([
      [1, 60],
      [2, 60],
    ]);
    expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
    expect(sheet.conditionalFormats).toEqual([{ type: "DataBar", range: "B1:B2", dataBar: { fillColor: "#638EC6" } }]);
    expect(sheet.charts).toEqual([
      {
        name: "Diagram 1",
        type: "BarClustered",
        source: "Sammanfattning!B1:B2",
        seriesBy: "Auto",
        title: "Avvikelse per område",
        position: { from: "D2", to: "J15" },
        series: [{ values: "Sammanfattning!B1:B2", xAxisValues: "Sammanfattning!A1:A2" }],
      },
    ]);
    expect(workbook.names.map((n) => n.name)).toEqual([`${FOLLOW_UP_NAME_PREFIX}1`]);
  });

  it("keeps a defined name on its sheet through a rename, and turns it to #REF! when the sheet goes", async () => {
    const workbook = createFakeWorkbook({ sheets: [{ name: "Indata" }, { name: "Drift", followUp: true }] });
    const formulaOf = () =>
      fakeExcelRun(workbook, async (context) => {
        const names = context.workbook.names.load("items/name,items/formula");
        await context.sync();
        return names.items.map((n) => n.formula);
      });
    expect(await formulaOf()).toEqual(["=Drift!$A$1"]);
    await fakeExcelRun(workbook, async (context) => {
      context.workbook.worksheets.getItem("Drift").name = "Drift 2024";
      await context.sync();
    });
    expect(await formulaOf()).toEqual(["='Drift 2024'!$A$1"]);
    await fakeExcelRun(workbook, async (context) => {
      context.workbook.worksheets.getItem("Drift 2024").delete();
      await context.sync();
    });
    expect(await formulaOf()).toEqual(["=#REF!$A$1"]);
  });
});

describe("fake Excel: addresses", () => {
  it("parses A1 addresses, whole rows and columns, and quoted sheet names", () => {
    expect(parseAddress("B3")).toEqual({ area: { top: 2, left: 1, bottom: 2, right: 1 } });
    expect(parseAddress("$A$1:$C$9").area).toEqual({ top: 0, left: 0, bottom: 8, right: 2 });
    expect(parseAddress("Drift!A:C").area).toMatchObject({ top: 0, left: 0, right: 2, bottom: 1_048_575 });
    expect(parseAddress("'It''s'!A1:B2")).toEqual({ sheet: "It's", area: { top: 0, left: 0, bottom: 1, right: 1 } });
    expect(parseAddress("'Drift 2024'!2:4").sheet).toBe("Drift 2024");
    expect(() => parseAddress("A1:B")).toThrow(FakeOfficeError);
    expect(() => parseAddress("'It's'!A1")).toThrow(FakeOfficeError);
    expect(formatAddress("It's", { top: 0, left: 0, bottom: 1, right: 1 })).toBe("'It''s'!A1:B2");
  });

  it("reads and writes a sheet whose name needs quotes", async () => {
    const workbook = createFakeWorkbook({ sheets: [{ name: "It's", rows: [[1, 2]] }] });
    await fakeExcelRun(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem("It's");
      const range = sheet.getRange("'It''s'!A1:B1").load(["address", "values"]);
      sheet.getRange("'It''s'!A2:B2").values = [[3, 4]];
      await context.sync();
      expect(range.address).toBe("'It''s'!A1:B1");
      expect(range.values).toEqual([[1, 2]]);
      sheet.getRange("Annat!A1").values = [[1]];
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
    expect(dumpSheet(workbook, "It's").B2.value).toBe(4);
  });
});

describe("fake Excel: syncs and payload", () => {
  it("counts syncs and measures the bytes each one sends", async () => {
    const workbook = oneSheet();
    await fakeExcelRun(workbook, async (context) => {
      context.workbook.worksheets.getItem("Drift").getRange("D1:D2").values = [["åäö"], [1]];
      await context.sync();
      await context.sync();
    });
    expect(workbook.syncCount).toBe(2);
    expect(workbook.syncs[0].operations).toBe(3); // getItem, getRange, set values
    expect(workbook.syncs[0].requestBytes).toBeGreaterThan(JSON.stringify([["åäö"], [1]]).length);
    expect(workbook.syncs[1]).toMatchObject({ operations: 0, requestBytes: 0 });
  });

  it("refuses a request over the payload limit with RequestPayloadSizeLimitExceeded and applies none of it", async () => {
    const workbook = createFakeWorkbook({ payloadLimitBytes: 10_000, sheets: [{ name: "Drift" }] });
    const big = Array.from({ length: 1000 }, (_, i) => [`rad ${i}`]);
    const error = await rejection(
      fakeExcelRun(workbook, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Drift");
        sheet.getRange("A1").values = [["först"]];
        sheet.getRange("A1:A1000").values = big;
        await context.sync();
      }),
    );
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(workbook.syncs[0].requestBytes).toBeGreaterThan(10_000);
    expect(dumpSheet(workbook, "Drift")).toEqual({});
  });

  it("defaults to Excel on the web's 5 MB limits, for requests and for responses", () => {
    expect(new FakeWorkbook().payloadLimitBytes).toBe(5 * 1024 * 1024);
    expect(new FakeWorkbook().responseLimitBytes).toBe(5 * 1024 * 1024);
  });

  const bigRead = async (workbook: FakeWorkbook) =>
    fakeExcelRun(workbook, async (context) => {
      const range = context.workbook.worksheets.getItem("Drift").getRange("A1:A3000").load("values");
      await context.sync();
      return range.values.length;
    });
  const tall = (responseLimitBytes?: number | null) =>
    createFakeWorkbook({ responseLimitBytes, sheets: [{ name: "Drift", rows: Array.from({ length: 3000 }, (_, i) => [`${"x".repeat(2_000)}${i}`]) }] });

  it("refuses a response over 5 MB with ResponsePayloadSizeLimitExceeded, by default", async () => {
    const error = await rejection(bigRead(tall()));
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(error.message).toMatch(/^The response payload size has exceeded the limit \(\d+ > 5242880 bytes\)/);
  });

  it("lets a test that is about the limit's absence turn it off, explicitly", async () => {
    await expect(bigRead(tall(null))).resolves.toBe(3000);
  });

  it("refuses to return more than five million cells from one read", async () => {
    const workbook = oneSheet();
    const error = await rejection(
      fakeExcelRun(workbook, async (context) => {
        context.workbook.worksheets.getItem("Drift").getRange("A1:E1000001").load("values");
        await context.sync();
      }),
    );
    expect(error.message).toMatch(/too large to read \(5000005 cells\)/);
  });

  it("sends what is still queued when the batch ends, as Excel.run does", async () => {
    const workbook = oneSheet();
    await fakeExcelRun(workbook, async (context) => {
      context.workbook.worksheets.getItem("Drift").getRange("C1").values = [["sist"]];
    });
    expect(workbook.syncCount).toBe(1);
    expect(dumpSheet(workbook, "Drift").C1.value).toBe("sist");
  });
});
