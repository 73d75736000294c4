/**
 * The fake's data validation, unlocked ranges and sheet protection (what "Skapa mall" writes),
 * recorded as data, with loads as in Office.
 */
import { buildTemplatePlans } from "../../../workbook/template";
import { writeTemplatePlans } from "../templateFeatures";
import { excelApiUpTo } from "../office.testkit";
import { createFakeWorkbook, fakeExcelRun } from ".";

it("records validation, unlocked ranges and protection, and reads them back after a sync", async () => {
  const data = createFakeWorkbook({ sheets: [{ name: "Blad1" }] });
  const read = await fakeExcelRun(data, async (context) => {
    const sheet = context.workbook.worksheets.getItem("Blad1");
    const range = sheet.getRange("B2:B10");
    range.format.protection.locked = false;
    range.dataValidation.clear();
    range.dataValidation.ignoreBlanks = true;
    range.dataValidation.rule = { decimal: { formula1: 0, formula2: 10, operator: "Between" } };
    range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Fel", message: "Ett tal" };
    sheet.protection.protect({ allowFormatColumns: true });
    const locked = range.format.protection.load("locked");
    const other = sheet.getRange("C2").format.protection.load("locked");
    const validation = range.dataValidation.load("rule");
    const protection = sheet.protection.load("protected");
    expect(() => protection.protected).toThrow(/is not available. Before reading/);
    await context.sync();
    return { locked: locked.locked, other: other.locked, rule: validation.rule, protected: protection.protected };
  });
  expect(read).toEqual({ locked: false, other: true, rule: { decimal: { formula1: 0, formula2: 10, operator: "Between" } }, protected: true });
  const sheet = data.sheet("Blad1");
  expect(sheet.unlockedRanges).toEqual(["B2:B10"]);
  expect(sheet.dataValidations).toEqual([
    {
      range: "B2:B10",
      ignoreBlanks: true,
      rule: { decimal: { formula1: 0, formula2: 10, operator: "Between" } },
      errorAlert: { showAlert: true, style: "Stop", title: "Fel", message: "Ett tal" },
    },
  ]);
  expect(sheet.protection).toEqual({ options: { allowFormatColumns: true }, password: false });

  await fakeExcelRun(data, async (context) => {
    context.workbook.worksheets.getItem("Blad1").protection.unprotect();
    context.workbook.worksheets.getItem("Blad1").getRange("B2:B10").dataValidation.clear();
    await context.sync();
  });
  expect(sheet.protection).toBeNull();
  expect(sheet.dataValidations).toEqual([]);
});

it("takes a whole template written by the Office host (Skapa mall)", async () => {
  const data = createFakeWorkbook({ sheets: [{ name: "Blad1" }] });
  const plans = buildTemplatePlans("T2", 2026);
  await fakeExcelRun(data, (context) => writeTemplatePlans(context, plans, { requirements: excelApiUpTo(9) }));
  expect(data.sheets.map((s) => s.name)).toEqual(["Blad1", ...plans.map((p) => p.name)]);
  expect(data.names).toEqual([]);
  for (const plan of plans) {
    const sheet = data.sheet(plan.name);
    expect(sheet.dataValidations.map((v) => v.range)).toEqual((plan.dataValidations ?? []).map((v) => v.range));
    expect(sheet.unlockedRanges).toEqual(plan.unlockedRanges ?? []);
    expect(sheet.protection !== null).toBe(plan.protection !== undefined);
  }
});
