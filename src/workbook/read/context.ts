/**
 * What every table reader shares: the sheet, the resolved columns, a cell reader with the unit
 * conversion and sign, findings, and RowRefs that name every field's cell.
 */
import type { Finding, Period, RowRef, Unit } from "../../engine/types";
import { makeFinding } from "../../i18n/findings.sv";
import { type SheetGrid, columnLetters } from "../cells";
import { CellReader } from "./cellValues";
import type { DetectedTable } from "./detect";
import { RowRefs } from "./rowRefs";
import { FIELD_LABELS } from "./synonyms";

/** The label given to a sum row without one (see isUnlabelledSum). */
export const UNLABELLED_SUM = "Summa (rad utan benämning)";

export class TableContext {
  readonly reader: CellReader;
  /** The report's period, once known (a table that derives its base from a given deviation needs it). */
  period: Period | null = null;
  private readonly refs: RowRefs;
  private readonly headerTexts = new Map<string, string>();

  constructor(
    readonly sheet: SheetGrid,
    readonly table: DetectedTable,
    readonly columns: Partial<Record<string, number>>,
    readonly findings: Finding[],
    readonly unit: Unit,
    negate: boolean,
    flipColumns?: ReadonlySet<number>,
  ) {
    this.reader = new CellReader(sheet, findings, { from: table.unit, to: unit, negate, ...(flipColumns && flipColumns.size > 0 ? { flipColumns } : {}) });
    const letters = Object.entries(columns)
      .filter((e): e is [string, number] => e[1] !== undefined)
      .map(([field, col]) => [field, columnLetters(col)] as const);
    this.refs = new RowRefs(sheet.name, letters);
    // By column, not by the header's field: the user (or the VB rule) may have moved a field.
    const textByCol = new Map(table.headers.filter((h) => h.text !== "").map((h) => [h.col, h.text]));
    for (const [field, col] of Object.entries(columns)) {
      const text = col === undefined ? undefined : textByCol.get(col);
      if (text !== undefined) this.headerTexts.set(field, text);
    }
  }

  /** The header text of a field's column as written, for messages ("Budget 2019"). */
  header(field: string): string {
    return this.headerTexts.get(field) ?? FIELD_LABELS[field] ?? field;
  }

  col(field: string): number | undefined {
    return this.columns[field];
  }

  /** 0-based row → RowRef with the address of every field's cell (rowRefs.ts: computed when read). */
  ref(row: number, labelField: string): RowRef {
    return this.refs.make(row + 1, labelField);
  }

  /** UNLABELLED_ROW: values without a label; pointed at the first filled value cell. */
  unlabelled(row: number, labelField: string, atField: string | null): void {
    const ref = this.ref(row, labelField);
    const cell = atField !== null && ref.cells[atField] !== undefined ? ref.cells[atField] : ref.labelCell;
    this.findings.push(
      makeFinding("UNLABELLED_ROW", "warning", { sheet: this.sheet.name, cell, subject: null }, { column: this.header(labelField) }),
    );
  }

  /**
   * The last row of a table with amounts but no label is taken for an unlabelled sum row, the
   * common layout: it is checked as a total of the whole table, never summed.
   */
  isUnlabelledSum(row: number): boolean {
    return row === this.table.lastDataRow;
  }

  /** DUPLICATE_ROW, naming the other row. */
  duplicate(label: string, otherRow: number, labelCell: string): void {
    this.findings.push(
      makeFinding("DUPLICATE_ROW", "warning", { sheet: this.sheet.name, cell: labelCell, subject: label }, { label, otherRow }),
    );
  }
}
