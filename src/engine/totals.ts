import { type Amount, abs } from "./amount";
import { formatAmount, halfDisplayUnit } from "./format";
import { makeFinding } from "./finding";
import type { Finding, TotalRowInput, Unit } from "./types";

type TotalColumn = "budget" | "actual" | "forecast" | "previousForecast" | "priorYearActual";

const COLUMN_NAMES: Record<TotalColumn, string> = {
  budget: "Budget",
  actual: "Utfall",
  forecast: "Prognos",
  previousForecast: "Föregående prognos",
  priorYearActual: "Bokslut föregående år",
};

/** A label for matching a total's scope to its group: folded, punctuation as spaces. */
export const normaliseLabel = (s: string) =>
  s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/**
 * SUM_MISMATCH: input rows labelled as totals are not summed but checked, column by column,
 * against the sum of the leaf rows they cover: the reader's scope when it set one (null: the whole
 * table), else a label naming a group ("Summa Övrig verksamhet", "Övrig verksamhet totalt"). Tolerance: half a display unit per row.
 */
export function checkTotals(
  totals: TotalRowInput[],
  groups: { name: string; rows: Partial<Record<TotalColumn, Amount | null>>[] }[],
  allRows: Partial<Record<TotalColumn, Amount | null>>[],
  columns: TotalColumn[],
  unit: Unit,
  sheet: string,
  findings: Finding[],
  /** Column sums already known, by the list of rows they are the sums of (a group's node). */
  known?: ReadonlyMap<object, Partial<Record<TotalColumn, Amount | null>>>,
): void {
  const halfUnit = halfDisplayUnit(unit);
  // Each group by its normalised name (the first of a name, as a search finds it), and each
  // list's column sums once: many total rows must not sum the same rows again.
  const byName = new Map<string, (typeof groups)[number]>();
  for (const g of groups) {
    const key = normaliseLabel(g.name);
    if (!byName.has(key)) byName.set(key, g);
  }
  const sums = new Map<object, Partial<Record<TotalColumn, Amount | null>>>();
  const sumOf = (rows: Partial<Record<TotalColumn, Amount | null>>[], column: TotalColumn): Amount | null => {
    const given = known?.get(rows);
    if (given !== undefined && given[column] !== undefined) return given[column];
    let s = sums.get(rows);
    if (s === undefined) sums.set(rows, (s = {}));
    let v = s[column];
    if (v === undefined) {
      v = null;
      for (const r of rows) {
        const x = r[column] ?? null;
        if (x !== null) v = v === null ? x : v + x;
      }
      s[column] = v;
    }
    return v;
  };
  for (const total of totals) {
    let group: (typeof groups)[number] | undefined;
    if (total.scope !== undefined && total.scope !== null) {
      group = byName.get(normaliseLabel(total.scope));
    } else if (total.scope === undefined) {
      const label = normaliseLabel(total.label).replace(/^(summa|totalt|total)\s*/, "").replace(/\s*(summa|totalt|total)$/, "").trim();
      group = label ? byName.get(label) : undefined;
    }
    const rows = group ? group.rows : allRows;
    const tolerance = halfUnit * BigInt(Math.max(rows.length, 1));
    const allTolerance = halfUnit * BigInt(Math.max(allRows.length, 1));
    // A bare "Summa" under an area's rows may be the area's subtotal or the table's total: the
    // reader scopes it to the area; when it is the whole table's total instead, it is accepted.
    const labelWords = normaliseLabel(total.label).split(" ");
    const bare = group !== undefined && /^(summa|totalt|total|netto)$/.test(labelWords[0] ?? "") && labelWords.length <= 1 + normaliseLabel(group.name).split(" ").length;
    const matchesAll =
      bare &&
      columns.every((column) => {
        const stated = total[column];
        const computed = sumOf(allRows, column);
        return stated === null || stated === undefined || computed === null || abs(stated - computed) <= allTolerance;
      });
    if (matchesAll) continue;
    for (const column of columns) {
      const stated = total[column];
      if (stated === null || stated === undefined) continue;
      const computed = sumOf(rows, column);
      if (computed === null) continue;
      const difference = stated - computed;
      if (abs(difference) > tolerance) {
        findings.push(
          makeFinding("SUM_MISMATCH", "error", { sheet, cell: total.ref.cells[column] ?? total.ref.labelCell, subject: total.label }, {
            column: COLUMN_NAMES[column],
            label: total.label,
            stated: formatAmount(stated, unit),
            computed: formatAmount(computed, unit),
            difference: formatAmount(difference, unit),
          }),
        );
      }
    }
  }
}
