/**
 * Test-only: the shared examples (CSV, `;`, Swedish numbers) turned into engine input by hand,
 * so engine tests do not depend on the workbook reader.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { type Amount, parseAmount } from "../../src/engine/amount";
import { parseSwedishNumber } from "../../src/engine/swedishNumber";
import type { CostTypeTableInput, DriftRowInput, DriftTableInput, InvestmentTableInput, RowRef } from "../../src/engine/types";

export const EXAMPLES = join(__dirname, "..", "fixtures", "examples");

export function readCsv(name: string): string[][] {
  return readFileSync(join(EXAMPLES, name), "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(";"));
}

export function amount(text: string | undefined): Amount | null {
  if (text === undefined) return null;
  const p = parseSwedishNumber(text);
  return p.kind === "number" ? parseAmount(p.decimal) : null;
}

/** Amount from a plain decimal literal in a test: a("75.2"). */
export function a(text: string): Amount {
  const v = parseAmount(text);
  if (v === null) throw new Error(text);
  return v;
}

export function ref(sheet: string, row: number, cells: Record<string, string> = {}): RowRef {
  return { sheet, row, labelCell: `A${row}`, cells };
}

export function driftRow(partial: Partial<DriftRowInput> & { path: string[] }, row = 2): DriftRowInput {
  return {
    budget: null,
    actual: null,
    forecast: null,
    previousForecast: null,
    priorYearActual: null,
    comment: null,
    resultUnit: false,
    openingResultFund: null,
    grossBudget: null,
    earmark: null,
    ref: ref("Drift", row, { forecast: `E${row}`, budget: `C${row}` }),
    ...partial,
  };
}

export function driftTable(rows: DriftRowInput[], extra: Partial<DriftTableInput> = {}): DriftTableInput {
  return {
    sheet: "Drift",
    unit: "mnkr",
    rows,
    totalRows: [],
    hasForecast: rows.some((r) => r.forecast !== null),
    hasPreviousForecast: rows.some((r) => r.previousForecast !== null),
    hasPriorYear: rows.some((r) => r.priorYearActual !== null),
    hasComment: true,
    ...extra,
  };
}

/** socialnamnden-vb2019-drift.csv as engine input (VB 2019, mnkr). */
export function exampleDrift(): DriftTableInput {
  const [header, ...lines] = readCsv("socialnamnden-vb2019-drift.csv");
  const col = (name: string) => header.indexOf(name);
  const rows = lines.map((cells, i) => {
    const area = cells[col("Verksamhetsområde, mnkr")];
    const unit = cells[col("Enhet")];
    const comment = cells[col("Kommentar")] ?? "";
    return driftRow(
      {
        path: unit ? [area, unit] : [area],
        priorYearActual: amount(cells[col("Bokslut 2018")]),
        budget: amount(cells[col("Budget 2019")]),
        actual: amount(cells[col("Bokslut 2019")]),
        resultUnit: cells[col("Resultatenhet")] === "ja",
        openingResultFund: amount(cells[col("Ingående resultatfond")]),
        grossBudget: amount(cells[col("Bruttobudget")]),
        earmark: cells[col("Öronmärkning")] || null,
        comment: comment.trim() === "" ? null : comment,
      },
      i + 2,
    );
  });
  return driftTable(rows);
}

export function exampleInvestments(): InvestmentTableInput {
  const [, ...lines] = readCsv("socialnamnden-vb2019-investeringar.csv");
  return {
    sheet: "Investeringar",
    unit: "mnkr",
    hasForecast: true,
    hasPreviousForecast: true,
    totalRows: [],
    rows: lines.map((c, i) => ({
      name: c[0],
      budget: amount(c[1]),
      actual: amount(c[2]),
      forecast: null,
      previousForecast: amount(c[3]),
      multiYear: false,
      comment: null,
      ref: ref("Investeringar", i + 2),
    })),
  };
}

export function exampleCostTypes(withKind = true): CostTypeTableInput {
  const [, ...lines] = readCsv("socialnamnden-vb2019-kostnadsslag.csv");
  return {
    sheet: "Intäkts- och kostnadsslag",
    unit: "mnkr",
    totalRows: [],
    rows: lines.map((c, i) => ({
      name: c[0],
      kind: withKind ? (c[1] === "intäkt" ? "revenue" : "cost") : null,
      priorYearActual: amount(c[2]),
      actual: amount(c[3]),
      ref: ref("Intäkts- och kostnadsslag", i + 2),
    })),
  };
}
