/**
 * Cells to amounts: numbers exact, Swedish text, and a finding with the cell address for every
 * cell that cannot be read (treated as missing, never 0).
 */
import { parseAmount } from "../../engine/amount";
import type { CellValue } from "../cells";
import { readWorkbook } from ".";
import { settings, sheet, workbook } from "./read.testkit";
import { findingMessage } from "../../i18n/findings";

const a = (text: string) => parseAmount(text);

function readBudgets(cells: CellValue[], extra: Parameters<typeof sheet>[2] = {}) {
  const rows: CellValue[][] = [["Verksamhetsområde", "Budget", "Bokslut 2019"], ...cells.map((c, i) => [`Område ${i + 1}`, c, 1])];
  // The unit is set, so that the tkr the table does not name is no UNIT_ASSUMED guess here.
  const input = readWorkbook(workbook([sheet("Drift", rows, extra)]), settings({ unit: "tkr" }));
  return { budgets: input.drift!.rows.map((r) => r.budget), findings: input.readFindings };
}

describe("amount cells", () => {
  it("reads numbers exactly, as the decimal Excel shows", () => {
    const { budgets, findings } = readBudgets([1297.1, 0.1 + 0.2, -2.6, 0, 123456789.123]);
    expect(budgets).toEqual([a("1297.1"), a("0.3"), a("-2.6"), 0n, a("123456789.123")]);
    expect(findings).toEqual([]);
  });

  it("reads Swedish text: spaces, non-breaking spaces, U+2212, parentheses, a unit word", () => {
    const { budgets, findings } = readBudgets(["1 297,1", "1\u00a0297,1", "1\u202f297", "\u22122,6", "-2,6", "(1 200)", "(2,6)", "1 200 tkr", " 42 "]);
    expect(budgets).toEqual([a("1297.1"), a("1297.1"), a("1297"), a("-2.6"), a("-2.6"), a("-1200"), a("-2.6"), a("1200"), a("42")]);
    expect(findings).toEqual([]);
  });

  it("reads empty, '-' and '–' as missing without a finding", () => {
    const { budgets, findings } = readBudgets(["-", "–", "   ", null]);
    expect(budgets).toEqual([null, null, null, null]);
    expect(findings).toEqual([]);
  });

  it("reports text that is not a number (NUMBER_PARSE, error) with its address, and reads it as missing", () => {
    const { budgets, findings } = readBudgets([10, "tio", "75 %"]);
    expect(budgets).toEqual([a("10"), null, null]);
    expect(findings).toMatchObject([
      { code: "NUMBER_PARSE", severity: "error", sheet: "Drift", cell: "B3", subject: "Område 2", params: { column: "Budget", text: "tio" } },
      { code: "NUMBER_PARSE", severity: "error", cell: "B4", params: { text: "75 %" } },
    ]);
    expect(findingMessage(findings[0])).toBe('Budget: "tio" är inte ett tal; cellen behandlas som tom.');
  });

  it("reports error cells (FORMULA_ERROR), dates (DATE_IN_AMOUNT) and booleans (NUMBER_PARSE)", () => {
    const { budgets, findings } = readBudgets([{ error: "#REF!" }, { error: "#N/A" }, { date: 43830 }, true]);
    expect(budgets).toEqual([null, null, null, null]);
    expect(findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ["FORMULA_ERROR", "error", "B2"],
      ["FORMULA_ERROR", "error", "B3"],
      ["DATE_IN_AMOUNT", "error", "B4"],
      ["NUMBER_PARSE", "error", "B5"],
    ]);
    expect(findingMessage(findings[0])).toBe("Budget: cellen innehåller #REF!; den behandlas som tom.");
    expect(findings[2].params).toMatchObject({ text: "2019-12-31" });
  });

  it("reports a formula without a cached value (FORMULA_NO_VALUE, warning)", () => {
    const { budgets, findings } = readBudgets([null, 5], { formulas: new Map([["B2", "SUMMA(C2:C9)"]]), formulasWithoutValue: ["B2"] });
    expect(budgets).toEqual([null, a("5")]);
    expect(findings).toMatchObject([{ code: "FORMULA_NO_VALUE", severity: "warning", cell: "B2", params: { formula: "=SUMMA(C2:C9)" } }]);
  });

  it("reports an error in a label cell and reads the label as empty", () => {
    const rows: CellValue[][] = [["Verksamhetsområde", "Budget", "Bokslut 2019"], ["Barn", 1, 1], [{ error: "#REF!" }, 5, 5], ["Vuxna", 2, 2]];
    const input = readWorkbook(workbook([sheet("Drift", rows)]), settings({ unit: "tkr" }));
    expect(input.drift!.rows).toHaveLength(2);
    expect(input.readFindings).toMatchObject([
      { code: "FORMULA_ERROR", cell: "A3" },
      { code: "UNLABELLED_ROW", cell: "B3" },
    ]);
  });
});
