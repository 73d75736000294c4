import { columnLetters, quoteSheetName } from "../../../workbook/cells";
import { FakeOfficeError } from "./errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ParsedAddress {
  /** The sheet named before "!", quotes removed and doubled quotes undone. */
  sheet?: string;
  area: Area;
}

type Ref = { kind: "cell"; row: number; col: number } | { kind: "column"; col: number } | { kind: "row"; row: number };

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

function parseRef(text: string): Ref | null {
  let m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text);
  if (m) return { kind: "cell", row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  m = /^\$?([A-Za-z]{1,3})$/.exec(text);
  if (m) return { kind: "column", col: columnIndex(m[1]) };
  m = /^\$?(\d{1,7})$/.exec(text);
  if (m) return { kind: "row", row: Number(m[1]) - 1 };
  return null;
}

function invalid(address: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. Address: ${address}`);
}

/** Splits "'It''s'!A1:B2" into sheet "It's" and the rest; a bare reference has no sheet. */
function splitSheet(address: string): { sheet?: string; ref: string } {
  if (address.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < address.length) {
      if (address[i] === "'") {
        if (address[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += address[i++];
    }
    if (address[i] !== "'" || address[i + 1] !== "!") throw invalid(address);
    return { sheet: name, ref: address.slice(i + 2) };
  }
  const bang = address.lastIndexOf("!");
  return bang < 0 ? { ref: address } : { sheet: address.slice(0, bang), ref: address.slice(bang + 1) };
}

/**
 * Parses an A1 address the way `worksheet.getRange(address)` accepts it: "B3", "$A$1:$C$9",
 * whole columns "A:C", whole rows "2:4", optionally after a sheet name, quoted when needed.
 */
export function parseAddress(address: string): ParsedAddress {
  const { sheet, ref } = splitSheet(address.trim());
  const [first, second, ...rest] = ref.split(":");
  if (!first || rest.length) throw invalid(address);
  const a = parseRef(first);
  const b = second === undefined ? a : parseRef(second);
  if (!a || !b || a.kind !== b.kind || (a.kind !== "cell" && second === undefined)) throw invalid(address);
  let area: Area;
  if (a.kind === "cell" && b.kind === "cell") {
    area = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  } else if (a.kind === "column" && b.kind === "column") {
    area = { top: 0, left: Math.min(a.col, b.col), bottom: MAX_ROWS - 1, right: Math.max(a.col, b.col) };
  } else if (a.kind === "row" && b.kind === "row") {
    area = { top: Math.min(a.row, b.row), left: 0, bottom: Math.max(a.row, b.row), right: MAX_COLUMNS - 1 };
  } else {
    throw invalid(address);
  }
  if (area.bottom >= MAX_ROWS || area.right >= MAX_COLUMNS || area.top < 0 || area.left < 0) throw invalid(address);
  return sheet === undefined ? { area } : { sheet, area };
}

/** "A1", "A1:C3", "A:C" or "2:4", as Excel writes the area. */
export function formatArea(area: Area): string {
  const wholeColumns = area.top === 0 && area.bottom === MAX_ROWS - 1;
  const wholeRows = area.left === 0 && area.right === MAX_COLUMNS - 1;
  if (wholeColumns && !wholeRows) return `${columnLetters(area.left)}:${columnLetters(area.right)}`;
  if (wholeRows && !wholeColumns) return `${area.top + 1}:${area.bottom + 1}`;
  const start = `${columnLetters(area.left)}${area.top + 1}`;
  const end = `${columnLetters(area.right)}${area.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

/** Sheet-qualified address as `range.address` reports it: "Drift!A1:C3", "'It''s'!B2". */
export function formatAddress(sheetName: string, area: Area): string {
  return `${quoteSheetName(sheetName)}!${formatArea(area)}`;
}

/** Absolute form used in defined names: "$A$1" or "$A$1:$C$3". */
export function formatAbsoluteArea(area: Area): string {
  const start = `$${columnLetters(area.left)}$${area.top + 1}`;
  const end = `$${columnLetters(area.right)}$${area.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

export function areaRows(area: Area): number {
  return area.bottom - area.top + 1;
}

export function areaColumns(area: Area): number {
  return area.right - area.left + 1;
}
