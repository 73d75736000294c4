/**
 * From a header row to one column per field. Most fields take the first header that names them;
 * actuals, budgets and forecasts need more (DOMAIN.md section 7):
 * - two "Bokslut YYYY" / "Utfall YYYY": the later year is actual, the earlier priorYearActual;
 *   an actual to date (Utfall hittills, Utfall per …) is actual and a dated one is the prior year;
 *   a dated actual before the budget's year is the prior year, never the actual.
 * - forecasts by period: in T2 Prognos T2 is forecast and Prognos T1 previousForecast; in VB any
 *   forecast column of drift and investments is previousForecast (normally Prognos T2).
 */
import type { Period, Unit } from "../../engine/types";
import { analyseHeader } from "./normalise";
import { baseField, matchAnalysed, qualifier } from "./headers";
import { FIELD_LABELS, LABEL_FIELDS, PRIOR_YEAR_FIELDS, RETURNED_PREFIX, type TableKind } from "./synonyms";

export interface HeaderCell {
  col: number;
  text: string;
}

export interface ColumnResolution {
  columns: Partial<Record<string, number>>;
  /** Header cells with the field each fills (null when not used), and the field a header names but does not fill. */
  headers: { col: number; text: string; field: string | null; recognisedAs?: string }[];
  /** How many header cells are recognised for this kind. */
  recognised: number;
  hasLabel: boolean;
  /** The year the headers name: the budget's, else the latest. */
  year: number | null;
  /** The first unit a header names. */
  unit: Unit | null;
}

interface Matched {
  col: number;
  text: string;
  role: string | null;
  field: string | null;
  years: number[];
}

const AMOUNT_ROLE_FIELDS = new Set(["budget", "actual", "forecast", "previousForecast", "priorYearActual"]);

/**
 * Resolves one header row. `left` is the table's first column: when the kind's main label column
 * (Verksamhetsområde, or the name) has no recognised header, a first column whose header is empty
 * or only a unit ("mnkr") is taken as that label column, as published tables are laid out.
 */
