import { columnLetters } from "../cells";
import { deviationNumberFormat } from "../styles";
import { buildSheetPlans, OUTPUT_SHEET_NAMES } from "./index";
import { cellAt, colOf, headerRow, letterOf, rowOf, sheet, sumRows } from "./planQuery.testkit";
import { NEEDS_COMMENT, socialVb2019, tertialT2 } from "./results.testkit";

const vb = () => sheet(buildSheetPlans(socialVb2019(), OUTPUT_SHEET_NAMES, { file: "socialnamnden.xlsx" }), "drift");
const t2 = () => sheet(buildSheetPlans(tertialT2(), OUTPUT_SHEET_NAMES), "drift");

describe("Följsam Drift, VB 2019 (mnkr)", () => {
  const plan = vb();
  const hr = headerRow(plan);
  const col = (h: string | RegExp) => colOf(plan, h, hr);
  const L = (h: string | RegExp) => letterOf(plan, h);
  const cell = (rowLabel: string | RegExp, header: string | RegExp) => cellAt(plan, rowOf(plan, rowLabel), col(header))!;

  it("has the title, the note rows and the Swedish headers in order", () => {
    expect(plan.rows[0][0]).toMatchObject({ v: "Driftbudget – VB 2019 (mnkr)", styles: ["title"] });
    expect(plan.rows[hr].map((c) => c?.v)).toEqual([
      "Verksamhetsområde",
      "Bokslut 2018",
      "Budget 2019",
      "Bokslut 2019",
      "Avvikelse",
      "Resultatöverföring",
      "Justering Nyanlända",
      "Justerad avvikelse",
      "Avvikelse %",
      "Kommentar",
    ]);
    const notes = plan.rows.slice(1, hr).flat().map((c) => c?.v);
    expect(notes).toContain("Gul markering och ✎: avvikelsen kräver en kommentar.");
  });

  it("writes Avvikelse as budget − base of the same row", () => {
    const r = rowOf(plan, "Barn och ungdom");
    const dev = cellAt(plan, r, col("Avvikelse"))!;
    expect(dev.f).toBe(`${L("Budget 2019")}${r + 1}-${L("Bokslut 2019")}${r + 1}`);
    expect(dev.v).toBeCloseTo(5.8, 9);
    expect(cellAt(plan, r, col("Budget 2019"))).toMatchObject({ v: 88 });
    expect(cellAt(plan, r, col("Budget 2019"))!.f).toBeUndefined();
  });

  it("writes Justerad avvikelse and Avvikelse % as formulas on the row's own cells", () => {
    const r = rowOf(plan, "Barn och ungdom") + 1;
    const adjusted = cell("Barn och ungdom", "Justerad avvikelse");
    expect(adjusted.f).toBe(`${L("Avvikelse")}${r}+${L("Resultatöverföring")}${r}+${L("Justering Nyanlända")}${r}`);
    const pct = cell("Barn och ungdom", "Avvikelse %");
    expect(pct.f).toBe(`IF(${L("Budget 2019")}${r}=0,"",${L("Avvikelse")}${r}/ABS(${L("Budget 2019")}${r}))`);
    expect(pct.v).toBeCloseTo(5.8 / 88, 12);
    expect(pct.numFmt).toBe("0.0\\ %");
  });

  it("shows the units of an area with several rows indented below it, the area summing them", () => {
    const area = rowOf(plan, "Övrig verksamhet");
    const units = ["Tillfälliga boenden nyanlända", "Tillståndsenheten", "Boutredningsenheten och övrigt"].map((u) => rowOf(plan, `  ${u}`));
    expect(units).toEqual([area + 1, area + 2, area + 3]);
    for (const h of ["Bokslut 2018", "Budget 2019", "Bokslut 2019", "Avvikelse", "Resultatöverföring", "Justering Nyanlända", "Justerad avvikelse"]) {
      const c = cellAt(plan, area, col(h))!;
      expect(sumRows(c.f!)).toEqual(units);
      expect(c.f!.startsWith(`SUM(${L(h)}`)).toBe(true);
    }
    expect(cellAt(plan, area, col("Budget 2019"))!.v).toBeCloseTo(203.2, 9);
    expect(cellAt(plan, area, col("Avvikelse"))!.v).toBeCloseTo(25.2, 9);
    expect(cellAt(plan, area, col("Justerad avvikelse"))!.v).toBeCloseTo(1.3, 9);
    // The result transfer and the returned funds are the engine's decisions: values, not formulas.
    expect(cellAt(plan, units[1], col("Resultatöverföring"))).toEqual({ v: -0.1, numFmt: "#,##0.0", styles: ["needsComment"] });
    expect(cellAt(plan, units[0], col("Justering Nyanlända"))!.v).toBeCloseTo(-23.8, 9);
    expect(cellAt(plan, units[0], col("Justering Nyanlända"))!.f).toBeUndefined();
  });

  it("sums the area rows, not the unit rows, in Nämnden totalt", () => {
    const total = rowOf(plan, "Nämnden totalt");
    const areaRows = plan.rows
      .map((row, r) => ({ r, v: row[0]?.v }))
      .filter(({ r, v }) => r > hr && r < total && typeof v === "string" && !v.startsWith(" "))
      .map(({ r }) => r);
    expect(areaRows).toHaveLength(10);
    for (const h of ["Bokslut 2018", "Budget 2019", "Bokslut 2019", "Avvikelse", "Resultatöverföring", "Justering Nyanlända", "Justerad avvikelse"]) {
      expect(sumRows(cellAt(plan, total, col(h))!.f!)).toEqual(areaRows);
    }
    const v = (h: string) => cellAt(plan, total, col(h))!.v as number;
    expect(v("Budget 2019")).toBeCloseTo(1297.0, 9);
    expect(v("Bokslut 2019")).toBeCloseTo(1221.8, 9);
    expect(v("Avvikelse")).toBeCloseTo(75.2, 9);
    expect(v("Resultatöverföring")).toBeCloseTo(-0.1, 9);
    expect(v("Justering Nyanlända")).toBeCloseTo(-55.1, 9);
    expect(v("Justerad avvikelse")).toBeCloseTo(20.0, 9);
    expect(v("Bokslut 2018")).toBeCloseTo(1165.0, 9);
    expect(plan.rows[total].every((c) => c?.styles?.includes("total"))).toBe(true);
  });

  it("uses locale-invariant number formats: #,##0.0 for mnkr, red negatives for deviations", () => {
    expect(cell("Barn och ungdom", "Budget 2019").numFmt).toBe("#,##0.0");
    expect(cell("Barn och ungdom", "Avvikelse").numFmt).toBe(deviationNumberFormat("#,##0.0"));
    expect(cell("Barn och ungdom", "Justerad avvikelse").numFmt).toBe(deviationNumberFormat("#,##0.0"));
  });

  it("highlights every row of an area that needs a comment, and only those", () => {
    for (const name of NEEDS_COMMENT) {
      const r = rowOf(plan, name);
      expect(plan.rows[r].length).toBe(plan.rows[hr].length);
      expect(plan.rows[r].every((c) => c?.styles?.includes("needsComment"))).toBe(true);
    }
    for (const u of ["  Tillståndsenheten", "  Övrig jour- och rådgivande verksamhet"]) {
      expect(plan.rows[rowOf(plan, u)].every((c) => c?.styles?.includes("needsComment"))).toBe(true);
    }
    for (const name of ["Barn och ungdom", "Insatser mot våld i nära relationer", "Nämnden totalt"]) {
      expect(plan.rows[rowOf(plan, name)].some((c) => c?.styles?.includes("needsComment"))).toBe(false);
    }
  });

  it("leaves Resultatöverföring blank, not 0,0, on rows without a transfer, and marks an empty comment that is required", () => {
    expect(cellAt(plan, rowOf(plan, "Barn och ungdom"), col("Resultatöverföring"))).toBeNull();
    expect(cellAt(plan, rowOf(plan, "  Tillståndsenheten"), col("Resultatöverföring"))!.v).toBeCloseTo(-0.1, 9);
    // The four areas that need a comment have none (that is why they need one): each is marked.
    for (const name of NEEDS_COMMENT) expect(cellAt(plan, rowOf(plan, name), col("Kommentar"))).toMatchObject({ v: "✎ Kommentar krävs" });
    expect(cellAt(plan, rowOf(plan, "Insatser mot våld i nära relationer"), col("Kommentar"))?.v ?? null).not.toBe("✎ Kommentar krävs");
  });

  it("marks deficits on the deviation cell", () => {
    expect(cell("Verksamhet för personer med funktionsnedsättning", "Avvikelse").styles).toContain("deficit");
    expect(cell("Barn och ungdom", "Avvikelse").styles ?? []).not.toContain("deficit");
    // Every row, leaf or group: once on each negative deviation, never on another.
    for (let r = hr + 1; r < plan.rows.length; r++) {
      const dev = plan.rows[r][col("Avvikelse")];
      if (!dev || typeof dev.v !== "number") continue;
      expect((dev.styles ?? []).filter((st) => st === "deficit")).toHaveLength(dev.v < 0 ? 1 : 0);
    }
  });

  it("marks a run of rows with the same formula on its first cell, each cell keeping its own formula", () => {
    const units = ["Tillfälliga boenden nyanlända", "Tillståndsenheten", "Boutredningsenheten och övrigt"].map((u) => rowOf(plan, `  ${u}`));
    for (const h of ["Avvikelse", "Avvikelse %"]) {
      const cells = units.map((r) => cellAt(plan, r, col(h))!);
      expect(cells.map((c) => c.fill)).toEqual([2, undefined, undefined]);
      expect(cells[2].f).toBe(cells[0].f!.replace(new RegExp(`${units[0] + 1}`, "g"), `${units[2] + 1}`));
    }
    // A group row sums its lines: no run.
    expect(cellAt(plan, rowOf(plan, "Övrig verksamhet"), col("Avvikelse"))!.fill).toBeUndefined();
  });

  it("keeps comments as plain text, wrapped", () => {
    expect(cell("Barn och ungdom", "Kommentar")).toEqual({ v: "Vakanta tjänster inom Framtid Stockholm.", styles: ["wrap"] });
  });

  it("freezes and prints the header, landscape, with sensible widths and a data bar on the area deviations", () => {
    expect(plan.freezeRows).toBe(hr + 1);
    expect(plan.printTitleRows).toEqual([hr + 1, hr + 1]);
    expect(plan.landscape).toBe(true);
    expect(plan.columnWidths[0]).toBe(45);
    // Widened from 12 so that "Budget 2019" fits on one line with a character to spare each side.
    expect(plan.columnWidths[col("Budget 2019")]).toBe(13);
    expect(plan.columnWidths[col("Kommentar")]).toBe(60);
    expect(plan.columnWidths).toHaveLength(plan.rows[hr].length);
    const first = rowOf(plan, "Barn och ungdom") + 1;
    const last = rowOf(plan, "Omstrukturering") + 1;
    expect(plan.conditionalFormats).toEqual([{ type: "dataBar", range: `${L("Avvikelse")}${first}:${L("Avvikelse")}${last}`, color: expect.any(String) }]);
  });
});

