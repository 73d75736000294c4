/**
 * The sheet XML writer's own rules: numbers printed as JavaScript prints them, a formula run
 * written as one shared formula when that is shorter, and a streamed plan's patterned rows
 * written exactly as the same rows given as cells.
 */
import fc from "fast-check";
import type { PatternRow, SheetPlan } from "../../workbook/plan";
import { type PlanRow, streamedPlan } from "../../workbook/plans/grid";
import { slideFormula } from "./fastRead/sharedFormula";
import { ChunkWriter, numberText, SharedStringTable, writeSheetData } from "./sheetXml";

async function sheetData(plan: SheetPlan, strings: SharedStringTable | null = null): Promise<string> {
  const out = new ChunkWriter();
  await writeSheetData(out, plan, (key) => (key === "" ? 0 : key.length), strings);
  return Buffer.concat(out.flush()).toString("utf8");
}

function plan(rows: PlanRow[]): SheetPlan {
  return { kind: "drift", name: "Följsam Drift", rows, columnWidths: [20, 12, 12, 12], freezeRows: 0, conditionalFormats: [], charts: [], landscape: true };
}

/** What ChunkWriter.putNumber writes for v. */
function written(v: number): string {
  const out = new ChunkWriter();
  out.room(64);
  out.putNumber(v);
  return Buffer.concat(out.flush()).toString("latin1");
}

describe("numberText", () => {
  it("prints what String(v) prints, for amounts and for any double", () => {
    for (const v of [0, -0, 1, -1, 0.1, -0.05, 357.3, -4.6, 1297.05, 0.0001, 123456789.1234, 1e11, -99999999999.9999, 0.1 + 0.2, 5e-7, 2 ** 53 + 2]) {
      expect(numberText(v)).toBe(String(v));
    }
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => numberText(v) === String(v)));
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
      const v = n / 10 ** d;
      return numberText(v) === String(v);
    }));
  });

  it("is what the writer puts straight into its buffer, digit by digit", () => {
    for (const v of [0, -0, 7, -7, 0.1, -0.05, 0.0001, -0.0001, 1297.05, 1e11, 1e15, -1e15, 1e21, 123456789.1234, -99999999999.9999, 0.1 + 0.2, 5e-7, 2 ** 53 + 2]) {
      expect(written(v)).toBe(String(v));
    }
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => written(v) === String(v)));
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), (n, d) => written(n / 10 ** d) === String(n / 10 ** d)));
  });
});

describe("shared formulas", () => {
  const IF = (r: number) => `IF(B${r}=0,"",D${r}/ABS(B${r}))`;
  const row = (r: number, fill?: number): PlanRow => [{ v: `Enhet ${r}` }, { v: 100, numFmt: "0" }, { v: 90, numFmt: "0" }, { v: 10, f: `B${r}-C${r}` }, { v: 0.1, f: IF(r), ...(fill ? { fill } : {}) }];

  it("writes a run of one formula as a shared formula, the master with its range", async () => {
    const xml = await sheetData(plan([row(1, 2), row(2), row(3), row(4)]));
    const rowXml = (r: number) => new RegExp(`<row r="${r}">(.*?)</row>`).exec(xml)![1];
    expect(rowXml(1)).toContain('<c r="E1"><f t="shared" ref="E1:E3" si="0">IF(B1=0,&quot;&quot;,D1/ABS(B1))</f><v>0.1</v></c>');
    expect(rowXml(2)).toContain('<c r="E2"><f t="shared" si="0"/><v>0.1</v></c>');
    expect(rowXml(3)).toContain('<c r="E3"><f t="shared" si="0"/><v>0.1</v></c>');
    // After the run, and for a formula shorter than a reference to the master, the formula itself.
    expect(rowXml(4)).toContain('<c r="E4"><f>IF(B4=0,&quot;&quot;,D4/ABS(B4))</f>');
    expect(rowXml(2)).toContain('<c r="D2"><f>B2-C2</f>');
  });
  it("gives each cell of the run its own formula when moved from the master, as Excel reads it", () => {
    for (let r = 2; r <= 3; r++) expect(slideFormula(IF(1), r - 1, 0)).toBe(IF(r));
  });
});

