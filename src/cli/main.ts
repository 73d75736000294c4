import { existsSync, mkdirSync, readFileSync, rmSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { SettingsError } from "../engine/settings";
import { FoljsamError } from "../workbook/errors";
import { resolveSettings, runFollowUp, type SettingsLayer } from "../workbook/followUp";
import { readSettingsSheet } from "../workbook/read";
import { sortFindings } from "../workbook/plans/findings";
import { validateWorkbook } from "../workbook/validate";
import { readXlsx } from "../hosts/xlsx/read";
import { writeFollowUpFile } from "../hosts/xlsx/write";
import { type CliOptions, COMMAND_HELP, parseArgs, USAGE } from "./args";
import { findingLine, findingLines, sourceLines } from "./messages";
import { consolidateCommand } from "./consolidate";
import { checkOutputFolders, EXIT_FINDINGS, EXIT_NOTHING, EXIT_OK, settingsLayers, writeJson } from "./options";
import { Progress } from "./progress";
import { summaryLines } from "./summary";
import { template } from "./template";
import { noteWritten } from "./written";
import type { JsonReport } from "../engine/report";

/** The bundled sample, relative to the compiled lib/cli/main.js (and to src/cli in tests). */
export const SAMPLE_WORKBOOK = resolve(__dirname, "..", "..", "assets", "foljsam-exempel.xlsx");

export async function main(argv: string[]): Promise<number> {
  let progress: Progress | null = null;
  try {
    const opts = parseArgs(argv);
    if (opts.version) {
      process.stdout.write(`foljsam ${version()}\n`);
      return EXIT_OK;
    }
    if (opts.help || !opts.command) {
      const text = opts.help && opts.command && COMMAND_HELP[opts.command] ? COMMAND_HELP[opts.command] : USAGE;
      (opts.help ? process.stdout : process.stderr).write(text);
      return opts.help ? EXIT_OK : EXIT_NOTHING;
    }
    progress = new Progress();
    switch (opts.command) {
      case "report":
        return await report(opts, progress, false);
      case "validate":
        return await report(opts, progress, true);
      case "demo":
        return await demo(opts, progress);
      case "template":
        return await template(opts, process.stdout);
      case "consolidate":
        return await consolidateCommand(opts, progress);
      default:
        throw new FoljsamError(`Okänt kommando "${opts.command}". Se foljsam --help.`);
    }
  } catch (e) {
    progress?.done();
    process.stderr.write(`foljsam: ${oneLine(e)}\n`);
    if (process.env.FOLJSAM_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return EXIT_NOTHING;
  } finally {
    progress?.done();
  }
}

function oneLine(e: unknown): string {
  if (e instanceof FoljsamError || e instanceof SettingsError) return e.message.replace(/\s*\n\s*/g, " ");
  const message = e instanceof Error ? e.message : String(e);
  return `oväntat fel: ${message.replace(/\s*\n\s*/g, " ")} (kör med FOLJSAM_DEBUG=1 för detaljer)`;
}

async function report(opts: CliOptions, progress: Progress, validateOnly: boolean): Promise<number> {
  const [input, ...extra] = opts.positional;
  if (!input) throw new FoljsamError(`Ange en arbetsbok: foljsam ${opts.command} <fil.xlsx>.`);
  if (extra.length) throw new FoljsamError(`För många filer: ${extra.join(", ")}. Ange en arbetsbok.`);
  const layers = settingsLayers(opts);
  const outPath = validateOnly ? null : outputPath(input, opts);
  checkOutputFolders([outPath, opts.json]);

  progress.set(`Läser ${basename(input)}`);
  const { bytes, result, plans, json, sheetSays } = await compute(input, layers, validateOnly, progress);
  if (plans !== null) {
    progress.set(`Skriver ${basename(outPath!)}`);
    await writeFollowUpFile(bytes, plans, outPath!);
    // Removed by the memory guard if what follows (the JSON report) runs out of memory.
    if (!opts.inPlace) noteWritten(outPath!);
  }
  try {
    if (opts.json) writeJson(opts.json, json());
  } catch (e) {
    if (outPath && !opts.inPlace) rmSync(outPath, { force: true });
    throw e;
  }
  progress.done();
  const out = opts.json === "-" ? process.stderr : process.stdout;
  // What the run used and where it came from, and what needs attention: on standard error (CONTRACT.md).
  for (const line of sourceLines(result, opts, layers, sheetSays)) process.stderr.write(`${line}\n`);
  if (!validateOnly) for (const line of findingLines(result.findings)) process.stderr.write(`${line}\n`);
  if (validateOnly) {
    // Errors first, then by sheet and cell: what must be fixed before submission heads the list.
    for (const f of sortFindings(result.findings)) {
      out.write(`${findingLine(f)}\n`);
    }
  }
  for (const line of summaryLines(result)) out.write(`${line}\n`);
  if (outPath) out.write(`  Skrev ${outPath}\n`);
  const errors = result.findings.some((f) => f.severity === "error");
  if (validateOnly) out.write(`  ${validateVerdict(result.findings.filter((f) => f.severity === "error").length)}\n`);
  return errors && (validateOnly || opts.strict) ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * Reads and computes. Only what the write and the messages need outlives this function: the
 * ExcelJS workbook and the grid, large for a large ledger, are garbage once it returns.
 */
async function compute(input: string, layers: SettingsLayer[], validateOnly: boolean, progress: Progress) {
  const { grid, bytes } = await readXlsx(input);
  const settings = resolveSettings(grid, layers);
  const sheet = readSettingsSheet(grid);
  const sheetSays = sheet ? { sheet: sheet.sheet, period: sheet.settings.period ?? null, year: sheet.settings.year ?? null, unit: sheet.settings.unit ?? null } : null;
  progress.set("Beräknar");
  if (validateOnly) {
    const checked = validateWorkbook(grid, settings);
    return { bytes, result: checked.result, plans: null, json: (): JsonReport => checked.report, sheetSays };
  }
  const run = runFollowUp(grid, settings);
  return { bytes, result: run.result, plans: run.plans, json: (): JsonReport => run.report, sheetSays };
}

/** The last line of validate: whether the workbook can be submitted as it is. */
function validateVerdict(errors: number): string {
  if (errors === 0) return "Inga fel: arbetsboken kan lämnas in.";
  return `${errors} fel måste rättas innan arbetsboken lämnas in.`;
}

function outputPath(input: string, opts: CliOptions): string {
  if (opts.inPlace) {
    if (opts.output && resolve(opts.output) !== resolve(input)) throw new FoljsamError("Ange antingen --in-place eller -o, inte båda.");
    return input;
  }
  const out = opts.output ?? join(dirname(input), `${basename(input, extname(input))}-uppfoljning.xlsx`);
  if (resolve(out) === resolve(input)) throw new FoljsamError(`Utfilen är samma som indatafilen ${basename(input)}; använd --in-place för att skriva i den.`);
  if (extname(out).toLowerCase() !== ".xlsx") throw new FoljsamError(`Utfilen ${basename(out)} ska sluta på .xlsx.`);
  return out;
}

async function demo(opts: CliOptions, progress: Progress): Promise<number> {
  if (!existsSync(SAMPLE_WORKBOOK)) throw new FoljsamError(`Exempelarbetsboken saknas: ${SAMPLE_WORKBOOK}.`);
  const folder = opts.output ?? "out";
  mkdirSync(folder, { recursive: true });
  const out = join(folder, "foljsam-exempel-uppfoljning.xlsx");
  const jsonPath = join(folder, "foljsam-exempel-rapport.json");
  process.stdout.write(`Följsam demo: exemplet från Socialnämndens verksamhetsberättelse 2019 och KF:s indikatorer 2020.\n`);
  return report({ ...opts, command: "report", positional: [SAMPLE_WORKBOOK], output: out, json: opts.json ?? jsonPath }, progress, false);
}

/** The package's version, from package.json beside lib/ (and src/ in tests). */
function version(): string {
  try {
    return (JSON.parse(readFileSync(resolve(__dirname, "..", "..", "package.json"), "utf8")) as { version?: string }).version ?? "okänd";
  } catch {
    return "okänd";
  }
}
