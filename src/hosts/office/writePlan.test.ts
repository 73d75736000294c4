import { SheetPlan } from "../../workbook/plan";
import { FoljsamError } from "../../workbook/errors";
import { followUpMarks, markedSheetName } from "./marks";
import { driftPlan } from "./office.testkit";
import { wireBytes } from "./wire";
import { columnWidthPoints, jsonSize, needsApostrophe, planWrite, styleRectangles, WorkbookState, WriteStep } from "./writePlan";

const fresh: WorkbookState = { sheets: ["Indata"], followUp: { sheets: [], names: [] } };

function steps(kind: WriteStep["kind"], batches: ReturnType<typeof planWrite>): WriteStep[] {
  return batches.flatMap((b) => b.steps).filter((s) => s.kind === kind);
}

describe("planWrite", () => {
  it("cuts the cells into full-width writes that cover every row once and fill each batch up to the budget", () => {
    const plan = driftPlan(2_000);
    const budget = 60_000;
    const batches = planWrite([plan], fresh, { budgetBytes: budget });
    for (const batch of batches) {
      expect(batch.bytes).toBeLessThanOrEqual(budget);
      expect(wireBytes(batch.steps)).toBeLessThan(batch.bytes);
    }
    const cells = steps("cells", batches) as Extract<WriteStep, { kind: "cells" }>[];
    expect(cells.length).toBeGreaterThan(3);
    let next = 1;
    for (const step of cells) {
      const [, top, bottom] = /^A(\d+):H(\d+)$/.exec(step.address)!.map(Number);
      expect(top).toBe(next);
      expect(step.formulas).toHaveLength(bottom - top + 1);
      for (const run of step.numberFormats) {
        const [, from, to] = /^[A-H](\d+)(?::[A-H](\d+))?$/.exec(run.address)!.map(Number);
        expect(from).toBeGreaterThanOrEqual(top);
        expect(to || from).toBeLessThanOrEqual(bottom);
      }
      expect(step.formulas.every((row) => row.length === 8)).toBe(true);
      next = bottom + 1;
    }
    expect(next - 1).toBe(plan.rows.length);
    // Only the last batch may be far from full.
    for (const batch of batches.slice(0, -1)) expect(batch.bytes).toBeGreaterThan(budget * 0.9);
  });

  it("writes formulas with '=' and text that Excel would convert with an apostrophe", () => {
    const [batch] = planWrite([driftPlan(7)], fresh);
    const cells = batch.steps.find((s) => s.kind === "cells") as Extract<WriteStep, { kind: "cells" }>;
    expect(cells.formulas[2].slice(0, 4)).toEqual(["'Område 1", expect.any(Number), expect.any(Number), "=B3-C3"]);
    expect(cells.formulas[2][7]).toBe("'=ska vara text");
    // One number format per column run (a new sheet's cells are General already).
    const deviation = '#,##0;[Red]"▼ "-#,##0';
    expect([...cells.numberFormats].sort((a, b) => a.address.localeCompare(b.address))).toEqual([
      { address: "B3:B10", format: "#,##0" },
      { address: "C3:C10", format: "#,##0" },
      { address: "D10", format: "#,##0" },
      { address: "D3:D9", format: deviation },
      { address: "E3:E10", format: "#,##0" },
      { address: "F10", format: "#,##0" },
      { address: "F3:F9", format: deviation },
      { address: "G3:G9", format: "0.0%" },
    ]);
  });

  it("replaces Följsam's earlier sheets: marks deleted, old sheets stepped aside, new ones added, old ones deleted", () => {
    const state: WorkbookState = { sheets: ["Indata", "Drift", "~foljsam-gammalt-1"], followUp: { sheets: ["Drift"], names: ["FOLJSAM_SHEET_1", "FOLJSAM_SHEET_7"] } };
    const [first] = planWrite([driftPlan(3)], state);
    expect(first.steps.slice(0, 6)).toEqual([
      { kind: "deleteName", name: "FOLJSAM_SHEET_1" },
      { kind: "deleteName", name: "FOLJSAM_SHEET_7" },
      { kind: "retireSheet", sheet: "Drift", temporaryName: "~foljsam-gammalt-2" },
      { kind: "addSheet", sheet: "Drift", tabColor: "#1E6B52" },
      { kind: "mark", sheet: "Drift", name: "FOLJSAM_SHEET_1" },
      { kind: "deleteSheet", sheet: "~foljsam-gammalt-2" },
    ]);
  });

  it("refuses names Excel cannot take, duplicates, and names of sheets it did not make", () => {
    const named = (name: string): SheetPlan => ({ ...driftPlan(1), name });
    expect(() => planWrite([named("Drift: mars")], fresh)).toThrow(FoljsamError);
    expect(() => planWrite([named("x".repeat(32))], fresh)).toThrow(/högst 31 tecken/);
    expect(() => planWrite([named("Drift"), named("DRIFT")], fresh)).toThrow(/förekommer två gånger/);
    expect(() => planWrite([named("indata")], fresh)).toThrow('Bladet "indata" finns redan i arbetsboken och är inte skapat av Följsam');
  });

  it("sets page layout only when asked (ExcelApi 1.9)", () => {
    expect(steps("pageLayout", planWrite([driftPlan(1)], fresh))).toEqual([]);
    expect(steps("pageLayout", planWrite([driftPlan(1)], fresh, { pageLayout: true }))).toEqual([{ kind: "pageLayout", sheet: "Drift", landscape: true, printTitleRows: "$1:$2" }]);
  });
});

