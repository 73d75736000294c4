/**
 * The fast reader (fastRead/) against the ExcelJS path of read.ts: the same grid from the bundled
 * sample and from workbooks ExcelJS writes with every feature the reader looks at, and the values
 * of hand-written XML that ExcelJS never writes (entities, CDATA, prefixes, shared formulas).
 */
import * as ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import { join, resolve } from "path";
import { EXCEL_ERRORS } from "../../../workbook/cells";
import { EXCELJS_VALUE_TYPES, readXlsx, readXlsxWithWorkbook } from "../read";
import { addMark } from "../marks";
import { craftZip, patchZip, tempDir } from "../xlsx.testkit";

const SAMPLE = join(resolve(__dirname, "..", "..", "..", ".."), "assets", "foljsam-exempel.xlsx");
const dir = tempDir("foljsam-snabb-");

async function bothReaders(path: string) {
  const [fast, old] = [await readXlsx(path), await readXlsxWithWorkbook(path)];
  return { fast: fast.grid, old: old.grid };
}

async function save(name: string, build: (wb: ExcelJS.Workbook) => void, options?: Partial<ExcelJS.XlsxWriteOptions>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path, options);
  return path;
}

function everyFeature(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Drift");
  ws.getRow(1).values = ["Verksamhetsområde", "Budget 2026", "Utfall", "Andel", "Datum", "Kommentar"];
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).values = ["Skola", 1000, 600.5, 0.864, new Date(Date.UTC(2026, 7, 31)), { richText: [{ text: "Enligt " }, { font: { italic: true }, text: "plan" }] }];
  ws.getCell("D2").numFmt = "0.0%";
  ws.getCell("E2").numFmt = "yyyy-mm-dd";
  ws.getRow(3).values = ["  Grundskola", -12.25, true, 0.5, null, "a < b & \"c\""];
  ws.getCell("A3").alignment = { indent: 2 };
  ws.getCell("D3").numFmt = "0%";
  ws.getRow(4).values = ["Vård", { formula: "B2+B3", result: 987.75 }, { formula: "C2*2" }, { formula: '"x"&A2', result: "xSkola" }, { formula: "1/0", result: { error: "#DIV/0!" } }, false];
  ws.getRow(5).values = ["Summa", { formula: "SUM(B2:B4)", result: 1975.5 }, { sharedFormula: "B5", result: 1 } as unknown as ExcelJS.CellValue];
  EXCEL_ERRORS.slice(0, 5).forEach((error, i) => (ws.getCell(6, i + 1).value = { error } as ExcelJS.CellErrorValue));
  ws.getCell("A8").value = "Rubrik över två kolumner";
  ws.mergeCells("A8:B8");
  ws.getCell("C9").value = "ensam";
  ws.mergeCells("A9:A10");
  ws.getCell("A11").value = "dold rad";
  ws.getRow(11).hidden = true;
  ws.getColumn(3).hidden = true;
  ws.getCell("A12").value = { text: "länk", hyperlink: "https://example.invalid/" };
  ws.getCell("A13").value = "fet";
  ws.getCell("A13").font = { bold: true };
  ws.getCell("A13").alignment = { indent: 1 };
  const inv = wb.addWorksheet("Investeringar");
  inv.addTable({
    name: "Inv",
    ref: "B2",
    headerRow: true,
    columns: [{ name: "Projekt" }, { name: "Budget" }],
    rows: [
      ["Skolbygge", 30],
      ["Förskola", 10],
    ],
  });
  wb.addWorksheet("Tom");
  const own = wb.addWorksheet("Följsam Drift");
  own.getCell("A1").value = "skrivet av Följsam";
  addMark(wb, "Följsam Drift", 1);
}

