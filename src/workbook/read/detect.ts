/**
 * Finding the tables of a workbook: sheets by name, else by their headers; an Excel table as it
 * is; otherwise the first row with two recognised headers starts a table, rows above it are
 * title rows, and the table runs until a long run of empty rows, a new header row after a blank
 * row, or the end of the sheet.
 */
import type { Period, Unit } from "../../engine/types";
import type { GridTable, SheetGrid, WorkbookGrid } from "../cells";
import { cellAt, isEmptyValue, rowAt } from "./cellValues";
import { type HeaderCell, missingColumns, resolveColumns } from "./columns";
import { isSettingsSheetName, matchAnalysed, sheetKindFromName } from "./headers";
import { analyseHeader, cleanText } from "./normalise";
import { periodFromHeaders, periodFromText, yearFromText } from "./period";
import { AMOUNT_FIELDS, LABEL_FIELDS, TABLE_KINDS, type TableKind } from "./synonyms";

export interface DetectedTable {
  sheet: string;
  kind: TableKind;
  /** 0-based row of the header. */
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** Field name → 0-based column. */
  columns: Partial<Record<string, number>>;
  headers: { col: number; text: string; field: string | null; recognisedAs?: string }[];
  unit: Unit;
  unitSource: "setting" | "header" | "title" | "default" | "tables";
  year: number | null;
  periodHint: Period | null;
  title: string | null;
  /** First and last column of the table (0-based, inclusive). */
  firstCol?: number;
  lastCol?: number;
  /** The Excel table (ListObject) the table was read from. */
  excelTable?: string | null;
  /** Required columns that are missing (Swedish names); reading such a table is an error. */
  missing?: string[];
  /** The unit the headers or title name, even when a setting overrides it. */
  foundUnit?: Unit | null;
  /** Where periodHint came from. */
  periodSource?: "headers" | "title" | null;
  /** How many rows the header takes (2 for "Prognos" merged above "T1 | T2"); 1 when absent. */
  headerRowCount?: number;
  /** Columns without a header that hold data in the table's rows (never mapped). */
  unrecognised?: { col: number; text: string }[];
  /** The name column was found by its content, not by its header (DOMAIN.md 7a). */
  labelByContent?: boolean;
}

/** A table, or a sheet named like one, that cannot be read: TABLE_UNREADABLE. */
export interface UnreadableTable {
  sheet: string;
  kind: TableKind | null;
  /** 0-based header row, null when no header row was found. */
  headerRow: number | null;
  /** Swedish names of what is missing, or empty when the header row itself was not found. */
  missing: string[];
  table: DetectedTable | null;
}

/** Period, year and unit when given (command line, settings file, settings sheet); null otherwise. */
export interface Given {
  period: Period | null;
  year: number | null;
  unit: Unit | null;
}

/** How far down a sheet the header row is looked for. */
export const HEADER_SCAN_ROWS = 100;
/** A run of this many empty rows ends a table; shorter runs are blank separator rows. */
export const EMPTY_RUN_LIMIT = 50;
const TITLE_ROWS = 10;
const EXCEL_TITLE_ROWS = 5;

interface Candidate {
  table: DetectedTable;
  byName: boolean;
  complete: boolean;
  recognised: number;
  /** Its headers name an amount of the kind (Budget, Utfall, Prognos …), not only labels. */
  marked: boolean;
  order: number;
}

export interface Detection {
  /** One table per kind: the one read. It may lack a required column (`missing`). */
  tables: DetectedTable[];
  /** Sheets named like a table whose header row could not be found. */
  unreadableSheets: string[];
  /** Other tables that their headers mark as one of the four kinds, not read: complete ones are a second table of a kind. */
  others: DetectedTable[];
}

