/**
 * The settings sheet: a sheet named "Inställningar" with rows "Inställning | Värde". Keys are the
 * settings file's (period, commentThreshold.mnkr, earmarks.Nyanlända.mode …) or Swedish labels
 * (Period, År, Enhet, Nämnd, Kommentarsgräns (mnkr), Öronmärkning Nyanlända …). Values are typed
 * for mergeSettings: "5 %" and a bare 5 are the share 0.05, "ja"/"nej" booleans. A value that
 * cannot be typed is passed on as written, so that mergeSettings names the key in its message.
 */
import { parseSwedishNumber } from "../../engine/swedishNumber";
import type { CellValue, WorkbookGrid } from "../cells";
import { a1, isCellDate, isCellError } from "../cells";
import { isSettingsSheetName } from "./headers";
import { analyseHeader, cleanText, wordKey } from "./normalise";
import { periodFromText, yearFromText } from "./period";
import { EARMARK_MODE_WORDS, EARMARK_SETTING_PREFIXES, SETTING_LABELS } from "./synonyms";

export interface SettingsSheet {
  /** A nested object for mergeSettings. */
  settings: Record<string, unknown>;
  sheet: string;
  /** The nämnd's name (Nämnd), when given. */
  unitName?: string;
  /** Row labels that are not settings, as written. */
  unknownKeys?: string[];
  /** A1 addresses of those labels, in the same order. */
  unknownCells?: string[];
  /** A1 address of the Nämnd row's value cell, present when the sheet has the row (even empty). */
  unitNameCell?: string;
}

type ValueType = "period" | "year" | "unit" | "text" | "number" | "share" | "boolean" | "earmarkMode";

const KEY_TYPES: Record<string, ValueType> = {
  period: "period",
  year: "year",
  unit: "unit",
  unitName: "text",
  "commentThreshold.mnkr": "number",
  "commentThreshold.share": "share",
  "resultUnits.capShare": "share",
  "resultUnits.carryDeficits": "boolean",
  "indicators.tolerance": "share",
  "indicators.improvementCountsAsPartial": "boolean",
  "indicators.genderGapPoints": "number",
  "indicators.genderGapShare": "share",
  runRateShare: "share",
  forecastAccuracyBand: "share",
  costsNegative: "boolean",
};
const KEYS_BY_LOWER = new Map(Object.keys(KEY_TYPES).map((k) => [k.toLowerCase(), k]));
const EARMARK_KEY = /^earmarks\.(.+?)(?:\.mode)?$/i;
const EARMARK_PREFIXES = new Set(EARMARK_SETTING_PREFIXES);
const TRUE_WORDS = new Set(["ja", "j", "x", "1", "true", "sant", "yes"]);
const FALSE_WORDS = new Set(["nej", "n", "0", "false", "falskt", "no"]);

export function readSettingsSheet(grid: WorkbookGrid): SettingsSheet | null {
  const sheet = grid.sheets.find((s) => isSettingsSheetName(s.name));
  if (!sheet) return null;
  let keyCol = 0;
  let valueCol = 1;
  let firstRow = 0;
  // A header row "Inställning | Värde" (within the first rows) says where keys and values are.
  for (let r = 0; r < Math.min(sheet.rows.length, 5); r++) {
    const row = sheet.rows[r] ?? [];
    const k = row.findIndex((v) => typeof v === "string" && ["installning", "nyckel", "setting"].includes(wordKey(v)));
    const v = row.findIndex((x) => typeof x === "string" && ["varde", "value"].includes(wordKey(x)));
    if (k >= 0 && v >= 0) {
      [keyCol, valueCol, firstRow] = [k, v, r + 1];
      break;
    }
  }

  const settings: Record<string, unknown> = {};
  const unknownKeys: string[] = [];
  const unknownCells: string[] = [];
  let unitName: string | undefined;
  let unitNameCell: string | undefined;
  for (let r = firstRow; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const keyCell = row[keyCol];
    if (typeof keyCell !== "string" || cleanText(keyCell) === "") continue;
    const label = cleanText(keyCell);
    const value = row[valueCol] ?? null;
    if (isEmpty(value)) {
      // An empty Nämnd is worth knowing before submission (validate says so).
      if (unitNameCell === undefined && settingKey(label)?.path === "unitName") unitNameCell = a1(r, valueCol);
      continue;
    }
    const key = settingKey(label);
    if (key === null) {
      unknownKeys.push(label);
      unknownCells.push(a1(r, keyCol));
      continue;
    }
    if (key.earmark !== undefined) {
      const earmarks = (settings.earmarks ??= {}) as Record<string, unknown>;
      earmarks[key.earmark] = { mode: typed(value, "earmarkMode") };
      continue;
    }
    const v = typed(value, KEY_TYPES[key.path]);
    if (key.path === "unitName") {
      unitName = String(v);
      unitNameCell = a1(r, valueCol);
      continue;
    }
    setPath(settings, key.path.split("."), v);
  }
  return {
    settings,
    sheet: sheet.name,
    ...(unitName !== undefined ? { unitName } : {}),
    ...(unknownKeys.length > 0 ? { unknownKeys, unknownCells } : {}),
    ...(unitNameCell !== undefined ? { unitNameCell } : {}),
  };
}

function isEmpty(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "") || isCellError(v);
}

function settingKey(label: string): { path: string; earmark?: string } | null {
  const english = KEYS_BY_LOWER.get(label.toLowerCase());
  if (english !== undefined) return { path: english };
  const earmark = EARMARK_KEY.exec(label);
  if (earmark) return { path: "earmarks", earmark: earmark[1] };
  const swedish = SETTING_LABELS[analyseHeader(label).key] ?? SETTING_LABELS[wordKey(label)];
  if (swedish !== undefined) return { path: swedish };
  const first = wordKey(label).split(" ")[0];
  if (EARMARK_PREFIXES.has(first)) {
    const name = /^\S+?[\s:]+(.+)$/.exec(label);
    if (name) return { path: "earmarks", earmark: name[1].trim() };
  }
  return null;
}

function typed(value: CellValue, type: ValueType): unknown {
  if (isCellDate(value)) return value.date;
  const text = typeof value === "string" ? cleanText(value) : typeof value === "number" ? String(value) : typeof value === "boolean" ? String(value) : "";
  switch (type) {
    case "period":
      return periodFromText(text) ?? text;
    case "year":
      if (typeof value === "number" && Number.isInteger(value)) return value;
      return yearFromText(text) ?? text;
    case "unit":
      return analyseHeader(text).unit ?? text;
    case "text":
      return text;
    case "number": {
      if (typeof value === "number") return value;
      const p = parseSwedishNumber(text);
      return p.kind === "number" ? p.value : text;
    }
    case "share": {
      if (typeof value === "number") return value >= 1 ? value / 100 : value;
      const p = parseSwedishNumber(text);
      if (p.kind !== "number") return text;
      return p.percent || p.value >= 1 ? p.value / 100 : p.value;
    }
    case "boolean": {
      if (typeof value === "boolean") return value;
      const w = wordKey(text);
      if (TRUE_WORDS.has(w)) return true;
      if (FALSE_WORDS.has(w)) return false;
      return text;
    }
    case "earmarkMode":
      return EARMARK_MODE_WORDS[wordKey(text)] ?? text;
  }
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let o = target;
  for (let i = 0; i < path.length - 1; i++) {
    const next = o[path[i]];
    if (typeof next !== "object" || next === null) o[path[i]] = {};
    o = o[path[i]] as Record<string, unknown>;
  }
  o[path[path.length - 1]] = value;
}
