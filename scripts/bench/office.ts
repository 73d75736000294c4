/**
 * The add-in's part of `npm run bench`: the Office host on the fake Excel API, whose limits are
 * Excel on the web's (5 MB request and response, sizes counted by the wire bound of
 * src/hosts/office/wire.ts). For 1 000 and 100 000 drift rows, plus a 100 000-row ledger sheet
 * beside them that no table is read from, it reports the read's and the write's syncs, largest
 * request and largest response, and the bytes sent per written row. Goal: nothing above 4 MB.
 */
import { readWorkbookGrid, writeSheetPlans } from "../../src/hosts/office";
import { createFakeWorkbook, fakeExcelRun, type FakeWorkbook } from "../../src/hosts/office/fake";
import { ledgerSheetRows } from "../../src/hosts/office/office.testkit";
import type { RequirementProbe } from "../../src/hosts/office/requirements";
import { resolveSettings, runFollowUp } from "../../src/workbook/followUp";
import { ledgerDriftRows, ledgerIndicatorRows } from "./ledger";

export const OFFICE_LIMIT_BYTES = 4_000_000;
const ALL_SETS: RequirementProbe = { isSetSupported: () => true };

export interface SyncFigures {
  syncs: number;
  largestRequest: number;
  largestResponse: number;
  totalRequest: number;
}

export interface OfficeFigures {
  rows: number;
  read: SyncFigures;
  write: SyncFigures;
  /** Request bytes of the write per drift row written. */
  writeBytesPerRow: number;
}

function figures(data: FakeWorkbook): SyncFigures {
  return {
    syncs: data.syncCount,
    largestRequest: data.largestRequestBytes,
    largestResponse: data.syncs.reduce((max, s) => Math.max(max, s.responseBytes), 0),
    totalRequest: data.syncs.reduce((sum, s) => sum + s.requestBytes, 0),
  };
}

export async function officeFigures(rows: number): Promise<OfficeFigures> {
  const data = createFakeWorkbook({
    name: "bench.xlsx",
    sheets: [
      { name: "Drift", rows: ledgerDriftRows(rows) },
      { name: "Indikatorer", rows: ledgerIndicatorRows(200) },
      { name: "Huvudbok", rows: ledgerSheetRows(100_000) },
    ],
  });
  data.resetStats();
  const grid = await fakeExcelRun(data, (context) => readWorkbookGrid(context));
  const read = figures(data);
  const run = runFollowUp(grid, resolveSettings(grid));
  data.resetStats();
  await fakeExcelRun(data, (context) => writeSheetPlans(context, run.plans, { requirements: ALL_SETS }));
  const write = figures(data);
  return { rows, read, write, writeBytesPerRow: write.totalRequest / rows };
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

export function describeOffice(o: OfficeFigures): string {
  return (
    `office ${o.rows.toLocaleString("sv-SE")} rows (+ 100 000-row ledger sheet): ` +
    `read ${o.read.syncs} syncs, largest request ${mb(o.read.largestRequest)}, largest response ${mb(o.read.largestResponse)}; ` +
    `write ${o.write.syncs} syncs, largest request ${mb(o.write.largestRequest)}, largest response ${mb(o.write.largestResponse)}, ` +
    `${Math.round(o.writeBytesPerRow)} bytes per written row`
  );
}

export function largestPayload(o: OfficeFigures): number {
  return Math.max(o.read.largestRequest, o.read.largestResponse, o.write.largestRequest, o.write.largestResponse);
}