export function resolveColumns(kind: TableKind, cells: HeaderCell[], period: Period | null, left = 0): ColumnResolution {
  const matched: Matched[] = [];
  let unit: Unit | null = null;
  let maxYear: number | null = null;
  const analysedByCol = new Map<number, string>();
  for (const c of cells) {
    const h = analyseHeader(c.text);
    analysedByCol.set(c.col, h.key);
    const m = matchAnalysed(kind, h);
    unit ??= h.unit;
    for (const y of h.years) if (maxYear === null || y > maxYear) maxYear = y;
    matched.push({ col: c.col, text: c.text, role: m ? m.role : null, field: null, years: h.years });
  }
  const columns: Partial<Record<string, number>> = {};
  const assign = (m: Matched | undefined, field: string): void => {
    if (m === undefined || columns[field] !== undefined || m.field !== null) return;
    columns[field] = m.col;
    m.field = field;
  };
  const withRole = (role: string) => matched.filter((m) => m.role === role);

  // Indicator tables published over two years ("Utfall 2022 | Målvärde 2022 | Utfall 2023 |
  // Årsmål 2023"): the later year is the report's, the earlier Utfall the prior year's.
  if (kind === "indicators") {
    for (const [role, prior] of [["actual", "priorYearActual"], ["target", "priorYearTarget"], ["kfTarget", "priorYearKfTarget"]] as const) {
      const dated = withRole(role).filter((m) => m.years.length > 0);
      if (dated.length < 2) continue;
      const sorted = [...dated].sort((x, y) => yearOf(y)! - yearOf(x)!);
      assign(sorted[0], role);
      if (yearOf(sorted[1])! < yearOf(sorted[0])!) assign(sorted[1], prior);
    }
  }
  for (const m of matched) {
    if (m.role === null) continue;
    const f = baseField(m.role);
    if (f === "returnedFunds") assign(m, RETURNED_PREFIX + earmarkNameOf(m));
    else if (!AMOUNT_ROLE_FIELDS.has(f) && PRIOR_YEAR_FIELDS[f] === undefined) assign(m, f);
  }

  // Budget: an undated one, else the latest year.
  const budgets = withRole("budget");
  const budget = budgets.find((m) => m.years.length === 0) ?? latest(budgets);
  assign(budget, "budget");
  const budgetYear = budget && budget.years.length > 0 ? budget.years[budget.years.length - 1] : null;
  resolveActuals(matched, budgetYear ?? maxYear, assign);
  // Without a dated budget, the actual's year is the report's; a dated prior-year column beside an
  // undated or to-date actual ("Bokslut 2024" next to "Utfall hittills") names the year before it.
  let year = budgetYear ?? maxYear;
  if (budgetYear === null) {
    const actual = matched.find((m) => m.field === "actual");
    const prior = matched.find((m) => m.field === "priorYearActual");
    if (actual && yearOf(actual) !== null) year = yearOf(actual);
    else if (prior && yearOf(prior) !== null) year = yearOf(prior)! + 1;
  }
  // The prior year's budget, and derived figures by year: "Avvikelse 2017" beside "Avvikelse".
  for (const field of Object.keys(PRIOR_YEAR_FIELDS)) {
    const list = withRole(field).filter((m) => m.field === null);
    const reportYear = year;
    const current =
      field === "budget"
        ? undefined
        : (list.find((m) => yearOf(m) === null || reportYear === null || yearOf(m)! >= reportYear) ?? undefined);
    if (current !== undefined) assign(current, field);
    const own = field === "budget" ? budget : current;
    const ownYear = own ? yearOf(own) : null;
    for (const m of list) {
      if (m.field !== null) continue;
      const y = yearOf(m);
      const limit = ownYear ?? reportYear;
      if (y !== null && limit !== null && y < limit) assign(m, PRIOR_YEAR_FIELDS[field]);
    }
  }
  if (kind === "drift" || kind === "investments") resolveForecasts(matched, period, assign);
  else for (const m of matched) if (m.role !== null && baseField(m.role) === "forecast") assign(m, "forecast");
  for (const m of withRole("previousForecast")) assign(m, "previousForecast");

  // The main label column from a blank or unit-only first header.
  const mainLabel = LABEL_FIELDS[kind][0];
  if (columns[mainLabel] === undefined) {
    const firstRecognised = Math.min(...matched.filter((m) => m.field !== null).map((m) => m.col), Infinity);
    const key = analysedByCol.get(left);
    if (left < firstRecognised && (key === undefined || key === "")) {
      columns[mainLabel] = left;
      const existing = matched.find((m) => m.col === left);
      if (existing) existing.field = mainLabel;
      else matched.unshift({ col: left, text: "", role: null, field: mainLabel, years: [] });
    }
  }

  const recognised = matched.filter((m) => m.role !== null).length;
  return {
    columns,
    headers: matched
      .map((m) => (m.field === null && m.role !== null ? { col: m.col, text: m.text, field: null, recognisedAs: baseField(m.role) } : { col: m.col, text: m.text, field: m.field }))
      .sort((a, b) => a.col - b.col),
    recognised,
    hasLabel: LABEL_FIELDS[kind].some((f) => columns[f] !== undefined),
    year,
    unit,
  };
}

/**
 * The earmark a `Justering <name>` / `Återredovisning <name>` column returns: the words after the
 * first, as written ("Justering Nyanlända" → "Nyanlända"); a bare "Återredovisning" names none.
 */
function earmarkNameOf(m: Matched): string {
  const rest = m.text.replace(/^\S+\s*/, "").replace(/\b(1[9]|20)\d\d\b/g, "").replace(/\(?\b(mn|t)?kr\b\)?/gi, "").trim();
  return m.role === "returnedFunds@named" && rest !== "" ? rest : "Öronmärkta medel";
}

function latest(list: Matched[]): Matched | undefined {
  let best: Matched | undefined;
  let bestYear = -Infinity;
  for (const m of list) {
    const y = m.years.length > 0 ? m.years[m.years.length - 1] : -Infinity;
    if (best === undefined || y > bestYear) {
      best = m;
      bestYear = y;
    }
  }
  return best;
}

function yearOf(m: Matched): number | null {
  return m.years.length > 0 ? m.years[m.years.length - 1] : null;
}

