/**
 * What the commands share: flags checked and turned into settings layers, the JSON report written
 * to a file (atomically) or to standard output, exit codes.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { basename, dirname, resolve } from "path";
import { WRITE_REASONS, XLSX_MESSAGES } from "../hosts/xlsx/messages.sv";
import type { Period, Unit } from "../engine/types";
import { FoljsamError } from "../workbook/errors";
import type { SettingsLayer } from "../workbook/followUp";
import type { CliOptions } from "./args";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_NOTHING = 2;

export function periodFlag(value: string): Period {
  const p = value.toUpperCase();
  if (!["T1", "T2", "VB"].includes(p)) throw new FoljsamError(`--period ska vara T1, T2 eller VB, inte "${value}".`);
  return p as Period;
}

export function yearFlag(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new FoljsamError(`--year ska vara ett årtal som 2026, inte "${value}".`);
  return Number(value);
}

export function unitFlag(value: string): Unit {
  const u = value.toLowerCase();
  if (!["kr", "tkr", "mnkr"].includes(u)) throw new FoljsamError(`--unit ska vara kr, tkr eller mnkr, inte "${value}".`);
  return u as Unit;
}

/** A settings file (--settings) as a layer; null without one. */
export function settingsFileLayer(opts: CliOptions): SettingsLayer | null {
  if (!opts.settings) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(opts.settings, "utf8"));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "filen finns inte" : "ogiltig JSON";
    throw new FoljsamError(`${basename(opts.settings)}: kan inte läsa inställningarna (${why}).`);
  }
  return { source: basename(opts.settings), raw };
}

export function settingsLayers(opts: CliOptions): SettingsLayer[] {
  const layers: SettingsLayer[] = [];
  const file = settingsFileLayer(opts);
  if (file) layers.push(file);
  const flags: Record<string, unknown> = {};
  if (opts.period !== undefined) flags.period = periodFlag(opts.period);
  if (opts.year !== undefined) flags.year = yearFlag(opts.year);
  if (opts.unit !== undefined) flags.unit = unitFlag(opts.unit);
  if (Object.keys(flags).length) layers.push({ source: "kommandoraden", raw: flags });
  return layers;
}

const FLAG_NAMES: Partial<Record<keyof CliOptions, string>> = {
  period: "--period",
  year: "--year",
  unit: "--unit",
  settings: "--settings",
  output: "-o",
  json: "--json",
  inPlace: "--in-place",
  strict: "--strict",
};

/** Refuses flags a command does not take, naming the first. */
export function rejectFlags(opts: CliOptions, flags: (keyof CliOptions)[]): void {
  for (const f of flags) {
    const v = opts[f];
    if (v !== undefined && v !== false) throw new FoljsamError(`Flaggan ${FLAG_NAMES[f] ?? f} används inte med foljsam ${opts.command}. Se foljsam --help.`);
  }
}

/** Writes the JSON report to a file (atomically) or to standard output for "-". */
export function writeJson(target: string | undefined, json: unknown): void {
  if (!target) return;
  const text = `${JSON.stringify(json, null, 2)}\n`;
  if (target === "-") {
    process.stdout.write(text);
    return;
  }
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, "utf8");
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new FoljsamError(XLSX_MESSAGES.cannotWrite(basename(target), writeReason(e, target)));
  }
}

/** Why a file could not be written, in Swedish: the same words for the JSON report as for the workbook. */
export function writeReason(e: unknown, target: string): string {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  if (code === "ENOENT" || code === "ENOTDIR") return `mappen ${dirname(target).replace(/[\x00-\x1f\x7f]/g, "?")} finns inte`;
  return WRITE_REASONS[code] ?? (code || (e instanceof Error ? e.message : String(e)));
}

/** Before any work: the folders that -o and --json write into exist (no half-done run). */
export function checkOutputFolders(targets: (string | null | undefined)[]): void {
  for (const t of targets) {
    if (!t || t === "-") continue;
    const folder = dirname(resolve(t));
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new FoljsamError(XLSX_MESSAGES.cannotWrite(basename(t), `mappen ${dirname(t).replace(/[\x00-\x1f\x7f]/g, "?")} finns inte`));
    }
  }
}
