/**
 * The .xlsx host executes a template's plans: data validation per range, input cells unlocked,
 * everything else locked, each sheet protected without a password, and no Följsam mark, so the
 * reader reads the template's sheets as input.
 */
import { join } from "path";
import { buildTemplatePlans } from "../../workbook/template";
import type { SheetPlan } from "../../workbook/plan";
import { readXlsx } from "./read";
import { writeNewWorkbook } from "./writeNew";
import { loadWorkbook, tempDir } from "./xlsx.testkit";

describe("writeNewWorkbook with a template's plans", () => {
  it("writes validations, unlocked input cells and password-less protection, and no mark", async () => {
    const path = join(tempDir(), "mall.xlsx");
    await writeNewWorkbook(buildTemplatePlans("T2", 2026), path, { mark: false });
    const wb = await loadWorkbook(path);
    const drift = wb.getWorksheet("Drift")!;

    expect(drift.getCell("D3").value).toBe("Budget 2026");
    expect(drift.getCell("D3").protection?.locked).not.toBe(false);
    expect(drift.getCell("A1").protection?.locked).not.toBe(false);
    expect(drift.getCell("A4").protection?.locked).toBe(false);
    expect(drift.getCell("L303").protection?.locked).toBe(false);
    expect(drift.getCell("A304").protection?.locked).not.toBe(false);
    expect(drift.getCell("M4").protection?.locked).not.toBe(false);

    expect(drift.getCell("D10").dataValidation).toMatchObject({ type: "decimal", operator: "between", allowBlank: true, formulae: [-1e12, 1e12], showErrorMessage: true, errorTitle: "Belopp" });
    expect(drift.getCell("I10").dataValidation).toMatchObject({ type: "list", formulae: ['"ja,nej"'] });
    expect(drift.getCell("A10").dataValidation).toBeUndefined();
    expect(drift.getCell("D3").dataValidation).toBeUndefined();
    const settings = wb.getWorksheet("Inställningar")!;
    expect(settings.getCell("B5").value).toBe("T2");
    expect(settings.getCell("B5").dataValidation).toMatchObject({ type: "list", formulae: ['"T1,T2,VB"'] });
    expect(settings.getCell("B5").protection?.locked).toBe(false);
    expect(settings.getCell("A5").protection?.locked).not.toBe(false);
    expect(wb.getWorksheet("Indikatorer")!.getCell("C4").dataValidation).toMatchObject({ type: "list", formulae: ['"Högre är bättre,Lägre är bättre"'] });

    for (const ws of wb.worksheets) {
      const p = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
      expect(p).toMatchObject({ sheet: true, insertRows: true, formatColumns: true });
      expect(p).not.toHaveProperty("hashValue");
    }
    const names: string[] = [];
    wb.definedNames.forEach((name) => names.push(name));
    expect(names).toEqual([]);

    const { grid } = await readXlsx(path);
    expect(grid.sheets.map((s) => [s.name, s.followUp === true])).toEqual([
      ["Instruktioner", false],
      ["Drift", false],
      ["Investeringar", false],
      ["Intäkts- och kostnadsslag", false],
      ["Indikatorer", false],
      ["Inställningar", false],
    ]);
    // The percent-formatted shares reach the reader as the text a person sees.
    const row = grid.sheets[5].rows.find((r) => r[0] === "Kommentarsgräns, andel");
    expect(row?.[1]).toBe("5 %");
  });

  it("marks the sheets of a new workbook when asked (a consolidation is output)", async () => {
    const path = join(tempDir(), "ut.xlsx");
    const plan: SheetPlan = { kind: "cityUnits", name: "Sammanställning", rows: [[{ v: "x" }]], columnWidths: [10], freezeRows: 0, conditionalFormats: [], charts: [], landscape: true };
    await writeNewWorkbook([plan], path, { mark: true });
    const { grid } = await readXlsx(path);
    expect(grid.sheets.map((s) => [s.name, s.followUp])).toEqual([["Sammanställning", true]]);
  });
});
