/**
 * The reporting period from the workbook itself (CONTRACT.md, `report`): an "Utfall per …" or
 * "Utfall hittills" column beside a forecast means a tertial; "Bokslut YYYY" without a current
 * forecast means VB. A title ("Tertialrapport 2", "VB 2019") or a Period column may say it too.
 */
import type { Period } from "../../engine/types";
import { matchHeader, qualifier, baseField } from "./headers";
import { words } from "./normalise";
import { MONTH_NUMBER_PERIODS, MONTH_PERIODS, PERIOD_WORDS, type TableKind } from "./synonyms";

/** A period named in free text: "T2", "Tertialrapport 1", "VB 2019", "per 30 april", "31/8". */
export function periodFromText(text: string): Period | null {
  const w = words(text);
  for (let i = 0; i < w.length; i++) {
    const two = i + 1 < w.length ? PERIOD_WORDS[`${w[i]} ${w[i + 1]}`] : undefined;
    if (two !== undefined) return two;
    const one = PERIOD_WORDS[w[i]] ?? MONTH_PERIODS[w[i]];
    if (one !== undefined) return one;
    // 30/4, 31/8 (day, month) and 2020-04-30 (year, month, day).
    if (i + 1 < w.length && /^\d{1,2}$/.test(w[i]) && /^\d{1,2}$/.test(w[i + 1])) {
      const day = Number(w[i]);
      const month = Number(w[i + 1]);
      if (day >= 1 && day <= 31 && MONTH_NUMBER_PERIODS[month] !== undefined) return MONTH_NUMBER_PERIODS[month];
    }
    if (i + 2 < w.length && /^\d{4}$/.test(w[i]) && /^\d{1,2}$/.test(w[i + 1]) && /^\d{1,2}$/.test(w[i + 2])) {
      const month = Number(w[i + 1]);
      if (MONTH_NUMBER_PERIODS[month] !== undefined) return MONTH_NUMBER_PERIODS[month];
    }
  }
  return null;
}

/** A four-digit year (1900–2099) named in free text, else null. */
export function yearFromText(text: string): number | null {
  for (const w of words(text)) {
    if (w.length === 4) {
      const n = Number(w);
      if (n >= 1900 && n <= 2099) return n;
    }
  }
  return null;
}

export interface HeaderPeriodSignals {
  toDate: { period: Period | null }[];
  /** Closed books (Bokslut) in the report's year or undated. */
  booksCurrent: boolean;
  /** A plain actual (Utfall, Utfall YYYY) in the report's year or undated. */
  actualCurrent: boolean;
  genericForecast: boolean;
  forecastT1: boolean;
  forecastT2: boolean;
}

export function headerSignals(kind: TableKind, headers: { text: string }[], year: number | null): HeaderPeriodSignals {
  const s: HeaderPeriodSignals = {
    toDate: [],
    booksCurrent: false,
    actualCurrent: false,
    genericForecast: false,
    forecastT1: false,
    forecastT2: false,
  };
  for (const h of headers) {
    if (h.text === "") continue;
    const m = matchHeader(kind, h.text);
    if (m === null) continue;
    const y = m.years.length > 0 ? m.years[m.years.length - 1] : null;
    const current = y === null || year === null || y >= year;
    const q = qualifier(m.role);
    const f = baseField(m.role);
    if (f === "actual") {
      if (q === "ytd") {
        if (current) s.toDate.push({ period: periodFromText(h.text) });
      } else if (q === "books" || q === "year") {
        if (current) s.booksCurrent = true;
      } else if (current) s.actualCurrent = true;
    } else if (f === "forecast") {
      if (q === "T1") s.forecastT1 = true;
      else if (q === "T2") s.forecastT2 = true;
      else s.genericForecast = true;
    }
  }
  return s;
}

