/**
 * `foljsam consolidate a.xlsx b.xlsx … -o stad.xlsx [--json -] [--unit mnkr] [--settings s.json]
 * [--strict]`: one nämnd per file, read one at a time and reduced at once to its summary, so that
 * the memory needed does not grow with the size of the files; then the city's consolidation is
 * written to a new workbook and, with --json, as a JSON report.
 */
import { rmSync } from "fs";
import { basename, extname, resolve } from "path";
import { toNumber } from "../engine/amount";
import { displayDecimals } from "../engine/format";
import { defaultSettings, mergeSettings } from "../engine/settings";
import { formatPercent, formatSwedish } from "../engine/swedishNumber";
import type { Unit } from "../engine/types";
import { readXlsx } from "../hosts/xlsx/read";
import { fileLabel } from "../hosts/xlsx/oneLine";
import { writeNewWorkbook } from "../hosts/xlsx/writeNew";
import {
  assertSamePeriod,
  buildConsolidationPlans,
  type Consolidation,
  consolidate,
  consolidationJson,
  consolidationPeriodName,
  periodReference,
  summariseUnit,
  type UnitSummary,
  unitNameOf,
} from "../workbook/consolidate";
import { CITY_MESSAGES } from "../workbook/consolidate/labels.sv";
import { FoljsamError } from "../workbook/errors";
import { checkFollowUp, resolveSettings, type SettingsLayer } from "../workbook/followUp";
import type { CliOptions } from "./args";
import { EXIT_FINDINGS, EXIT_OK, rejectFlags, settingsFileLayer, unitFlag, writeJson } from "./options";
import type { Progress } from "./progress";

export async function consolidateCommand(opts: CliOptions, progress: Progress): Promise<number> {
  rejectFlags(opts, ["period", "year", "inPlace"]);
  const files = opts.positional;
  if (files.length === 0) throw new FoljsamError("Ange nämndernas arbetsböcker: foljsam consolidate a.xlsx b.xlsx … -o stad.xlsx.");
  if (!opts.output && !opts.json) throw new FoljsamError("Ange utfilen: foljsam consolidate a.xlsx b.xlsx … -o stad.xlsx (eller --json).");
  const seen = new Set<string>();
  for (const f of files) {
    const key = resolve(f);
    if (seen.has(key)) throw new FoljsamError(CITY_MESSAGES.sameFileTwice(fileLabel(f)));
    seen.add(key);
  }
  const out = opts.output;
  if (out !== undefined) {
    if (extname(out).toLowerCase() !== ".xlsx") throw new FoljsamError(`Utfilen ${basename(out)} ska sluta på .xlsx.`);
    if (seen.has(resolve(out))) throw new FoljsamError(`Utfilen ${basename(out)} är en av nämndernas arbetsböcker; ange en ny fil.`);
  }
  const unit: Unit = opts.unit !== undefined ? unitFlag(opts.unit) : "mnkr";
  const layer = settingsFileLayer(opts);
  const layers = layer ? [layer] : [];
  const band = layer ? mergeSettings(defaultSettings(), layer.raw, layer.source).forecastAccuracyBand : defaultSettings().forecastAccuracyBand;

  const units: UnitSummary[] = [];
  for (let i = 0; i < files.length; i++) {
    progress.set(`Läser ${i + 1} av ${files.length}: ${fileLabel(files[i])}`, i / files.length);
    const summary = await readUnit(files[i], layers, unit);
    if (units.length > 0) assertSamePeriod(periodReference(units), summary);
    units.push(summary);
  }
  progress.set("Sammanställer", 1);
  const c = consolidate(units, { unit, forecastAccuracyBand: band });

  if (out !== undefined) {
    progress.set(`Skriver ${basename(out)}`, 1);
    await writeNewWorkbook(buildConsolidationPlans(c), out, { mark: true });
  }
  try {
    writeJson(opts.json, consolidationJson(c));
  } catch (e) {
    if (out !== undefined) rmSync(out, { force: true });
    throw e;
  }
  progress.done();
  const stream = opts.json === "-" ? process.stderr : process.stdout;
  for (const line of consolidationLines(c)) stream.write(`${line}\n`);
  if (out !== undefined) stream.write(`  Skrev ${out}\n`);
  const errors = units.some((u) => u.findings.some((f) => f.severity === "error"));
  return errors && opts.strict ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * One file to its summary. Nothing of the file outlives this call but the summary: the cells and
 * the ExcelJS workbook become garbage before the next file is read.
 */
async function readUnit(path: string, layers: SettingsLayer[], unit: Unit): Promise<UnitSummary> {
  const file = fileLabel(path);
  const { grid } = await readXlsx(path);
  const settings = resolveSettings(grid, layers);
  const { result } = checkFollowUp(grid, settings);
  const name = unitNameOf(grid, settings, file);
  return summariseUnit(result, { file, name: name.name, nameSource: name.source }, unit);
}

/** The short Swedish summary printed after a consolidation. */
export function consolidationLines(c: Consolidation): string[] {
  const amount = (x: bigint | null) => (x === null ? "–" : formatSwedish(toNumber(x), displayDecimals(c.unit)));
  const t = c.total;
  const rows: [string, string][] = [
    ["Budget", amount(t.budget)],
    [c.period === "VB" ? "Utfall" : "Prognos", amount(t.base)],
    ["Avvikelse", amount(t.deviation)],
    ["Resultatöverföringar", amount(t.resultTransfer)],
    ["Återredovisning", amount(t.returnedFunds)],
    ["Justerad avvikelse", amount(t.adjustedDeviation)],
    [
      "Budgetföljsamhet",
      c.budgetAdherenceBefore === null ? "–" : `${formatPercent(c.budgetAdherenceBefore)} (efter resultatöverföringar ${formatPercent(c.budgetAdherenceAfter ?? 0)})`,
    ],
  ];
  if (c.forecastAccuracy !== null) rows.push(["Prognossäkerhet", `${formatPercent(c.forecastAccuracy)} (${c.forecastAccuracyMet ? "uppfyllt" : "ej uppfyllt"})`]);
  const width = Math.max(...rows.map((r) => r[0].length));
  const numeric = /^[-\d ,]+$/;
  const valueWidth = Math.max(...rows.map((r) => (numeric.test(r[1]) ? r[1].length : 0)));
  const n = c.units.length;
  const lines = [`Följsam – sammanställning, ${consolidationPeriodName(c)} (${c.unit}), ${n} ${n === 1 ? "nämnd" : "nämnder"}`];
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(width)}  ${numeric.test(value) ? value.padStart(valueWidth) : value}`);
  if (c.indicatorSentence) lines.push(`  ${c.indicatorSentence}`);
  const findings = c.units.flatMap((u) => u.findings);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push(`  Kontroller: ${findings.length} (${count("error")} fel, ${count("warning")} varningar, ${count("info")} information)`);
  return lines;
}
