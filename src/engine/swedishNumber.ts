/**
 * Swedish numbers as people type them into cells: `1 297,1`, `1 297,1` (non-breaking space),
 * `−2,6` (U+2212), `(2,6)` for −2,6, `75 %`, `20 st`. Empty, `-`, `–` and `—` are missing.
 * Never throws.
 */

export type ParsedNumber =
  | { kind: "number"; decimal: string; value: number; percent: boolean }
  | { kind: "missing" }
  | { kind: "invalid"; text: string };

const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200a\u2008\u2006\u2005\u2004\u2002\u2003]/g;
const MISSING_MARKS = new Set(["", "-", "–", "—", "−", "..", "…", "n/a", "saknas", "x"]);
/** Words that may follow a number in a cell and do not change it. */
const SUFFIX_WORDS = new Set(["st", "kr", "tkr", "mnkr", "mkr", "mdkr", "dagar", "dgr", "pers", "personer", "ggr", "timmar", "tim", "år", "mån", "procent", "p", "pe", "e"]);

export function parseSwedishNumber(raw: string): ParsedNumber {
  if (typeof raw !== "string") return { kind: "invalid", text: String(raw) };
  const trimmed = raw.replace(SPACES, " ").trim();
  if (MISSING_MARKS.has(trimmed.toLowerCase())) return { kind: "missing" };
  if (trimmed.length > 64) return { kind: "invalid", text: raw };

  let s = trimmed;
  let negative = false;
  let percent = false;

  // Parentheses mean a negative amount: (2,6) or (1 200).
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  // A trailing word (st, kr, dagar …) or a percent sign.
  const word = /^(.*?)(\s*)([a-zåäöA-ZÅÄÖ.]+)$/.exec(s);
  if (word && word[1] !== "" && SUFFIX_WORDS.has(word[3].toLowerCase().replace(/\.$/, ""))) {
    s = word[1].trim();
  }
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = !negative;
    s = s.slice(1, -1).trim();
  }
  // Signs: ASCII minus, U+2212 minus, en dash used as minus, plus.
  const signMatch = /^([-−–+])\s*/.exec(s);
  if (signMatch) {
    if (signMatch[1] !== "+") negative = !negative;
    s = s.slice(signMatch[0].length);
  }
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }

  const decimal = normaliseDigits(s);
  if (decimal === null) return { kind: "invalid", text: raw };
  const text = negative && !/^0(\.0*)?$/.test(decimal) ? `-${decimal}` : decimal;
  const value = Number(text);
  if (!Number.isFinite(value)) return { kind: "invalid", text: raw };
  return { kind: "number", decimal: text, value, percent };
}

/** "1 297,1" → "1297.1"; "1.297,5" → "1297.5"; "12.5" → "12.5"; anything else → null. */
function normaliseDigits(s: string): string | null {
  if (s === "") return null;
  // Thousands separated by spaces: "1 297 000,5".
  if (/^\d{1,3}( \d{3})+(,\d+)?$/.test(s)) s = s.replace(/ /g, "");
  if (/^\d+,\d+$/.test(s) || /^\d+$/.test(s)) return trimZeros(s.replace(",", "."));
  if (/^,\d+$/.test(s)) return trimZeros("0" + s.replace(",", "."));
  // Dots as thousands separators with a decimal comma: "1.297.000,5".
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return trimZeros(s.replace(/\./g, "").replace(",", "."));
  // A decimal point as written by English-language systems: "1297.1", "1,297.1".
  if (/^\d+\.\d+$/.test(s)) return trimZeros(s);
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s)) return trimZeros(s.replace(/,/g, ""));
  // Exponent notation from exports: "1.5E+06".
  if (/^\d+(\.\d+)?[eE][+-]?\d+$/.test(s)) {
    const n = Number(s);
    return Number.isFinite(n) ? trimZeros(String(n)) : null;
  }
  return null;
}

function trimZeros(s: string): string {
  let out = s.replace(/^0+(?=\d)/, "");
  if (out.includes(".")) out = out.replace(/0+$/, "").replace(/\.$/, "");
  return out === "" ? "0" : out;
}

const nf1 = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const nf0 = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 0, maximumFractionDigits: 0 });

/**
 * Formats a number the Swedish way for messages and the task pane: `1 297,1`, `-2,6`.
 * Intl writes U+2212 for minus and U+00A0 for the thousands space; messages use the plain
 * hyphen-minus and a plain space so that they read and search like the published reports.
 */
export function formatSwedish(value: number, decimals: number): string {
  const nf = decimals === 1 ? nf1 : decimals === 0 ? nf0 : new Intl.NumberFormat("sv-SE", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const rounded = roundHalfAway(value, decimals);
  const text = nf.format(rounded === 0 ? 0 : rounded);
  return text.replace(/\u2212/g, "-").replace(/[\u00a0\u202f]/g, " ");
}

/**
 * Rounds half away from zero on the number's shortest decimal text, the one it was typed or
 * computed as: 2,65 → 2,7 even though the double is 2,6499999…, and a 14-digit amount keeps its
 * units (rounding a 15-digit text first would round twice).
 */
function roundHalfAway(value: number, decimals: number): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) return value;
  const digits = m[2] + (m[3] ?? "");
  const keep = m[2].length + Number(m[4] ?? 0) + decimals;
  if (keep >= digits.length) return value;
  if (keep < 0) return 0;
  let n = BigInt(digits.slice(0, keep) || "0");
  if (digits.charCodeAt(keep) >= 53) n += 1n; // "5" or more: away from zero
  return Number(`${m[1]}${n}e-${decimals}`);
}

/** A fraction as a Swedish percentage: 0.942 → "94,2 %". */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatSwedish(fraction * 100, decimals)} %`;
}
