import { sumPresent } from "../../engine/amount";
import { amountNumberFormat } from "../../engine/format";
import type { EarmarkResult, Period, Unit } from "../../engine/types";
import type { SheetPlan } from "../plan";
import { deviationNumberFormat } from "../styles";
import { amount, amountFormula, at, Columns, RowBuffer, sheetPlan, styleRow, sumFormula, text } from "./grid";
import { EARMARK_TEXTS } from "./labels.sv";

type Key = "earmark" | "budget" | "base" | "surplus" | "returned" | "mode";

/** Följsam Återredovisning: per earmark, budget, outcome, surplus (a formula) and what goes back. */
export function buildEarmarksSheet(earmarks: EarmarkResult[], period: Period, year: number | null, unit: Unit, sheetName: string): SheetPlan {
  const fmt = amountNumberFormat(unit);
  const devFmt = deviationNumberFormat(fmt);
  const H = EARMARK_TEXTS.headers;
  const cols = new Columns<Key>([
    { key: "earmark", header: H.earmark, width: 40 },
    { key: "budget", header: H.budget(year), width: 12 },
    { key: "base", header: H.base(period, year), width: 12 },
    { key: "surplus", header: H.surplus, width: 12 },
    { key: "returned", header: H.returned, width: 14 },
    { key: "mode", header: H.mode, width: 18 },
  ]);
  const L = (k: Key) => cols.letter(k);

  const b = new RowBuffer();
  b.add([text(EARMARK_TEXTS.title(period, year, unit), "title")]);
  b.add([text(EARMARK_TEXTS.note, "note")]);
  b.add([]);
  const headerRow = b.add(cols.headerRow());

  const dataRows: number[] = [];
  for (const e of earmarks) {
    const r = b.next;
    const row = cols.row();
    row[cols.index("earmark")] = text(e.name);
    row[cols.index("budget")] = amount(e.budget, fmt);
    row[cols.index("base")] = amount(e.base, fmt);
    const deficit = e.deviation !== null && e.deviation < 0n ? (["deficit"] as const) : [];
    // The surplus is the sum of the rows' deviations; it equals budget − outcome unless a row lacks one of them.
    row[cols.index("surplus")] =
      e.deviation !== null && e.budget !== null && e.base !== null && e.budget - e.base === e.deviation
        ? amountFormula(`${at(L("budget"), r)}-${at(L("base"), r)}`, e.deviation, devFmt, ...deficit)
        : amount(e.deviation, devFmt, ...deficit);
    row[cols.index("returned")] = amount(e.returnedFunds, fmt);
    row[cols.index("mode")] = text(EARMARK_TEXTS.modes[e.mode]);
    dataRows.push(b.add(row));
  }

  if (earmarks.length > 1) {
    const row = cols.row();
    row[cols.index("earmark")] = text(EARMARK_TEXTS.total);
    const sums = {
      budget: sumPresent(earmarks.map((e) => e.budget)),
      base: sumPresent(earmarks.map((e) => e.base)),
      surplus: sumPresent(earmarks.map((e) => e.deviation)),
      returned: sumPresent(earmarks.map((e) => e.returnedFunds)),
    };
    for (const k of ["budget", "base", "surplus", "returned"] as const) {
      const v = sums[k];
      if (v !== null) row[cols.index(k)] = amountFormula(sumFormula(L(k), dataRows), v, k === "surplus" ? devFmt : fmt);
    }
    b.add(styleRow(row, cols.width, "total"));
  }

  return sheetPlan("earmarks", sheetName, b.rows, cols.widths(), headerRow, { freezeColumns: 1 });
}
