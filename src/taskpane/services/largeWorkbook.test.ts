/**
 * The sample plus a 100 000-row ledger sheet, open in (fake) Excel on the web with its limits on,
 * through the task pane's services end to end: read, computed, written. The ledger holds no table
 * Följsam reads, so the figures are the sample's own, and no request or response exceeds 4 MB.
 */
import { join, resolve } from "path";
import { createFakeWorkbook, fakeExcelRun, fakeRequirements } from "../../hosts/office/fake";
import { ledgerSheetRows } from "../../hosts/office/office.testkit";
import { readXlsx } from "../../hosts/xlsx/read";
import { resolveSettings, runFollowUp } from "../../workbook/followUp";
import { createServices, memoryStorage } from ".";

globalThis.structuredClone ??= <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const SAMPLE = join(resolve(__dirname, "..", "..", ".."), "assets", "foljsam-exempel.xlsx");
const LIMIT = 4_000_000;

it("runs the sample beside a 100 000-row ledger sheet, every sync under 4 MB, with the sample's own figures", async () => {
  const { grid } = await readXlsx(SAMPLE);
  const data = createFakeWorkbook({ name: grid.source, sheets: [...grid.sheets, { name: "Huvudbok 2019", rows: ledgerSheetRows(100_000) }] });
  expect(data.responseLimitBytes).toBe(5 * 1024 * 1024);
  const services = createServices({ excelRun: (batch) => fakeExcelRun(data, batch), storage: memoryStorage(), requirements: fakeRequirements(data) });

  const phases: string[] = [];
  const outcome = await services.run({ mode: "run", stored: null, corrections: {} }, (p) => phases.push(p.phase));
  expect(phases[0]).toBe("read");
  expect(phases).toContain("write");
  expect(outcome.sheets).toEqual(expect.arrayContaining(["Följsam Sammanfattning", "Följsam Drift"]));
  for (const s of data.syncs) {
    expect(s.requestBytes).toBeLessThanOrEqual(LIMIT);
    expect(s.responseBytes).toBeLessThanOrEqual(LIMIT);
  }
  // The ledger's first hundred rows were looked at for a header; the rest stayed in Excel.
  expect(outcome.grid.sheets.find((s) => s.name === "Huvudbok 2019")?.rows).toHaveLength(100);

  const alone = runFollowUp(grid, resolveSettings(grid));
  expect(outcome.result.operating?.total).toEqual(alone.result.operating?.total);
  expect(outcome.result.findings.map((f) => f.code).sort()).toEqual(alone.result.findings.map((f) => f.code).sort());
});
