/**
 * The settings panel as data: one entry per setting of Settings (DOMAIN.md, docs/rules.md), how
 * it is entered, and the pure functions that turn what the user typed into the stored settings
 * layer (the same JSON shape as a --settings file) and validate it with mergeSettings.
 */
import { parseSwedishNumber } from "../../engine/swedishNumber";
import { defaultSettings, mergeSettings, SettingsError } from "../../engine/settings";
import type { Settings } from "../../engine/types";
import type { RawSettings } from "../services/types";

export type SettingInput = "period" | "unit" | "year" | "number" | "percent" | "boolean";
export type SettingGroup = "period" | "operating" | "resultUnits" | "indicators";

/** Keys of the string table's settings.fields. */
export type SettingKey =
  | "period"
  | "year"
  | "unit"
  | "commentThresholdMnkr"
  | "commentThresholdShare"
  | "runRateShare"
  | "forecastAccuracyBand"
  | "costsNegative"
  | "capShare"
  | "carryDeficits"
  | "tolerance"
  | "improvementCountsAsPartial"
  | "genderGapPoints"
  | "genderGapShare";

export interface SettingField {
  key: SettingKey;
  /** Path in Settings and in the stored JSON. */
  path: string[];
  input: SettingInput;
  group: SettingGroup;
}

export const SETTING_FIELDS: readonly SettingField[] = [
  { key: "period", path: ["period"], input: "period", group: "period" },
  { key: "year", path: ["year"], input: "year", group: "period" },
  { key: "unit", path: ["unit"], input: "unit", group: "period" },
  { key: "commentThresholdMnkr", path: ["commentThreshold", "mnkr"], input: "number", group: "operating" },
  { key: "commentThresholdShare", path: ["commentThreshold", "share"], input: "percent", group: "operating" },
  { key: "runRateShare", path: ["runRateShare"], input: "percent", group: "operating" },
  { key: "forecastAccuracyBand", path: ["forecastAccuracyBand"], input: "percent", group: "operating" },
  { key: "costsNegative", path: ["costsNegative"], input: "boolean", group: "operating" },
  { key: "capShare", path: ["resultUnits", "capShare"], input: "percent", group: "resultUnits" },
  { key: "carryDeficits", path: ["resultUnits", "carryDeficits"], input: "boolean", group: "resultUnits" },
  { key: "tolerance", path: ["indicators", "tolerance"], input: "percent", group: "indicators" },
  { key: "improvementCountsAsPartial", path: ["indicators", "improvementCountsAsPartial"], input: "boolean", group: "indicators" },
  { key: "genderGapPoints", path: ["indicators", "genderGapPoints"], input: "number", group: "indicators" },
  { key: "genderGapShare", path: ["indicators", "genderGapShare"], input: "percent", group: "indicators" },
];

export const SETTING_GROUPS: readonly SettingGroup[] = ["period", "operating", "resultUnits", "indicators"];

/** The path of an earmark's mode. */
export function earmarkPath(name: string): string[] {
  return ["earmarks", name, "mode"];
}

export function pathKey(path: readonly string[]): string {
  return path.join("\u0000");
}

export function valueAt(source: unknown, path: readonly string[]): unknown {
  let v: unknown = source;
  for (const p of path) {
    if (typeof v !== "object" || v === null || !(p in v)) return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

/** The stored layer with one value set, or removed (undefined); empty parents are dropped. */
export function withValue(stored: RawSettings | null, path: readonly string[], value: unknown): RawSettings | null {
  const out: RawSettings = structuredClone(stored ?? {});
  const parents: RawSettings[] = [out];
  let o = out;
  for (const p of path.slice(0, -1)) {
    const next = o[p];
    if (typeof next !== "object" || next === null || Array.isArray(next)) {
      if (value === undefined) return stored;
      o[p] = {};
    }
    o = o[p] as RawSettings;
    parents.push(o);
  }
  const last = path[path.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
  for (let i = parents.length - 1; i > 0; i--) {
    if (Object.keys(parents[i]).length === 0) delete parents[i - 1][path[i - 1]];
  }
  return Object.keys(out).length === 0 ? null : out;
}

/** A number as the user reads and types it: Swedish decimal comma, no trailing zeros. */
export function numberText(value: number): string {
  const rounded = Number(value.toPrecision(12));
  return new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 6, useGrouping: false }).format(rounded).replace(/\u2212/g, "-");
}

/** The text an input shows for a setting's current value. */
export function inputText(field: SettingField, settings: Settings): string {
  const value = valueAt(settings, field.path);
  if (typeof value !== "number") return "";
  if (field.input === "year") return String(value);
  return numberText(field.input === "percent" ? value * 100 : value);
}

export type Parsed = { ok: true; value: number | undefined } | { ok: false; error: "notANumber" | "notAYear" };

/** What the user typed → the stored value (a share for %, undefined for empty = from the workbook/defaults). */
export function parseInput(field: SettingField, text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: undefined };
  if (field.input === "year") return /^\d{4}$/.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false, error: "notAYear" };
  // A dot is a decimal sign too, as people type it on an English keyboard.
  const parsed = parseSwedishNumber(/^-?\d+\.\d+$/.test(trimmed) ? trimmed.replace(".", ",") : trimmed);
  if (parsed.kind !== "number") return { ok: false, error: "notANumber" };
  const value = field.input === "percent" ? Number((parsed.value / 100).toPrecision(12)) : parsed.value;
  return { ok: true, value };
}

/** mergeSettings' message when the stored layer is not valid, else null. */
export function validateStored(stored: RawSettings | null, source?: string): string | null {
  try {
    mergeSettings(defaultSettings(), stored, source);
    return null;
  } catch (e) {
    if (e instanceof SettingsError) return e.message;
    throw e;
  }
}
