/**
 * validateWorkbook grades findings for submission: what means "not filled in as it must be" is an
 * error, content to explain stays a warning; the report's own severities are not changed.
 */
import { defaultSettings } from "../engine/settings";
import { checkFollowUp } from "./followUp";
import { sheet, workbook } from "./read/read.testkit";
import { SUBMISSION_ERRORS, validateWorkbook } from "./validate";

const T1 = sheet("Drift", [
  ["Verksamhetsområde", "Budget 2026", "Utfall per 30 april", "Prognos helår", "Kommentar"],
  ["Skola", 1000, 300, null, null],
  ["Fritid", 5000, 1000, 3000, null],
  ["Kultur", 500, 200, 600, "Dyrare el."],
]);

describe("validateWorkbook", () => {
  it("makes a missing forecast and a missing comment errors, and keeps a deficit a warning", () => {
    const grid = workbook([T1]);
    const v = validateWorkbook(grid, defaultSettings());
    expect(v.ok).toBe(false);
    const graded = v.result.findings.map((f) => [f.severity, f.code, f.cell]);
    expect(graded).toEqual(
      expect.arrayContaining([
        ["error", "FORECAST_MISSING", "D2"],
        ["error", "COMMENT_REQUIRED", "A3"],
        ["warning", "DEFICIT", "A4"],
      ]),
    );
    expect(v.report.findings.filter((f) => f.severity === "error").map((f) => f.code).sort()).toEqual(["COMMENT_REQUIRED", "FORECAST_MISSING"]);
    // The follow-up itself is unchanged.
    const report = checkFollowUp(grid, defaultSettings()).result.findings;
    expect(report.find((f) => f.code === "FORECAST_MISSING")?.severity).toBe("warning");
  });

  it("reports unknown setting labels and an empty Nämnd on Inställningar, with their cells", () => {
    const settings = sheet("Inställningar", [["Inställning", "Värde"], ["Nämnd", null], ["Period", "T1"], ["Kommentarsgrans, andle", "5 %"]]);
    const v = validateWorkbook(workbook([sheet("Drift", [["Verksamhetsområde, tkr", "Budget 2026", "Utfall per 30 april", "Prognos helår"], ["Skola", 12, 4, 12]]), settings]), defaultSettings());
    expect(v.ok).toBe(true);
    expect(v.result.findings.map((f) => [f.severity, f.code, f.sheet, f.cell, f.subject])).toEqual([
      ["warning", "SETTING_UNKNOWN", "Inställningar", "A4", "Kommentarsgrans, andle"],
      ["warning", "UNIT_NAME_MISSING", "Inställningar", "B2", null],
    ]);
  });

  it("grades only codes that mean an incompletely filled form", () => {
    expect([...SUBMISSION_ERRORS].sort()).toEqual(
      ["COMMENT_REQUIRED", "FORECAST_MISSING", "FORMULA_NO_VALUE", "MISSING_COLUMN", "PERIOD_MISMATCH", "UNIT_MISMATCH", "UNLABELLED_ROW", "YEAR_MISMATCH"].sort(),
    );
  });
});
