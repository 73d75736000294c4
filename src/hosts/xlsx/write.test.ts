import * as ExcelJS from "exceljs";
import { readdirSync, readFileSync, writeFileSync } from "fs";
import { basename, join } from "path";
import { FoljsamError } from "../../workbook/errors";
import { FOLLOW_UP_NAME_PREFIX, type SheetPlan } from "../../workbook/plan";
import { readXlsx, readXlsxWithWorkbook } from "./read";
import { followUpSheetNames, writeFollowUp } from "./write";
import { cellXml, loadWorkbook, patchZip, saveWorkbook, sheetXml, smallSummaryPlan, tempDir, unzip } from "./xlsx.testkit";

const AMOUNT = "#,##0.0";
const DEVIATION = "#,##0.0;[Red]-#,##0.0";

/** Text that a spreadsheet would take for a formula if it were typed in. */
const TRICKY = ['=HYPERLINK("http://example.invalid","klicka")', "+46 8 508 000 00", "@foo", "-x", "=SUM(A1)"];

function driftPlan(name = "Drift – uppföljning"): SheetPlan {
  return {
    kind: "drift",
    name,
    rows: [
      [{ v: "Socialnämnden – uppföljning VB 2019", styles: ["title"] }],
      [{ v: "Belopp i mnkr", styles: ["note"] }],
      [
        { v: "Verksamhetsområde", styles: ["header"] },
        { v: "Budget", styles: ["header"] },
        { v: "Utfall", styles: ["header"] },
        { v: "Avvikelse", styles: ["header"] },
        { v: "Kommentar", styles: ["header"] },
      ],
      [
        { v: "Barn och ungdom" },
        { v: 88, numFmt: AMOUNT },
        { v: 82.2, numFmt: AMOUNT },
        { v: 5.8, f: "B4-C4", numFmt: DEVIATION },
        { v: TRICKY[0], styles: ["wrap"] },
      ],
      [
        { v: "Stöd till utomstående organisationer", styles: ["needsComment"] },
        { v: 217.4, numFmt: AMOUNT },
        { v: 220.6, numFmt: AMOUNT },
        { v: -3.2, f: "B5-C5", numFmt: DEVIATION, styles: ["deficit"] },
        { v: TRICKY[1] },
      ],
      [{ v: TRICKY[2] }, { v: TRICKY[3] }, { v: TRICKY[4] }, null, { v: true }],
      [
        { v: "Nämnden totalt", styles: ["total"] },
        { v: 305.4, f: "SUM(B4:B5)", numFmt: AMOUNT, styles: ["total"] },
        { v: 302.8, f: "SUM(C4:C5)", numFmt: AMOUNT, styles: ["total"] },
        { v: 2.6, f: "SUM(D4:D5)", numFmt: DEVIATION, styles: ["total", "deficit"] },
        { v: null, f: "IF(D7<0,\"underskott\",\"\")" },
      ],
    ],
    columnWidths: [40, 12, 12, 12, 60],
    freezeRows: 3,
    freezeColumns: 1,
    conditionalFormats: [{ type: "dataBar", range: "D4:D5", color: "638EC6" }],
    charts: [{ type: "barClustered", title: "Avvikelse", categories: "A4:A5", values: "D4:D5", seriesName: "Avvikelse", from: "G2", to: "N20" }],
    printTitleRows: [3, 3],
    landscape: true,
    tabColor: "1F4E79",
  };
}

const summaryPlan = (name = "Sammanfattning"): SheetPlan => smallSummaryPlan(name);

/** A user's workbook: their own sheets, one of them named like a follow-up sheet. */
async function userWorkbook(path: string): Promise<void> {
  await saveWorkbook(path, (wb) => {
    const ws = wb.addWorksheet("Drift");
    ws.addRow(["Verksamhetsområde, mnkr", "Budget 2019", "Bokslut 2019", "Avvikelse", "Kommentar"]);
    ws.addRow(["Barn och ungdom", 88, 82.2, { formula: "B2-C2", result: 5.8 }, "=inte en formel"]);
    ws.addRow(["Omstrukturering", 9, 7.9, { formula: "B3-C3", result: 1.1 }, null]);
    ws.getRow(1).font = { bold: true };
    ws.getCell("B2").numFmt = "#,##0.0";
    ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    ws.mergeCells("E3:F3");
    ws.getRow(3).hidden = true;
    ws.getColumn(1).width = 33;
    ws.views = [{ state: "frozen", ySplit: 1 }];
    ws.addTable({ name: "Tabell1", ref: "A6", headerRow: true, columns: [{ name: "Kod" }, { name: "Belopp" }], rows: [["x", 1]] });
    wb.addWorksheet("Sammanfattning").getCell("A1").value = "Användarens egen sammanfattning";
    wb.definedNames.add("Drift!$B$2", "Budgeten");
  });
}

