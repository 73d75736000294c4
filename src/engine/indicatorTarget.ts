/**
 * Reading an indicator's target (årsmål, KF:s årsmål) and guessing its direction from its name.
 * The reader hands over each cell as an IndicatorValue; a target that is not a plain number
 * ("+/- 1 %", "Tas fram av nämnden") arrives as text with value null, and its meaning is decided here.
 */
import { parseSwedishNumber } from "./swedishNumber";
import type { Direction, IndicatorValue, TargetKind } from "./types";

export interface IndicatorTarget {
  kind: TargetKind;
  /** atLeast / atMost: the target; band: the half-width x (|value| ≤ x); none: null. */
  value: number | null;
  /** The target was written as a percentage (`%`, `procent`, `procentenheter`). */
  percent: boolean;
}

export const NO_TARGET: IndicatorTarget = { kind: "none", value: null, percent: false };

const SPACES = /[\s\u00a0\u202f\u2007\u2009]+/g;
const MINUS = "[-−–—]";
/** `±`, `+/-`, `+-`, `-/+`, with any kind of minus and spaces between. */
const BAND_PREFIX = new RegExp(`^(?:±|\\+\\s*/?\\s*${MINUS}|${MINUS}\\s*/?\\s*\\+)\\s*(.+)$`);
/** Words and signs that make a comparison explicit, whatever the indicator's direction. */
const AT_LEAST_PREFIX = /^(?:minst|lägst|min\.?|≥|>=)\s*(.+)$/i;
const AT_MOST_PREFIX = /^(?:högst|max\.?|≤|<=)\s*(.+)$/i;
/** A number followed by an optional unit word; percent units make a %-target. */
const NUMBER_WITH_UNIT =
  /^([0-9][0-9 .,]*?)\s*(%-?enhet(?:er)?|%|procentenhet(?:er)?|procent|p\.?e\.?|pp|st|dagar|kr|tkr|mnkr|poäng|p)?$/i;
const PERCENT_UNITS = /^(%|%-?enhet(?:er)?|procentenhet(?:er)?|procent|p\.?e\.?|pp)$/i;

/**
 * A target cell as a target. Band and explicit forms are recognised in the text first, so that
 * "+/- 1 %" is a band even if a reader were to hand over a number for it; a plain number is
 * atLeast (atMost when lower is better); anything else (text, "-", empty) is `none`.
 */
export function parseIndicatorTarget(cell: IndicatorValue, direction: Direction): IndicatorTarget {
  const fromText = cell.text === null ? null : parseTargetWords(cell.text);
  if (fromText !== null) return fromText;
  if (cell.value !== null && Number.isFinite(cell.value)) {
    return { kind: direction === "lowerIsBetter" ? "atMost" : "atLeast", value: cell.value, percent: cell.percent };
  }
  if (cell.text !== null) return parseTargetText(cell.text, direction);
  return NO_TARGET;
}

/**
 * A target written as text: `+/- 1 %`, `±1 %`, `+/-1`, `± 0,5 procentenheter` (band),
 * `minst 75 %`, `≥ 75` (atLeast), `högst 5`, `≤ 5` (atMost), a plain number (by direction),
 * anything else (`Tas fram av nämnden`, `-`) none.
 */
export function parseTargetText(text: string, direction: Direction): IndicatorTarget {
  const words = parseTargetWords(text);
  if (words !== null) return words;
  const plain = parseTargetNumber(normalise(text));
  if (plain === null) return NO_TARGET;
  return { kind: direction === "lowerIsBetter" ? "atMost" : "atLeast", value: plain.value, percent: plain.percent };
}

/** Band and explicit comparisons; null when the text is neither. */
function parseTargetWords(text: string): IndicatorTarget | null {
  const s = normalise(text);
  const band = BAND_PREFIX.exec(s);
  if (band) {
    const n = parseTargetNumber(band[1]);
    // A half-width is a distance: "+/- -1" means the same as "+/- 1".
    return n === null ? null : { kind: "band", value: Math.abs(n.value), percent: n.percent };
  }
  const atLeast = AT_LEAST_PREFIX.exec(s);
  if (atLeast) {
    const n = parseTargetNumber(atLeast[1]);
    return n === null ? null : { kind: "atLeast", value: n.value, percent: n.percent };
  }
  const atMost = AT_MOST_PREFIX.exec(s);
  if (atMost) {
    const n = parseTargetNumber(atMost[1]);
    return n === null ? null : { kind: "atMost", value: n.value, percent: n.percent };
  }
  return null;
}

function parseTargetNumber(s: string): { value: number; percent: boolean } | null {
  const sign = /^([-−–+]?)\s*(.*)$/.exec(s);
  const negative = sign !== null && sign[1] !== "" && sign[1] !== "+";
  const m = NUMBER_WITH_UNIT.exec(sign ? sign[2] : s);
  if (!m) return null;
  const parsed = parseSwedishNumber(m[1].trim());
  if (parsed.kind !== "number") return null;
  const unit = m[2] ?? "";
  const value = negative ? -parsed.value : parsed.value;
  return { value: value === 0 ? 0 : value, percent: parsed.percent || PERCENT_UNITS.test(unit) };
}

function normalise(text: string): string {
  return text.replace(SPACES, " ").trim();
}

/**
 * Names that suggest lower is better: word stems, case- and diacritic-insensitive. A stem may end
 * a compound (nettokostnad, korttidssjukfrånvaro) and take an inflection (väntetider, kostnaden),
 * but must end the word, so that "vräkningsförebyggande" (higher is better) does not match.
 */
const LOWER_IS_BETTER_STEMS: RegExp[] = [
  /sjukfranvaro(?:n)?\b/,
  /vrakning(?:en|ar|arna)?\b/,
  /\bekonomiskt bistand(?:et)?\b/,
  /vantetid(?:en|er|erna)?\b/,
  /kostnad(?:en|er|erna)?\b/,
];

/**
 * Measures that are lower-is-better by their nature (DOMAIN.md section 6): an indicator whose name
 * starts with one of them, with no direction given, is assessed lower-is-better (DIRECTION_ASSUMED).
 * Compared after folding (no diacritics, lower case, punctuation as spaces).
 */
export const LOWER_IS_BETTER_MEASURES: readonly string[] = [
  "sjukfrånvaro",
  "budgetföljsamhet",
  "nämndens budgetföljsamhet",
  "antal vräkningar",
  "väntetid",
  "kostnad per",
];

const measureKey = (text: string) => foldForMatching(text).replace(/[^a-z0-9]+/g, " ").trim();
const MEASURE_KEYS = LOWER_IS_BETTER_MEASURES.map((m) => ({ measure: m, key: measureKey(m) }));

/** The lower-is-better measure an indicator's name starts with, else null. */
export function lowerIsBetterMeasure(name: string): string | null {
  const n = measureKey(name);
  for (const m of MEASURE_KEYS) if (n === m.key || n.startsWith(m.key)) return m.measure;
  return null;
}

export function nameSuggestsLowerIsBetter(name: string): boolean {
  const n = foldForMatching(name);
  return LOWER_IS_BETTER_STEMS.some((re) => re.test(n));
}

/** Lower case, no diacritics (å → a, ä → a, ö → o, é → e), single spaces. */
export function foldForMatching(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(SPACES, " ")
    .trim();
}
