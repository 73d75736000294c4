import type { Finding, FindingCode, FindingParams, Severity } from "./types";

/**
 * Builds a finding: a code, where it is and the values its text is rendered from. The engine
 * holds no language; the sheet writer, the command line and the task pane render the text from
 * the string tables in src/i18n (Swedish, English).
 */
export function makeFinding(
  code: FindingCode,
  severity: Severity,
  where: { sheet: string | null; cell: string | null; subject: string | null },
  params: FindingParams = {},
): Finding {
  return { severity, code, sheet: where.sheet, cell: where.cell, subject: where.subject, params };
}
