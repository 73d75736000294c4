/**
 * Exact money. An Amount is a fixed-point decimal: a bigint counting 10^-9 of the table's unit
 * (kr, tkr or mnkr). Sums and differences are exact; products with a share (a setting such as
 * 5 %) are rounded half away from zero at the ninth decimal, far below any displayed digit.
 * Ratios (deviation %, budget adherence) are not amounts and are returned as plain numbers.
 */
export type Amount = bigint;

export const SCALE_DIGITS = 9;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const SCALE_NUM = 1e9;

export const ZERO: Amount = 0n;

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Parses a plain decimal string ("1297.1", "-2.6", "1e3"); returns null when it is not one. */
export function parseAmount(text: string): Amount | null {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  const intPart = m[2] ?? "";
  const fracPart = m[3] ?? "";
  if (intPart === "" && fracPart === "") return null;
  const exp = m[4] ? Number(m[4]) : 0;
  if (!Number.isFinite(exp) || Math.abs(exp) > 400) return null;
  let digits = intPart + fracPart;
  let pointShift = exp - fracPart.length + SCALE_DIGITS; // value = digits * 10^(pointShift - SCALE_DIGITS)
  if (digits === "") digits = "0";
  let units: bigint;
  if (pointShift >= 0) {
    units = BigInt(digits) * 10n ** BigInt(pointShift);
  } else {
    const drop = -pointShift;
    if (drop > digits.length + 1) {
      units = 0n;
    } else {
      const keep = digits.length - drop;
      const head = keep > 0 ? digits.slice(0, keep) : "0";
      const next = keep >= 0 ? digits.charAt(keep) : "0";
      units = BigInt(head);
      if (next !== "" && next >= "5") units += 1n; // half away from zero
    }
  }
  return m[1] === "-" ? -units : units;
}

/**
 * The amount a spreadsheet number stands for. Excel keeps 15 significant digits, so the number is
 * read as the decimal it displays (0.1 + 0.2 stored as 0.30000000000000004 reads as 0.3).
 */
export function amountFromNumber(x: number): Amount | null {
  if (!Number.isFinite(x)) return null;
  const ax = Math.abs(x);
  if (ax < 1e6) {
    const scaled = Math.round(x * SCALE_NUM);
    // Fast path: the number has at most nine decimals and survives the round trip.
    if (scaled / SCALE_NUM === x) return BigInt(scaled);
  } else if (ax < 1e15) {
    // 15 significant digits: an integer part of n digits leaves 15 − n decimals (at most 9).
    let intDigits = 7;
    for (let limit = 1e7; ax >= limit; limit *= 10) intDigits++;
    const decimals = 15 - intDigits;
    const ip = Math.trunc(x);
    // x − ip is exact; rounding its magnitude keeps "half away from zero" for negative numbers too.
    const scaled = Math.abs(x - ip) * 10 ** decimals;
    // A near tie may be one only through the multiplication's rounding: the exact path decides it.
    if (Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6) {
      const frac = Math.round(scaled);
      return BigInt(ip) * SCALE + BigInt(x < 0 ? -frac : frac) * 10n ** BigInt(SCALE_DIGITS - decimals);
    }
  }
  return parseAmount(x.toPrecision(15));
}

export function amountFromInteger(n: number): Amount {
  return BigInt(n) * SCALE;
}

export function add(a: Amount, b: Amount): Amount {
  return a + b;
}

export function sub(a: Amount, b: Amount): Amount {
  return a - b;
}

export function neg(a: Amount): Amount {
  return -a;
}

export function abs(a: Amount): Amount {
  return a < 0n ? -a : a;
}

export function min(a: Amount, b: Amount): Amount {
  return a < b ? a : b;
}

export function max(a: Amount, b: Amount): Amount {
  return a > b ? a : b;
}

export function sign(a: Amount): -1 | 0 | 1 {
  return a < 0n ? -1 : a > 0n ? 1 : 0;
}

/** a × share, where the share is itself an exact decimal (for example 0.05 for 5 %). */
export function mul(a: Amount, share: Amount): Amount {
  const p = a * share;
  const q = p / SCALE;
  const r = p % SCALE;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= SCALE) return p < 0n ? q - 1n : q + 1n;
  return q;
}

