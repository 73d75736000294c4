/**
 * "Skapa mall" in Office.js: the template's sheets written without Följsam's mark and beside
 * Följsam's earlier output (on the fake Excel API), and the template features queued in the
 * right order with the right rules (recorded, since the fake has no validation or protection).
 */
import { FOLLOW_UP_NAME_PREFIX, SheetPlan } from "../../workbook/plan";
import { FoljsamError } from "../../workbook/errors";
import { buildTemplatePlans } from "../../workbook/template";
import { createFakeWorkbook, dumpSheet, fakeExcelRun } from "./fake";
import { driftPlan, excelApiUpTo } from "./office.testkit";
import { applyTemplateFeatures, hasTemplateFeatures, queueTemplateFeatures, writeTemplateSheets } from "./templateFeatures";
import { writeSheetPlans } from "./write";

type Op = [string, string, ...unknown[]];

/** A request context that records what template features queue, in order. */
function recorder(): { context: Excel.RequestContext; ops: Op[]; syncs: () => number } {
  const ops: Op[] = [];
  let syncs = 0;
  const range = (sheet: string, address: string) => {
    const dataValidation = {
      clear: () => ops.push(["clearValidation", `${sheet}!${address}`]),
      set ignoreBlanks(v: boolean) {
        ops.push(["ignoreBlanks", `${sheet}!${address}`, v]);
      },
      set rule(v: unknown) {
        ops.push(["rule", `${sheet}!${address}`, v]);
      },
      set errorAlert(v: unknown) {
        ops.push(["errorAlert", `${sheet}!${address}`, v]);
      },
      set prompt(v: unknown) {
        ops.push(["prompt", `${sheet}!${address}`, v]);
      },
    };
    const protection = {
      set locked(v: boolean) {
        ops.push(["locked", `${sheet}!${address}`, v]);
      },
    };
    return { dataValidation, format: { protection } };
  };
  const worksheet = (name: string) => ({
    getRange: (address: string) => range(name, address),
    protection: { protect: (options: unknown) => ops.push(["protect", name, options]) },
  });
  const context = {
    workbook: { worksheets: { getItem: (name: string) => worksheet(name) } },
    sync: async () => {
      syncs++;
    },
  } as unknown as Excel.RequestContext;
  return { context, ops, syncs: () => syncs };
}

describe("template features in Office.js", () => {
  it("unlocks the input range, then sets each validation, then protects the sheet without a password", async () => {
    const plans = buildTemplatePlans("T1", 2026);
    const { context, ops, syncs } = recorder();
    expect(await applyTemplateFeatures(context, plans, excelApiUpTo(8))).toBe(1);
    expect(syncs()).toBe(1);

    const drift = ops.filter((o) => o[1].startsWith("Drift") || o[1] === "Drift");
    expect(drift[0]).toEqual(["locked", "Drift!A4:K303", false]);
    expect(drift[drift.length - 1]).toEqual([
      "protect",
      "Drift",
      { allowFormatColumns: true, allowFormatRows: true, allowInsertRows: true, allowDeleteRows: false, allowSort: false, allowAutoFilter: false },
    ]);
    expect(drift).toContainEqual(["rule", "Drift!D4:D303", { decimal: { formula1: -1e12, formula2: 1e12, operator: "Between" } }]);
    expect(drift).toContainEqual(["rule", "Drift!H4:H303", { list: { inCellDropDown: true, source: "ja,nej" } }]);
    expect(drift).toContainEqual(["errorAlert", "Drift!D4:D303", expect.objectContaining({ showAlert: true, style: "Stop", title: "Belopp" })]);
    expect(ops).toContainEqual(["rule", "Inställningar!B5", { list: { inCellDropDown: true, source: "T1,T2,VB" } }]);
    expect(ops).toContainEqual(["rule", "Indikatorer!C4:C153", { list: { inCellDropDown: true, source: "Högre är bättre,Lägre är bättre" } }]);
    // Every sheet protected, each after its own other operations.
    for (const plan of plans) {
      const own = ops.filter((o) => o[1] === plan.name || o[1].startsWith(`${plan.name}!`));
      expect(own[own.length - 1][0]).toBe("protect");
    }
  });

  it("skips validation where ExcelApi 1.8 is missing, and does nothing for follow-up plans", async () => {
    const { context, ops } = recorder();
    queueTemplateFeatures(context, buildTemplatePlans("VB", 2026), { validation: false });
    expect(ops.some((o) => o[0] === "rule")).toBe(false);
    expect(ops.some((o) => o[0] === "protect")).toBe(true);
    expect(hasTemplateFeatures([driftPlan(3)])).toBe(false);
    const none = recorder();
    expect(await applyTemplateFeatures(none.context, [driftPlan(3)], excelApiUpTo(17))).toBe(0);
    expect(none.syncs()).toBe(0);
  });
});

describe("writeTemplateSheets", () => {
  it("adds the template's sheets without marks and leaves Följsam's earlier output and the user's sheets alone", async () => {
    const data = createFakeWorkbook({ sheets: [{ name: "Blad1", rows: [["anteckning"]] }] });
    const output: SheetPlan = { ...driftPlan(2, "Följsam Drift") };
    await fakeExcelRun(data, (context) => writeSheetPlans(context, [output], { requirements: excelApiUpTo(17) }));
    const plans = buildTemplatePlans("T2", 2026).map((p) => ({ ...p, dataValidations: undefined, unlockedRanges: undefined, protection: undefined }));

    const report = await fakeExcelRun(data, (context) => writeTemplateSheets(context, plans, { requirements: excelApiUpTo(17) }));
    expect(report.sheets).toEqual(["Instruktioner", "Drift", "Investeringar", "Intäkts- och kostnadsslag", "Indikatorer", "Inställningar"]);
    expect(data.sheets.map((s) => s.name)).toEqual(["Blad1", "Följsam Drift", ...report.sheets]);
    expect(data.names.map((n) => n.name)).toEqual([`${FOLLOW_UP_NAME_PREFIX}1`]);
    expect(dumpSheet(data, "Drift").D3).toMatchObject({ value: "Budget 2026" });
    expect(dumpSheet(data, "Inställningar").B6).toMatchObject({ value: 2026 });
  });

  it("stops before any change when a sheet of the template's names exists", async () => {
    const data = createFakeWorkbook({ sheets: [{ name: "drift", rows: [["egen"]] }] });
    const plans = buildTemplatePlans("T1", 2026);
    await expect(fakeExcelRun(data, (context) => writeTemplateSheets(context, plans))).rejects.toThrow(FoljsamError);
    expect(data.sheets.map((s) => s.name)).toEqual(["drift"]);
  });
});