function resolveActuals(matched: Matched[], year: number | null, assign: (m: Matched | undefined, field: string) => void): void {
  const explicitPrior = matched.find((m) => m.role === "priorYearActual");
  assign(explicitPrior, "priorYearActual");
  const actuals = matched.filter((m) => m.role !== null && baseField(m.role) === "actual");
  if (actuals.length === 0) return;
  const current = (m: Matched) => {
    const y = yearOf(m);
    return y === null || year === null || y >= year;
  };
  const toDate = actuals.find((m) => qualifier(m.role!) === "ytd" && current(m));
  const undated = actuals.find((m) => qualifier(m.role!) !== "ytd" && yearOf(m) === null);
  const dated = actuals.filter((m) => qualifier(m.role!) !== "ytd" && yearOf(m) !== null).sort((a, b) => yearOf(b)! - yearOf(a)!);
  let actual = toDate ?? undated;
  if (actual === undefined) actual = dated.find(current);
  assign(actual, "actual");
  const actualYear = actual ? yearOf(actual) : null;
  // The prior year: the latest dated actual before the actual's year (or the report's year).
  const limit = actualYear ?? (actual !== undefined ? Infinity : (year ?? Infinity));
  const prior = dated.find((m) => m !== actual && yearOf(m)! < limit);
  assign(prior, "priorYearActual");
}

function resolveForecasts(matched: Matched[], period: Period | null, assign: (m: Matched | undefined, field: string) => void): void {
  const generic = matched.find((m) => m.role === "forecast");
  const t1 = matched.find((m) => m.role === "forecast@T1");
  const t2 = matched.find((m) => m.role === "forecast@T2");
  const previous = matched.find((m) => m.role === "previousForecast");
  if (period === "VB") {
    assign(previous ?? t2 ?? generic ?? t1, "previousForecast");
    return;
  }
  if (period === "T1") {
    assign(t1 ?? generic ?? t2, "forecast");
    assign(previous, "previousForecast");
    return;
  }
  // T2, or not yet known (read as T2 would be, the most general case).
  const forecast = t2 ?? generic ?? (period === null ? t1 : undefined);
  assign(forecast, "forecast");
  assign(previous ?? (t1 !== forecast ? t1 : undefined), "previousForecast");
}

/**
 * Applies the VB rule to columns the user may have corrected: any forecast column of drift and
 * investments is previousForecast, and the more recent one wins.
 */
export function columnsForPeriod(kind: TableKind, columns: Partial<Record<string, number>>, period: Period): Partial<Record<string, number>> {
  if (period !== "VB" || (kind !== "drift" && kind !== "investments") || columns.forecast === undefined) return columns;
  const out = { ...columns };
  out.previousForecast = columns.forecast;
  delete out.forecast;
  return out;
}

/** Required columns missing from a table, as Swedish column names; period null is the detection stage. */
export function missingColumns(kind: TableKind, columns: Partial<Record<string, number>>, period: Period | null): string[] {
  const has = (f: string) => columns[f] !== undefined;
  const missing: string[] = [];
  const needBase = () => {
    if (period === "VB") {
      if (!has("actual")) missing.push(`${FIELD_LABELS.actual} (perioden är VB)`);
    } else if (!has("actual") && !has("forecast") && !(period === null && has("previousForecast"))) {
      missing.push(`${FIELD_LABELS.actual} eller ${FIELD_LABELS.forecast}`);
    }
  };
  switch (kind) {
    case "drift":
      if (!has("area")) missing.push(FIELD_LABELS.area);
      if (!has("budget")) missing.push(FIELD_LABELS.budget);
      // A given Avvikelse beside the budget gives the base (budget − avvikelse), DOMAIN.md 7a.
      if (!has("deviation")) needBase();
      break;
    case "investments":
      if (!has("name")) missing.push("Investering");
      if (!has("budget")) missing.push(FIELD_LABELS.budget);
      needBase();
      break;
    case "costTypes":
      if (!has("name")) missing.push("Intäkts- och kostnadsslag");
      if (!has("actual")) missing.push(FIELD_LABELS.actual);
      break;
    case "indicators":
      if (!has("name")) missing.push("Indikator");
      if (!has("actual") && !has("forecast")) missing.push(`${FIELD_LABELS.actual} eller ${FIELD_LABELS.forecast}`);
      break;
  }
  return missing;
}
