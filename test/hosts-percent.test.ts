/** A percent-formatted number cell reads as the percentage a person sees, in both hosts. */
import ExcelJS from "exceljs";
import { join } from "path";
import { isPercentFormat, percentCellText } from "../src/workbook/cells";
import { readXlsx } from "../src/hosts/xlsx/read";
import { toSheetGrid } from "../src/hosts/office/read";
import { defaultSettings } from "../src/engine/settings";
import { readWorkbook } from "../src/workbook/read";
import { tempDir } from "./helpers/cli";

it("recognises percent formats, not quoted or escaped percent signs", () => {
  expect(isPercentFormat("0.0%")).toBe(true);
  expect(isPercentFormat("0%;[Red]-0%")).toBe(true);
  expect(isPercentFormat('0.0" %"')).toBe(false);
  expect(isPercentFormat("0.0\\%")).toBe(false);
  expect(isPercentFormat("#,##0.0")).toBe(false);
  expect(percentCellText(0.864)).toBe("86,4 %");
  expect(percentCellText(0.03 / 100)).toBe("0,03 %");
  expect(percentCellText(1)).toBe("100 %");
});

it("an indicator sheet with percent-formatted numbers gives points and a gender gap in points", async () => {
  const path = join(tempDir(), "procent.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Indikatorer");
  ws.addRow(["Indikator", "Periodens utfall", "Utfall kvinnor", "Utfall män", "Årsmål"]);
  ws.addRow(["Andel nöjda", 0.686, 0.79, 0.63, 0.75]);
  for (const col of ["B", "C", "D", "E"]) ws.getCell(`${col}2`).numFmt = "0.0%";
  await wb.xlsx.writeFile(path);

  const { grid } = await readXlsx(path);
  expect(grid.sheets[0].rows[1]).toEqual(["Andel nöjda", "68,6 %", "79 %", "63 %", "75 %"]);
  const office = toSheetGrid("Indikatorer", {
    rowIndex: 0,
    columnIndex: 0,
    values: [["Andel nöjda", 0.686]],
    formulas: [["Andel nöjda", 0.686]],
    numberFormat: [["General", "0.0%"]],
    valueTypes: [["String", "Double"]] as Excel.RangeValueType[][],
  } as never);
  expect(office.rows[0]).toEqual(["Andel nöjda", "68,6 %"]);

  const input = readWorkbook(grid, { ...defaultSettings(), period: "VB" });
  const row = input.indicators!.rows[0];
  expect(row.actual).toMatchObject({ value: 68.6, percent: true });
  expect(row.target).toMatchObject({ value: 75, percent: true });
});
