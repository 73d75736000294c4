/**
 * Signs per column (DOMAIN.md 7a): some tables print the allocation positive and the net cost
 * negative (Kommunbidrag 120,0 | Nettokostnad −118,5 | Resultat 1,5). When budget and another
 * amount column have opposite signs in most (more than half of the) rows that have both, the
 * column that is negative in most of those rows is read with its sign flipped, and
 * SIGNS_NORMALISED says which. The `signs` setting forces a column either way.
 */
import type { Finding, Settings, SignField } from "../../engine/types";
import { parseSwedishNumber } from "../../engine/swedishNumber";
import { makeFinding } from "../../i18n/findings.sv";
import { type SheetGrid, a1 } from "../cells";
import { cellAt } from "./cellValues";
import type { DetectedTable } from "./detect";

const SIGN_FIELDS: SignField[] = ["budget", "actual", "forecast", "previousForecast", "priorYearActual"];

/** The sign of a cell's number: 1, -1, or 0 for zero, empty and anything that is not a number. */
function signOf(sheet: SheetGrid, row: number, col: number): number {
  const v = cellAt(sheet, row, col);
  if (typeof v === "number") return Math.sign(v);
  if (typeof v !== "string" || v.trim() === "") return 0;
  const p = parseSwedishNumber(v);
  return p.kind === "number" && !p.percent ? Math.sign(p.value) : 0;
}

/** The columns of a drift or investment table to read with the sign flipped; findings say why. */
export function flippedColumns(sheet: SheetGrid, table: DetectedTable, settings: Settings, findings: Finding[]): Set<number> {
  const flips = new Set<number>();
  if (table.kind !== "drift" && table.kind !== "investments") return flips;
  const header = (col: number) => table.headers.find((h) => h.col === col)?.text || a1(table.headerRow, col);
  const at = (col: number) => ({ sheet: table.sheet, cell: a1(table.headerRow + (table.headerRowCount ?? 1) - 1, col), subject: null });
  const budgetCol = table.columns.budget;
  const decided = new Set<SignField>();

  for (const field of SIGN_FIELDS) {
    const forced = settings.signs[field];
    const col = table.columns[field];
    if (forced === undefined || col === undefined) continue;
    decided.add(field);
    if (forced === "flip") {
      flips.add(col);
      findings.push(makeFinding("SIGNS_NORMALISED", "info", at(col), { header: header(col), forced: 1 }));
    }
  }
  if (budgetCol === undefined) return flips;

  let budgetFlipped = false;
  for (const field of SIGN_FIELDS) {
    if (field === "budget" || decided.has(field)) continue;
    const col = table.columns[field];
    if (col === undefined) continue;
    let both = 0;
    let opposite = 0;
    let otherNegative = 0;
    for (let r = table.firstDataRow; r <= table.lastDataRow; r++) {
      const b = signOf(sheet, r, budgetCol);
      const o = signOf(sheet, r, col);
      if (b === 0 || o === 0) continue;
      both++;
      if (b !== o) {
        opposite++;
        if (o < 0) otherNegative++;
      }
    }
    if (both === 0 || opposite * 2 <= both) continue;
    if (otherNegative * 2 > opposite) {
      flips.add(col);
      findings.push(
        makeFinding("SIGNS_NORMALISED", "info", at(col), { header: header(col), against: header(budgetCol), count: opposite, rows: both }),
      );
    } else if (!decided.has("budget") && !budgetFlipped) {
      // The budget is the negative one (an allocation booked as revenue): flip it, once.
      budgetFlipped = true;
      flips.add(budgetCol);
      findings.push(
        makeFinding("SIGNS_NORMALISED", "info", at(budgetCol), { header: header(budgetCol), against: header(col), count: opposite, rows: both }),
      );
    }
  }
  return flips;
}