export function detect(grid: WorkbookGrid, given: Given): Detection {
  const candidates: Candidate[] = [];
  const unreadableSheets: string[] = [];
  grid.sheets.forEach((sheet, sheetIndex) => {
    if (sheet.followUp || isSettingsSheetName(sheet.name)) return;
    const nameKind = sheetKindFromName(sheet.name);
    const before = candidates.length;
    if (sheet.tables && sheet.tables.length > 0) {
      for (const t of sheet.tables) {
        const c = fromExcelTable(sheet, t, nameKind, given, sheet.tables);
        if (c) candidates.push({ ...c, order: sheetIndex * 1e7 + t.top });
      }
    }
    // A sheet whose Excel tables are none of ours (a lookup list, say) is read like any other.
    if (candidates.length === before) {
      let start = 0;
      let kindHint = nameKind;
      while (start < sheet.rows.length) {
        const found = findHeaderRow(sheet, start, kindHint);
        if (found === null) break;
        const { candidate, nextStart } = fromSheetRegion(sheet, start, found, nameKind, given);
        candidates.push({ ...candidate, order: sheetIndex * 1e7 + found.row });
        start = nextStart;
        kindHint = null;
      }
    }
    if (candidates.length === before && nameKind !== null && hasContent(sheet)) unreadableSheets.push(sheet.name);
  });

  const chosen: Candidate[] = [];
  for (const kind of TABLE_KINDS) {
    const ofKind = candidates.filter((c) => c.table.kind === kind);
    const pick =
      ofKind.find((c) => c.byName && c.complete) ??
      ofKind.find((c) => c.complete) ??
      ofKind.find((c) => c.byName) ??
      ofKind.find((c) => c.marked);
    if (pick) chosen.push(pick);
  }
  // No table anywhere that its name or an amount header marks: keep the most recognisable
  // candidate so that the message can say which column it lacks instead of "no table".
  if (chosen.length === 0 && candidates.length > 0) {
    chosen.push(candidates.reduce((best, c) => (c.recognised > best.recognised ? c : best)));
  }
  chosen.sort((a, b) => a.order - b.order);
  // A ledger or a list whose headers merely share a word with ours ("Konto | Ansvar") is no table
  // of ours: only candidates that their sheet's name or an amount header marks are named.
  const others = candidates.filter((c) => !chosen.includes(c) && (c.byName || c.marked)).sort((a, b) => a.order - b.order);
  return { tables: chosen.map((c) => c.table), unreadableSheets, others: others.map((c) => c.table) };
}

/** Re-resolves the columns of detected tables for a period now known (forecast columns depend on it). */
export function resolveForPeriod(table: DetectedTable, period: Period): DetectedTable {
  // The label columns stay as detected (found by header, by content, or under an amount-like
  // header such as "Nettokostnader, mnkr"); the other headers are resolved again for the period.
  const labels = LABEL_FIELDS[table.kind].map((f) => [f, table.columns[f]] as const).filter((e): e is readonly [string, number] => e[1] !== undefined);
  const labelCols = new Set(labels.map((e) => e[1]));
  const cells = table.headers.filter((h) => h.text !== "" && !labelCols.has(h.col)).map((h) => ({ col: h.col, text: h.text }));
  const res = resolveColumns(table.kind, cells, period, Infinity);
  for (const [f, col] of labels) {
    res.columns[f] = col;
    const text = table.headers.find((x) => x.col === col)?.text ?? "";
    res.headers.push({ col, text, field: f });
  }
  res.headers.sort((a, b) => a.col - b.col);
  return { ...table, columns: res.columns, headers: res.headers, missing: missingColumns(table.kind, res.columns, null) };
}

function hasContent(sheet: SheetGrid): boolean {
  const n = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < n; r++) for (const v of rowAt(sheet, r)) if (!isEmptyValue(v)) return true;
  return false;
}

function headerCells(sheet: SheetGrid, row: number, left = 0, right = Infinity): HeaderCell[] {
  const cells: HeaderCell[] = [];
  const r = rowAt(sheet, row);
  const end = Math.min(r.length - 1, right);
  for (let c = left; c <= end; c++) {
    const v = r[c];
    if (typeof v === "string") {
      const text = cleanText(v);
      if (text !== "") cells.push({ col: c, text });
    }
  }
  return cells;
}

