import { CellStyle, CellValue, GridTable, a1, isCellDate, isCellError, parseA1 } from "../../../workbook/cells";
import { FOLLOW_UP_NAME_PREFIX } from "../../../workbook/plan";
import { formatArea, parseAddress } from "./address";
import { FakeCellFormat, FakeScalar, FakeSheet, FakeWorkbook, FakeWorkbookOptions, cellKey } from "./model";
import { MAX_COLUMNS } from "./address";

/** A sheet to build, in the shape of the host-neutral SheetGrid (a SheetGrid can be passed as is). */
export interface FakeSheetDescription {
  name: string;
  rows?: CellValue[][];
  /** Formula per A1 address, without "="; the cell's value in `rows` is its cached result. */
  formulas?: Map<string, string> | Record<string, string>;
  /** Number format per A1 address; date cells get "yyyy-mm-dd" unless given here. */
  numberFormats?: Record<string, string>;
  tables?: (GridTable | { name: string; range: string })[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Give the sheet Följsam's mark, as if an earlier run had written it. */
  followUp?: boolean;
  /** Merged ranges, e.g. ["B1:C1"] (or as a SheetGrid gives them). */
  merges?: (string | GridTable)[];
  /** Indent and bold per A1 address (RangeFormat.indentLevel, font.bold), as a SheetGrid gives them. */
  cellStyles?: Map<string, CellStyle> | Record<string, CellStyle>;
}

export interface FakeWorkbookDescription extends FakeWorkbookOptions {
  sheets: FakeSheetDescription[];
}

const DATE_FORMAT = "yyyy-mm-dd";

/** Builds a fake workbook directly (no syncs are counted). */
export function createFakeWorkbook(description: FakeWorkbookDescription): FakeWorkbook {
  const workbook = new FakeWorkbook(description);
  let mark = 0;
  for (const spec of description.sheets) {
    const sheet = workbook.addSheet(spec.name);
    if (spec.visibility) sheet.visibility = spec.visibility;
    (spec.rows ?? []).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = workbook.cellForWrite(sheet, r, c);
        if (isCellError(value)) cell.error = value.error;
        else if (isCellDate(value)) {
          cell.value = value.date;
          cell.numberFormat = DATE_FORMAT;
        } else cell.value = value;
      }),
    );
    const formulas = spec.formulas instanceof Map ? [...spec.formulas] : Object.entries(spec.formulas ?? {});
    for (const [address, formula] of formulas) {
      const at = parseA1(address);
      if (!at) throw new Error(`Ogiltig celladress ${address} på bladet ${spec.name}`);
      workbook.cellForWrite(sheet, at.row, at.col).formula = `=${formula}`;
    }
    for (const [address, format] of Object.entries(spec.numberFormats ?? {})) {
      const at = parseA1(address);
      if (!at) throw new Error(`Ogiltig celladress ${address} på bladet ${spec.name}`);
      workbook.cellForWrite(sheet, at.row, at.col).numberFormat = format;
    }
    if (spec.merges?.length) {
      workbook.merges.set(sheet.id, spec.merges.map((m) => (typeof m === "string" ? parseAddress(m).area : { top: m.top, left: m.left, bottom: m.bottom, right: m.right })));
    }
    const styles = spec.cellStyles instanceof Map ? [...spec.cellStyles] : Object.entries(spec.cellStyles ?? {});
    for (const [address, style] of styles) {
      const at = parseA1(address);
      if (!at) throw new Error(`Ogiltig celladress ${address} på bladet ${spec.name}`);
      const cell = workbook.cellForWrite(sheet, at.row, at.col);
      cell.format = { ...cell.format, ...(style.indent !== undefined ? { indentLevel: style.indent } : {}), ...(style.bold !== undefined ? { bold: style.bold } : {}) };
    }
    for (const table of spec.tables ?? []) {
      const area = "range" in table ? parseAddress(table.range).area : { top: table.top, left: table.left, bottom: table.bottom, right: table.right };
      sheet.tables.push({ name: table.name, area });
    }
    if (spec.followUp) workbook.addName(`${FOLLOW_UP_NAME_PREFIX}${++mark}`, { sheet, area: { top: 0, left: 0, bottom: 0, right: 0 } });
  }
  return workbook;
}

/** One cell as the two hosts can be compared: value, formula (without "=") and number format. */
export interface DumpedCell {
  /** Constant value, error text such as "#REF!", or null for a formula the fake did not calculate. */
  value: FakeScalar | null;
  formula?: string;
  numberFormat: string;
  quotePrefix?: boolean;
  format?: FakeCellFormat;
}

export interface DumpOptions {
  /** Also give each cell's recorded format (font, fill, borders, wrap). */
  formats?: boolean;
  /** Also flag text entered with a leading apostrophe (quotePrefix). */
  quotePrefix?: boolean;
}

/**
 * A sheet's cells as { "B3": { value, formula, numberFormat } }, for cell-for-cell comparison
 * with another host. Only cells with a value or a formula are listed. The fake does not
 * calculate: a formula written through the API has value null, so compare formulas there.
 */
export function dumpSheet(workbook: FakeWorkbook, sheetName: string, options: DumpOptions = {}): Record<string, DumpedCell> {
  const sheet = workbook.sheet(sheetName);
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  const out: Record<string, DumpedCell> = {};
  for (const key of keys) {
    const cell = sheet.cells.get(key)!;
    if (cell.value === null && cell.formula === undefined && cell.error === undefined) continue;
    const dumped: DumpedCell = { value: cell.error ?? cell.value, numberFormat: cell.numberFormat ?? "General" };
    if (cell.formula !== undefined) dumped.formula = cell.formula.slice(1);
    if (options.quotePrefix && cell.quotePrefix) dumped.quotePrefix = true;
    if (options.formats && cell.format) dumped.format = { ...cell.format };
    out[a1(Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS)] = dumped;
  }
  return out;
}

/** The sheet's used area as Excel would report it ("A1:K200"), or null when it is empty. */
export function usedAddress(workbook: FakeWorkbook, sheet: FakeSheet | string): string | null {
  const s = typeof sheet === "string" ? workbook.sheet(sheet) : sheet;
  const area = workbook.usedArea(s, true);
  return area ? formatArea(area) : null;
}

/** The cell at an A1 address, or undefined. */
export function cellAt(workbook: FakeWorkbook, sheetName: string, address: string) {
  const at = parseA1(address);
  if (!at) throw new Error(`Ogiltig celladress ${address}`);
  return workbook.sheet(sheetName).cells.get(cellKey(at.row, at.col));
}
