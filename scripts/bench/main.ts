/**
 * `npm run bench`: how fast Följsam is on a whole city's ledger, measured against what it cannot
 * beat, in one run on this machine.
 *
 * 1. Writes a drift workbook of 200 000 rows and 2 000 indicators into a temporary folder.
 * 2. Times, alternately and three times each, the floor (ExcelJS reads the workbook and writes it
 *    back unchanged: scripts/bench/floor.ts) and `foljsam report` on it, each as a child process
 *    (node start-up, module loading, reading, computing and writing all included), and prints the
 *    medians and the peak memory of each.
 * 3. Times the engine alone (computeFollowUp) on 1 000 000 drift rows held in memory.
 * 4. Counts (scripts/bench/office.ts) the fake Excel API's syncs, largest request and largest response when the add-in reads
 *    a 1 000-row and a 100 000-row workbook and writes its follow-up sheets.
 * 5. Times the raw floor (rawFloor.ts: node:zlib and a byte scanner read the workbook, and deflate
 *    at level 1 the new XML the report wrote) with each report run, and report and raw floor at
 *    20 000 and 1 000 000 rows too (growth.ts), time and peak memory each.
 * 6. Ends with one line: `bench: report <a> s, io floor <b> s, ratio <a/b>, rows 200000, …, raw
 *    floor <c> s, raw ratio <a/c>, peak memory report <m> MB`.
 *
 * Goals (the exit code is 1 when one is missed): ratio ≤ 1.5, the engine on 1 000 000 rows faster
 * than the floor's reading of 200 000, no add-in request or response above
 * 4 MB.
 */
import { spawn } from "child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import { cpus, tmpdir } from "os";
import { join, resolve } from "path";
import { amountFromNumber } from "../../src/engine/amount";
import { computeFollowUp } from "../../src/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { DriftRowInput, FollowUpInput } from "../../src/engine/types";
import { readWorkbook } from "../../src/workbook/read";
import { ledgerIndicatorRows, writeLedgerWorkbook } from "./ledger";
import { growth, growthLine, GROWTH_SIZES, type RawFloorRun, rawFloor, SCALE, type SizeResult, type Timed } from "./growth";
import { OFFICE_LIMIT_BYTES, describeOffice, largestPayload, officeFigures } from "./office";

const ROWS = Math.round(200_000 / SCALE);
const INDICATORS = 2_000;
const ENGINE_ROWS = Math.round(1_000_000 / SCALE);
const RUNS = 3;

/** lib/bench/scripts/bench → the repository. */
const ROOT = resolve(__dirname, "..", "..", "..", "..");
const BIN = join(ROOT, "bin", "foljsam.js");
const FLOOR = join(__dirname, "floor.js");
const PEAK = join(__dirname, "peakMemory.js");
const RAW = join(__dirname, "rawFloor.js");


function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const sec = (s: number) => s.toFixed(2);

/** Runs `node <args>` with the peak-memory preload; rejects unless it exits with one of `exitCodes`. */
function timed(args: string[], folder: string, exitCodes: readonly number[] = [0]): Promise<Timed> {
  const rssFile = join(folder, `rss-${process.hrtime.bigint()}.txt`);
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--require", PEAK, ...args], {
      cwd: folder,
      env: { ...process.env, FOLJSAM_BENCH_RSS: rssFile, FOLJSAM_DEBUG: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (!exitCodes.includes(code ?? -1)) return reject(new Error(`${args.join(" ")} gave exit code ${code}: ${stderr.trim().split("\n").slice(-1)[0]}`));
      let peakBytes = 0;
      try {
        peakBytes = Number(readFileSync(rssFile, "utf8"));
      } catch {
        // No record: reported as 0.
      }
      resolvePromise({ seconds, stdout, peakBytes });
    });
  });
}

