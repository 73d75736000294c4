import { type Amount, sumPresent } from "./amount";
import { checkTotals } from "./totals";
import type { CostKind, CostTypeResult, CostTypeRowResult, CostTypeTableInput, Finding } from "./types";

/**
 * Intäkts- och kostnadsslag (DOMAIN.md section 5). The change expresses the change of the row's
 * own size: for costs and the net, actual − prior year; for revenues (negative in the net-cost
 * convention) prior year − actual, so revenues that fell show a negative change.
 */
export function computeCostTypes(table: CostTypeTableInput): { result: CostTypeResult; findings: Finding[] } {
  const findings: Finding[] = [];
  const rows: CostTypeRowResult[] = table.rows.map((input) => {
    const kind = input.kind ?? kindFromSign(input.actual, input.priorYearActual);
    return {
      name: input.name,
      kind,
      priorYearActual: input.priorYearActual,
      actual: input.actual,
      change: change(kind, input.priorYearActual, input.actual),
      ref: input.ref,
    };
  });
  const total = (name: string, kind: CostKind, list: CostTypeRowResult[], netRule = false): CostTypeRowResult => {
    const priorYearActual = sumPresent(list.map((r) => r.priorYearActual));
    const actual = sumPresent(list.map((r) => r.actual));
    return { name, kind, priorYearActual, actual, change: change(netRule ? "cost" : kind, priorYearActual, actual), ref: null };
  };
  const revenues = total("Summa intäkter", "revenue", rows.filter((r) => r.kind === "revenue"));
  const costs = total("Summa kostnader", "cost", rows.filter((r) => r.kind === "cost"));
  const net = total("Netto", "cost", rows, true);

  // Totals are matched by what follows "Summa": "Summa intäkter" covers the revenues.
  const byKind = [
    { name: "intäkter", rows: rows.filter((r) => r.kind === "revenue") },
    { name: "kostnader", rows: rows.filter((r) => r.kind === "cost") },
  ];
  checkTotals(table.totalRows, byKind, rows, ["actual", "priorYearActual"], table.unit, table.sheet, findings);
  return { result: { rows, totals: { revenues, costs, net } }, findings };
}

function kindFromSign(actual: Amount | null, prior: Amount | null): CostKind {
  const v = actual !== null && actual !== 0n ? actual : prior;
  return v !== null && v < 0n ? "revenue" : "cost";
}

function change(kind: CostKind, prior: Amount | null, actual: Amount | null): Amount | null {
  if (prior === null || actual === null) return null;
  return kind === "revenue" ? prior - actual : actual - prior;
}
