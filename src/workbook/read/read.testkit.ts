/**
 * Test-only: workbook grids from arrays and from the shared example CSVs (`;`, Swedish numbers),
 * either as text cells (a CSV import) or with numbers as numbers (a typed-in workbook).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseSwedishNumber } from "../../engine/swedishNumber";
import { defaultSettings } from "../../engine/settings";
import type { Settings } from "../../engine/types";
import type { CellValue, SheetGrid, WorkbookGrid } from "../cells";

export const EXAMPLES_DIR = join(__dirname, "..", "..", "..", "test", "fixtures", "examples");

export function sheet(name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, rows, ...extra };
}

export function workbook(sheets: SheetGrid[], source = "exempel.xlsx"): WorkbookGrid {
  return { source, sheets };
}

export function settings(over: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...over };
}

export type CellMode = "text" | "numbers";

/** A `;`-separated text as rows; empty cells null; with "numbers", plain numbers become numbers. */
export function csvRows(text: string, mode: CellMode = "text"): CellValue[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(";").map((cell) => toCell(cell, mode)));
}

function toCell(cell: string, mode: CellMode): CellValue {
  if (cell.trim() === "") return null;
  if (mode === "numbers") {
    const p = parseSwedishNumber(cell);
    if (p.kind === "number" && !p.percent) return Number(p.decimal);
  }
  return cell;
}

export function exampleCsv(name: string): string {
  return readFileSync(join(EXAMPLES_DIR, name), "utf8");
}

export const EXAMPLE_FILES = {
  drift: "socialnamnden-vb2019-drift.csv",
  investments: "socialnamnden-vb2019-investeringar.csv",
  costTypes: "socialnamnden-vb2019-kostnadsslag.csv",
  indicators: "kf-indikatorer-2020.csv",
} as const;

/** The bundled sample as a workbook: Drift, Investeringar, Kostnadsslag, Indikatorer. */
export function exampleWorkbook(mode: CellMode = "text"): WorkbookGrid {
  return workbook([
    sheet("Drift", csvRows(exampleCsv(EXAMPLE_FILES.drift), mode)),
    sheet("Investeringar", csvRows(exampleCsv(EXAMPLE_FILES.investments), mode)),
    sheet("Kostnadsslag", csvRows(exampleCsv(EXAMPLE_FILES.costTypes), mode)),
    sheet("Indikatorer", csvRows(exampleCsv(EXAMPLE_FILES.indicators), mode)),
  ]);
}

/** Rows from lines written as `a | b | c` (cells trimmed; empty → null; numbers stay text). */
export function table(lines: string[]): CellValue[][] {
  return lines.map((line) => line.split("|").map((c) => (c.trim() === "" ? null : c.trim())));
}
