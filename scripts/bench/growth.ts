/**
 * The benchmark's growth table: `foljsam report` against the raw floor (rawFloor.ts) at 20 000,
 * 200 000 and 1 000 000 drift rows, time and peak memory each, so that growth is seen. Runs are
 * interleaved, three at each size but the largest, which runs once (with Node's default heap: it
 * must not need more). FOLJSAM_BENCH_SCALE=<n> divides every row count by n (to try the
 * benchmark itself quickly); the figures of record are made without it.
 */
import { rmSync } from "fs";
import { join } from "path";
import { writeLedgerWorkbook } from "./ledger";

export const SCALE = Math.max(1, Number(process.env.FOLJSAM_BENCH_SCALE ?? 1) || 1);
export const GROWTH_SIZES = [20_000, 200_000, 1_000_000].map((n) => Math.round(n / SCALE));
const ONCE_FROM = Math.round(1_000_000 / SCALE);

export interface Timed {
  seconds: number;
  stdout: string;
  peakBytes: number;
}

export type Runner = (args: string[], folder: string, exitCodes?: readonly number[]) => Promise<Timed>;

export interface RawFloorRun {
  /** Whole process, less the time it spent preparing the bytes to deflate. */
  seconds: number;
  read: number;
  write: number;
  newXmlBytes: number;
  peakBytes: number;
}

export interface SizeResult {
  rows: number;
  /** Median seconds and largest peak of the report, or null when it did not complete (its message). */
  report: { seconds: number; peakBytes: number } | { failed: string };
  raw: RawFloorRun | null;
  /** At the largest size: whether `foljsam validate` reads the report's own output (null: not tried). */
  reread: { ok: true; seconds: number } | { ok: false; why: string } | null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One raw-floor run on `input`, deflating what the report wrote into `output`. */
export async function rawFloor(run: Runner, script: string, input: string, output: string | null, folder: string): Promise<RawFloorRun> {
  const t = await run(output ? [script, input, output] : [script, input], folder);
  const j = JSON.parse(t.stdout) as { read: number; write: number; prepare: number; newXmlBytes: number };
  return { seconds: t.seconds - j.prepare, read: j.read, write: j.write, newXmlBytes: j.newXmlBytes, peakBytes: t.peakBytes };
}

function medianRaw(runs: RawFloorRun[]): RawFloorRun {
  const m = median(runs.map((r) => r.seconds));
  return { ...runs.find((r) => r.seconds === m)!, peakBytes: Math.max(...runs.map((r) => r.peakBytes)) };
}

/**
 * Report and raw floor at each size but those in `skip` (measured elsewhere, e.g. the main run's
 * 200 000 rows, interleaved with the ExcelJS floor); each size's workbook is written, measured and removed.
 */
export async function growth(run: Runner, bin: string, script: string, folder: string, skip: ReadonlySet<number>): Promise<SizeResult[]> {
  const out: SizeResult[] = [];
  for (const rows of GROWTH_SIZES) {
    if (skip.has(rows)) continue;
    const input = join(folder, `rader-${rows}.xlsx`);
    const output = join(folder, `rader-${rows}-uppfoljning.xlsx`);
    await writeLedgerWorkbook(input, { rows, indicators: 2000 });
    const runs = rows >= ONCE_FROM ? 1 : 3;
    const reports: Timed[] = [];
    const raws: RawFloorRun[] = [];
    let failed: string | null = null;
    for (let i = 0; i < runs && failed === null; i++) {
      try {
        reports.push(await run([bin, "report", input, "-o", output], folder));
      } catch (e) {
        failed = e instanceof Error ? e.message.replace(/^.*?: /, "") : String(e);
        raws.push(await rawFloor(run, script, input, null, folder));
        break;
      }
      raws.push(await rawFloor(run, script, input, output, folder));
    }
    let reread: SizeResult["reread"] = null;
    if (rows >= ONCE_FROM && failed === null) {
      try {
        // validate exits 1 when the workbook has errors to fix (it read it), 2 when it cannot read it.
        reread = { ok: true, seconds: (await run([bin, "validate", output], folder, [0, 1])).seconds };
      } catch (e) {
        reread = { ok: false, why: e instanceof Error ? e.message.replace(/^.*?: /, "") : String(e) };
      }
    }
    rmSync(input, { force: true });
    rmSync(output, { force: true });
    out.push({
      rows,
      report: failed !== null ? { failed } : { seconds: median(reports.map((r) => r.seconds)), peakBytes: Math.max(...reports.map((r) => r.peakBytes)) },
      raw: raws.length ? medianRaw(raws) : null,
      reread,
    });
  }
  return out;
}

const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

/** One line a size: "20 000 rows: report 3.30 s / 285 MB, raw floor 0.27 s / 72 MB (read 0.20 s, write 0.07 s of 26 MB new XML), raw ratio 12.2". */
export function growthLine(r: SizeResult): string {
  const rows = r.rows.toLocaleString("sv-SE");
  const report = "failed" in r.report ? `report did not complete (${r.report.failed})` : `report ${r.report.seconds.toFixed(2)} s / ${mb(r.report.peakBytes)}`;
  const raw = r.raw ? `raw floor ${r.raw.seconds.toFixed(2)} s / ${mb(r.raw.peakBytes)} (read ${r.raw.read.toFixed(2)} s, write ${r.raw.write.toFixed(2)} s of ${mb(r.raw.newXmlBytes)} new XML)` : "raw floor not run";
  const ratio = r.raw && !("failed" in r.report) ? `, raw ratio ${(r.report.seconds / r.raw.seconds).toFixed(2)}` : "";
  const reread = r.reread === null ? "" : r.reread.ok ? `; its output read again by validate in ${r.reread.seconds.toFixed(2)} s` : `; its output NOT read again (${r.reread.why})`;
  return `${rows} rows: ${report}, ${raw}${ratio}${reread}`;
}