/**
 * The kind a header row belongs to: the sheet's named kind when two of its headers are
 * recognised; else the kind with a label column and two recognised headers, complete first.
 */
function classify(cells: HeaderCell[], nameKind: TableKind | null): TableKind | null {
  if (cells.length < 2) return null;
  // Cheap first: most rows (data rows after a blank row) match fewer than two headers of any kind.
  const analysed = cells.map((c) => analyseHeader(c.text));
  if (!TABLE_KINDS.some((kind) => analysed.filter((h) => matchAnalysed(kind, h) !== null).length >= 2)) return null;
  let best: { kind: TableKind; complete: boolean; recognised: number } | null = null;
  for (const kind of TABLE_KINDS) {
    const res = resolveColumns(kind, cells, null, Infinity);
    if (kind === nameKind && res.recognised >= 2) return kind;
    // Without a label header the name column may be found by its content (DOMAIN.md 7a), for an
    // amount table whose headers name a budget and an outcome or forecast.
    const labelLater = !res.hasLabel && kind !== "indicators" && res.columns.budget !== undefined && (res.columns.actual !== undefined || res.columns.forecast !== undefined || res.columns.previousForecast !== undefined);
    if (res.recognised < 2 || (!res.hasLabel && !labelLater)) continue;
    const complete = missingColumns(kind, res.columns, null).length === 0;
    if (best === null || (complete && !best.complete) || (complete === best.complete && res.recognised > best.recognised)) {
      best = { kind, complete, recognised: res.recognised };
    }
  }
  return best ? best.kind : null;
}

interface HeaderRowFound {
  row: number;
  kind: TableKind;
  /** The header texts, joined over the rows of a two-row header. */
  cells: HeaderCell[];
  rows: 1 | 2;
}

function findHeaderRow(sheet: SheetGrid, start: number, nameKind: TableKind | null): HeaderRowFound | null {
  const end = Math.min(sheet.rows.length, start + HEADER_SCAN_ROWS);
  for (let r = start; r < end; r++) {
    const cells = headerCells(sheet, r);
    const kind = classify(cells, nameKind);
    if (kind !== null) {
      const joined = joinedHeader(sheet, r, kind, cells);
      return joined ?? { row: r, kind, cells, rows: 1 };
    }
  }
  return null;
}

/**
 * A header over two rows ("Utfall" above "per 31 aug"; "Prognos" merged above "T1 | T2"): the
 * texts of the two cells joined, when the row below holds no figures, names something under an
 * amount header, and the joined header reads at least as well as the first row alone.
 */
