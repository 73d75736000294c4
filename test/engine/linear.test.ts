/**
 * The operating budget stays linear in its rows, headings and total rows: each is looked at a
 * bounded number of times, whatever their number. Counted, not timed: the headings and the total
 * rows are wrapped so that every read of an element is counted.
 */
import { computeOperating } from "../../src/engine/operating";
import { defaultSettings } from "../../src/engine/settings";
import type { DriftHeadingInput, TotalRowInput } from "../../src/engine/types";
import { a, driftRow, driftTable } from "../helpers/exampleInputs";

function counted<T>(items: T[]): { list: T[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list, reads: () => reads };
}

function run(n: number) {
  const rows = [];
  const headings: DriftHeadingInput[] = [];
  const totals: TotalRowInput[] = [];
  for (let i = 0; i < n; i++) {
    const area = `Område ${i}`;
    headings.push({ path: [area], comment: null, ref: { sheet: "Drift", row: 3 * i + 2, labelCell: `A${3 * i + 2}`, cells: {} } });
    headings.push({ path: [area, "Enhet"], comment: "Förklaring", ref: { sheet: "Drift", row: 3 * i + 3, labelCell: `B${3 * i + 3}`, cells: {} } });
    rows.push(driftRow({ path: [area, "Enhet", "Personal"], budget: a("10"), actual: a("9"), forecast: a("9.5") }, 3 * i + 4));
    totals.push({ label: `Summa ${area}`, budget: a("10"), actual: a("9"), forecast: null, previousForecast: null, priorYearActual: null, ref: rows[i].ref, scope: area });
  }
  const h = counted(headings);
  const t = counted(totals);
  const { result } = computeOperating(driftTable(rows, { headings: h.list, totalRows: t.list }), "T2", defaultSettings());
  expect(result.areas).toHaveLength(n);
  expect(result.areas[n - 1].children[0].comment).toBe("Förklaring");
  return { headings: h.reads() / n, totals: t.reads() / n };
}

describe("the operating budget is linear", () => {
  it("reads each heading and each total row a bounded number of times, for 100 or 2 000 areas", () => {
    const small = run(100);
    const large = run(2_000);
    expect(large.headings).toBeLessThan(10);
    expect(large.totals).toBeLessThan(10);
    expect(large.headings).toBeLessThan(small.headings * 2);
  });
});
