/**
 * Cells to values, with a finding for every cell that cannot be read: a bad cell is missing,
 * never 0. Amounts are exact (numbers as the decimal Excel shows, text through the Swedish number
 * parser), converted to the report's unit and, with `costsNegative`, given the net-cost sign.
 */
import { type Amount, amountFromNumber, convertUnit, parseAmount } from "../../engine/amount";
import { parseSwedishNumber } from "../../engine/swedishNumber";
import type { Finding, IndicatorValue, Unit } from "../../engine/types";
import { makeFinding } from "../../i18n/findings.sv";
import { type CellValue, type SheetGrid, a1, isCellDate, isCellError } from "../cells";
import { byText, cleanText, wordKey } from "./normalise";
import { YES_WORDS } from "./synonyms";

export type AmountProblem = "empty" | "invalid" | "error";

const YES = new Set(YES_WORDS);
const PLAIN_NUMBER = /^-?\d{1,15}(?:[,.]\d{1,15})?$/;
const EMPTY_ROW: CellValue[] = [];

/** The cell at (row, col), null when the row or cell does not exist. */
export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.rows[row];
  if (r === undefined) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function rowAt(sheet: SheetGrid, row: number): CellValue[] {
  return sheet.rows[row] ?? EMPTY_ROW;
}

export function isEmptyValue(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** An Excel serial date as yyyy-mm-dd, for messages. */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

/** A number written the Swedish way for a cell's text: 0.864 → "0,864". */
function numberText(n: number): string {
  return String(n).replace(".", ",");
}

export interface AmountOptions {
  /** The unit the table's cells are in and the unit the engine gets. */
  from: Unit;
  to: Unit;
  /** costsNegative: flip the sign so that net cost is positive. */
  negate: boolean;
  /** Columns printed with the opposite sign (DOMAIN.md 7a, SIGNS_NORMALISED): read flipped. */
  flipColumns?: ReadonlySet<number>;
}

/**
 * Reads the cells of one sheet. `problem` and `present` describe the last amount read, so that
 * the hot path allocates nothing per cell.
 */
export class CellReader {
  problem: AmountProblem | null = null;
  /** The last amount cell held something (a number, text, an error …), even if unreadable. */
  present = false;
  private readonly noValue: Set<string> | null;
  /** Yes/no cells repeat a few words ("ja", "x") from row to row. */
  private readonly isYes = byText((text) => YES.has(wordKey(text)));

  constructor(
    private readonly sheet: SheetGrid,
    private readonly findings: Finding[],
    private readonly options: AmountOptions = { from: "tkr", to: "tkr", negate: false },
  ) {
    this.noValue = sheet.formulasWithoutValue && sheet.formulasWithoutValue.length > 0 ? new Set(sheet.formulasWithoutValue) : null;
  }

  private where(row: number, col: number, subject: string | null) {
    return { sheet: this.sheet.name, cell: a1(row, col), subject };
  }

  /** An empty cell: a formula without a cached value is reported, anything else is just missing. */
  private empty(row: number, col: number, column: string, subject: string | null): null {
    this.problem = "empty";
    if (this.noValue !== null) {
      const address = a1(row, col);
      if (this.noValue.has(address)) {
        const formula = this.sheet.formulas?.get(address) ?? "";
        this.findings.push(
          makeFinding("FORMULA_NO_VALUE", "warning", this.where(row, col, subject), { column, formula: formula ? `=${formula}` : "" }),
        );
      }
    }
    return null;
  }

  private finish(a: Amount | null, flow: boolean, col: number): Amount | null {
    if (a === null) return null;
    let v = a;
    if (this.options.from !== this.options.to) v = convertUnit(v, this.options.from, this.options.to);
    if (flow && this.options.negate && v !== 0n) v = -v;
    if (this.options.flipColumns !== undefined && this.options.flipColumns.has(col) && v !== 0n) v = -v;
    return v;
  }

  /**
   * An amount cell. `column` is the header text, named in findings. `flow` false for a balance
   * (the opening result fund), whose sign costsNegative does not change.
   */
  amount(row: number, col: number, column: string, subject: string | null, flow = true): Amount | null {
    const v = cellAt(this.sheet, row, col);
    this.problem = null;
    this.present = true;
    if (typeof v === "number") {
      const a = amountFromNumber(v);
      if (a === null) {
        this.problem = "invalid";
        this.findings.push(makeFinding("NUMBER_PARSE", "error", this.where(row, col, subject), { column, text: String(v) }));
        return null;
      }
      return this.finish(a, flow, col);
    }
    if (v === null) {
      this.present = false;
      return this.empty(row, col, column, subject);
    }
    if (typeof v === "string") {
      // The common case first: "1297,1", "-42", "1297.1" (no spaces, signs or words).
      if (PLAIN_NUMBER.test(v)) {
        const a = parseAmount(v.replace(",", "."));
        if (a !== null) return this.finish(a, flow, col);
      }
      const parsed = parseSwedishNumber(v);
      if (parsed.kind === "missing") {
        // "-" and "–" are written for "nothing": missing, and no amount for a heading row.
        this.present = false;
        return this.empty(row, col, column, subject);
      }
      if (parsed.kind === "number" && !parsed.percent) {
        const a = parseAmount(parsed.decimal);
        if (a !== null) return this.finish(a, flow, col);
      }
      this.problem = "invalid";
      this.findings.push(makeFinding("NUMBER_PARSE", "error", this.where(row, col, subject), { column, text: cleanText(v) }));
      return null;
    }
    if (typeof v === "boolean") {
      this.problem = "invalid";
      this.findings.push(makeFinding("NUMBER_PARSE", "error", this.where(row, col, subject), { column, text: v ? "SANT" : "FALSKT" }));
      return null;
    }
    if (isCellError(v)) {
      this.problem = "error";
      this.findings.push(makeFinding("FORMULA_ERROR", "error", this.where(row, col, subject), { column, error: v.error }));
      return null;
    }
    if (isCellDate(v)) {
      this.problem = "invalid";
      this.findings.push(makeFinding("DATE_IN_AMOUNT", "error", this.where(row, col, subject), { column, text: serialToIso(v.date) }));
      return null;
    }
    this.problem = "invalid";
    return null;
  }

  /**
   * A text cell (labels, comments, earmarks): numbers as written, an error cell reported and
   * read as empty. Returns "" for an empty cell.
   */
  text(row: number, col: number | undefined, column: string, subject: string | null): string {
    if (col === undefined) return "";
    const v = cellAt(this.sheet, row, col);
    if (v === null) return "";
    if (typeof v === "string") return cleanText(v);
    if (typeof v === "number") return numberText(v);
    if (typeof v === "boolean") return v ? "SANT" : "FALSKT";
    if (isCellError(v)) {
      this.findings.push(makeFinding("FORMULA_ERROR", "error", this.where(row, col, subject), { column, error: v.error }));
      return "";
    }
    if (isCellDate(v)) return serialToIso(v.date);
    return "";
  }

  /** A yes/no cell (Resultatenhet, Flerårig): ja, x, 1, sant … */
  flag(row: number, col: number | undefined): boolean {
    if (col === undefined) return false;
    const v = cellAt(this.sheet, row, col);
    if (v === true) return true;
    if (typeof v === "number") return v === 1;
    if (typeof v === "string") return this.isYes(v);
    return false;
  }

  /**
   * An indicator cell: a number (percent as points: "86,4 %" → 86.4), or text kept for the
   * engine ("+/- 1 %", "Tas fram av nämnden"), or nothing. Numbers in number cells are taken as
   * written (a cell formatted as % arrives as the fraction, 0.864).
   */
  indicator(row: number, col: number | undefined, column: string, subject: string | null): IndicatorValue {
    if (col === undefined) return { value: null, percent: false, text: null };
    const v = cellAt(this.sheet, row, col);
    if (typeof v === "number") {
      return Number.isFinite(v) ? { value: v, percent: false, text: numberText(v) } : { value: null, percent: false, text: null };
    }
    if (v === null) {
      this.empty(row, col, column, subject);
      return { value: null, percent: false, text: null };
    }
    if (typeof v === "string") {
      const text = cleanText(v);
      if (text === "") return { value: null, percent: false, text: null };
      const parsed = parseSwedishNumber(text);
      if (parsed.kind === "number") return { value: parsed.value === 0 ? 0 : parsed.value, percent: parsed.percent, text };
      return { value: null, percent: false, text };
    }
    if (isCellError(v)) {
      this.findings.push(makeFinding("FORMULA_ERROR", "error", this.where(row, col, subject), { column, error: v.error }));
      return { value: null, percent: false, text: null };
    }
    if (isCellDate(v)) {
      this.findings.push(makeFinding("DATE_IN_AMOUNT", "error", this.where(row, col, subject), { column, text: serialToIso(v.date) }));
      return { value: null, percent: false, text: null };
    }
    return { value: null, percent: false, text: v ? "SANT" : "FALSKT" };
  }

  /** A tolerance cell: "10 %" or 10 → 0.1; "0,1" or 0.1 → 0.1. A bare number of 1 or more is percent. */
  tolerance(row: number, col: number | undefined, column: string, subject: string | null): number | null {
    if (col === undefined) return null;
    const v = cellAt(this.sheet, row, col);
    let value: number | null = null;
    let percent = false;
    if (typeof v === "number" && Number.isFinite(v)) value = v;
    else if (typeof v === "string") {
      const parsed = parseSwedishNumber(v);
      if (parsed.kind === "number") {
        value = parsed.value;
        percent = parsed.percent;
      } else if (parsed.kind === "invalid") {
        this.findings.push(makeFinding("NUMBER_PARSE", "warning", this.where(row, col, subject), { column, text: cleanText(v) }));
      }
    } else if (v !== null && isCellError(v)) {
      this.findings.push(makeFinding("FORMULA_ERROR", "error", this.where(row, col, subject), { column, error: v.error }));
    }
    if (value === null || value < 0) return null;
    return percent || value >= 1 ? value / 100 : value;
  }
}