function joinedHeader(sheet: SheetGrid, row: number, kind: TableKind, cells: HeaderCell[]): HeaderRowFound | null {
  const below = rowAt(sheet, row + 1);
  let firstCol = Infinity;
  for (const c of cells) firstCol = Math.min(firstCol, c.col);
  let textUnderAmounts = false;
  const bottom: HeaderCell[] = [];
  for (let c = 0; c < below.length; c++) {
    const v = below[c];
    if (isEmptyValue(v)) continue;
    // A year typed as a number ("Budget" above 2019) is header text; any other figure is data.
    if (typeof v === "number" && Number.isInteger(v) && v >= 1900 && v <= 2099) bottom.push({ col: c, text: String(v) });
    else if (typeof v !== "string" || looksNumeric(v)) return null;
    else bottom.push({ col: c, text: cleanText(v) });
    if (c > firstCol) textUnderAmounts = true;
  }
  if (!textUnderAmounts) return null;
  const top = new Map<number, string>();
  for (const c of cells) top.set(c.col, c.text);
  // A merged cell's text stands over every column it spans.
  for (const m of sheet.merges ?? []) {
    if (m.top > row || m.bottom < row || m.left === m.right) continue;
    const text = top.get(m.left);
    if (text === undefined) continue;
    for (let c = m.left + 1; c <= m.right; c++) if (!top.has(c)) top.set(c, text);
  }
  const bottomAt = new Map(bottom.map((c) => [c.col, c.text]));
  // Without merge information: a top text written once over the columns to its right that have
  // only a bottom text ("Prognos" above "T1 | T2", "Budget 2019" above "Kostnader | Intäkter |
  // Netto") stands over them when that makes at least one of them a header Följsam reads.
  if (sheet.merges === undefined) {
    for (const t of [...top.entries()].sort((x, y) => x[0] - y[0])) {
      const [col, text] = t;
      if (!bottomAt.has(col)) continue;
      const group: number[] = [];
      for (let c = col + 1; bottomAt.has(c) && !top.has(c); c++) group.push(c);
      const reads = group.some(
        (c) => matchAnalysed(kind, analyseHeader(bottomAt.get(c)!)) === null && matchAnalysed(kind, analyseHeader(`${text} ${bottomAt.get(c)!}`)) !== null,
      );
      if (reads) for (const c of group) top.set(c, text);
    }
  }
  const cols = [...new Set([...top.keys(), ...bottomAt.keys()])].sort((a, b) => a - b);
  const joined: HeaderCell[] = cols.map((col) => ({
    col,
    text: [top.get(col), bottomAt.get(col)].filter((t): t is string => t !== undefined && t !== "").join(" "),
  }));
  const single = resolveColumns(kind, cells, null, firstCol);
  const both = resolveColumns(kind, joined, null, Math.min(firstCol, joined[0]?.col ?? firstCol));
  const score = (r: ReturnType<typeof resolveColumns>) => r.recognised + (r.hasLabel ? 1 : 0);
  if (score(both) < score(single)) return null;
  return { row, kind, cells: joined, rows: 2 };
}

const NUMERIC_TEXT = /^[\s(−–+-]*\d[\d\s\u00a0,.]*\)?\s*(%|st|kr|tkr|mnkr)?\s*$/i;
function looksNumeric(text: string): boolean {
  return NUMERIC_TEXT.test(text) && !/^\s*(19|20)\d\d\s*$/.test(text);
}

function rowEmpty(sheet: SheetGrid, row: number, left: number, right: number): boolean {
  const r = sheet.rows[row];
  if (r === undefined) return true;
  const end = Math.min(r.length - 1, right);
  for (let c = left; c <= end; c++) if (!isEmptyValue(r[c])) return false;
  return true;
}

function fromSheetRegion(
  sheet: SheetGrid,
  start: number,
  found: HeaderRowFound,
  nameKind: TableKind | null,
  given: Given,
): { candidate: Omit<Candidate, "order">; nextStart: number } {
  const header = found.row;
  const headerEnd = found.row + found.rows - 1;
  const n = sheet.rows.length;
  let right = 0;
  for (const c of found.cells) right = Math.max(right, c.col);
  // The first column with content in the header row or just below it (a label column may lack a header).
  let left = found.cells[0].col;
  for (let r = header; r < Math.min(n, header + 6); r++) {
    const row = rowAt(sheet, r);
    for (let c = 0; c < left && c < row.length; c++) {
      if (!isEmptyValue(row[c])) {
        left = c;
        break;
      }
    }
  }

  let lastNonEmpty = headerEnd;
  let emptyRun = 0;
  let sinceBlank = Infinity;
  let nextStart = n;
  for (let r = headerEnd + 1; r < n; r++) {
    if (rowEmpty(sheet, r, left, right)) {
      emptyRun++;
      sinceBlank = 0;
      if (emptyRun >= EMPTY_RUN_LIMIT) {
        nextStart = r + 1;
        break;
      }
      continue;
    }
    // Another table stacked below, after a blank row and up to two title rows.
    if (sinceBlank < 3 && classify(headerCells(sheet, r), null) !== null) {
      nextStart = r - sinceBlank;
      break;
    }
    emptyRun = 0;
    if (sinceBlank !== Infinity) sinceBlank++;
    lastNonEmpty = r;
  }

  const titleTexts = textsOfRows(sheet, Math.max(start, header - TITLE_ROWS), header - 1);
  const table = buildTable(sheet, found.kind, header, left, right, headerEnd + 1, lastNonEmpty, titleTexts, given, null, found.cells);
  if (found.rows > 1) table.headerRowCount = found.rows;
  return { candidate: candidateOf(table, nameKind, found.cells, given), nextStart: Math.max(nextStart, headerEnd + 1) };
}

