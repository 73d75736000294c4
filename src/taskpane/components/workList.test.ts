import { makeFinding } from "../../engine/finding";
import type { Finding } from "../../engine/types";
import { codesIn, commentColumns, fixCell, pageOf, workList } from "./workList";

const all = { visible: { error: true, warning: true, info: true }, code: null };
const at = (sheet: string | null, cell: string | null, subject: string | null) => ({ sheet, cell, subject });

const findings: Finding[] = [
  makeFinding("DEFICIT", "warning", at("Drift", "A15", "Stöd till utomstående organisationer"), { deviation: "-3,2 mnkr" }),
  makeFinding("COMMENT_REQUIRED", "warning", at("Drift", "A15", "Stöd till utomstående organisationer"), { deviation: "-3,2 mnkr" }),
  makeFinding("NUMBER_PARSE", "error", at("Drift", "C9", "Tillståndsenheten"), { column: "Budget", text: "x" }),
  makeFinding("GENDER_GAP", "info", at("Indikatorer", "D4", "Andel familjehemsplacerade barn"), { gap: "16 procentenheter" }),
  makeFinding("SETTING_UNKNOWN", "info", at(null, null, null), { label: "Tak", sheet: "Inställningar" }),
];

describe("the work list", () => {
  it("has one entry per row with all its findings, grouped by sheet, errors first, the workbook's own last", () => {
    const groups = workList(findings, all, new Map([["Drift", 6]]));
    expect(groups.map((g) => g.sheet)).toEqual(["Drift", "Indikatorer", null]);
    const drift = groups[0].entries;
    expect(drift.map((e) => e.subject)).toEqual(["Tillståndsenheten", "Stöd till utomstående organisationer"]);
    expect(drift[1].findings.map((f) => f.code)).toEqual(["DEFICIT", "COMMENT_REQUIRED"]);
    // The Kommentar column is G (0-based 6): a missing comment is fixed in G15, a bad number in its own cell.
    expect(drift[1].target).toBe("G15");
    expect(drift[0].target).toBe("C9");
  });

  it("filters by severity and by kind", () => {
    const warnings = workList(findings, { visible: { error: false, warning: true, info: false }, code: null }, new Map());
    expect(warnings.flatMap((g) => g.entries.flatMap((e) => e.findings.map((f) => f.code)))).toEqual(["DEFICIT", "COMMENT_REQUIRED"]);
    const gaps = workList(findings, { ...all, code: "GENDER_GAP" }, new Map());
    expect(gaps.map((g) => g.sheet)).toEqual(["Indikatorer"]);
    expect(codesIn(findings)).toContainEqual({ code: "DEFICIT", count: 1 });
  });

  it("goes to the name cell when the table has no Kommentar column, and to a finding's own cell otherwise", () => {
    expect(fixCell(findings[1], new Map())).toBe("A15");
    expect(fixCell(findings[3], new Map([["Indikatorer", 9]]))).toBe("D4");
    expect(commentColumns([{ sheet: "Drift", columns: { comment: 4 } } as never]).get("Drift")).toBe(4);
  });

  it("pages 300 entries 20 at a time, keeping each page's sheet headings", () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      makeFinding("NUMBER_PARSE", "error", at(i < 150 ? "Drift" : "Investeringar", `C${i + 2}`, `Rad ${i + 1}`), { column: "Budget", text: "x" }),
    );
    const groups = workList(many, all, new Map());
    expect(groups.flatMap((g) => g.entries)).toHaveLength(300);
    const first = pageOf(groups, 0);
    expect(first.pages).toBe(15);
    expect(first.groups.flatMap((g) => g.entries)).toHaveLength(20);
    const middle = pageOf(groups, 7);
    // Entries 141–160: the last ten of Drift and the first ten of Investeringar.
    expect(middle.groups.map((g) => [g.sheet, g.entries.length])).toEqual([["Drift", 10], ["Investeringar", 10]]);
    expect(pageOf(groups, 99).page).toBe(14);
  });
});
