/**
 * DUPLICATE_ROW on drift paths: labels compare case-insensitively and joined by " / ", whether the
 * path is keyed by label numbers (no "/" in any label) or by the joined text (a "/" somewhere).
 */
import { readWorkbook } from ".";
import { NumberIndex } from "./numberIndex";
import { settings, sheet, workbook } from "./read.testkit";
import type { CellValue } from "../cells";

const HEADER: CellValue[] = ["Verksamhetsområde", "Enhet", "Kostnadsslag", "Budget", "Bokslut 2019"];

function duplicates(rows: CellValue[][]) {
  const input = readWorkbook(workbook([sheet("Drift", [HEADER, ...rows])]), settings({ period: "VB" }));
  return input.readFindings.filter((f) => f.code === "DUPLICATE_ROW").map((f) => ({ cell: f.cell, subject: f.subject, otherRow: f.params?.otherRow }));
}

describe("DUPLICATE_ROW on drift paths", () => {
  it("finds a path written again in another case, at every depth", () => {
    expect(
      duplicates([
        ["Skola", "Enhet A", "Personal", 10, 9],
        ["Skola", "Enhet A", "Lokaler", 5, 5],
        ["Vård", "Enhet A", "Personal", 3, 3],
        ["skola", "enhet a", "PERSONAL", 1, 1],
        ["Vård", "Enhet A", "Lokaler", 2, 2],
      ]),
    ).toEqual([{ cell: "C5", subject: "skola / enhet a / PERSONAL", otherRow: 2 }]);
  });

  it("a label with a slash: the joined labels decide, as for one label that holds them", () => {
    expect(
      duplicates([
        ["IT / Digitalt", null, null, 10, 9],
        ["IT", "Digitalt", null, 5, 5],
        ["IT", "Digitalt / Stöd", null, 1, 1],
        ["IT / Digitalt", "Stöd", null, 1, 1],
      ]),
    ).toEqual([
      { cell: "B3", subject: "IT / Digitalt", otherRow: 2 },
      { cell: "B5", subject: "IT / Digitalt / Stöd", otherRow: 4 },
    ]);
  });

  it("different paths with the same labels in other places are not duplicates", () => {
    expect(
      duplicates([
        ["A", "B", "C", 1, 1],
        ["A", "C", "B", 1, 1],
        ["B", "A", "C", 1, 1],
        ["A", "B", null, 1, 1],
      ]),
    ).toEqual([]);
  });
});

describe("NumberIndex", () => {
  it("keeps the first value of each key through its growth", () => {
    const index = new NumberIndex();
    const keys = Array.from({ length: 20_000 }, (_v, i) => (i % 7) * 2 ** 34 + (i % 97) * 2 ** 17 + i + 1);
    expect(keys.filter((k, i) => index.getOrSet(k, i) !== undefined)).toEqual([]);
    expect(keys.map((k) => index.getOrSet(k, -1))).toEqual(keys.map((_k, i) => i));
    expect(index.getOrSet(2 ** 51 - 1, 5)).toBeUndefined();
    expect(index.getOrSet(2 ** 51 - 1, 6)).toBe(5);
  });
});