function fromExcelTable(
  sheet: SheetGrid,
  t: GridTable,
  nameKind: TableKind | null,
  given: Given,
  all: GridTable[],
): Omit<Candidate, "order"> | null {
  const cells = headerCells(sheet, t.top, t.left, t.right);
  // A sheet's name speaks for its table only when the sheet has one table.
  const kind = classify(cells, all.length === 1 ? nameKind : null);
  if (kind === null) return null;
  let titleTop = Math.max(0, t.top - EXCEL_TITLE_ROWS);
  for (const other of all) if (other !== t && other.bottom < t.top && other.bottom + 1 > titleTop) titleTop = other.bottom + 1;
  const titleTexts = textsOfRows(sheet, titleTop, t.top - 1);
  const table = buildTable(sheet, kind, t.top, t.left, t.right, t.top + 1, t.bottom, titleTexts, given, t.name);
  return candidateOf(table, all.length === 1 ? nameKind : null, cells, given);
}

function candidateOf(table: DetectedTable, nameKind: TableKind | null, cells: HeaderCell[], given: Given): Omit<Candidate, "order"> {
  const res = resolveColumns(table.kind, cells, given.period, Infinity);
  const amounts = AMOUNT_FIELDS[table.kind].length > 0 ? AMOUNT_FIELDS[table.kind] : ["actual", "forecast", "target"];
  return {
    table,
    byName: nameKind === table.kind,
    complete: (table.missing ?? []).length === 0,
    recognised: res.recognised,
    marked: res.recognised >= 2 && amounts.some((f) => res.columns[f] !== undefined),
  };
}

function textsOfRows(sheet: SheetGrid, from: number, to: number): string[] {
  const texts: string[] = [];
  for (let r = Math.max(0, from); r <= to; r++) {
    for (const v of rowAt(sheet, r)) {
      if (typeof v === "string") {
        const t = cleanText(v);
        if (t !== "") texts.push(t);
      }
    }
  }
  return texts;
}