/** a × an integer (months, row counts). */
export function times(a: Amount, n: number): Amount {
  return a * BigInt(n);
}

/** a ÷ an integer, rounded half away from zero at the ninth decimal. */
export function divInt(a: Amount, n: number): Amount {
  const d = BigInt(n);
  const q = a / d;
  const r = a % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= (d < 0n ? -d : d)) return (a < 0n) !== (d < 0n) ? q - 1n : q + 1n;
  return q;
}

/** An exact amount from a share given as a number in settings (0.05): read as its decimal text. */
export function shareFromNumber(x: number): Amount {
  const a = amountFromNumber(x);
  if (a === null) throw new RangeError(`not a finite number: ${x}`);
  return a;
}

/** a / b as a plain number (a ratio, not an amount); null when b is 0 or the ratio is beyond a double. */
export function ratio(a: Amount, b: Amount): number | null {
  if (b === 0n) return null;
  const r = Number(a) / Number(b);
  if (Number.isFinite(r)) return r;
  // An amount beyond a double (1e308) made Infinity or NaN: scale both down together and try again.
  const bits = Math.max((a < 0n ? -a : a).toString(2).length, (b < 0n ? -b : b).toString(2).length);
  const shift = BigInt(Math.max(0, bits - 1000));
  const q = Number(a >> shift) / Number(b >> shift);
  return Number.isFinite(q) ? q : null;
}

/** The exact decimal text, without trailing zeros: "1297.1", "-2.6", "0". */
export function toDecimalString(a: Amount): string {
  const negative = a < 0n;
  const u = negative ? -a : a;
  const int = u / SCALE;
  let frac = (u % SCALE).toString().padStart(SCALE_DIGITS, "0").replace(/0+$/, "");
  const s = frac ? `${int}.${frac}` : `${int}`;
  return negative && u !== 0n ? `-${s}` : s;
}

/** Below this a bigint converts to a double exactly. */
const EXACT_IN_DOUBLE = 2n ** 53n;

/** The nearest JavaScript number, for JSON and for cell values (Excel holds doubles). */
export function toNumber(a: Amount): number {
  // Both operands exact, so the one division rounds once: the same double as parsing the decimal text.
  if (a < EXACT_IN_DOUBLE && a > -EXACT_IN_DOUBLE) return Number(a) / SCALE_NUM;
  return Number.parseFloat(toDecimalString(a));
}

export function toNumberOrNull(a: Amount | null): number | null {
  return a === null ? null : toNumber(a);
}

/** Rounds to `decimals` places, half away from zero; for display only. */
export function roundTo(a: Amount, decimals: number): Amount {
  const step = 10n ** BigInt(SCALE_DIGITS - decimals);
  const q = a / step;
  const r = a % step;
  const twice = (r < 0n ? -r : r) * 2n;
  const rounded = twice >= step ? (a < 0n ? q - 1n : q + 1n) : q;
  return rounded * step;
}

/** Sums the amounts that exist; null when none does ("an aggregate with no values is null"). */
export function sumPresent(values: Iterable<Amount | null>): Amount | null {
  let total: Amount | null = null;
  for (const v of values) {
    if (v === null) continue;
    total = total === null ? v : total + v;
  }
  return total;
}

/** Conversion factor between units: how many `from` make one `to`, as an exact multiplier. */
const UNIT_EXP: Record<"kr" | "tkr" | "mnkr", number> = { kr: 0, tkr: 3, mnkr: 6 };

export function convertUnit(a: Amount, from: "kr" | "tkr" | "mnkr", to: "kr" | "tkr" | "mnkr"): Amount {
  const shift = UNIT_EXP[from] - UNIT_EXP[to];
  if (shift === 0) return a;
  if (shift > 0) return a * 10n ** BigInt(shift);
  return divInt10(a, -shift);
}

function divInt10(a: Amount, digits: number): Amount {
  const d = 10n ** BigInt(digits);
  const q = a / d;
  const r = a % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return a < 0n ? q - 1n : q + 1n;
  return q;
}
