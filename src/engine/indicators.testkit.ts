/**
 * Test-only builders for indicator input: cells from the text a person types, rows from a few
 * fields, and a table from `;`-separated CSV as in shared/examples. Not used by the product.
 */
import { defaultSettings } from "./settings";
import { parseSwedishNumber } from "./swedishNumber";
import type { Direction, IndicatorRowInput, IndicatorTableInput, IndicatorValue, Settings } from "./types";

export const SHEET = "Indikatorer";

/** A cell as the reader hands it over: percent as points, text kept, value null for non-numbers. */
export function cell(text: string | null = null): IndicatorValue {
  const trimmed = text === null ? "" : text.trim();
  if (trimmed === "") return { value: null, percent: false, text: null };
  const parsed = parseSwedishNumber(trimmed);
  if (parsed.kind === "number") return { value: parsed.value, percent: parsed.percent, text: trimmed };
  return { value: null, percent: false, text: trimmed };
}

export interface RowSpec {
  name?: string;
  goal?: string | null;
  actual?: string | null;
  men?: string | null;
  women?: string | null;
  prior?: string | null;
  forecast?: string | null;
  target?: string | null;
  kfTarget?: string | null;
  direction?: Direction | null;
  unit?: string | null;
  tolerance?: number | null;
  comment?: string | null;
}

/** Columns of the test sheet, so that findings can be checked against cell addresses. */
export const COLUMNS: Record<string, string> = {
  goal: "A",
  name: "B",
  actual: "C",
  actualWomen: "D",
  actualMen: "E",
  priorYearActual: "F",
  forecast: "G",
  target: "H",
  kfTarget: "I",
  direction: "J",
  comment: "K",
};

export function row(spec: RowSpec, sheetRow = 2, columns: Record<string, string> = COLUMNS): IndicatorRowInput {
  const cells: Record<string, string> = {};
  for (const [field, column] of Object.entries(columns)) cells[field] = `${column}${sheetRow}`;
  return {
    name: spec.name ?? "Indikator",
    goal: spec.goal === undefined ? "Mål" : spec.goal,
    actual: cell(spec.actual ?? null),
    actualMen: cell(spec.men ?? null),
    actualWomen: cell(spec.women ?? null),
    priorYearActual: cell(spec.prior ?? null),
    forecast: cell(spec.forecast ?? null),
    target: cell(spec.target ?? null),
    kfTarget: cell(spec.kfTarget ?? null),
    period: null,
    direction: spec.direction ?? null,
    unit: spec.unit ?? null,
    tolerance: spec.tolerance ?? null,
    comment: spec.comment === undefined ? "Kommentar." : spec.comment,
    ref: { sheet: SHEET, row: sheetRow, labelCell: `${columns.name ?? "B"}${sheetRow}`, cells },
  };
}

export function table(specs: RowSpec[], extra: Partial<IndicatorTableInput> = {}): IndicatorTableInput {
  return {
    sheet: SHEET,
    rows: specs.map((s, i) => row(s, i + 2)),
    hasDirectionColumn: false,
    hasCommentColumn: true,
    ...extra,
  };
}

export function settingsWith(indicators: Partial<Settings["indicators"]> = {}): Settings {
  const s = defaultSettings();
  return { ...s, indicators: { ...s.indicators, ...indicators } };
}

const KF_COLUMNS = { goal: "A", name: "B", actual: "C", actualWomen: "D", actualMen: "E", target: "F", comment: "G" };

/**
 * The KF example's columns: Mål;Indikator;Periodens utfall;Utfall kvinnor;Utfall män;Årsmål;Kommentar.
 * Only the columns present get cell addresses (no Riktning, no KF:s årsmål).
 */
export function tableFromKfCsv(csv: string): IndicatorTableInput {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0].split(";");
  const expected = ["Mål", "Indikator", "Periodens utfall", "Utfall kvinnor", "Utfall män", "Årsmål", "Kommentar"];
  if (header.join(";") !== expected.join(";")) throw new Error(`unexpected header: ${lines[0]}`);
  const rows = lines.slice(1).map((line, i) => {
    const [goal, name, actual, women, men, target, comment] = line.split(";");
    return row(
      { goal, name, actual, women, men, target, comment: comment === undefined || comment.trim() === "" ? null : comment.trim() },
      i + 2,
      KF_COLUMNS,
    );
  });
  return { sheet: SHEET, rows, hasDirectionColumn: false, hasCommentColumn: true };
}
