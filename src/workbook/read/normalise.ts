/**
 * Text normalising for matching headers, sheet names and labels. Every pattern is compiled once
 * here; the reader calls these per header and per label cell, never per amount cell.
 */
import type { Unit } from "../../engine/types";
import {
  CURRENCY_WORDS,
  TOTAL_FIRST_WORDS,
  TOTAL_LABELS,
  TOTAL_LAST_WORDS,
  UNIT_SCALE_WORDS,
  UNIT_WORDS,
} from "./synonyms";

const COMBINING = /[\u0300-\u036f]/g;
const NON_WORD = /[^a-z0-9]+/g;
const WHITESPACE = /[\s\u00a0\u202f\u2007\u2009]+/g;

/** Lower case without diacritics: "Övrig verksamhet" → "övrig" → "ovrig verksamhet". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(COMBINING, "").toLowerCase();
}

/** The words of a text: folded, punctuation and spaces as separators. */
export function words(text: string): string[] {
  const f = fold(text).replace(NON_WORD, " ").trim();
  return f === "" ? [] : f.split(" ");
}

/** Words joined by single spaces: "Intäkts- och kostnadsslag" → "intakts och kostnadsslag". */
export function wordKey(text: string): string {
  return words(text).join(" ");
}

/**
 * A label for comparing rows (duplicates, headings): lower case. Labels arrive through cleanText
 * (single spaces, trimmed); this runs once per row, so it stays cheap.
 */
export function labelKey(text: string): string {
  return text.toLowerCase();
}

/**
 * A function of a text, remembered per distinct text: labels repeat from row to row (an area's
 * name on each of its rows), so a table of many rows asks once per label, not once per row.
 * The results must not be undefined.
 */
export function byText<T>(f: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined) {
      v = f(text);
      seen.set(text, v);
    }
    return v;
  };
}

const UNCLEAN = /\s\s|[\t\n\r\f\v\u00a0\u202f\u2007\u2009]/;

/** "Netto-⏎kostnad": a word broken at a hyphen and a line break ("Intäkts-⏎och …" is not one). */
const BROKEN_WORD = /(\p{L})-[ \t]*\r?\n\s*(?!(?:och|eller|resp)\b)(\p{Ll})/gu;

/**
 * Collapses runs of whitespace (line breaks, non-breaking spaces) in a cell's text; a word broken
 * over two lines at a hyphen is joined ("Kommun-⏎bidrag" → "Kommunbidrag"), DOMAIN.md 7a.
 */
export function cleanText(text: string): string {
  let t = text.trim();
  if (!UNCLEAN.test(t)) return t;
  if (t.includes("\n")) t = t.replace(BROKEN_WORD, "$1$2");
  return t.replace(WHITESPACE, " ").trim();
}

export function isYearWord(word: string): boolean {
  if (word.length !== 4) return false;
  const n = Number(word);
  return n >= 1900 && n <= 2099;
}

export interface HeaderText {
  /** The words left after removing years and unit words: "Bokslut 2019" → "bokslut". */
  key: string;
  /** Years written in the text, in order. */
  years: number[];
  /** A unit named in the text ("Verksamhetsområde, mnkr", "Budget (tkr)"), else null. */
  unit: Unit | null;
}

/**
 * A header (or title) cell's words: years and unit words are taken out and reported
 * separately, and an "i" left dangling before a unit ("Budget i tkr") goes with it.
 */
export function analyseHeader(text: string): HeaderText {
  // "%" is a word here ("Avvikelse %" is not "Avvikelse"); matching falls back to the key without it.
  const all = words(text.includes("%") ? text.replace(/%/g, " procent ") : text);
  const kept: string[] = [];
  const years: number[] = [];
  let unit: Unit | null = null;
  for (let i = 0; i < all.length; i++) {
    const w = all[i];
    if (isYearWord(w)) {
      years.push(Number(w));
      continue;
    }
    const scale = UNIT_SCALE_WORDS[w];
    if (scale !== undefined && i + 1 < all.length && CURRENCY_WORDS.has(all[i + 1])) {
      unit ??= scale;
      i++;
      dropDanglingPreposition(kept);
      continue;
    }
    const u = UNIT_WORDS[w];
    if (u !== undefined) {
      unit ??= u;
      dropDanglingPreposition(kept);
      continue;
    }
    kept.push(w);
  }
  return { key: kept.join(" "), years, unit };
}

function dropDanglingPreposition(kept: string[]): void {
  const last = kept[kept.length - 1];
  if (last === "i" || last === "belopp") kept.pop();
  if (kept[kept.length - 1] === "belopp") kept.pop();
}

/** A sheet name for matching: words without years, periods and units, joined without spaces. */
export function sheetNameKey(name: string): string {
  return analyseHeader(name)
    .key.split(" ")
    .filter((w) => w !== "" && !/^(t[1-3]|vb|\d+)$/.test(w))
    .join("");
}

const TOTAL_EXACT = new Set(TOTAL_LABELS.map(wordKey));
const TOTAL_FIRST = new Set(TOTAL_FIRST_WORDS);
const TOTAL_LAST = new Set(TOTAL_LAST_WORDS);
/** Every word a total label can hang on, as written and folded: a cheap test before the real one. */
const TOTAL_HINT = new RegExp(
  [...new Set([...TOTAL_LABELS.flatMap((l) => l.toLowerCase().split(" ")), ...TOTAL_LABELS.flatMap(words), ...TOTAL_FIRST_WORDS, ...TOTAL_LAST_WORDS])]
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|"),
  "i",
);

/** "Nämnden totalt", "Summa", "Summa Övrig verksamhet", "Totalt", "Netto" … */
export function isTotalLabel(text: string): boolean {
  if (!TOTAL_HINT.test(text)) return false;
  const w = words(text);
  if (w.length === 0) return false;
  return TOTAL_EXACT.has(w.join(" ")) || TOTAL_FIRST.has(w[0]) || TOTAL_LAST.has(w[w.length - 1]);
}

/** What a total label names besides the total word: "Summa Övrig verksamhet" → "ovrig verksamhet". */
export function totalLabelRest(text: string): string {
  const w = words(text);
  if (w.length > 0 && TOTAL_FIRST.has(w[0])) w.shift();
  if (w.length > 0 && TOTAL_LAST.has(w[w.length - 1])) w.pop();
  return w.join(" ");
}
