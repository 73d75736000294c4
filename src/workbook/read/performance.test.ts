/**
 * A 200 000-row drift sheet reads in well under two seconds of CPU beyond building the grid:
 * no per-cell pattern compiling, nothing quadratic.
 */
import type { CellValue } from "../cells";
import { readWorkbook } from ".";
import { settings, sheet, workbook } from "./read.testkit";

const ROWS = 200_000;

function bigSheet(asText: boolean): CellValue[][] {
  const rows: CellValue[][] = [["Verksamhetsområde", "Enhet", "Kostnadsslag", "Budget", "Utfall per 31 augusti", "Prognos helår", "Prognos T1", "Kommentar"]];
  for (let i = 0; i < ROWS; i++) {
    const budget = 1000 + (i % 977) + 0.5;
    const cells: CellValue[] = [
      i % 1000 === 0 ? `Område ${i / 1000}` : null,
      i % 10 === 0 ? `Enhet ${i / 10}` : null,
      `Konto ${i % 10}`,
      budget,
      budget * 0.66,
      budget - 3,
      budget - 1,
      i % 50 === 0 ? "Förklaring" : null,
    ];
    if (asText) for (const c of [3, 4, 5, 6]) cells[c] = String(cells[c]).replace(".", ",");
    rows.push(cells);
  }
  return rows;
}

describe("performance", () => {
  it.each([false, true])("reads 200 000 rows quickly (numbers as text: %s)", (asText) => {
    const grid = workbook([sheet("Drift", bigSheet(asText))]);
    const start = process.hrtime.bigint();
    const input = readWorkbook(grid, settings());
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    expect(input.period).toBe("T2");
    expect(input.drift!.rows).toHaveLength(ROWS);
    expect(input.drift!.rows[1].path).toEqual(["Område 0", "Enhet 0", "Konto 1"]);
    expect(input.readFindings).toEqual([]);
    // Generous for a shared, loaded machine; typically a few hundred milliseconds.
    expect(ms).toBeLessThan(4000);
    console.log(`200 000 rows (text: ${asText}): ${ms.toFixed(0)} ms`);
  });
});