describe("the fast reader gives the ExcelJS path's grid", () => {
  it("EXCELJS_VALUE_TYPES are ExcelJS's own", () => {
    for (const [name, value] of Object.entries(EXCELJS_VALUE_TYPES)) expect([name, ExcelJS.ValueType[name as keyof typeof ExcelJS.ValueType]]).toEqual([name, value]);
  });

  it("on the bundled sample", async () => {
    const { fast, old } = await bothReaders(SAMPLE);
    expect(fast).toEqual(old);
  });

  it.each([
    ["shared strings", true],
    ["inline strings", false],
  ] as const)("on a workbook with every feature, %s", async (_what, useSharedStrings) => {
    const path = await save(`alla-${useSharedStrings ? "delade" : "inline"}.xlsx`, everyFeature, { useSharedStrings });
    const { fast, old } = await bothReaders(path);
    expect(fast).toEqual(old);
    // And what that grid is, worked out by hand from the workbook above.
    const drift = fast.sheets[0];
    expect(drift.rows[1]).toEqual(["Skola", 1000, 600.5, "86,4 %", { date: 46265 }, "Enligt plan"]);
    expect(drift.rows[2]).toEqual(["  Grundskola", -12.25, true, "50 %", null, 'a < b & "c"']);
    expect(drift.rows[3]).toEqual(["Vård", 987.75, null, "xSkola", { error: "#DIV/0!" }, false]);
    expect(drift.formulas?.get("B4")).toBe("B2+B3");
    expect(drift.formulas?.get("C5")).toBe("SUM(C2:C4)");
    expect(drift.formulasWithoutValue).toEqual(["C4"]);
    expect(drift.rows[7]).toEqual(["Rubrik över två kolumner"]);
    expect(drift.rows[9]).toEqual([]);
    expect(drift.merges).toEqual([
      { name: "", top: 7, left: 0, bottom: 7, right: 1 },
      { name: "", top: 8, left: 0, bottom: 9, right: 0 },
    ]);
    expect(drift.hiddenRows).toEqual([10]);
    expect(drift.hiddenColumns).toEqual([2]);
    expect(drift.rows[11]).toEqual(["länk"]);
    expect(drift.cellStyles?.get("A1")).toEqual({ bold: true });
    expect(drift.cellStyles?.get("A3")).toEqual({ indent: 2 });
    expect(drift.cellStyles?.get("A13")).toEqual({ indent: 1, bold: true });
    expect(drift.cellStyles?.has("A2")).toBe(false);
    expect(fast.sheets[1].tables).toEqual([{ name: "Inv", top: 1, left: 1, bottom: 3, right: 2 }]);
    expect(fast.sheets.map((s) => [s.name, s.followUp === true, s.rows.length])).toEqual([
      ["Drift", false, 13],
      ["Investeringar", false, 4],
      ["Tom", false, 0],
      // Följsam's own sheet is marked, and its cells (one here) are not read.
      ["Följsam Drift", true, 0],
    ]);
  });

  it("with the 1904 date system", async () => {
    const path = await save("1904.xlsx", (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("Blad");
      ws.getCell("A1").value = new Date(Date.UTC(2026, 7, 31));
    });
    const { fast, old } = await bothReaders(path);
    expect(fast).toEqual(old);
    // The grid's serials count from 1899-12-30 whatever the workbook's date system.
    expect(fast.sheets[0].rows[0]).toEqual([{ date: 46265 }]);
  });
});