/**
 * One table's period from its headers, or null when they do not tell:
 * - an actual to date: the period its date names ("Utfall per 30 april" T1); else Prognos T2, or
 *   Prognos T1 beside another forecast, means T2; Prognos T1 alone T1; a plain Prognos is unclear.
 * - Bokslut in the report's year: VB (a forecast beside it is the previous one).
 * - a full-year Utfall (Utfall helår, Årsutfall): VB, like Bokslut; a plain Utfall beside Prognos T2
 *   only: VB; a plain Utfall alone does not tell (T1, T2 and VB tables all have one).
 * - forecasts only: Prognos T2 T2, Prognos T1 T1.
 */
export function periodFromHeaders(kind: TableKind, headers: { text: string }[], year: number | null): Period | null {
  const s = headerSignals(kind, headers, year);
  if (s.toDate.length > 0) {
    const dated = s.toDate.find((t) => t.period !== null);
    if (dated) return dated.period;
    if (s.forecastT2 || (s.forecastT1 && s.genericForecast)) return "T2";
    if (s.forecastT1) return "T1";
    return null;
  }
  if (s.booksCurrent) return "VB";
  if (s.actualCurrent) {
    // "Utfall" beside Prognos T2 is the year's outcome beside the forecast it is measured against.
    // A bare "Utfall" with no forecast could be the year or a tertial's books: the headers do not tell.
    if (s.forecastT2 && !s.genericForecast) return "VB";
    // Indicators are followed up at the year end unless a forecast says otherwise.
    // Indicators and cost types (no budget to follow) are compared over whole years unless a
    // forecast says otherwise; "Utfall 2018 | Utfall 2019" of a cost-type table is the year end.
    if ((kind === "indicators" || kind === "costTypes") && !s.genericForecast && !s.forecastT1) return "VB";
    return null;
  }
  if (s.forecastT2) return "T2";
  if (s.forecastT1) return "T1";
  return null;
}

/**
 * The column of the header that tells a table's period, for pointing a PERIOD_MISMATCH at it: an
 * actual to date or closed books of the report's year, else a forecast named after its tertial,
 * else a full-year actual; null when no header tells.
 */
export function periodSignalColumn(kind: TableKind, headers: { col: number; text: string }[], year: number | null): number | null {
  let forecast: number | null = null;
  let actual: number | null = null;
  for (const h of headers) {
    if (h.text === "") continue;
    const m = matchHeader(kind, h.text);
    if (m === null) continue;
    const y = m.years.length > 0 ? m.years[m.years.length - 1] : null;
    const current = y === null || year === null || y >= year;
    const q = qualifier(m.role);
    const f = baseField(m.role);
    if (f === "actual" && current && (q === "ytd" || q === "books")) return h.col;
    if (f === "forecast" && forecast === null && (q === "T1" || q === "T2")) forecast = h.col;
    if (f === "actual" && current && actual === null) actual = h.col;
  }
  return forecast ?? actual;
}

export interface PeriodInference {
  period: Period | null;
  /** "headers": a table's column headers said it; "title": a title cell or Period column did. */
  source: "headers" | "title" | null;
  sheet: string | null;
}

const KIND_ORDER: TableKind[] = ["drift", "investments", "costTypes", "indicators"];

/**
 * The workbook's period from its tables: the first table (drift, investments, cost types,
 * indicators) whose headers tell; else the first title or Period column that names one.
 */
export function inferPeriod(
  tables: { sheet: string; kind: TableKind; headers: { text: string }[]; year: number | null; periodHint: Period | null }[],
): PeriodInference {
  const ordered = [...tables].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  for (const t of ordered) {
    const p = periodFromHeaders(t.kind, t.headers, t.year);
    if (p !== null) return { period: p, source: "headers", sheet: t.sheet };
  }
  for (const t of ordered) {
    if (t.periodHint !== null) return { period: t.periodHint, source: "title", sheet: t.sheet };
  }
  return { period: null, source: null, sheet: null };
}
