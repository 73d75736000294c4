import type * as ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import type { SheetGrid } from "../../workbook/cells";
import { FOLLOW_UP_NAME_PREFIX } from "../../workbook/plan";
import { readXlsx, readXlsxWithWorkbook, workbookToGrid } from "./read";
import { saveWorkbook, tempDir } from "./xlsx.testkit";

function sheet(grid: { sheets: SheetGrid[] }, name: string): SheetGrid {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

const ERR = (error: string) => ({ error }) as ExcelJS.CellErrorValue;

describe("readXlsx: cells", () => {
  let grid: Awaited<ReturnType<typeof readXlsx>>["grid"];
  let path: string;

  beforeAll(async () => {
    path = join(tempDir(), "celler.xlsx");
    await saveWorkbook(path, (wb) => {
      const ws = wb.addWorksheet("Drift");
      ws.getCell("A1").value = "Socialnämnden – verksamhetsberättelse 2019";
      ws.mergeCells("A1:D1");
      ws.getRow(3).values = ["Verksamhetsområde, mnkr", "Budget 2019", "Bokslut 2019", "Kommentar"];
      ws.getRow(4).values = ["Barn och ungdom", 88, 82.2, { richText: [{ text: "Vakanta " }, { font: { bold: true }, text: "tjänster" }] }];
      ws.getRow(5).values = ["Omstrukturering", "1 297,1", -18.6, { text: "Läs mer", hyperlink: "https://example.invalid" }];
      ws.getRow(6).values = ["Summa", { formula: "SUM(B4:B5)", result: 88 }, { formula: "SUM(C4:C5)" }, { formula: 'IF(B6>0,"ja","nej")', result: "ja" }];
      ws.getRow(7).values = ["Fel", ERR("#REF!"), { formula: "VLOOKUP(1,Z1:Z2,2,FALSE)", result: ERR("#N/A") }, true];
      ws.getRow(8).values = ["Noll", { formula: "B4-B4", result: 0 }, { formula: "B4>C4", result: true }, null];
      // A filled-down column as Excel writes it: one master formula, the rest shared.
      ws.getCell("E4").value = { formula: "B4-C4", shareType: "shared", ref: "E4:E6", result: 5.8 } as ExcelJS.CellValue;
      ws.getCell("E5").value = { sharedFormula: "E4", result: 19.9 } as ExcelJS.CellValue;
      ws.getCell("E6").value = { sharedFormula: "E4", result: 1.2 } as ExcelJS.CellValue;
      ws.getCell("F4").value = new Date(Date.UTC(2019, 11, 31));
      ws.getCell("F4").numFmt = "yyyy-mm-dd";
      ws.getCell("F5").value = { formula: "F4+1", result: new Date(Date.UTC(2020, 0, 1, 12)) } as ExcelJS.CellValue;
      ws.getCell("F5").numFmt = "yyyy-mm-dd hh:mm";
      ws.getRow(5).hidden = true;
      ws.getColumn(4).hidden = true;
      ws.getColumn(30).hidden = true; // beyond the data: not reported
      ws.getCell("H10").value = "";
    });
    ({ grid } = await readXlsx(path));
  });

  it("names the source by its base name", () => {
    expect(grid.source).toBe("celler.xlsx");
    expect(grid.sheets.map((s) => s.name)).toEqual(["Drift"]);
  });

  it("gives numbers as numbers and text as text, rich text and hyperlinks as their text", () => {
    const s = sheet(grid, "Drift");
    expect(s.rows[2]).toEqual(["Verksamhetsområde, mnkr", "Budget 2019", "Bokslut 2019", "Kommentar"]);
    expect(s.rows[3].slice(0, 4)).toEqual(["Barn och ungdom", 88, 82.2, "Vakanta tjänster"]);
    expect(s.rows[4].slice(0, 4)).toEqual(["Omstrukturering", "1 297,1", -18.6, "Läs mer"]);
  });

  it("gives the master value of a merged range only", () => {
    const s = sheet(grid, "Drift");
    expect(s.rows[0]).toEqual(["Socialnämnden – verksamhetsberättelse 2019"]);
    expect(s.rows[1]).toEqual([]);
  });

  it("gives formula cells their cached result and the formula text by address", () => {
    const s = sheet(grid, "Drift");
    expect(s.rows[5].slice(0, 4)).toEqual(["Summa", 88, null, "ja"]);
    expect(s.formulas?.get("B6")).toBe("SUM(B4:B5)");
    expect(s.formulas?.get("D6")).toBe('IF(B6>0,"ja","nej")');
    expect(s.rows[7].slice(0, 3)).toEqual(["Noll", 0, true]);
  });

  it("lists formulas without a cached value, with value null", () => {
    const s = sheet(grid, "Drift");
    expect(s.formulasWithoutValue).toEqual(["C6"]);
    expect(s.formulas?.get("C6")).toBe("SUM(C4:C5)");
  });

  it("translates shared formulas to each cell", () => {
    const s = sheet(grid, "Drift");
    expect([s.rows[3][4], s.rows[4][4], s.rows[5][4]]).toEqual([5.8, 19.9, 1.2]);
    expect(s.formulas?.get("E4")).toBe("B4-C4");
    expect(s.formulas?.get("E5")).toBe("B5-C5");
    expect(s.formulas?.get("E6")).toBe("B6-C6");
  });

  it("gives error values, typed or as a formula's result", () => {
    const s = sheet(grid, "Drift");
    expect(s.rows[6].slice(0, 4)).toEqual(["Fel", { error: "#REF!" }, { error: "#N/A" }, true]);
  });

  it("gives dates as 1900 serials", () => {
    const s = sheet(grid, "Drift");
    expect(s.rows[3][5]).toEqual({ date: 43830 });
    expect(s.rows[4][5]).toEqual({ date: 43831.5 });
  });

  it("lists hidden rows and the hidden columns within the data", () => {
    const s = sheet(grid, "Drift");
    expect(s.hiddenRows).toEqual([4]);
    expect(s.hiddenColumns).toEqual([3]);
  });

  it("keeps an empty string and pads the rows in between", () => {
    const s = sheet(grid, "Drift");
    expect(s.rows[9]).toEqual([null, null, null, null, null, null, null, ""]);
    expect(s.rows[8]).toEqual([]);
    expect(s.rows).toHaveLength(10);
  });
});

describe("readXlsx: sheets, tables and Följsam's marks", () => {
  it("reads sheet names with apostrophes and Unicode, Excel tables, and which sheets Följsam wrote", async () => {
    const path = join(tempDir(), "blad.xlsx");
    await saveWorkbook(path, (wb) => {
      const drift = wb.addWorksheet("Nämndens 'drift' – 2026");
      drift.getCell("A1").value = "Titel";
      drift.addTable({
        name: "DriftTabell",
        ref: "B3",
        headerRow: true,
        columns: [{ name: "Område" }, { name: "Budget" }, { name: "Utfall" }],
        rows: [
          ["Skola", 10, 9],
          ["Vård", 20, 21],
        ],
      });
      wb.addWorksheet("Sammanfattning").getCell("A1").value = "Följsam";
      wb.addWorksheet("Åtgärder & 'kontroller' 2").getCell("B2").value = 1;
      wb.addWorksheet("Egen").getCell("A1").value = "användarens";
      // Sheet names compare case-insensitively, as in Excel.
      wb.definedNames.add("sammanfattning!$A$1", `${FOLLOW_UP_NAME_PREFIX}1`);
      wb.definedNames.add("'Åtgärder & ''kontroller'' 2'!$A$1", `${FOLLOW_UP_NAME_PREFIX}2`);
      // A stale mark for a sheet that is gone, a user's own name, a name that only starts like a mark: none marks anything.
      wb.definedNames.add("'Borttaget blad'!$A$1", `${FOLLOW_UP_NAME_PREFIX}3`);
      wb.definedNames.add("Egen!$A$1", "Egen_cell");
      wb.definedNames.add("Egen!$A$1", `${FOLLOW_UP_NAME_PREFIX}anteckning`);
    });
    const { grid } = await readXlsx(path);
    expect(grid.sheets.map((s) => [s.name, s.followUp === true])).toEqual([
      ["Nämndens 'drift' – 2026", false],
      ["Sammanfattning", true],
      ["Åtgärder & 'kontroller' 2", true],
      ["Egen", false],
    ]);
    const drift = sheet(grid, "Nämndens 'drift' – 2026");
    expect(drift.tables).toEqual([{ name: "DriftTabell", top: 2, left: 1, bottom: 4, right: 3 }]);
    expect(drift.rows[2]).toEqual([null, "Område", "Budget", "Utfall"]);
    expect(drift.rows[4]).toEqual([null, "Vård", 20, 21]);
  });

  it("reads dates of a 1904 workbook as 1900 serials", async () => {
    const path = join(tempDir(), "mac.xlsx");
    await saveWorkbook(path, (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("Datum");
      ws.getCell("A1").value = new Date(Date.UTC(2019, 11, 31));
      ws.getCell("A1").numFmt = "yyyy-mm-dd";
    });
    const { grid } = await readXlsx(path);
    expect(grid.sheets[0].rows[0]).toEqual([{ date: 43830 }]);
  });

  it("does not change the workbook object or the file while reading", async () => {
    const path = join(tempDir(), "orörd.xlsx");
    await saveWorkbook(path, (wb) => {
      const ws = wb.addWorksheet("Data");
      ws.getCell("C5").value = 1;
      ws.getColumn(2).hidden = true;
    });
    const before = readFileSync(path);
    const { workbook } = await readXlsxWithWorkbook(path);
    const ws = workbook.worksheets[0];
    const shape = () => JSON.stringify({ rows: ws.rowCount, cols: ws.columns?.length ?? 0, names: workbook.definedNames.model });
    const first = shape();
    const grid = workbookToGrid(workbook, "orörd.xlsx");
    expect(grid.sheets[0].rows[4]).toEqual([null, null, 1]);
    expect(grid.sheets[0].hiddenColumns).toEqual([1]);
    expect(shape()).toBe(first);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
