import type { Finding, FindingCode, Severity } from "../engine/types";
import { FINDING_TEXTS_EN, SEVERITY_LABELS_EN } from "./findings.en";
import { FINDING_TEXTS, SEVERITY_LABELS, type FindingText } from "./findings.sv";

/**
 * A finding's text, rendered at the edge (sheet writer, command line, task pane) from the string
 * table of one language. The sheets and the JSON report's `message` use Swedish.
 */
export type FindingLanguage = "sv" | "en";

const TABLES: Record<FindingLanguage, Partial<Record<FindingCode, FindingText>>> = { sv: FINDING_TEXTS, en: FINDING_TEXTS_EN };
const SEVERITIES: Record<FindingLanguage, Record<Severity, string>> = { sv: SEVERITY_LABELS, en: SEVERITY_LABELS_EN };

/** The table entry of a code; a code that a language lacks falls back to Swedish, never to nothing. */
function entry(code: FindingCode, language: FindingLanguage): FindingText {
  return TABLES[language][code] ?? FINDING_TEXTS[code];
}

export function findingMessage(finding: Pick<Finding, "code" | "params">, language: FindingLanguage = "sv"): string {
  return entry(finding.code, language).message(finding.params ?? {});
}

/** What to do about it (the Kontroller sheet's last column, the task pane's work list). */
export function findingAdvice(code: FindingCode, language: FindingLanguage = "sv"): string {
  return entry(code, language).advice;
}

export function findingTitle(code: FindingCode, language: FindingLanguage = "sv"): string {
  return entry(code, language).title;
}

export function severityLabel(severity: Severity, language: FindingLanguage = "sv"): string {
  return SEVERITIES[language][severity];
}
