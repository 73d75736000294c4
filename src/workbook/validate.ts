/**
 * Checking a filled template before it is submitted: `foljsam validate` and the task pane's
 * "Kontrollera". Host-neutral; writes nothing.
 *
 * Decision: the follow-up (report) keeps each finding's own severity, but a submission must be
 * complete, so here the findings that mean "the template is not filled in as it must be" are
 * errors, whatever their severity in a report: a missing forecast, a missing required comment, a
 * period, year or unit that contradicts the headers, amounts without a row label, a missing
 * column and a formula saved without its value. Together with the findings that are errors
 * anyway (text in an amount cell, a total that does not add up, an error value, a date in an
 * amount column), they make `validate` exit 1. A deficit, a large forecast change, the run rate,
 * gender gaps and duplicated rows stay warnings or information: they are content to explain, not
 * a form filled in wrongly.
 *
 * Beyond the follow-up's own findings, validate looks at the settings sheet: a row it does not
 * know (SETTING_UNKNOWN, whose value is silently unused otherwise) and an empty Nämnd
 * (UNIT_NAME_MISSING).
 */
import { toJsonReport, type JsonReport } from "../engine/report";
import { findingMessage } from "../i18n/findings";
import type { Finding, FindingCode, FollowUpResult, Settings } from "../engine/types";
import { makeFinding } from "../i18n/findings.sv";
import type { WorkbookGrid } from "./cells";
import { checkFollowUp } from "./followUp";
import { type DetectedTable, readSettingsSheet } from "./read";

/** Findings that stop a submission: reported as errors by validateWorkbook. */
export const SUBMISSION_ERRORS: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "FORECAST_MISSING",
  "COMMENT_REQUIRED",
  "PERIOD_MISMATCH",
  "YEAR_MISMATCH",
  "UNIT_MISMATCH",
  "UNLABELLED_ROW",
  "MISSING_COLUMN",
  "FORMULA_NO_VALUE",
]);

export interface Validation {
  /** The follow-up's result with the findings as validate grades them. */
  result: FollowUpResult;
  report: JsonReport;
  /** True when nothing stops the submission (no finding of severity error). */
  ok: boolean;
}

/**
 * Every finding of the workbook with its sheet and cell, graded for submission. Throws
 * FoljsamError where the follow-up would (no table, a required column missing, no period).
 */
export function validateWorkbook(grid: WorkbookGrid, settings: Settings, tables?: DetectedTable[]): Validation {
  const { result } = checkFollowUp(grid, settings, tables);
  const findings = [...result.findings, ...settingsSheetFindings(grid)].map(gradeForSubmission);
  const graded: FollowUpResult = { ...result, findings };
  const source = grid.source;
  let report: JsonReport | undefined;
  return {
    result: graded,
    // Built when asked for (--json): a copy of every figure of a large ledger.
    get report(): JsonReport {
      report ??= toJsonReport(graded, { source, messageOf: findingMessage });
      return report;
    },
    ok: !findings.some((f) => f.severity === "error"),
  };
}

export function gradeForSubmission(f: Finding): Finding {
  return SUBMISSION_ERRORS.has(f.code) && f.severity !== "error" ? { ...f, severity: "error" } : f;
}

function settingsSheetFindings(grid: WorkbookGrid): Finding[] {
  const sheet = readSettingsSheet(grid);
  if (sheet === null) return [];
  const out: Finding[] = [];
  (sheet.unknownKeys ?? []).forEach((label, i) => {
    out.push(makeFinding("SETTING_UNKNOWN", "warning", { sheet: sheet.sheet, cell: sheet.unknownCells?.[i] ?? null, subject: label }, { label, sheet: sheet.sheet }));
  });
  if (sheet.unitName === undefined && sheet.unitNameCell !== undefined) {
    out.push(makeFinding("UNIT_NAME_MISSING", "warning", { sheet: sheet.sheet, cell: sheet.unitNameCell, subject: null }, { sheet: sheet.sheet }));
  }
  return out;
}
