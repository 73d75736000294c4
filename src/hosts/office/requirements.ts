/**
 * Which Excel JavaScript API requirement sets Följsam needs. ExcelApi 1.7 is the floor: defined
 * name formulas (NamedItem.formula), Workbook.name, freeze panes, tab colours, chart axis values;
 * 1.6 brings suspendApiCalculationUntilNextSync and conditional formats. Page layout (landscape,
 * print titles) needs 1.9 and is skipped, not required, where it is missing.
 */
export interface RequirementSet {
  name: string;
  version: string;
}

export const REQUIRED_SETS: readonly RequirementSet[] = [{ name: "ExcelApi", version: "1.7" }];
export const PAGE_LAYOUT_SET: RequirementSet = { name: "ExcelApi", version: "1.9" };
/** Range.getCellProperties (indent and bold of the name column); the reader falls back to its sum rule without it. */
export const CELL_STYLES_SET: RequirementSet = { name: "ExcelApi", version: "1.9" };
/** Range.getMergedAreasOrNullObject (merged header cells); without it two-row headers are joined by position. */
export const MERGED_AREAS_SET: RequirementSet = { name: "ExcelApi", version: "1.13" };

/** The part of `Office.context.requirements` used here (injectable for tests). */
export type RequirementProbe = Pick<Office.RequirementSetSupport, "isSetSupported">;

export interface RequirementCheck {
  ok: boolean;
  /** Missing sets as "ExcelApi 1.7". */
  missing: string[];
  /** Swedish explanation for the user; empty when ok. */
  message: string;
}

function defaultProbe(): RequirementProbe | null {
  return typeof Office !== "undefined" && Office.context && Office.context.requirements ? Office.context.requirements : null;
}

export function isSetSupported(set: RequirementSet, probe: RequirementProbe | null = defaultProbe()): boolean {
  return probe !== null && probe.isSetSupported(set.name, set.version);
}

export function checkRequirements(probe: RequirementProbe | null = defaultProbe()): RequirementCheck {
  if (probe === null) {
    return {
      ok: false,
      missing: REQUIRED_SETS.map((s) => `${s.name} ${s.version}`),
      message: "Följsam körs inte i Excel: Office-biblioteket (office.js) saknas. Öppna tillägget från Excel.",
    };
  }
  const missing = REQUIRED_SETS.filter((s) => !probe.isSetSupported(s.name, s.version)).map((s) => `${s.name} ${s.version}`);
  if (missing.length === 0) return { ok: true, missing, message: "" };
  return {
    ok: false,
    missing,
    message:
      `Den här versionen av Excel är för gammal för Följsam: den saknar ${missing.join(", ")}. ` +
      "Följsam fungerar i Excel för Microsoft 365, Excel 2021 och Excel på webben. Uppdatera Office eller öppna arbetsboken i Excel på webben.",
  };
}
