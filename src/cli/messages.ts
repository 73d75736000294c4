/**
 * What `report` says on standard error before its summary (CONTRACT.md): which period, year and
 * unit it used and where each came from, and the findings of severity error and warning, one line
 * each (the first 10, then how many more). Swedish plurals: "1 varning", "2 varningar".
 */
import type { Finding, FollowUpResult, ValueSource } from "../engine/types";
import { findingMessage } from "../i18n/findings";
import { sortFindings } from "../workbook/plans/findings";
import type { SettingsLayer } from "../workbook/followUp";
import type { CliOptions } from "./args";

export const FINDING_LINES_SHOWN = 10;

/** "1 varning", "2 varningar"; "fel" and "information" are the same in both. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const SEVERITY_WORDS = { error: "Fel", warning: "Varning", info: "Info" } as const;

/** One line per finding: "Fel: Drift!B4 Barn: text …". */
export function findingLine(f: Finding): string {
  return `${SEVERITY_WORDS[f.severity]}: ${f.sheet ?? ""}${f.cell ? `!${f.cell}` : ""} ${f.subject ? `${f.subject}: ` : ""}${findingMessage(f)}`;
}

/** Errors and warnings, errors first, the first 10 and then how many more. */
export function findingLines(findings: Finding[]): string[] {
  const serious = sortFindings(findings).filter((f) => f.severity !== "info");
  if (serious.length === 0) return [];
  const lines = serious.slice(0, FINDING_LINES_SHOWN).map(findingLine);
  const more = serious.length - FINDING_LINES_SHOWN;
  if (more > 0) lines.push(`… och ${plural(more, "kontroll", "kontroller")} till (alla finns på bladet Följsam Kontroller och i JSON-rapporten).`);
  return lines;
}

interface SheetSays {
  sheet: string;
  period: unknown;
  year: unknown;
  unit: unknown;
}

/** Where a value given as a setting came from: the flag, the settings file, or the settings sheet. */
function settingOrigin(key: "period" | "year" | "unit", opts: CliOptions, layers: SettingsLayer[], sheet: SheetSays | null): string {
  if (opts[key] !== undefined) return `flaggan --${key}`;
  const file = layers.find((l) => l.source !== "kommandoraden" && typeof l.raw === "object" && l.raw !== null && key in (l.raw as object));
  if (file) return `inställningsfilen ${file.source}`;
  if (sheet && sheet[key] !== null && sheet[key] !== undefined) return `bladet ${sheet.sheet}`;
  return "inställningarna i arbetsboken";
}

function origin(source: ValueSource | undefined, key: "period" | "year" | "unit", opts: CliOptions, layers: SettingsLayer[], sheet: SheetSays | null): string {
  if (!source) return "";
  const at = source.sheet && source.cell ? ` (${source.sheet}!${source.cell})` : source.sheet ? ` (bladet ${source.sheet})` : "";
  switch (source.from) {
    case "setting":
      return `från ${settingOrigin(key, opts, layers, sheet)}`;
    case "header":
      return `enligt rubriken "${source.text ?? ""}"${at}`;
    case "title":
      return source.text ? `enligt titelraden "${source.text}"${at}` : `enligt titelraden${at}`;
    case "column":
      return `enligt kolumnen Period${at}`;
    case "tables":
      return `som arbetsbokens andra tabeller${at}`;
    case "default":
      return "antagen: ingen rubrik, titel eller inställning anger den";
    default:
      return "anges inte";
  }
}

/** "Period: VB, enligt rubriken "Bokslut 2019" (Drift!E1)", and the same for year and unit. */
export function sourceLines(result: FollowUpResult, opts: CliOptions, layers: SettingsLayer[], sheet: SheetSays | null): string[] {
  const s = result.sources;
  if (!s) return [];
  const lines = [
    `Period: ${result.period}, ${origin(s.period, "period", opts, layers, sheet)}`,
    `År: ${result.year ?? "anges inte"}${result.year === null ? "" : `, ${origin(s.year, "year", opts, layers, sheet)}`}`,
    `Enhet: ${result.unit}, ${origin(s.unit, "unit", opts, layers, sheet)}`,
  ];
  const tables = result.tables ?? [];
  const unreadable = tables.filter((t) => t.status === "unreadable").length;
  const read = tables.filter((t) => t.status === "read").length;
  lines.push(`Tabeller: ${plural(read, "läst", "lästa")}${unreadable > 0 ? `, ${plural(unreadable, "kunde inte läsas", "kunde inte läsas")}` : ""}`);
  return lines;
}
