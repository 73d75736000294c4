import type { FollowUpResult } from "../../engine/types";
import { assignSheetNames, buildSheetPlans, OUTPUT_SHEET_NAMES } from "./index";
import { checkFormulas, tokenize, Workbook } from "./formulas.testkit";
import { cellsOf } from "./planQuery.testkit";
import { socialVb2019, tertialT2 } from "./results.testkit";

const scenarios: [string, () => FollowUpResult][] = [
  ["VB 2019 example", () => socialVb2019()],
  ["VB 2019 with Prognos T2", () => socialVb2019({ withForecastT2: true })],
  ["T2 in tkr", () => tertialT2()],
];

describe("the test's formula evaluator", () => {
  const wb = new Workbook([
    { kind: "drift", name: "Följsam Drift", rows: [[{ v: 2 }, { v: 3 }, null, { v: "x" }]], columnWidths: [], freezeRows: 0, conditionalFormats: [], charts: [], landscape: true },
  ]);
  it("reads references, ranges, SUM, IF, ABS and COUNTIF as Excel does", () => {
    expect(wb.evaluate("Följsam Drift", "A1-B1*2")).toBe(-4);
    expect(wb.evaluate("Följsam Drift", "SUM(A1:D1)")).toBe(5);
    expect(wb.evaluate("Följsam Drift", 'IF(C1=0,"",A1/ABS(B1))')).toBe("");
    expect(wb.evaluate("Följsam Drift", "'Följsam Drift'!B1/ABS(-2)")).toBe(1.5);
    expect(wb.evaluate("Följsam Drift", "COUNTIF('Följsam Drift'!$A$1:$D$1,D1)")).toBe(1);
    expect(() => wb.evaluate("Följsam Drift", "A1+D1")).toThrow("#VALUE!");
  });
});

describe("the consistency check", () => {
  it("fails on a wrong cached value and on a total that counts unit rows twice", () => {
    const plans = buildSheetPlans(socialVb2019(), OUTPUT_SHEET_NAMES);
    const drift = plans.find((p) => p.kind === "drift")!;
    const total = drift.rows.findIndex((r) => r[0]?.v === "Nämnden totalt");
    const budget = drift.rows[total].findIndex((c) => c?.f?.startsWith("SUM(C"));
    drift.rows[total][budget] = { ...drift.rows[total][budget]!, f: `SUM(C5:C${total})` };
    const barn = drift.rows.findIndex((r) => r[0]?.v === "Barn och ungdom");
    drift.rows[barn][4] = { ...drift.rows[barn][4]!, v: 5.9 };
    const { mismatches } = checkFormulas(plans);
    expect(mismatches.map((m) => `${m.sheet}!${m.cell}`)).toEqual(
      expect.arrayContaining([`Följsam Drift!C${total + 1}`, `Följsam Drift!E${barn + 1}`]),
    );
  });
});

describe.each(scenarios)("every formula of %s", (_, make) => {
  const plans = buildSheetPlans(make(), OUTPUT_SHEET_NAMES, { file: "x.xlsx" });

  it("recomputes to the cell's cached value (the engine's figure)", () => {
    const { checked, mismatches } = checkFormulas(plans);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it("holds only references, numbers, operators, function names and the empty string", () => {
    for (const { cell } of cellsOf(plans)) {
      if (cell.f === undefined) continue;
      expect(cell.f.startsWith("=")).toBe(false);
      for (const t of tokenize(cell.f)) {
        if (t.kind === "str") expect(t.text).toBe('""');
        if (t.kind === "fn") expect(["SUM", "ABS", "IF", "COUNTIF"]).toContain(t.text);
        if (t.kind === "ref" && t.text.includes("!")) expect(Object.values(OUTPUT_SHEET_NAMES).some((n) => t.text.startsWith(`'${n}'!`))).toBe(true);
      }
    }
  });

  it("uses locale-invariant number formats only", () => {
    const formats = new Set(cellsOf(plans).flatMap(({ cell }) => (cell.numFmt ? [cell.numFmt] : [])));
    expect(formats.size).toBeGreaterThan(2);
    for (const fmt of formats) {
      expect(fmt).not.toMatch(/# ##0|0,0/);
      // A bare % scales by 100; only ratios may use it (0.0\ %: a space before it, as Swedish
      // typography wants), points quote theirs.
      if (fmt.includes("%") && fmt !== "0.0\\ %") expect(fmt).toMatch(/" %"$/);
    }
  });
});

describe("text from the input", () => {
  it("is never a formula, whatever it starts with", () => {
    const result = tertialT2();
    const plans = buildSheetPlans(result, OUTPUT_SHEET_NAMES);
    const inputTexts = new Set<string>();
    for (const area of result.operating!.areas) inputTexts.add(area.name);
    for (const r of result.operating!.areas.flatMap((a) => a.rows)) if (r.comment) inputTexts.add(r.comment);
    for (const r of result.indicators!.rows) if (r.comment) inputTexts.add(r.comment);
    const looksLikeFormula = [...inputTexts].filter((t) => /^[=+\-@]/.test(t));
    expect(looksLikeFormula.length).toBeGreaterThanOrEqual(3);
    for (const text of looksLikeFormula) {
      const hits = cellsOf(plans).filter(({ cell }) => typeof cell.v === "string" && cell.v.trim() === text);
      expect(hits.length).toBeGreaterThan(0);
      for (const { cell } of hits) expect(cell.f).toBeUndefined();
    }
    for (const { cell } of cellsOf(plans)) {
      if (cell.f === undefined) continue;
      for (const text of inputTexts) expect(cell.f.includes(text)).toBe(false);
    }
  });
});

describe("renamed sheets", () => {
  it("keep every cross-sheet formula consistent", () => {
    const names = assignSheetNames(Object.values(OUTPUT_SHEET_NAMES).map((name) => ({ name, followUp: false })));
    const plans = buildSheetPlans(socialVb2019({ withForecastT2: true }), names);
    expect(plans.every((p) => p.name.endsWith(" (2)"))).toBe(true);
    expect(checkFormulas(plans).mismatches).toEqual([]);
  });
});