describe("a streamed plan", () => {
  const pattern = {
    cells: [{}, { numFmt: "#,##0.0" }, { numFmt: "#,##0.0", styles: ["note" as const] }, { numFmt: "#,##0.0", formula: (n: number) => `B${n}-C${n}` }, { styles: ["wrap" as const] }],
  };
  const patterned = (values: (number | string | null)[], fills: (number | undefined)[] | null = null): PatternRow => ({ pattern, values, fills });
  const body: (PlanRow | PatternRow)[] = [
    patterned(["Enhet 1", 10, 8, 2, null], [undefined, undefined, undefined, 2]),
    patterned(["Enhet 2", null, null, -1.5, "Vakanser <&> på förskolan Älven"]),
    [{ v: "Summa", styles: ["total"] }, { v: 10, f: "SUM(B2:B3)", numFmt: "#,##0.0", styles: ["total"] }],
    patterned(["  Enhet 3", 0.1 + 0.2, 7, 3, "rad 1\nrad 2"]),
  ];
  const head: PlanRow[] = [[{ v: "Följsam Drift", styles: ["title"] }]];
  const streamed = () =>
    streamedPlan(plan(head.map((r) => [...r])), 1 + body.length, 5, () => body);

  it("gives every row as cells when its rows are read", () => {
    const rows = streamed().rows;
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual([{ v: "Enhet 1" }, { v: 10, numFmt: "#,##0.0" }, { v: 8, numFmt: "#,##0.0", styles: ["note"] }, { v: 2, f: "B2-C2", numFmt: "#,##0.0", fill: 2 }, { v: null, styles: ["wrap"] }]);
    // No value and no look: no cell; no value with a look: an empty cell with the look.
    expect(rows[2]).toEqual([{ v: "Enhet 2" }, null, { v: null, styles: ["note"] }, { v: -1.5, f: "B3-C3", numFmt: "#,##0.0" }, { v: "Vakanser <&> på förskolan Älven", styles: ["wrap"] }]);
    expect(rows[4][3]).toEqual({ v: 3, f: "B5-C5", numFmt: "#,##0.0" });
  });

  it("is written from its patterns exactly as the same rows given as cells", async () => {
    const s = streamed();
    const asCells = plan(s.rows.map((r) => r.map((c) => (c ? { ...c } : null))));
    asCells.rowHeights = s.rowHeights;
    expect(s.stream).toBeDefined();
    expect(asCells.stream).toBeUndefined();
    const xml = await sheetData(s);
    expect(xml).toBe(await sheetData(asCells));
    expect(xml).toContain('<row r="5" ht="30" customHeight="1">');
    // With the text in the shared-string table: the same cells, the same strings in the same order.
    const [fromPatterns, fromCells] = [new SharedStringTable(3), new SharedStringTable(3)];
    const shared = await sheetData(s, fromPatterns);
    expect(shared).toBe(await sheetData(asCells, fromCells));
    expect(fromPatterns.added).toEqual(fromCells.added);
    expect(shared).toContain('<c r="A3" t="s"><v>5</v></c>');
    expect(fromPatterns.added.slice(0, 3)).toEqual(["Följsam Drift", "Enhet 1", "Enhet 2"]);
  });

  it("writes rows that cross the writer's buffers whole, text in UTF-8, as the same rows given as cells", async () => {
    // 60 000 rows are some 9 MB of XML: the 4 MiB buffers fill up in the middle of rows.
    const many: PatternRow[] = Array.from({ length: 60_000 }, (_, i) =>
      patterned([`Område ${i} – Östra`, i * 1.5, -i, i / 8, i % 7 === 0 ? "Åtgärd: se bilaga" : null], i % 50 === 0 ? [undefined, undefined, undefined, 49] : null),
    );
    const s = streamedPlan(plan(head.map((r) => [...r])), 1 + many.length, 5, () => many);
    const asCells = plan(s.rows.map((r) => r.map((c) => (c ? { ...c } : null))));
    asCells.rowHeights = s.rowHeights;
    const xml = await sheetData(s);
    expect(xml.length).toBeGreaterThan(8 << 20);
    // Compared as booleans: a failure here would print nine megabytes.
    expect(xml === (await sheetData(asCells))).toBe(true);
    expect(xml.endsWith('<row r="60001"><c r="A60001" t="inlineStr"><is><t>Område 59999 – Östra</t></is></c><c r="B60001" s="8"><v>89998.5</v></c>' + '<c r="C60001" s="12"><v>-59999</v></c><c r="D60001" s="8"><f>B60001-C60001</f><v>7499.875</v></c><c r="E60001" s="5"/></row></sheetData>')).toBe(true);
  });

  it("refuses a body that makes another number of rows than announced", () => {
    const wrong = streamedPlan(plan(head.map((r) => [...r])), 3, 5, () => body);
    expect(() => wrong.rows).toThrow(/5 rows made, 3 announced/);
  });
});
