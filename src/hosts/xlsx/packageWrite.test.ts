/**
 * writeFollowUpFile: the follow-up sheets written into the user's own package. Checked against
 * the ExcelJS path (writeFollowUp) cell by cell, against the package rules Excel enforces, and
 * for what it promises beyond ExcelJS: every other part of the user's file kept byte for byte.
 */
import * as ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { readFileSync, readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { FOLLOW_UP_NAME_PREFIX, type SheetPlan } from "../../workbook/plan";
import { packageProblems } from "./package.testkit";
import { writeIntoPackage } from "./packageWrite";
import { readXlsx, readXlsxWithWorkbook } from "./read";
import { writeFollowUp, writeFollowUpFile } from "./write";
import { cellXml, loadWorkbook, patchZip, saveWorkbook, sheetXml, smallSummaryPlan, tempDir, unzip } from "./xlsx.testkit";

const AMOUNT = "#,##0.0";
const DEVIATION = "#,##0.0;[Red]-#,##0.0";
const TRICKY = ['=HYPERLINK("http://example.invalid","klicka")', "+46 8 508 000 00", "@foo", "-x", "=SUM(A1)", " inleds med mellanslag", "rad 1\nrad 2 <&>"];

function driftPlan(name = "Drift (2)"): SheetPlan {
  return {
    kind: "drift",
    name,
    rows: [
      [{ v: "Socialnämnden – uppföljning VB 2019", styles: ["title"] }],
      [{ v: "Belopp i mnkr", styles: ["note"] }],
      ["Verksamhetsområde", "Budget", "Utfall", "Avvikelse", "Kommentar"].map((v) => ({ v, styles: ["header"] })),
      [
        { v: "Barn och ungdom", styles: ["text"] },
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
      [{ v: TRICKY[2] }, { v: TRICKY[3] }, { v: TRICKY[4] }, { v: TRICKY[5] }, { v: true }],
      [{ v: TRICKY[6] }, { v: 0.5, numFmt: "0.0%", styles: ["statusPartial"] }, { v: "", f: 'IF(B6=0,"","x")', numFmt: "0.0%" }, { v: Number.NaN }, null],
      [
        { v: "Nämnden totalt", styles: ["total"] },
        { v: 305.4, f: "SUM(B4:B5)", numFmt: AMOUNT, styles: ["total"] },
        { v: 302.8, f: "SUM(C4:C5)", numFmt: AMOUNT, styles: ["total"] },
        { v: 2.6, f: "SUM(D4:D5)", numFmt: DEVIATION, styles: ["total", "deficit"] },
        { v: null, f: 'IF(D8<0,"underskott","")', styles: ["total"] },
      ],
    ],
    columnWidths: [40, 12, 12, 12, 60],
    freezeRows: 3,
    freezeColumns: 1,
    conditionalFormats: [{ type: "dataBar", range: "D4:D5", color: "638EC6" }],
    charts: [],
    printTitleRows: [3, 3],
    landscape: true,
    tabColor: "1F4E79",
  };
}

const summaryPlan = (name = "Sammanfattning (2)"): SheetPlan => smallSummaryPlan(name);

/** A user's workbook with what ExcelJS does not carry: a named formula, a constant, a print area. */
async function userWorkbook(path: string): Promise<void> {
  await saveWorkbook(path, (wb) => {
    const ws = wb.addWorksheet("Drift");
    ws.addRow(["Verksamhetsområde, mnkr", "Budget 2019", "Bokslut 2019", "Avvikelse", "Kommentar"]);
    ws.addRow(["Barn och ungdom", 88, 82.2, { formula: "B2-C2", result: 5.8 }, "=inte en formel"]);
    ws.getRow(1).font = { bold: true, name: "Arial", size: 10 };
    ws.getCell("B2").numFmt = "#,##0.0";
    ws.mergeCells("E3:F3");
    ws.getRow(3).hidden = true;
    ws.views = [{ state: "frozen", ySplit: 1 }];
    wb.addWorksheet("Sammanfattning").getCell("A1").value = "Användarens egen sammanfattning";
    wb.addWorksheet("Noter").getCell("A1").value = "Sist";
    wb.definedNames.add("Drift!$B$2", "Budgeten");
  });
  const names =
    '<definedName name="Summa">SUM(Drift!$B$2:$B$3)</definedName><definedName name="Moms">0.25</definedName>' +
    '<definedName name="_xlnm.Print_Area" localSheetId="2">Noter!$A$1:$C$9</definedName>';
  writeFileSync(path, patchZip(readFileSync(path), "xl/workbook.xml", (xml) => xml.replace(/<definedNames>/, `<definedNames>${names}`)));
}

function definedNames(bytes: Buffer): string[] {
  const xml = unzip(bytes).get("xl/workbook.xml") ?? "";
  return [...xml.matchAll(/<definedName name="([^"]+)"([^>]*)>([^<]*)</g)].map((m) => `${m[1]}${/localSheetId="(\d+)"/.exec(m[2])?.[1] ?? ""}=${m[3]}`);
}

describe("writeFollowUpFile", () => {
  let dir: string;
  let input: string;
  beforeEach(async () => {
    dir = tempDir();
    input = join(dir, "in.xlsx");
    await userWorkbook(input);
  });

  it("writes the plan into the package: text stays text, formulas keep their figures, looks, panes, data bars, print set-up", async () => {
    const out = join(dir, "ut.xlsx");
    await writeFollowUpFile(readFileSync(input), [driftPlan(), summaryPlan()], out);
    const bytes = readFileSync(out);
    expect(packageProblems(bytes)).toEqual([]);

    const parts = unzip(bytes);
    const xml = sheetXml(parts, "Drift (2)");
    for (const address of ["E4", "E5", "A6", "B6", "C6", "D6", "A7"]) {
      const c = new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml)![0];
      expect(c).toContain('t="inlineStr"');
      expect(c).not.toContain("<f>");
    }
    expect(cellXml(xml, "D6")).toContain('<t xml:space="preserve"> inleds med mellanslag</t>');
    expect(cellXml(xml, "D4")).toMatch(/<f>B4-C4<\/f><v>5.8<\/v>/);
    expect(cellXml(xml, "E8")).toMatch(/<f>IF\(D8&lt;0,&quot;underskott&quot;,&quot;&quot;\)<\/f><\/c>/);
    expect(cellXml(xml, "C7")).toMatch(/t="str"><f>IF\(B6=0,&quot;&quot;,&quot;x&quot;\)<\/f><v><\/v>/);
    expect(xml).not.toContain('r="D7"');
    expect(cellXml(xml, "E6")).toContain('t="b"');
    expect(xml).toMatch(/<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"\/>/);
    const link = /<cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"\/><cfvo type="max"\/><color rgb="FF638EC6"\/><\/dataBar><extLst><ext [^>]*><x14:id>(\{[0-9A-F-]{36}\})<\/x14:id><\/ext><\/extLst><\/cfRule>/.exec(xml);
    expect(link).not.toBeNull();
    expect(xml).toContain(`<x14:cfRule type="dataBar" id="${link![1]}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="min"/><x14:cfvo type="max"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>D4:D5</xm:sqref>`);
    expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    expect(xml).toMatch(/<tabColor rgb="FF1F4E79"\/><pageSetUpPr fitToPage="1"\/>/);
    expect(xml).toContain('<dimension ref="A1:E8"/>');

    expect(definedNames(bytes).sort()).toEqual(
      [
        "Budgeten=Drift!$B$2",
        "Summa=SUM(Drift!$B$2:$B$3)",
        "Moms=0.25",
        "_xlnm.Print_Area2=Noter!$A$1:$C$9",
        `${FOLLOW_UP_NAME_PREFIX}1=&apos;Drift (2)&apos;!$A$1`,
        `${FOLLOW_UP_NAME_PREFIX}2=&apos;Sammanfattning (2)&apos;!$A$1`,
        "_xlnm.Print_Titles3=&apos;Drift (2)&apos;!$3:$3",
      ].sort(),
    );

    const back = await loadWorkbook(out);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Drift", "Sammanfattning", "Noter", "Drift (2)", "Sammanfattning (2)"]);
    const ws = back.getWorksheet("Drift (2)")!;
    for (const [address, text] of [["E4", TRICKY[0]], ["E5", TRICKY[1]], ["A6", TRICKY[2]], ["B6", TRICKY[3]], ["C6", TRICKY[4]], ["A7", TRICKY[6]]]) {
      expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(address).value).toBe(text);
    }
    expect(ws.getCell("D5").result).toBe(-3.2);
    expect(ws.getCell("D5").numFmt).toBe(DEVIATION);
    expect(ws.getColumn(5).width).toBe(60);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
  });

  it("looks the same cell for cell as the ExcelJS path", async () => {
    const plans = [driftPlan(), summaryPlan()];
    const viaPackage = join(dir, "paket.xlsx");
    const viaExcelJS = join(dir, "exceljs.xlsx");
    await writeFollowUpFile(readFileSync(input), plans, viaPackage);
    await writeFollowUp((await readXlsxWithWorkbook(input)).workbook, plans, viaExcelJS);

    const [a, b] = [await readXlsxWithWorkbook(viaPackage), await readXlsxWithWorkbook(viaExcelJS)];
    expect(a.grid.sheets.map((s) => [s.name, s.followUp === true])).toEqual(b.grid.sheets.map((s) => [s.name, s.followUp === true]));
    for (const name of ["Drift (2)", "Sammanfattning (2)"]) {
      expect(a.grid.sheets.find((s) => s.name === name)).toEqual(b.grid.sheets.find((s) => s.name === name));
      const [wa, wb] = [a.workbook.getWorksheet(name)!, b.workbook.getWorksheet(name)!];
      wb.eachRow((row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          const other = wa.getCell(cell.address);
          const look = (c: ExcelJS.Cell) => ({
            numFmt: c.numFmt,
            bold: c.font?.bold ?? false,
            italic: c.font?.italic ?? false,
            size: c.font?.bold || c.font?.italic || c.font?.color ? c.font?.size : undefined,
            color: c.font?.color?.argb,
            fill: c.fill && c.fill.type === "pattern" && c.fill.pattern === "solid" ? c.fill.fgColor?.argb : undefined,
            top: c.border?.top?.style,
            bottom: c.border?.bottom?.style,
            wrap: c.alignment?.wrapText ?? false,
          });
          expect({ at: cell.address, ...look(other) }).toEqual({ at: cell.address, ...look(cell) });
        }),
      );
    }
  });

  it("keeps every other part of the user's file byte for byte, and what ExcelJS would drop", async () => {
    const original = readFileSync(input);
    const out = join(dir, "ut.xlsx");
    await writeFollowUpFile(original, [driftPlan()], out);
    const before = unzip(original);
    const after = unzip(readFileSync(out));
    const edited = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];
    for (const [part, content] of before) if (!edited.includes(part)) expect({ part, same: after.get(part) === content }).toEqual({ part, same: true });
    // The style sheet only grows: every look the user's cells point at stays where it was.
    const xfs = (xml: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1];
    expect(xfs(after.get("xl/styles.xml")!).startsWith(xfs(before.get("xl/styles.xml")!))).toBe(true);
    expect(definedNames(readFileSync(out))).toEqual(expect.arrayContaining(["Summa=SUM(Drift!$B$2:$B$3)", "Moms=0.25"]));
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  it("replaces its own sheets on a rerun, renumbers sheet-scoped names and drops the calculation chain", async () => {
    const first = join(dir, "ut1.xlsx");
    await writeFollowUpFile(readFileSync(input), [driftPlan(), summaryPlan()], first);
    // The user moves a follow-up sheet before their own last sheet and adds a calculation chain.
    const moved = patchZip(readFileSync(first), "xl/workbook.xml", (xml) => {
      const sheets = [...xml.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
      const order = [sheets[0], sheets[3], sheets[1], sheets[2], sheets[4]];
      return xml
        .replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${order.join("")}</sheets>`)
        .replace(/localSheetId="2"/, 'localSheetId="3"')
        .replace(/localSheetId="3">&apos;Drift/, 'localSheetId="1">&apos;Drift');
    });
    const withChain = patchZip(moved, "xl/_rels/workbook.xml.rels", (xml) =>
      xml.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'),
    );
    const parts = unzip(withChain);
    const entries = [...parts].map(([name, data]) => ({ name, data: Buffer.from(data, "utf8") }));
    entries.push({ name: "xl/calcChain.xml", data: Buffer.from('<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D2" i="1"/></calcChain>') });
    const { craftZip } = await import("./xlsx.testkit");
    const second = join(dir, "ut1b.xlsx");
    writeFileSync(second, craftZip(entries));
    expect((await readXlsx(second)).grid.sheets.map((s) => [s.name, s.followUp === true])).toEqual([
      ["Drift", false],
      ["Drift (2)", true],
      ["Sammanfattning", false],
      ["Noter", false],
      ["Sammanfattning (2)", true],
    ]);

    const plan = driftPlan();
    plan.rows[3][1] = { v: 99, numFmt: AMOUNT };
    const third = join(dir, "ut2.xlsx");
    await writeFollowUpFile(readFileSync(second), [plan, summaryPlan()], third);
    const bytes = readFileSync(third);
    expect(packageProblems(bytes)).toEqual([]);
    const after = unzip(bytes);
    expect(after.has("xl/calcChain.xml")).toBe(false);
    expect([...after.keys()].filter((p) => p.startsWith("xl/worksheets/sheet"))).toHaveLength(5);
    const back = await loadWorkbook(third);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Drift", "Sammanfattning", "Noter", "Drift (2)", "Sammanfattning (2)"]);
    expect(back.getWorksheet("Drift (2)")!.getCell("B4").value).toBe(99);
    // Noter was sheet 3 (index 3) and is index 2 again; the print titles follow the new Drift (2).
    expect(definedNames(bytes)).toEqual(expect.arrayContaining(["_xlnm.Print_Area2=Noter!$A$1:$C$9", "_xlnm.Print_Titles3=&apos;Drift (2)&apos;!$3:$3"]));
    expect(definedNames(bytes).filter((n) => n.startsWith(FOLLOW_UP_NAME_PREFIX))).toHaveLength(2);
  });

  it("drops a user's name that pointed into a follow-up sheet which is gone, keeps one into a sheet written again", async () => {
    const first = join(dir, "ut1.xlsx");
    await writeFollowUpFile(readFileSync(input), [driftPlan(), summaryPlan()], first);
    const withNames = patchZip(readFileSync(first), "xl/workbook.xml", (xml) =>
      xml.replace(
        "<definedNames>",
        "<definedNames><definedName name=\"Avvikelsen\">'Drift (2)'!$D$8</definedName><definedName name=\"Sammanfattat\">SUM('Sammanfattning (2)'!$B$2,Drift!$B$2)</definedName>",
      ),
    );
    const out = join(dir, "ut2.xlsx");
    await writeFollowUpFile(withNames, [driftPlan()], out);
    const bytes = readFileSync(out);
    expect(packageProblems(bytes)).toEqual([]);
    const written = definedNames(bytes);
    expect(written).toContain("Avvikelsen='Drift (2)'!$D$8");
    expect(written.filter((n) => n.startsWith("Sammanfattat"))).toEqual([]);
    expect(written).toContain("Budgeten=Drift!$B$2");
  });

  it("marks and prints a sheet whose name holds an apostrophe", async () => {
    const out = join(dir, "ut.xlsx");
    await writeFollowUpFile(readFileSync(input), [driftPlan("Nämndens 'egen' drift")], out);
    expect(packageProblems(readFileSync(out))).toEqual([]);
    expect(definedNames(readFileSync(out))).toEqual(
      expect.arrayContaining([
        `${FOLLOW_UP_NAME_PREFIX}1=&apos;Nämndens &apos;&apos;egen&apos;&apos; drift&apos;!$A$1`,
        "_xlnm.Print_Titles3=&apos;Nämndens &apos;&apos;egen&apos;&apos; drift&apos;!$3:$3",
      ]),
    );
    const back = await readXlsx(out);
    expect(back.grid.sheets.filter((s) => s.followUp).map((s) => s.name)).toEqual(["Nämndens 'egen' drift"]);
  });

  it("refuses, as a bug, a plan named like a sheet Följsam did not make, and writes nothing", async () => {
    await expect(writeFollowUpFile(readFileSync(input), [summaryPlan("sammanfattning")], join(dir, "ut.xlsx"))).rejects.toThrow(/krockar/);
    await expect(writeFollowUpFile(readFileSync(input), [summaryPlan("A/B")], join(dir, "ut.xlsx"))).rejects.toThrow(/Ogiltigt bladnamn/);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });

  it("leaves a package it does not expect to ExcelJS", async () => {
    // The same workbook with its main part's elements prefixed, as some generators write it.
    const prefixed = patchZip(readFileSync(input), "xl/workbook.xml", (xml) =>
      xml
        .replace(/<(\/?)([a-zA-Z]+)([ >/])/g, "<$1x:$2$3")
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),
    );
    expect(await writeIntoPackage(prefixed, [summaryPlan()], "x.xlsx")).toBeNull();
    // writeFollowUpFile then saves through ExcelJS; an unchanged package goes the direct way.
    const out = join(dir, "ut.xlsx");
    await writeFollowUpFile(readFileSync(input), [summaryPlan()], out);
    expect(unzip(readFileSync(out)).has("xl/sharedStrings.xml") && sheetXml(unzip(readFileSync(out)), "Sammanfattning (2)").includes('t="inlineStr"')).toBe(true);
    const viaExcelJS = join(dir, "ut-exceljs.xlsx");
    const fallback = await writeFollowUpFile(patchZip(readFileSync(input), "xl/_rels/workbook.xml.rels", (xml) => xml.replace(/Target="styles.xml"/, 'Target="/xl/styles.xml"').replace(/\/styles"/, '/stylesX"')), [summaryPlan()], viaExcelJS).then(
      () => "written",
      (e: Error) => e.message,
    );
    expect(fallback).toBe("written");
    expect(sheetXml(unzip(readFileSync(viaExcelJS)), "Sammanfattning (2)")).toContain('t="s"');
    expect(packageProblems(readFileSync(viaExcelJS))).toEqual([]);
  });

  (spawnSync("which", ["soffice"]).status === 0 ? it : it.skip)("edits a workbook LibreOffice saved, which LibreOffice then opens again", async () => {
    const profile = `-env:UserInstallation=file://${join(dir, "lo")}`;
    const resaved = join(dir, "libreoffice");
    const save = spawnSync("soffice", ["--headless", profile, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", resaved, input], { encoding: "utf8", timeout: 120_000 });
    expect(save.status).toBe(0);
    const original = readFileSync(join(resaved, "in.xlsx"));
    expect(await writeIntoPackage(original, [driftPlan()], "ut.xlsx")).not.toBeNull();
    const out = join(dir, "ut.xlsx");
    await writeFollowUpFile(original, [driftPlan()], out);
    expect(packageProblems(readFileSync(out))).toEqual([]);
    expect((await readXlsx(out)).grid.sheets.map((s) => [s.name, s.followUp === true])).toEqual([
      ["Drift", false],
      ["Sammanfattning", false],
      ["Noter", false],
      ["Drift (2)", true],
    ]);
    const csv = spawnSync("soffice", ["--headless", profile, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,4", "--outdir", join(dir, "csv"), out], { encoding: "utf8", timeout: 120_000 });
    expect(csv.status).toBe(0);
    expect(readFileSync(join(dir, "csv", "ut-Drift (2).csv"), "utf8")).toContain("Stöd till utomstående organisationer");
  }, 250_000);

  (spawnSync("which", ["soffice"]).status === 0 ? it : it.skip)("opens in LibreOffice with the figures and text as written", async () => {
    const out = join(dir, "ut.xlsx");
    await writeFollowUpFile(readFileSync(input), [driftPlan()], out);
    const r = spawnSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "lo")}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,4", "--outdir", dir, out], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    const csv = readFileSync(join(dir, "ut-Drift (2).csv"), "utf8");
    expect(csv).toContain('"=HYPERLINK(""http://example.invalid"",""klicka"")"');
    expect(csv).toContain("5.8");
    expect(csv).toContain("-3.2");
  }, 150_000);
});