/** A one-sheet package whose sheet XML and shared strings are written by hand. */
function handMade(sheetData: string, extra: { strings?: string; sheetTail?: string; styles?: string } = {}): Buffer {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const parts = [
    { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    {
      name: "_rels/.rels",
      data: Buffer.from('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    },
    { name: "xl/workbook.xml", data: Buffer.from(`<?xml version="1.0"?>\n<workbook ${ns}><sheets><sheet name="Blad" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.from(`<?xml version="1.0"?>\n<worksheet ${ns}><sheetData>${sheetData}</sheetData>${extra.sheetTail ?? ""}</worksheet>`) },
  ];
  if (extra.strings !== undefined) parts.push({ name: "xl/sharedStrings.xml", data: Buffer.from(`<sst ${ns}>${extra.strings}</sst>`) });
  if (extra.styles !== undefined) parts.push({ name: "xl/styles.xml", data: Buffer.from(`<styleSheet ${ns}>${extra.styles}</styleSheet>`) });
  return craftZip(parts);
}

async function fastGrid(name: string, bytes: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return (await readXlsx(path)).grid.sheets[0];
}

describe("the fast reader on XML that ExcelJS does not write", () => {
  it("decodes references, CDATA, Excel's _xHHHH_ escapes, rich runs and phonetic runs", async () => {
    const sheet = await fastGrid(
      "tecken.xlsx",
      handMade('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t><![CDATA[<rå> & text]]></t></is></c><c r="D1" t="s"><v>2</v></c></row>', {
        strings: "<si><t>&lt;a&gt; &amp; &#229;&#xE4;</t></si><si><r><t>Del </t></r><r><rPr><b/></rPr><t>två_x000A_</t></r></si><si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh></si>",
      }),
    );
    expect(sheet.rows).toEqual([["<a> & åä", "Del två\n", "<rå> & text", "漢字"]]);
  });

  it("reads prefixed element names, cells without addresses and rows out of order", async () => {
    const sheet = await fastGrid("prefix.xlsx", handMade('<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="3"><x:c><x:v>1</x:v></x:c><x:c><x:v>2.5</x:v></x:c></x:row><row r="1"><c r="B1"><v>-7</v></c></row>'));
    expect(sheet.rows).toEqual([[null, -7], [], [1, 2.5]]);
  });

  it("moves a shared formula's references from its master to each cell", async () => {
    const sheet = await fastGrid(
      "delad.xlsx",
      handMade(
        '<row r="2"><c r="C2"><f t="shared" ref="C2:D3" si="0">A2*$B$1+SUM(A$1:A2)</f><v>1</v></c><c r="D2"><f t="shared" si="0"/><v>2</v></c></row><row r="3"><c r="C3"><f t="shared" si="0"/><v>3</v></c></row>',
      ),
    );
    expect(Object.fromEntries(sheet.formulas ?? [])).toEqual({ C2: "A2*$B$1+SUM(A$1:A2)", D2: "B2*$B$1+SUM(B$1:B2)", C3: "A3*$B$1+SUM(A$1:A3)" });
  });

  it("takes percent and date formats from styles.xml, built-in and custom", async () => {
    const sheet = await fastGrid(
      "format.xlsx",
      handMade('<row r="1"><c r="A1" s="1"><v>0.25</v></c><c r="B1" s="2"><v>45000.5</v></c><c r="C1" s="3"><v>0.123</v></c><c r="D1" s="4"><v>7</v></c></row>', {
        styles:
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/></numFmts><fonts count="2"><font/><font><b/></font></fonts><cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="9" fontId="0"/><xf numFmtId="14" fontId="1"/><xf numFmtId="10" fontId="0"/><xf numFmtId="164" fontId="0"><alignment indent="3"/></xf></cellXfs>',
      }),
    );
    // 45000.5 is 2023-03-15 12:00; a quoted "%" is a literal and leaves the number as it is.
    expect(sheet.rows).toEqual([["25 %", { date: 45000.5 }, "12,3 %", 7]]);
    expect(Object.fromEntries(sheet.cellStyles ?? [])).toEqual({ B1: { bold: true }, D1: { indent: 3 } });
  });

  it("refuses XML that stops in the middle, with its line and column", async () => {
    const path = join(dir, "avbruten.xlsx");
    writeFileSync(path, handMade('<row r="1"><c r="A1"><v>1</v></c></row>').subarray(0));
    const cut = patchZip(handMade('<row r="1"><c r="A1"><v>1</v></c></row>'), "xl/worksheets/sheet1.xml", (xml) => xml.slice(0, xml.indexOf("<v>") + 4));
    writeFileSync(path, cut);
    await expect(readXlsx(path)).rejects.toThrow(/^avbruten\.xlsx kan inte läsas som Excel-arbetsbok \(en del av filen är inte giltig XML, rad 2, tecken \d+\)/);
  });

  it("refuses an unknown entity and a character XML does not allow", async () => {
    for (const [name, text] of [
      ["entitet.xlsx", "&nbsp;"],
      ["tecken-ffff.xlsx", "\uFFFF"],
      ["styrtecken.xlsx", "\u0001"],
    ]) {
      const path = join(dir, name);
      writeFileSync(path, handMade('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { strings: `<si><t>a${text}</t></si>` }));
      await expect(readXlsx(path)).rejects.toThrow(/inte giltig XML, rad \d+, tecken \d+/);
    }
  });

  it("refuses a shared string index past the shared strings", async () => {
    const path = join(dir, "index.xlsx");
    writeFileSync(path, handMade('<row r="1"><c r="A1" t="s"><v>5</v></c></row>', { strings: "<si><t>a</t></si>" }));
    await expect(readXlsx(path)).rejects.toThrow(/innehållet är inte uppbyggt som Excel sparar det/);
  });
});
