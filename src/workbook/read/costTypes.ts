/**
 * Revenue and cost types (DOMAIN.md section 5): type, Slag (intäkt/kostnad), prior year, this
 * year. Summa intäkter, Summa kostnader and Netto are total rows; "Intäkter"/"Kostnader" heading
 * rows without amounts are not read.
 */
import type { Amount } from "../../engine/amount";
import type { CostKind, CostTypeRowInput, CostTypeTableInput, TotalRowInput } from "../../engine/types";
import { type TableContext, UNLABELLED_SUM } from "./context";
import { reportDuplicates } from "./drift";
import { isTotalLabel, wordKey, words } from "./normalise";
import { makeFinding } from "../../i18n/findings.sv";
import { COST_KIND_WORDS, COST_SCOPE_WORDS } from "./synonyms";

export function readCostTypes(ctx: TableContext): CostTypeTableInput {
  const { table, reader } = ctx;
  const colName = ctx.col("name");
  const hName = ctx.header("name");
  const colKind = ctx.col("kind");
  const hKind = ctx.header("kind");
  const colActual = ctx.col("actual");
  const colPrior = ctx.col("priorYearActual");
  const hActual = ctx.header("actual");
  const hPrior = ctx.header("priorYearActual");

  const rows: CostTypeRowInput[] = [];
  const totalRows: TotalRowInput[] = [];
  // "Intäkter" / "Kostnader" heading rows without amounts name the kind of the rows below them.
  let section: CostKind | null = null;
  const sectionOf: (CostKind | null)[] = [];
  for (let r = table.firstDataRow; r <= table.lastDataRow; r++) {
    const name = reader.text(r, colName, hName, null);
    const subject = name === "" ? null : name;
    let present = false;
    let first: string | null = null;
    let priorYearActual: Amount | null = null;
    let actual: Amount | null = null;
    if (colPrior !== undefined) {
      priorYearActual = reader.amount(r, colPrior, hPrior, subject);
      if (reader.present) [present, first] = [true, "priorYearActual"];
    }
    if (colActual !== undefined) {
      actual = reader.amount(r, colActual, hActual, subject);
      if (reader.present) [present, first] = [true, first ?? "actual"];
    }
    if (name === "") {
      if (present && ctx.isUnlabelledSum(r)) {
        const ref = ctx.ref(r, "name");
        totalRows.push({ label: UNLABELLED_SUM, budget: null, actual, forecast: null, previousForecast: null, priorYearActual, ref, scope: null });
      } else if (present) ctx.unlabelled(r, "name", first);
      continue;
    }
    if (isTotalLabel(name)) {
      // Scoped (DOMAIN.md 7a): "Summa intäkter" covers the revenues, "Summa kostnader" the costs,
      // "Netto", "Summa" and "Totalt" every row.
      const scope = costScopeOf(name);
      totalRows.push({
        label: name,
        budget: null,
        actual,
        forecast: null,
        previousForecast: null,
        priorYearActual,
        ref: ctx.ref(r, "name"),
        scope: scope === "revenue" ? "intäkter" : scope === "cost" ? "kostnader" : null,
        costScope: scope,
      });
      // A section ends at its sum ("Summa intäkter").
      if (scope !== null) section = null;
      continue;
    }
    if (!present) {
      section = sectionHeading(name) ?? section;
      continue;
    }
    const kindText = reader.text(r, colKind, hKind, subject);
    const kind: CostKind | null = kindText === "" ? null : (COST_KIND_WORDS[wordKey(kindText)] ?? null);
    rows.push({ name, kind: kind ?? (colKind === undefined ? section : null), priorYearActual, actual, ref: ctx.ref(r, "name") });
    sectionOf.push(colKind === undefined ? section : null);
  }
  normaliseRevenueSigns(ctx, rows, totalRows, sectionOf);
  reportDuplicates(ctx, rows.map((row) => ({ label: row.name, ref: row.ref })));
  return {
    sheet: table.sheet,
    unit: ctx.unit,
    rows,
    totalRows,
    ...(table.unit !== ctx.unit ? { sourceUnit: table.unit } : {}),
  };
}

/** "Summa intäkter" → revenue, "Summa kostnader" → cost, "Netto"/"Summa"/"Nettokostnad" → all rows (null). */
export function costScopeOf(label: string): CostKind | null {
  const w = words(label);
  if (w.some((x) => COST_SCOPE_WORDS.net.some((n) => x.startsWith(n)))) return null;
  return kindOfWords(w);
}

function kindOfWords(w: string[]): CostKind | null {
  if (w.some((x) => COST_SCOPE_WORDS.revenue.some((n) => x.startsWith(n)))) return "revenue";
  if (w.some((x) => (COST_SCOPE_WORDS.cost as readonly string[]).includes(x))) return "cost";
  return null;
}

/** A heading row without amounts: "Intäkter", "Verksamhetens intäkter", "Kostnader" … */
function sectionHeading(name: string): CostKind | null {
  const w = words(name);
  return w.length === 0 || w.length > 3 ? null : kindOfWords(w);
}

/**
 * Revenues under an "Intäkter" heading written as positive numbers (a gross layout): in the
 * net-cost convention they are negative, so when most of them are positive they are read with
 * the sign flipped, with the revenue totals, and SIGNS_NORMALISED says so.
 */
function normaliseRevenueSigns(ctx: TableContext, rows: CostTypeRowInput[], totals: TotalRowInput[], sections: (CostKind | null)[]): void {
  const revenue = rows.filter((_, i) => sections[i] === "revenue");
  if (revenue.length === 0 || !rows.some((_, i) => sections[i] === "cost")) return;
  const signed = revenue.map((r) => (r.actual !== null && r.actual !== 0n ? r.actual : r.priorYearActual)).filter((v): v is bigint => v !== null && v !== 0n);
  const positive = signed.filter((v) => v > 0n).length;
  if (signed.length === 0 || positive * 2 <= signed.length) return;
  const flip = (v: bigint | null) => (v === null ? null : -v);
  for (const r of revenue) [r.actual, r.priorYearActual] = [flip(r.actual), flip(r.priorYearActual)];
  for (const t of totals) if (t.costScope === "revenue") [t.actual, t.priorYearActual] = [flip(t.actual), flip(t.priorYearActual)];
  ctx.findings.push(
    makeFinding("SIGNS_NORMALISED", "info", { sheet: ctx.sheet.name, cell: revenue[0].ref.labelCell, subject: null }, {
      section: "intäkterna",
      count: positive,
      rows: signed.length,
    }),
  );
}