/** A drift table of `rows` leaf rows built directly as the engine's input, as the reader would give it. */
function engineInput(rows: number): FollowUpInput {
  const driftRows: DriftRowInput[] = [];
  let x = 12345;
  const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = 0; i < rows; i++) {
    const r = i + 5;
    const budget = Math.round((50 + next() * 4950) * 10) / 10;
    const forecast = Math.round(budget * (0.97 + next() * 0.06) * 10) / 10;
    const actual = Math.round(((forecast * 8) / 12) * (next() < 0.04 ? 0.8 + next() * 0.4 : 1) * 10) / 10;
    const unit = Math.floor(i / 100);
    const resultUnit = unit % 10 === 3;
    driftRows.push({
      path: [`Verksamhetsområde ${Math.floor(i / 8000) + 1}`, `Enhet ${unit + 1}`, `Kostnadsslag ${(i % 100) + 1}`],
      budget: amountFromNumber(budget),
      actual: amountFromNumber(actual),
      forecast: amountFromNumber(forecast),
      previousForecast: amountFromNumber(Math.round(forecast * 0.99 * 10) / 10),
      priorYearActual: null,
      comment: i % 10 === 0 ? "Vakanser" : null,
      resultUnit,
      openingResultFund: resultUnit ? amountFromNumber(100) : null,
      grossBudget: resultUnit ? amountFromNumber(budget * 1.3) : null,
      earmark: unit % 25 === 7 ? "Nyanlända" : null,
      ref: { sheet: "Drift", row: r, labelCell: `C${r}`, cells: { budget: `D${r}`, forecast: `G${r}` } },
    });
  }
  const settings = defaultSettings();
  const indicators = readWorkbook(
    { source: "bench.xlsx", sheets: [{ name: "Indikatorer", rows: ledgerIndicatorRows(INDICATORS) }] },
    { ...settings, period: "T2" },
  ).indicators;
  return {
    period: "T2",
    year: 2026,
    unit: "tkr",
    drift: { sheet: "Drift", unit: "tkr", rows: driftRows, totalRows: [], hasForecast: true, hasPreviousForecast: true, hasPriorYear: false, hasComment: true },
    investments: null,
    costTypes: null,
    indicators,
    readFindings: [],
  };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "foljsam-bench-"));
  const benchStarted = process.hrtime.bigint();
  try {
    say(`Följsam benchmark: Node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? "unknown processor"}`);
    const input = join(folder, "stad.xlsx");
    const generated = process.hrtime.bigint();
    const size = await writeLedgerWorkbook(input, { rows: ROWS, indicators: INDICATORS });
    say(`workbook: ${ROWS} drift rows, ${INDICATORS} indicators, ${mb(size)} (written in ${sec(Number(process.hrtime.bigint() - generated) / 1e9)} s)`);

    const floors: Timed[] = [];
    const reports: Timed[] = [];
    const floorReads: number[] = [];
    const raws: RawFloorRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const f = await timed([FLOOR, input, join(folder, "golv.xlsx")], folder);
      floors.push(f);
      floorReads.push((JSON.parse(f.stdout) as { read: number }).read);
      const r = await timed([BIN, "report", input, "-o", join(folder, "uppfoljning.xlsx")], folder);
      reports.push(r);
      raws.push(await rawFloor(timed, RAW, input, join(folder, "uppfoljning.xlsx"), folder));
      say(`  run ${i + 1}: floor ${sec(f.seconds)} s (read ${sec(floorReads[i])} s), report ${sec(r.seconds)} s, raw floor ${sec(raws[i].seconds)} s`);
    }
    const floor = median(floors.map((t) => t.seconds));
    const report = median(reports.map((t) => t.seconds));
    const floorRead = median(floorReads);
    const ratio = report / floor;
    const outSize = statSync(join(folder, "uppfoljning.xlsx")).size;
    const reportPeak = Math.max(...reports.map((t) => t.peakBytes));
    const floorPeak = Math.max(...floors.map((t) => t.peakBytes));
    say(`floor (ExcelJS read + write, child process): median ${sec(floor)} s, of which reading ${sec(floorRead)} s; peak memory ${gb(floorPeak)}`);
    say(`foljsam report (child process): median ${sec(report)} s, ratio ${ratio.toFixed(2)}; output ${mb(outSize)}; peak memory ${gb(reportPeak)}`);
    const raw = median(raws.map((t) => t.seconds));
    const rawRatio = report / raw;
    const main200: SizeResult = {
      rows: ROWS,
      report: { seconds: report, peakBytes: reportPeak },
      raw: { ...raws.find((t) => t.seconds === raw)!, peakBytes: Math.max(...raws.map((t) => t.peakBytes)) },
      reread: null,
    };
    const sizes = [...(await growth(timed, BIN, RAW, folder, new Set([ROWS]))), main200].sort((a, b) => a.rows - b.rows);
    say("growth (report and raw floor, medians of 3 interleaved runs; the largest once, default heap):");
    for (const r of sizes) say(`  ${growthLine(r)}`);
    const million = sizes.find((r) => r.rows === GROWTH_SIZES[2]);

    const input1m = engineInput(ENGINE_ROWS);
    const engineStarted = process.hrtime.bigint();
    const result = computeFollowUp(input1m, defaultSettings());
    const engine = Number(process.hrtime.bigint() - engineStarted) / 1e9;
    say(`engine alone: ${ENGINE_ROWS} rows in ${sec(engine)} s (${result.findings.length} findings); the floor reads ${ROWS} rows in ${sec(floorRead)} s, the raw floor ${ENGINE_ROWS} rows in ${million?.raw ? sec(million.raw.read) : "?"} s`);

    const small = await officeFigures(1_000);
    const large = await officeFigures(100_000);
    for (const o of [small, large]) say(describeOffice(o));
    const peakHere = process.resourceUsage().maxRSS * 1024;
    say(`peak memory: report ${gb(reportPeak)}, floor ${gb(floorPeak)}, this process (engine and fake Excel) ${gb(peakHere)}`);

    const largestRequest = Math.max(largestPayload(small), largestPayload(large));
    const goals = [
      { goal: "ratio ≤ 1.5", met: ratio <= 1.5 },
      { goal: "engine on 1 000 000 rows faster than the floor's reading of 200 000", met: engine < floorRead },
      { goal: "office: no request or response above 4 MB", met: largestRequest <= OFFICE_LIMIT_BYTES },
      { goal: `raw ratio ≤ 2.0 at ${ROWS} rows`, met: rawRatio <= 2 },
      { goal: `peak memory of report ≤ 400 MB at ${ROWS} rows`, met: reportPeak <= 400e6 },
      { goal: `report completes on ${GROWTH_SIZES[2]} rows with the default heap`, met: million !== undefined && !("failed" in million.report) },
      { goal: `report's output on ${GROWTH_SIZES[2]} rows read again`, met: million?.reread?.ok === true },
      { goal: `engine on ${ENGINE_ROWS} rows no slower than the raw floor's reading of them`, met: million?.raw !== null && million?.raw !== undefined && engine <= million.raw.read },
    ];
    for (const g of goals) say(`goal: ${g.goal}: ${g.met ? "met" : "NOT MET"}`);
    if (goals.some((g) => !g.met)) process.exitCode = 1;
    say(`total ${sec(Number(process.hrtime.bigint() - benchStarted) / 1e9)} s`);
    say(
      `bench: report ${sec(report)} s, io floor ${sec(floor)} s, ratio ${ratio.toFixed(2)}, rows ${ROWS}, ` +
        `engine ${ENGINE_ROWS} rows ${sec(engine)} s vs floor read ${sec(floorRead)} s, ` +
        `office syncs read ${small.read.syncs}/${large.read.syncs} write ${small.write.syncs}/${large.write.syncs} (1 000/100 000 rows), ` +
        `largest office request or response ${mb(largestRequest)}, peak memory report ${gb(reportPeak)} floor ${gb(floorPeak)}` +
        `, raw floor ${sec(raw)} s, raw ratio ${rawRatio.toFixed(2)}, peak memory report ${Math.round(reportPeak / 1e6)} MB`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