describe("writeFollowUp", () => {
  it("writes the plan: text stays text, formulas with cached results, formats, styles, panes, data bars, print set-up", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    await userWorkbook(input);
    const { workbook } = await readXlsxWithWorkbook(input);
    const out = join(dir, "ut.xlsx");
    await writeFollowUp(workbook, [driftPlan("Drift (2)"), summaryPlan("Sammanfattning (2)")], out);

    const parts = unzip(readFileSync(out));
    const xml = sheetXml(parts, "Drift (2)");
    // Every tricky text is a shared string, with no formula element.
    for (const address of ["E4", "E5", "A6", "B6", "C6"]) {
      const c = cellXml(xml, address);
      expect(c).toContain('t="s"');
      expect(c).not.toContain("<f>");
    }
    const strings = parts.get("xl/sharedStrings.xml") ?? "";
    expect(strings).toContain("=HYPERLINK(&quot;http://example.invalid&quot;,&quot;klicka&quot;)");
    expect(strings).toContain("=SUM(A1)");
    // Formulas carry the engine's figure; one without a figure has no cached value.
    expect(cellXml(xml, "D4")).toMatch(/<f>B4-C4<\/f><v>5.8<\/v>/);
    expect(cellXml(xml, "D7")).toMatch(/<f>SUM\(D4:D5\)<\/f><v>2.6<\/v>/);
    expect(cellXml(xml, "E7")).toMatch(/<f>IF\(D7&lt;0,"underskott",""\)<\/f><\/c>|<f>IF\(D7&lt;0,&quot;underskott&quot;,&quot;&quot;\)<\/f><\/c>/);
    expect(cellXml(xml, "E6")).toContain('t="b"');
    expect(xml).toMatch(/<pane xSplit="1" ySplit="3" topLeftCell="B4"[^>]*state="frozen"/);
    // The data bar as Excel writes one: the 2007 rule, linked by its GUID to the x14 extension.
    const link = /<cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"\/><cfvo type="max"\/><color rgb="FF638EC6"\/><\/dataBar><extLst><ext [^>]*><x14:id>(\{[0-9A-F-]{36}\})<\/x14:id><\/ext><\/extLst><\/cfRule>/.exec(xml);
    expect(link).not.toBeNull();
    expect(xml).toContain(`<x14:cfRule type="dataBar" id="${link![1]}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="min"/><x14:cfvo type="max"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>D4:D5</xm:sqref>`);
    expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(xml).toMatch(/<tabColor rgb="FF1F4E79"\/>/);
    // The chart: a drawing on the sheet, a chart part whose series refer to the sheet's cells.
    const drawingRid = /<drawing r:id="(rId\d+)"\/>/.exec(xml)?.[1];
    expect(drawingRid).toBeDefined();
    const chart = [...parts.entries()].find(([name]) => /^xl\/charts\/chart\d+\.xml$/.test(name))?.[1] ?? "";
    expect(chart).toContain("<c:f>&apos;Drift (2)&apos;!$A$4:$A$5</c:f>");
    expect(chart).toContain("<c:f>&apos;Drift (2)&apos;!$D$4:$D$5</c:f>");
    expect(chart).toContain("<c:pt idx=\"1\"><c:v>-3.2</c:v></c:pt>");
    const wbXml = parts.get("xl/workbook.xml") ?? "";
    expect(wbXml).toContain(`<definedName name="${FOLLOW_UP_NAME_PREFIX}1">&apos;Drift (2)&apos;!$A$1</definedName>`);
    expect(wbXml).toContain(`<definedName name="${FOLLOW_UP_NAME_PREFIX}2">&apos;Sammanfattning (2)&apos;!$A$1</definedName>`);
    expect(wbXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;Drift (2)&apos;!$3:$3</definedName>`);

    // Re-read with ExcelJS: types, formats and styles as planned.
    const back = await loadWorkbook(out);
    const ws = back.getWorksheet("Drift (2)")!;
    for (const address of ["E4", "E5", "A6", "B6", "C6"]) expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("E4").value).toBe(TRICKY[0]);
    expect(ws.getCell("D5").type).toBe(ExcelJS.ValueType.Formula);
    expect(ws.getCell("D5").result).toBe(-3.2);
    expect(ws.getCell("D5").numFmt).toBe(DEVIATION);
    expect(ws.getCell("D5").font).toMatchObject({ color: { argb: "FFC00000" } });
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("A2").font).toMatchObject({ italic: true, color: { argb: "FF595959" } });
    expect(ws.getCell("B3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("B3").border).toMatchObject({ bottom: { style: "thin" } });
    expect(ws.getCell("B3").alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell("A5").fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    // Several styles merge in order: total's bold and top border, deficit's colour.
    expect(ws.getCell("D7").font).toMatchObject({ bold: true, color: { argb: "FFC00000" } });
    expect(ws.getCell("D7").border).toMatchObject({ top: { style: "thin" } });
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.getColumn(5).width).toBe(60);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:3" });
    expect(back.getWorksheet("Sammanfattning (2)")!.getCell("B2").numFmt).toBe("0.0%");
    expect(back.worksheets.map((w) => w.name)).toEqual(["Drift", "Sammanfattning", "Drift (2)", "Sammanfattning (2)"]);
  });

  it("replaces its own sheets on a rerun and keeps the sheet count; a user's sheet of the same name is untouched", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    await userWorkbook(input);
    const first = await readXlsxWithWorkbook(input);
    expect(followUpSheetNames(first.workbook)).toEqual([]);
    await writeFollowUp(first.workbook, [driftPlan("Drift (2)"), summaryPlan("Sammanfattning (2)")], join(dir, "ut1.xlsx"));

    const second = await readXlsxWithWorkbook(join(dir, "ut1.xlsx"));
    expect(second.grid.sheets.map((s) => [s.name, s.followUp === true])).toEqual([
      ["Drift", false],
      ["Sammanfattning", false],
      ["Drift (2)", true],
      ["Sammanfattning (2)", true],
    ]);
    expect(followUpSheetNames(second.workbook)).toEqual(["Drift (2)", "Sammanfattning (2)"]);
    const plan = driftPlan("Drift (2)");
    plan.rows[3][1] = { v: 99, numFmt: AMOUNT };
    await writeFollowUp(second.workbook, [plan, summaryPlan("Sammanfattning (2)")], join(dir, "ut2.xlsx"));

    const third = await loadWorkbook(join(dir, "ut2.xlsx"));
    expect(third.worksheets.map((w) => w.name)).toEqual(["Drift", "Sammanfattning", "Drift (2)", "Sammanfattning (2)"]);
    expect(third.getWorksheet("Drift (2)")!.getCell("B4").value).toBe(99);
    expect(third.getWorksheet("Sammanfattning")!.getCell("A1").value).toBe("Användarens egen sammanfattning");
    const names = unzip(readFileSync(join(dir, "ut2.xlsx"))).get("xl/workbook.xml") ?? "";
    expect(names.match(new RegExp(FOLLOW_UP_NAME_PREFIX, "g"))).toHaveLength(2);
    expect(names).toContain('<definedName name="Budgeten">Drift!$B$2</definedName>');
  });

  it("replaces a marked sheet whatever it is called now, and drops stale marks", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    await saveWorkbook(input, (wb) => {
      wb.addWorksheet("Data").getCell("A1").value = 1;
      wb.addWorksheet("Omdöpt av användaren").getCell("A1").value = "gammal uppföljning";
      wb.definedNames.add("'Omdöpt av användaren'!$A$1", `${FOLLOW_UP_NAME_PREFIX}1`);
      wb.definedNames.add("'Finns inte längre'!$A$1", `${FOLLOW_UP_NAME_PREFIX}7`);
    });
    const { workbook } = await readXlsxWithWorkbook(input);
    await writeFollowUp(workbook, [summaryPlan()], join(dir, "ut.xlsx"));
    const back = await readXlsx(join(dir, "ut.xlsx"));
    expect(back.grid.sheets.map((s) => [s.name, s.followUp === true])).toEqual([
      ["Data", false],
      ["Sammanfattning", true],
    ]);
    const wbXml = unzip(readFileSync(join(dir, "ut.xlsx"))).get("xl/workbook.xml") ?? "";
    expect(wbXml).not.toContain("Finns inte längre");
    expect(wbXml).not.toContain(`${FOLLOW_UP_NAME_PREFIX}7`);
  });

  it("refuses, as a bug, a plan named like a sheet Följsam did not make, and changes nothing", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    await userWorkbook(input);
    const { workbook } = await readXlsxWithWorkbook(input);
    await expect(writeFollowUp(workbook, [summaryPlan("sammanfattning")], join(dir, "ut.xlsx"))).rejects.toThrow(/krockar/);
    await expect(writeFollowUp(workbook, [summaryPlan("A/B")], join(dir, "ut.xlsx"))).rejects.toThrow(/Ogiltigt bladnamn/);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Drift", "Sammanfattning"]);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });

  it("leaves the input byte-for-byte unchanged and round-trips the user's sheets", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    await userWorkbook(input);
    const before = readFileSync(input);
    const { workbook, grid } = await readXlsxWithWorkbook(input);
    await writeFollowUp(workbook, [driftPlan("Drift (2)")], join(dir, "ut.xlsx"));
    expect(readFileSync(input).equals(before)).toBe(true);

    const back = await readXlsx(join(dir, "ut.xlsx"));
    const mine = (g: typeof grid) => g.sheets.filter((s) => !s.followUp);
    expect(mine(back.grid)).toEqual(mine(grid));
    const ws = (await loadWorkbook(join(dir, "ut.xlsx"))).getWorksheet("Drift")!;
    expect(ws.getCell("A1").font).toMatchObject({ bold: true });
    expect(ws.getCell("A1").fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("B2").numFmt).toBe("#,##0.0");
    expect(ws.getCell("E2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("F3").type).toBe(ExcelJS.ValueType.Merge);
    expect(ws.getColumn(1).width).toBe(33);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("leaves out the defined names ExcelJS cannot carry instead of writing them broken", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    await userWorkbook(input);
    const names = [
      '<definedName name="Summa">SUM(Drift!$B$2:$B$3)</definedName>',
      '<definedName name="Moms">0.25</definedName>',
      '<definedName name="Trasig">#REF!$A$1</definedName>',
      '<definedName name="Extern">[1]Blad1!$A$1</definedName>',
      '<definedName name="Kolumn">Drift!$A:$A</definedName>',
      "<definedName name=\"Egen_tabell\">'Sammanfattning'!$A$1:$B$2</definedName>",
    ].join("");
    writeFileSync(input, patchZip(readFileSync(input), "xl/workbook.xml", (xml) => xml.replace(/<definedNames>/, `<definedNames>${names}`)));
    const { workbook } = await readXlsxWithWorkbook(input);
    await writeFollowUp(workbook, [summaryPlan("Sammanfattning (2)")], join(dir, "ut.xlsx"));
    const wbXml = unzip(readFileSync(join(dir, "ut.xlsx"))).get("xl/workbook.xml") ?? "";
    const written = [...wbXml.matchAll(/<definedName name="([^"]+)"[^>]*>([^<]*)</g)].map((m) => `${m[1]}=${m[2]}`);
    expect(written.sort()).toEqual([
      "Budgeten=Drift!$B$2",
      "Egen_tabell=Sammanfattning!$A$1:$B$2",
      `${FOLLOW_UP_NAME_PREFIX}1=&apos;Sammanfattning (2)&apos;!$A$1`,
    ]);
  });

  it("marks a sheet whose name holds an apostrophe, and prints it without repeated titles", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    await userWorkbook(input);
    const { workbook } = await readXlsxWithWorkbook(input);
    await writeFollowUp(workbook, [driftPlan("Nämndens 'egen' drift")], join(dir, "ut.xlsx"));
    const wbXml = unzip(readFileSync(join(dir, "ut.xlsx"))).get("xl/workbook.xml") ?? "";
    expect(wbXml).toContain(`<definedName name="${FOLLOW_UP_NAME_PREFIX}1">&apos;Nämndens &apos;&apos;egen&apos;&apos; drift&apos;!$A$1</definedName>`);
    expect(wbXml).not.toContain("Print_Titles");
    const back = await readXlsx(join(dir, "ut.xlsx"));
    expect(back.grid.sheets.filter((s) => s.followUp).map((s) => s.name)).toEqual(["Nämndens 'egen' drift"]);
  });

  it("writes in place over its input when asked to", async () => {
    const dir = tempDir();
    const path = join(dir, "in.xlsx");
    await userWorkbook(path);
    const { workbook } = await readXlsxWithWorkbook(path);
    await writeFollowUp(workbook, [summaryPlan("Sammanfattning (2)")], path);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
    expect((await readXlsx(path)).grid.sheets.map((s) => s.name)).toEqual(["Drift", "Sammanfattning", "Sammanfattning (2)"]);
  });

  it("fails with one Swedish line and leaves nothing behind when the folder does not exist", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    await userWorkbook(input);
    const { workbook } = await readXlsxWithWorkbook(input);
    const error = await writeFollowUp(workbook, [summaryPlan("Sammanfattning (2)")], join(dir, "saknas", "ut.xlsx")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FoljsamError);
    expect((error as Error).message).toBe("Kan inte skriva ut.xlsx: mappen " + join(dir, "saknas") + " finns inte.");
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });

  it("fails with one Swedish line and removes its temporary file when the target is a folder", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    await userWorkbook(input);
    const { workbook } = await readXlsxWithWorkbook(input);
    const error = await writeFollowUp(workbook, [summaryPlan("Sammanfattning (2)")], dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FoljsamError);
    expect((error as Error).message).not.toMatch(/\n/);
    expect((error as Error).message).toContain("det finns en mapp med det namnet");
    expect(readdirSync(join(dir, "..")).filter((f) => f.startsWith(`.${basename(dir)}.`))).toEqual([]);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });
});
