import { createFakeWorkbook, fakeExcelRun } from "../../hosts/office/fake";
import { readWorkbookGrid } from "../../hosts/office";
import type { WorkbookGrid } from "../../workbook/cells";
import { smallWorkbookDescription } from "./pipeline.testkit";
import { applyCorrection, computeCheck, computeFollowUp, earmarksIn, effectiveSettings, fieldsFor, findTables, hasCorrections, tableKey } from "./pipeline";

async function grid(): Promise<WorkbookGrid> {
  const workbook = createFakeWorkbook(smallWorkbookDescription());
  return fakeExcelRun(workbook, (context) => readWorkbookGrid(context));
}

const codes = (findings: { code: string; subject: string | null }[], code: string) => findings.filter((f) => f.code === code).map((f) => f.subject);

describe("the task pane's pipeline", () => {
  it("lists the fields each kind of table can hold, without the reader's qualifiers", () => {
    expect(fieldsFor("drift")).toEqual(expect.arrayContaining(["area", "budget", "actual", "forecast", "previousForecast", "priorYearActual", "comment", "earmark"]));
    expect(fieldsFor("drift").some((f) => f.includes("@"))).toBe(false);
    expect(fieldsFor("indicators")).toEqual(expect.arrayContaining(["name", "goal", "actualWomen", "target", "kfTarget", "direction"]));
  });

  it("finds the tables and the workbook's own period; the stored settings are a layer over the defaults", async () => {
    const g = await grid();
    const settings = effectiveSettings(g, { indicators: { tolerance: 0.2 } });
    expect(settings.indicators.tolerance).toBe(0.2);
    expect(settings.commentThreshold.mnkr).toBe(1);
    const found = findTables(g, settings, {});
    expect(found.workbookPeriod).toBe("VB");
    expect(found.tables.map(tableKey)).toEqual(["drift@Drift", "indicators@Indikatorer"]);
    expect(found.tables[0].unit).toBe("mnkr");
    expect(earmarksIn(g, settings)).toEqual(["Nyanlända"]);
  });

  it("a corrected column moves or drops a field; a corrected unit is the table's unit", async () => {
    const g = await grid();
    const [drift] = findTables(g, effectiveSettings(g, null), {}).tables;
    expect(drift.columns.comment).toBe(4);
    const ignored = applyCorrection(drift, { columns: { Kommentar: null } });
    expect(ignored.columns.comment).toBeUndefined();
    expect(ignored.headers.find((h) => h.col === 4)?.field).toBeNull();

    const moved = applyCorrection(drift, { columns: { Öronmärkning: "comment" }, unit: "tkr" });
    expect(moved.columns.comment).toBe(3);
    expect(moved.columns.earmark).toBeUndefined();
    expect(moved.headers.filter((h) => h.field === "comment").map((h) => h.col)).toEqual([3]);
    expect(moved.unit).toBe("tkr");
    expect(moved.unitSource).toBe("setting");

    const noBudget = applyCorrection(drift, { columns: { "Budget 2024": null } });
    expect(noBudget.missing).toEqual(["Budget"]);
    expect(drift.columns.comment).toBe(4);
  });

  it("passes the corrections to the run: an ignored comment column makes every area need a comment", async () => {
    const g = await grid();
    const plain = computeFollowUp({ grid: g, stored: null, corrections: {} });
    expect(codes(plain.result.findings, "COMMENT_REQUIRED")).toContain("Barn och ungdom");
    expect(codes(plain.result.findings, "COMMENT_REQUIRED")).not.toContain("Vuxna");

    const corrections = { "drift@Drift": { columns: { Kommentar: null } } };
    expect(hasCorrections(corrections)).toBe(true);
    const corrected = computeFollowUp({ grid: g, stored: null, corrections });
    expect(codes(corrected.result.findings, "COMMENT_REQUIRED")).toEqual(expect.arrayContaining(["Barn och ungdom", "Vuxna", "Nyanlända"]));
    expect(corrected.plans.map((p) => p.name)).toContain("Följsam Drift");

    const inTkr = computeCheck({ grid: g, stored: null, corrections: { "drift@Drift": { unit: "tkr" } } });
    expect(inTkr.unit).toBe("tkr");
  });

  it("the stored period overrides the workbook's; the engine says when they disagree", async () => {
    const g = await grid();
    const result = computeCheck({ grid: g, stored: { period: "T2" }, corrections: {} });
    expect(result.period).toBe("T2");
    expect(result.findings.map((f) => f.code)).toContain("PERIOD_MISMATCH");
  });
});