describe("Följsam Drift, T2 in tkr", () => {
  const plan = t2();
  const hr = headerRow(plan);
  const col = (h: string | RegExp) => colOf(plan, h, hr);
  const L = (h: string) => letterOf(plan, h);

  it("has the outcome so far beside Prognos T2, Prognos T1 and Förändring, and no Bokslut column without prior-year figures", () => {
    expect(plan.rows[hr].map((c) => c?.v)).toEqual([
      "Verksamhetsområde",
      "Budget 2024",
      "Utfall per 31 augusti",
      "Prognos T2",
      "Avvikelse",
      "Resultatöverföring",
      "Justering Flykting",
      "Justerad avvikelse",
      "Avvikelse %",
      "Prognos T1",
      "Förändring",
      "Kommentar",
    ]);
    expect(plan.rows[0][0]!.v).toBe("Driftbudget – T2 2024 (tkr)");
  });

  it("shows the books per 31 August beside the forecast, area rows summing them", () => {
    expect(cellAt(plan, rowOf(plan, "  U1"), col("Utfall per 31 augusti"))).toEqual({ v: 60000, numFmt: "#,##0" });
    const alfa = cellAt(plan, rowOf(plan, "Alfa"), col("Utfall per 31 augusti"))!;
    expect(alfa.v).toBe(91000);
    expect(sumRows(alfa.f!)).toEqual([rowOf(plan, "  U1"), rowOf(plan, "  U2")]);
  });

  it("writes Förändring as forecast − previous forecast and formats tkr without decimals", () => {
    const r = rowOf(plan, "  U1");
    const c = cellAt(plan, r, col("Förändring"))!;
    expect(c.f).toBe(`${L("Prognos T2")}${r + 1}-${L("Prognos T1")}${r + 1}`);
    expect(c.v).toBe(-2000);
    expect(c.numFmt).toBe("#,##0");
    expect(cellAt(plan, r, col("Budget 2024"))!.numFmt).toBe("#,##0");
  });

  it("keeps a forecast substituted by the budget as a value, marked, with its deviation 0", () => {
    const r = rowOf(plan, "  U2");
    expect(cellAt(plan, r, col("Prognos T2"))).toEqual({ v: 50000, numFmt: "#,##0", styles: ["note"] });
    expect(cellAt(plan, r, col("Avvikelse"))!.v).toBe(0);
    expect(plan.rows.slice(0, hr).flat().some((c) => typeof c?.v === "string" && c.v.includes("Kursiv prognos"))).toBe(true);
  });

  it("writes a comment or name that looks like a formula as plain text", () => {
    const r = rowOf(plan, "+Beta");
    expect(cellAt(plan, r, 0)).toEqual({ v: "+Beta" });
    const comment = cellAt(plan, r, col("Kommentar"))!;
    expect(comment.v).toBe('=HYPERLINK("http://example.com","klicka")');
    expect(comment.f).toBeUndefined();
    expect(cellAt(plan, rowOf(plan, "  D2"), col("Kommentar"))).toEqual({ v: "@chef", styles: ["wrap"] });
  });

  it("nests a unit with cost-type rows: the area sums its unit lines, the unit its rows", () => {
    const gamma = rowOf(plan, "Gamma");
    const g2 = rowOf(plan, "  G2");
    const g1 = rowOf(plan, "  G1");
    const rows = ["    Personal", "    Lokaler"].map((n) => rowOf(plan, n));
    expect(sumRows(cellAt(plan, gamma, col("Budget 2024"))!.f!)).toEqual([g2, g1].sort((a, b) => a - b));
    expect(sumRows(cellAt(plan, g1, col("Budget 2024"))!.f!)).toEqual(rows);
    expect(cellAt(plan, gamma, col("Avvikelse"))!.v).toBe(-2500);
    expect(plan.rows[gamma].every((c) => c?.styles?.includes("needsComment"))).toBe(true);
  });

  it("leaves Avvikelse % empty (\"\") when the budget is 0", () => {
    const c = cellAt(plan, rowOf(plan, "  D2"), col("Avvikelse %"))!;
    expect(c.v).toBe("");
    expect(c.f).toMatch(/^IF\(/);
  });

  it("puts the trimmed earmark's returned funds in its column", () => {
    const c = cellAt(plan, rowOf(plan, "  D1"), col("Justering Flykting"))!;
    expect(c.v).toBe(-2000);
    expect(columnLetters(col("Justering Flykting"))).toBe(L("Justering Flykting"));
  });
});