function buildTable(
  sheet: SheetGrid,
  kind: TableKind,
  headerRow: number,
  left: number,
  right: number,
  firstDataRow: number,
  lastRow: number,
  titleTexts: string[],
  given: Given,
  excelTable: string | null,
  headerTexts?: HeaderCell[],
): DetectedTable {
  const cells = headerTexts ? headerTexts.filter((c) => c.col >= left && c.col <= right) : headerCells(sheet, headerRow, left, right);
  const labelHeader = amountHeaderOverNames(sheet, kind, cells, firstDataRow, lastRow, given);
  const res = resolveColumns(kind, labelHeader ? cells.map((c) => (c.col === labelHeader.col ? { col: c.col, text: labelHeader.unitText } : c)) : cells, given.period, left);
  if (labelHeader) for (const h of res.headers) if (h.col === labelHeader.col) h.text = labelHeader.text;
  let lastDataRow = trimTrailingRows(sheet, kind, res.columns, firstDataRow, lastRow, left, right);
  const labelByContent = labelColumnByContent(sheet, kind, res, cells, left, firstDataRow, lastDataRow);
  if (labelByContent) lastDataRow = trimTrailingRows(sheet, kind, res.columns, firstDataRow, lastRow, left, right);

  let titleUnit: Unit | null = null;
  let titleYear: number | null = null;
  let titlePeriod: Period | null = null;
  for (const text of titleTexts) {
    titleUnit ??= analyseHeader(text).unit;
    titleYear ??= yearFromText(text);
    titlePeriod ??= periodFromText(text);
  }
  // A Period column ("VB 2020", "T2 2020") speaks when headers and titles do not.
  let columnYear: number | null = null;
  let columnPeriod: Period | null = null;
  const periodCol = res.columns.period;
  if (periodCol !== undefined) {
    for (let r = firstDataRow; r <= Math.min(lastDataRow, firstDataRow + 50); r++) {
      const v = cellAt(sheet, r, periodCol);
      const text = typeof v === "number" ? String(v) : typeof v === "string" ? v : "";
      if (text.trim() === "") continue;
      columnYear = yearFromText(text);
      columnPeriod = periodFromText(text);
      break;
    }
  }

  const foundUnit = res.unit ?? titleUnit;
  let unit: Unit;
  let unitSource: DetectedTable["unitSource"];
  if (given.unit !== null) [unit, unitSource] = [given.unit, "setting"];
  else if (res.unit !== null) [unit, unitSource] = [res.unit, "header"];
  else if (titleUnit !== null) [unit, unitSource] = [titleUnit, "title"];
  else [unit, unitSource] = ["tkr", "default"];

  const headerPeriod = periodFromHeaders(kind, cells, res.year);
  const hint = headerPeriod ?? titlePeriod ?? columnPeriod;
  return {
    sheet: sheet.name,
    kind,
    headerRow,
    firstDataRow,
    lastDataRow,
    columns: res.columns,
    headers: res.headers,
    unit,
    unitSource,
    year: res.year ?? titleYear ?? columnYear,
    periodHint: hint,
    title: titleTexts.length > 0 ? titleTexts[0] : null,
    firstCol: left,
    lastCol: right,
    excelTable,
    missing: missingColumns(kind, res.columns, null),
    foundUnit,
    periodSource: headerPeriod !== null ? "headers" : hint !== null ? "title" : null,
    unrecognised: unrecognisedColumns(sheet, res.headers, left, firstDataRow, lastDataRow),
    ...(labelByContent ? { labelByContent: true } : {}),
  };
}

/**
 * A first header that reads as an amount ("Nettokostnader, mnkr") over a column of names: the
 * published name column, whose header describes the figures beside it. Only when no header names
 * the label column; its unit still counts.
 */
function amountHeaderOverNames(
  sheet: SheetGrid,
  kind: TableKind,
  cells: HeaderCell[],
  first: number,
  last: number,
  given: Given,
): { col: number; text: string; unitText: string } | null {
  if (kind === "indicators" || cells.length < 2) return null;
  if (resolveColumns(kind, cells, given.period, Infinity).hasLabel) return null;
  const c = cells.reduce((a, b) => (b.col < a.col ? b : a));
  const h = analyseHeader(c.text);
  if (matchAnalysed(kind, h) === null) return null;
  let text = 0;
  let filled = 0;
  for (let r = first; r <= Math.min(last, first + 200); r++) {
    const v = cellAt(sheet, r, c.col);
    if (isEmptyValue(v)) continue;
    filled++;
    if (typeof v === "string" && !looksNumeric(v)) text++;
  }
  if (filled === 0 || text * 2 <= filled) return null;
  return { col: c.col, text: c.text, unitText: h.unit ?? "" };
}

/**
 * The name column when no header names it (DOMAIN.md 7a): the first column left of the amount
 * columns that holds text in most (more than half of the) data rows. Its header may be a unit or
 * a description ("Mnkr, netto", "Belopp i tkr") or empty; a unit there already counts (the
 * resolver reads every header's unit). Sets the column in `res` and returns true when found.
 */