describe("styleRectangles", () => {
  it("merges runs of the same look along rows and down columns", () => {
    const rects = styleRectangles([
      [{ v: "a", styles: ["header"] }, { v: "b", styles: ["header"] }, { v: 1 }],
      [{ v: "c", styles: ["deficit"] }, { v: 2, styles: ["deficit"] }, { v: 3, styles: ["text"] }],
      [{ v: "d", styles: ["deficit"] }, { v: 4, styles: ["deficit"] }, null],
      [{ v: "e", styles: ["total", "deficit"] }, { v: 5, styles: ["subtotal"] }],
    ]);
    expect(rects.map((r) => [r.top, r.left, r.bottom, r.right, r.style])).toEqual([
      [0, 0, 0, 1, { bold: true, fill: "DDEBF7", wrap: true, borderBottom: true }],
      [1, 0, 2, 1, { fontColor: "C00000" }],
      [3, 0, 3, 0, { bold: true, borderTop: true, fontColor: "C00000" }],
      [3, 1, 3, 1, { bold: true }],
    ]);
  });
});

describe("helpers", () => {
  it.each([
    ["Skola", false],
    ["=SUMMA(A1)", true],
    ["+46", true],
    ["-", true],
    ["@kommun", true],
    ["'citat", true],
    ["2024-01-31", true],
    ["Mål 3", true],
    ["sant", true],
    ["#N/A", true],
    ["#hashtag", false],
  ])("needsApostrophe(%s) → %s", (text, expected) => {
    expect(needsApostrophe(text)).toBe(expected);
  });

  it("converts column widths from characters to points", () => {
    expect(columnWidthPoints(8.43)).toBe(48.01);
    expect(columnWidthPoints(10)).toBe(56.25);
  });

  it("measures serialised size in UTF-8 bytes", () => {
    expect(jsonSize("å")).toBe(4);
    expect(jsonSize(["€", "😀"])).toBe(2 + 2 + 3 + 1 + 2 + 4);
  });

  it("reads Följsam's marks, quoted or not, and skips broken ones", () => {
    expect(markedSheetName("='Drift 2024'!$A$1")).toBe("Drift 2024");
    expect(markedSheetName("='It''s'!$A$1")).toBe("It's");
    expect(markedSheetName("=Sammanfattning!$A$1")).toBe("Sammanfattning");
    expect(markedSheetName("=#REF!$A$1")).toBeNull();
    expect(
      followUpMarks(
        [
          { name: "FOLJSAM_SHEET_1", formula: "=drift!$A$1" },
          { name: "FOLJSAM_SHEET_2", formula: "=#REF!$A$1" },
          { name: "Budgetram", formula: "=Indata!$B$2" },
        ],
        ["Indata", "Drift"],
      ),
    ).toEqual({ names: ["FOLJSAM_SHEET_1", "FOLJSAM_SHEET_2"], sheets: ["Drift"] });
  });
});
