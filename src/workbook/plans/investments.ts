import { amountNumberFormat } from "../../engine/format";
import type { InvestmentResult, InvestmentRowResult, Period, Unit } from "../../engine/types";
import type { SheetPlan } from "../plan";
import { deviationNumberFormat } from "../styles";
import { amount, amountFormula, at, type Column, Columns, type PlanRow, RowBuffer, sheetPlan, styleRow, sumFormula, text } from "./grid";
import { INVESTMENT_TEXTS } from "./labels.sv";

type Key = "name" | "budget" | "base" | "deviation" | "prev" | "vsForecast" | "reBudget" | "comment";

export interface InvestmentAnchors {
  sheet: string;
  totalRow: number;
  letter: (key: "budget" | "base" | "deviation") => string;
}

/** Följsam Investeringar: every row (zero rows included, as published) and a Summa row of SUMs. */
export function buildInvestmentsSheet(
  inv: InvestmentResult,
  period: Period,
  year: number | null,
  unit: Unit,
  sheetName: string,
): { plan: SheetPlan; anchors: InvestmentAnchors } {
  const fmt = amountNumberFormat(unit);
  const devFmt = deviationNumberFormat(fmt);
  const H = INVESTMENT_TEXTS.headers;
  const list: Column<Key>[] = [
    { key: "name", header: H.name, width: 45 },
    { key: "budget", header: H.budget(year), width: 12 },
    { key: "base", header: H.base(period, year), width: 12 },
    { key: "deviation", header: H.deviation, width: 12 },
  ];
  if (inv.rows.some((r) => r.previousForecast !== null)) {
    list.push({ key: "prev", header: H.previousForecast(period), width: 12 }, { key: "vsForecast", header: H.deviationVsForecast(period), width: 14 });
  }
  if (inv.rows.some((r) => r.multiYear)) list.push({ key: "reBudget", header: H.reBudget, width: 14 });
  if (inv.rows.some((r) => r.comment !== null && r.comment.trim() !== "")) list.push({ key: "comment", header: H.comment, width: 60 });
  const cols = new Columns(list);
  const L = (k: Key) => cols.letter(k);

  const b = new RowBuffer();
  b.add([text(INVESTMENT_TEXTS.title(period, year, unit), "title")]);
  b.add([text(INVESTMENT_TEXTS.note, "note")]);
  b.add([]);
  const headerRow = b.add(cols.headerRow());

  const put = (row: PlanRow, k: Key, cell: PlanRow[number]) => {
    if (cols.has(k)) row[cols.index(k)] = cell;
  };
  const deficit = (r: InvestmentRowResult) => (r.deviation !== null && r.deviation < 0n ? (["deficit"] as const) : []);

  const dataRows: number[] = [];
  for (const inv_ of inv.rows) {
    const r = b.next;
    const row = cols.row();
    put(row, "name", text(inv_.name));
    put(row, "budget", amount(inv_.budget, fmt));
    put(row, "base", amount(inv_.base, fmt));
    if (inv_.deviation !== null) put(row, "deviation", amountFormula(`${at(L("budget"), r)}-${at(L("base"), r)}`, inv_.deviation, devFmt, ...deficit(inv_)));
    put(row, "prev", amount(inv_.previousForecast, fmt));
    if (cols.has("vsForecast") && inv_.deviationVsForecast !== null) {
      put(row, "vsForecast", amountFormula(`${at(L("prev"), r)}-${at(L("base"), r)}`, inv_.deviationVsForecast, devFmt));
    }
    put(row, "reBudget", amount(inv_.reBudgetProposal, fmt));
    put(row, "comment", text(inv_.comment, "wrap"));
    dataRows.push(b.add(row));
  }

  const t = inv.total;
  const totalRow = b.next;
  const row = cols.row();
  put(row, "name", text(INVESTMENT_TEXTS.total));
  const sums: [Key, bigint | null, string][] = [
    ["budget", t.budget, fmt],
    ["base", t.base, fmt],
    ["deviation", t.deviation, devFmt],
    ["prev", t.previousForecast, fmt],
    ["vsForecast", t.deviationVsForecast, devFmt],
    ["reBudget", t.reBudgetProposal, fmt],
  ];
  for (const [k, v, f] of sums) {
    if (cols.has(k) && v !== null && dataRows.length > 0) put(row, k, amountFormula(sumFormula(L(k), dataRows), v, f));
  }
  b.add(styleRow(row, cols.width, "total"));

  const plan = sheetPlan("investments", sheetName, b.rows, cols.widths(), headerRow, { freezeColumns: 1 });
  return { plan, anchors: { sheet: sheetName, totalRow, letter: (k) => L(k) } };
}
