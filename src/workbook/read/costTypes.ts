/**
 * Revenue and cost types (DOMAIN.md section 5): type, Slag (intäkt/kostnad), prior year, this
 * year. Summa intäkter, Summa kostnader and Netto are total rows; "Intäkter"/"Kostnader" heading
 * rows without amounts are not read.
 */
import type { Amount } from "../../engine/amount";
import type { CostKind, CostTypeRowInput, CostTypeTableInput, TotalRowInput } from "../../engine/types";
import { type TableContext, UNLABELLED_SUM } from "./context";
import { reportDuplicates } from "./drift";
import { isTotalLabel, wordKey } from "./normalise";
import { COST_KIND_WORDS } from "./synonyms";

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
      totalRows.push({
        label: name,
        budget: null,
        actual,
        forecast: null,
        previousForecast: null,
        priorYearActual,
        ref: ctx.ref(r, "name"),
        scope: null,
      });
      continue;
    }
    if (!present) continue;
    const kindText = reader.text(r, colKind, hKind, subject);
    const kind: CostKind | null = kindText === "" ? null : (COST_KIND_WORDS[wordKey(kindText)] ?? null);
    rows.push({ name, kind, priorYearActual, actual, ref: ctx.ref(r, "name") });
  }
  reportDuplicates(ctx, rows.map((row) => ({ label: row.name, ref: row.ref })));
  return {
    sheet: table.sheet,
    unit: ctx.unit,
    rows,
    totalRows,
    ...(table.unit !== ctx.unit ? { sourceUnit: table.unit } : {}),
  };
}