function labelColumnByContent(
  sheet: SheetGrid,
  kind: TableKind,
  res: ReturnType<typeof resolveColumns>,
  cells: HeaderCell[],
  left: number,
  first: number,
  last: number,
): boolean {
  const mainLabel = LABEL_FIELDS[kind][0];
  if (LABEL_FIELDS[kind].some((f) => res.columns[f] !== undefined)) return false;
  let firstAmount = Infinity;
  for (const h of res.headers) if (h.field !== null) firstAmount = Math.min(firstAmount, h.col);
  if (firstAmount === Infinity) return false;
  const from = Math.min(left, ...cells.map((c) => c.col));
  const counts = new Map<number, number>();
  let rows = 0;
  for (let r = first; r <= last; r++) {
    const row = rowAt(sheet, r);
    let any = false;
    for (let c = from; c < firstAmount && c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.trim() !== "" && !looksNumeric(v)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    for (let c = from; c < row.length && !any; c++) if (!isEmptyValue(row[c])) any = true;
    if (any) rows++;
  }
  for (let c = from; c < firstAmount; c++) {
    const n = counts.get(c) ?? 0;
    if (rows > 0 && n * 2 > rows) {
      res.columns[mainLabel] = c;
      const h = res.headers.find((x) => x.col === c);
      if (h) h.field = mainLabel;
      else res.headers.push({ col: c, text: "", field: mainLabel });
      res.headers.sort((a, b) => a.col - b.col);
      res.hasLabel = true;
      return true;
    }
  }
  return false;
}

/**
 * Columns without a header that hold data in the table's rows: each is named in an
 * UNRECOGNISED_COLUMN finding (as is every header not mapped), so that nothing is ignored silently.
 */
function unrecognisedColumns(
  sheet: SheetGrid,
  headers: { col: number; text: string; field: string | null }[],
  left: number,
  first: number,
  last: number,
): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  const known = new Set<number>();
  for (const h of headers) known.add(h.col);
  let width = 0;
  for (let r = first; r <= last; r++) width = Math.max(width, rowAt(sheet, r).length);
  const filled = new Set<number>();
  for (let r = first; r <= last && filled.size < width - left; r++) {
    const row = rowAt(sheet, r);
    for (let c = left; c < row.length; c++) if (!known.has(c) && !filled.has(c) && !isEmptyValue(row[c])) filled.add(c);
  }
  for (const c of [...filled].sort((a, b) => a - b)) out.push({ col: c, text: "" });
  return out.sort((a, b) => a.col - b.col);
}

/**
 * Notes below a table are not rows: for amount tables, trailing rows without any amount
 * ("Källa: …"); for indicators, trailing one-cell rows after a blank row.
 */
function trimTrailingRows(
  sheet: SheetGrid,
  kind: TableKind,
  columns: Partial<Record<string, number>>,
  first: number,
  last: number,
  left: number,
  right: number,
): number {
  const amountCols = AMOUNT_FIELDS[kind].map((f) => columns[f]).filter((c): c is number => c !== undefined);
  let end = last;
  if (amountCols.length > 0) {
    while (end >= first && !amountCols.some((c) => hasAmountText(cellAt(sheet, end, c)))) end--;
    return end;
  }
  let sawBlank = false;
  for (let r = last; r >= first; r--) {
    let filled = 0;
    const row = rowAt(sheet, r);
    for (let c = left; c <= Math.min(right, row.length - 1); c++) if (!isEmptyValue(row[c])) filled++;
    if (filled === 0) sawBlank = true;
    else if (filled >= 2) return sawBlank ? r : last;
  }
  return last;
}

const MISSING_MARKS = new Set(["-", "–", "—", "−"]);

function hasAmountText(v: ReturnType<typeof cellAt>): boolean {
  if (isEmptyValue(v)) return false;
  return !(typeof v === "string" && MISSING_MARKS.has(v.trim()));
}
