/** The report's year from the headers: the budget's, else the actual's, else the year after a prior-year column. */
import { readWorkbook } from ".";
import { settings, sheet, table, workbook } from "./read.testkit";

const yearOf = (header: string) =>
  readWorkbook(workbook([sheet("Drift", table([header, "A | 10 | 4 | 11 | 9"]))]), settings({ period: "T1" })).year;

it("a dated budget names the year", () => {
  expect(yearOf("Område | Budget 2025 | Utfall hittills | Prognos helår | Bokslut 2024")).toBe(2025);
});

it("without a dated budget, 'Bokslut 2024' beside 'Utfall hittills' is the prior year: the report is 2025", () => {
  const input = readWorkbook(
    workbook([sheet("Drift", table(["Område | Budget (tkr) | Utfall hittills | Prognos helår | Bokslut 2024", "A | 10 | 4 | 11 | 9"]))]),
    settings({ period: "T1" }),
  );
  expect(input.year).toBe(2025);
  expect(input.drift!.rows[0].priorYearActual).not.toBeNull();
});

it("a dated actual names the year when the budget is undated", () => {
  const input = readWorkbook(
    workbook([sheet("Drift", table(["Område | Budget | Bokslut 2025 | Bokslut 2024", "A | 10 | 9 | 8"]))]),
    settings({ period: "VB" }),
  );
  expect(input.year).toBe(2025);
});
