import type { OutputKind } from "../plan";
import { OUTPUT_SHEET_NAMES } from "./labels.sv";

export { OUTPUT_SHEET_NAMES };

const MAX_SHEET_NAME = 31;

/** Excel compares sheet names without regard to case (Å and å included). */
function sheetKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("sv-SE");
}

/**
 * The final name of each output sheet. A name held by a sheet Följsam did not make is left to it
 * and the output takes " (2)", " (3)" …; a sheet Följsam made itself keeps its name, because a
 * rerun replaces it.
 */
export function assignSheetNames(existing: { name: string; followUp: boolean }[]): Record<OutputKind, string> {
  const foreign = new Set(existing.filter((s) => !s.followUp).map((s) => sheetKey(s.name)));
  const taken = new Set<string>();
  const out = {} as Record<OutputKind, string>;
  for (const kind of Object.keys(OUTPUT_SHEET_NAMES) as OutputKind[]) {
    const base = OUTPUT_SHEET_NAMES[kind];
    let name = base;
    for (let n = 2; foreign.has(sheetKey(name)) || taken.has(sheetKey(name)); n++) {
      const suffix = ` (${n})`;
      name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(sheetKey(name));
    out[kind] = name;
  }
  return out;
}
