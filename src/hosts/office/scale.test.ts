import { createFakeWorkbook, fakeExcelRun } from "./fake";
import { driftInputRows, driftPlan, excelApiUpTo } from "./office.testkit";
import { DEFAULT_READ_BUDGET_BYTES, READ_FIRST_SYNCS, readWorkbookGrid } from "./read";
import { writeSheetPlans } from "./write";
import { DEFAULT_BUDGET_BYTES } from "./writePlan";

/**
 * How the Office host scales, with the fake enforcing Excel on the web's limits. Reading takes
 * three syncs to find the tables, then blocks of rows filled up to the 4 MB budget, so the syncs
 * follow the bytes read.
 * Writing takes one sync to look at the workbook and one per batch; batches are filled up to the
 * 4 MB request budget, so their number follows the bytes written, not the rows: a 1 000-row
 * drift sheet fits one batch, a 100 000-row one (≈ 40 MB of formulas, formats and styles) needs
 * about one per 4 MB, and no request exceeds the budget.
 */
async function measureRead(areas: number) {
  const data = createFakeWorkbook({ sheets: [{ name: "Drift", rows: driftInputRows(areas), tables: [{ name: "Drift", range: `A1:F${areas + 1}` }] }, { name: "Mål", rows: [["Mål"]] }] });
  const grid = await fakeExcelRun(data, (context) => readWorkbookGrid(context));
  return { data, grid };
}

async function measureWrite(areas: number) {
  const data = createFakeWorkbook({ sheets: [{ name: "Indata", rows: [["Budget"]] }] });
  const progress: string[] = [];
  const report = await fakeExcelRun(data, (context) =>
    writeSheetPlans(context, [driftPlan(areas)], { requirements: excelApiUpTo(17), onProgress: (done, total) => progress.push(`${done}/${total}`) }),
  );
  return { data, report, progress };
}

describe("Office host at scale", () => {
  it("reads a 1 000-row and a 100 000-row drift table in blocks under 4 MB, in syncs that follow the bytes", async () => {
    const small = await measureRead(1_000);
    expect(small.data.syncCount).toBe(READ_FIRST_SYNCS + 1);
    expect(small.grid.sheets[0].rows).toHaveLength(1_001);

    const large = await measureRead(100_000);
    expect(large.grid.sheets[0].rows).toHaveLength(100_001);
    expect(large.grid.sheets[0].rows[100_000][4]).toEqual({ date: 45322 + (99_999 % 28) });
    expect(large.grid.sheets[0].rows[100_000][0]).toBe("Område 100000");
    const responses = large.data.syncs.map((s) => s.responseBytes);
    for (const bytes of responses) expect(bytes).toBeLessThanOrEqual(DEFAULT_READ_BUDGET_BYTES);
    for (const s of large.data.syncs) expect(s.requestBytes).toBeLessThanOrEqual(DEFAULT_READ_BUDGET_BYTES);
    // Blocks are filled: no more than one sync per half budget of response, beyond the first three.
    const total = responses.reduce((a, b) => a + b, 0);
    expect(large.data.syncCount).toBeGreaterThan(READ_FIRST_SYNCS + 1);
    expect(large.data.syncCount).toBeLessThanOrEqual(READ_FIRST_SYNCS + 1 + Math.ceil(total / (DEFAULT_READ_BUDGET_BYTES / 2)));
  });

  it("writes a 1 000-row drift sheet in one batch and a 100 000-row one in batches under 4 MB", async () => {
    const small = await measureWrite(1_000);
    expect(small.data.syncCount).toBe(2);
    expect(small.report.syncs).toBe(2);
    expect(small.progress).toEqual(["1/1"]);

    const large = await measureWrite(100_000);
    const sent = large.data.syncs.map((s) => s.requestBytes);
    const total = sent.reduce((a, b) => a + b, 0);
    expect(large.data.syncCount).toBe(large.report.syncs);
    expect(large.progress).toHaveLength(large.report.syncs - 1);
    // Calculation is suspended for every batch that writes cells (not for style-only batches).
    expect(large.data.suspendCalculationCalls).toBeGreaterThan(1);
    expect(large.data.suspendCalculationCalls).toBeLessThanOrEqual(large.report.batchBytes.length);
    // Every range the write makes is untracked, so Excel need not keep them until the end.
    expect(large.data.untrackedRanges).toBe(large.data.rangeProxies);
    for (const bytes of sent) expect(bytes).toBeLessThanOrEqual(DEFAULT_BUDGET_BYTES);
    // The host's estimate never falls below what the fake measured for the same batch.
    large.report.batchBytes.forEach((estimate, i) => expect(estimate).toBeGreaterThanOrEqual(sent[i + 1]));
    // Syncs follow bytes: every batch but the last is well filled, so there are no more than needed.
    for (const estimate of large.report.batchBytes.slice(0, -1)) expect(estimate).toBeGreaterThan(DEFAULT_BUDGET_BYTES * 0.75);
    expect(large.report.syncs).toBeLessThanOrEqual(2 + Math.ceil((total * 1.6) / DEFAULT_BUDGET_BYTES));
    expect(large.data.sheet("Drift").cells.size).toBeGreaterThan(700_000);
  });
});
