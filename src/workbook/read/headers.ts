/**
 * Header and sheet-name recognition: the synonym data compiled once into lookup tables.
 */
import type { Unit } from "../../engine/types";
import { analyseHeader, sheetNameKey } from "./normalise";
import { HEADER_SYNONYMS, SETTINGS_SHEET_NAMES, SHEET_NAMES, TABLE_KINDS, type TableKind } from "./synonyms";

export interface HeaderMatch {
  /** A field name, possibly with a qualifier: "budget", "actual@ytd", "forecast@T2". */
  role: string;
  years: number[];
  unit: Unit | null;
}

interface CompiledKind {
  exact: Map<string, string>;
  /** "utfall per" → "actual@ytd": the key must continue after the prefix. */
  prefixes: { prefix: string; role: string }[];
}

function compile(kind: TableKind): CompiledKind {
  const exact = new Map<string, string>();
  const prefixes: { prefix: string; role: string }[] = [];
  for (const [role, synonyms] of Object.entries(HEADER_SYNONYMS[kind])) {
    for (const synonym of synonyms) {
      if (synonym.endsWith(" *")) {
        prefixes.push({ prefix: analyseHeader(synonym.slice(0, -2)).key + " ", role });
      } else {
        const key = analyseHeader(synonym).key;
        if (!exact.has(key)) exact.set(key, role);
      }
    }
  }
  return { exact, prefixes };
}

const COMPILED: Record<TableKind, CompiledKind> = {
  drift: compile("drift"),
  investments: compile("investments"),
  costTypes: compile("costTypes"),
  indicators: compile("indicators"),
};

/** The role of a header cell in a table of this kind, or null when it is not recognised. */
export function matchHeader(kind: TableKind, text: string): HeaderMatch | null {
  return matchAnalysed(kind, analyseHeader(text));
}

export function matchAnalysed(kind: TableKind, h: { key: string; years: number[]; unit: Unit | null }): HeaderMatch | null {
  if (h.key === "") return null;
  const found = matchKey(kind, h);
  if (found !== null || !/\bprocent\b/.test(h.key)) return found;
  // "Utfall %" of an indicator table is its Utfall; a "%" that names no field of its own says only the unit.
  const key = h.key.replace(/\s*\bprocent\b\s*/g, " ").trim();
  return key === "" || key === h.key ? null : matchKey(kind, { ...h, key });
}

function matchKey(kind: TableKind, h: { key: string; years: number[]; unit: Unit | null }): HeaderMatch | null {
  const c = COMPILED[kind];
  const role = c.exact.get(h.key);
  if (role !== undefined) return { role, years: h.years, unit: h.unit };
  for (const p of c.prefixes) {
    if (h.key.startsWith(p.prefix)) return { role: p.role, years: h.years, unit: h.unit };
  }
  return null;
}

/** The field a role fills before the resolver looks at years and tertials: "actual@ytd" → "actual". */
export function baseField(role: string): string {
  const at = role.indexOf("@");
  return at < 0 ? role : role.slice(0, at);
}

export function qualifier(role: string): string | null {
  const at = role.indexOf("@");
  return at < 0 ? null : role.slice(at + 1);
}

const SHEET_EXACT = new Map<string, TableKind>();
const SHEET_PREFIXES: { prefix: string; kind: TableKind }[] = [];
for (const kind of TABLE_KINDS) {
  for (const name of SHEET_NAMES[kind]) {
    if (name.endsWith("*")) SHEET_PREFIXES.push({ prefix: sheetNameKey(name.slice(0, -1)), kind });
    else SHEET_EXACT.set(sheetNameKey(name), kind);
  }
}
const SETTINGS_KEYS = new Set(SETTINGS_SHEET_NAMES.map(sheetNameKey));

/** The table kind a sheet's name says, or null. */
export function sheetKindFromName(name: string): TableKind | null {
  const key = sheetNameKey(name);
  if (key === "") return null;
  const exact = SHEET_EXACT.get(key);
  if (exact !== undefined) return exact;
  for (const p of SHEET_PREFIXES) if (key.startsWith(p.prefix)) return p.kind;
  return null;
}

export function isSettingsSheetName(name: string): boolean {
  return SETTINGS_KEYS.has(sheetNameKey(name));
}
