import { sumPresent } from "../../engine/amount";
import { amountNumberFormat } from "../../engine/format";
import { formatPercent } from "../../engine/swedishNumber";
import type { OperatingResult, Period, Settings, Unit } from "../../engine/types";
import type { SheetPlan } from "../plan";
import { deviationNumberFormat } from "../styles";
import { amount, amountFormula, at, Columns, RowBuffer, sheetPlan, styleRow, sumFormula, text } from "./grid";
import { RESULT_UNIT_TEXTS } from "./labels.sv";

type Key = "unit" | "area" | "deviation" | "transfer" | "opening" | "closing" | "cap" | "capped";

/** Följsam Resultatenheter: each unit's transfer and its resultatfond, opening to closing. */
export function buildResultUnitsSheet(op: OperatingResult, period: Period, year: number | null, unit: Unit, settings: Settings, sheetName: string): SheetPlan {
  const fmt = amountNumberFormat(unit);
  const devFmt = deviationNumberFormat(fmt);
  const H = RESULT_UNIT_TEXTS.headers;
  const cols = new Columns<Key>([
    { key: "unit", header: H.unit, width: 40 },
    { key: "area", header: H.area, width: 40 },
    { key: "deviation", header: H.deviation, width: 12 },
    { key: "transfer", header: H.resultTransfer, width: 14 },
    { key: "opening", header: H.openingFund, width: 14 },
    { key: "closing", header: H.closingFund, width: 14 },
    { key: "cap", header: H.cap, width: 12 },
    { key: "capped", header: H.capped, width: 10 },
  ]);
  const L = (k: Key) => cols.letter(k);
  const units = op.resultUnits;

  const b = new RowBuffer();
  b.add([text(RESULT_UNIT_TEXTS.title(period, year, unit), "title")]);
  b.add([text(RESULT_UNIT_TEXTS.note(formatPercent(settings.resultUnits.capShare, 0)), "note")]);
  b.add(units.some((u) => u.capBasisMissing) ? [text(RESULT_UNIT_TEXTS.capBasisNote, "note")] : []);
  const headerRow = b.add(cols.headerRow());

  const dataRows: number[] = [];
  for (const u of units) {
    const r = b.next;
    const row = cols.row();
    row[cols.index("unit")] = text(u.name);
    row[cols.index("area")] = text(u.area);
    row[cols.index("deviation")] = amount(u.deviation, devFmt, ...(u.deviation !== null && u.deviation < 0n ? (["deficit"] as const) : []));
    row[cols.index("transfer")] = amount(u.resultTransfer, fmt);
    row[cols.index("opening")] = amount(u.openingFund, fmt);
    if (u.closingFund !== null && u.openingFund !== null && u.openingFund - u.resultTransfer === u.closingFund) {
      row[cols.index("closing")] = amountFormula(`${at(L("opening"), r)}-${at(L("transfer"), r)}`, u.closingFund, fmt);
    } else {
      row[cols.index("closing")] = amount(u.closingFund, fmt);
    }
    row[cols.index("cap")] = amount(u.cap, fmt);
    row[cols.index("capped")] = text(u.cap === null ? null : u.capped ? RESULT_UNIT_TEXTS.yes : RESULT_UNIT_TEXTS.no);
    dataRows.push(b.add(row));
  }

  if (units.length > 1) {
    const row = cols.row();
    row[cols.index("unit")] = text(RESULT_UNIT_TEXTS.total);
    const sums = {
      deviation: sumPresent(units.map((u) => u.deviation)),
      transfer: sumPresent(units.map((u) => u.resultTransfer)),
      opening: sumPresent(units.map((u) => u.openingFund)),
      closing: sumPresent(units.map((u) => u.closingFund)),
    };
    for (const k of ["deviation", "transfer", "opening", "closing"] as const) {
      const v = sums[k];
      if (v !== null) row[cols.index(k)] = amountFormula(sumFormula(L(k), dataRows), v, k === "deviation" ? devFmt : fmt);
    }
    b.add(styleRow(row, cols.width, "total"));
  }

  return sheetPlan("resultUnits", sheetName, b.rows, cols.widths(), headerRow, { freezeColumns: 1 });
}
