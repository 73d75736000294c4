import { amountNumberFormat } from "../../engine/format";
import type { CostTypeResult, CostTypeRowResult, Period, Unit } from "../../engine/types";
import type { SheetPlan, StyleName } from "../plan";
import { amount, amountFormula, at, Columns, type PlanRow, RowBuffer, sheetPlan, styleRow, sumFormula, text } from "./grid";
import { COST_TYPE_TEXTS } from "./labels.sv";

type Key = "name" | "kind" | "prior" | "actual" | "change";

/**
 * Följsam Kostnadsslag: revenues, Summa intäkter, costs, Summa kostnader, Netto. Förändring is the
 * change of the row's own size: actual − prior for costs and the net, prior − actual for revenues
 * (negative in the net-cost convention), so a revenue that fell shows a negative change.
 */
export function buildCostTypesSheet(ct: CostTypeResult, period: Period, year: number | null, unit: Unit, sheetName: string): SheetPlan {
  const fmt = amountNumberFormat(unit);
  const H = COST_TYPE_TEXTS.headers;
  const cols = new Columns<Key>([
    { key: "name", header: H.name, width: 45 },
    { key: "kind", header: H.kind, width: 10 },
    { key: "prior", header: H.prior(year), width: 12 },
    { key: "actual", header: H.actual(year), width: 12 },
    { key: "change", header: H.change, width: 12 },
  ]);
  const P = cols.letter("prior");
  const A = cols.letter("actual");

  const b = new RowBuffer();
  b.add([text(COST_TYPE_TEXTS.title(period, year, unit), "title")]);
  b.add([text(COST_TYPE_TEXTS.note, "note")]);
  b.add([]);
  const headerRow = b.add(cols.headerRow());

  /** The change as a formula on the row's own cells, by the revenue/cost rule. */
  const changeCell = (r: number, revenueRule: boolean, change: bigint | null) =>
    change === null ? null : amountFormula(revenueRule ? `${at(P, r)}-${at(A, r)}` : `${at(A, r)}-${at(P, r)}`, change, fmt);

  const lineRow = (res: CostTypeRowResult, r: number): PlanRow => {
    const row = cols.row();
    row[cols.index("name")] = text(res.name);
    row[cols.index("kind")] = text(COST_TYPE_TEXTS.kinds[res.kind]);
    row[cols.index("prior")] = amount(res.priorYearActual, fmt);
    row[cols.index("actual")] = amount(res.actual, fmt);
    row[cols.index("change")] = changeCell(r, res.kind === "revenue", res.change);
    return row;
  };

  const sumRow = (label: string, total: CostTypeRowResult, rows: number[], revenueRule: boolean, style: StyleName): number => {
    const r = b.next;
    const row = cols.row();
    row[cols.index("name")] = text(label);
    if (rows.length > 0) {
      if (total.priorYearActual !== null) row[cols.index("prior")] = amountFormula(sumFormula(P, rows), total.priorYearActual, fmt);
      if (total.actual !== null) row[cols.index("actual")] = amountFormula(sumFormula(A, rows), total.actual, fmt);
      row[cols.index("change")] = changeCell(r, revenueRule, total.change);
    }
    return b.add(styleRow(row, cols.width, style));
  };

  const section = (kind: "revenue" | "cost", label: string, total: CostTypeRowResult): number => {
    const rows = ct.rows.filter((x) => x.kind === kind).map((x) => b.add(lineRow(x, b.next)));
    return sumRow(label, total, rows, kind === "revenue", "subtotal");
  };
  const revenuesRow = section("revenue", COST_TYPE_TEXTS.revenues, ct.totals.revenues);
  b.add([]);
  const costsRow = section("cost", COST_TYPE_TEXTS.costs, ct.totals.costs);

  const net = ct.totals.net;
  const r = b.next;
  const row = cols.row();
  row[cols.index("name")] = text(COST_TYPE_TEXTS.net);
  const both = (col: string) => `${at(col, revenuesRow)}+${at(col, costsRow)}`;
  if (net.priorYearActual !== null) row[cols.index("prior")] = amountFormula(both(P), net.priorYearActual, fmt);
  if (net.actual !== null) row[cols.index("actual")] = amountFormula(both(A), net.actual, fmt);
  row[cols.index("change")] = changeCell(r, false, net.change);
  b.add(styleRow(row, cols.width, "total"));

  return sheetPlan("costTypes", sheetName, b.rows, cols.widths(), headerRow, { freezeColumns: 1, landscape: false });
}
