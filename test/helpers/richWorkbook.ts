/**
 * Test-only: the bundled sample as a user's workbook that has been worked on in Excel: a chart on
 * its Drift sheet, a pivot table with its pivot cache, sheet-scoped defined names (an autofilter's
 * _FilterDatabase on Drift, a print area on Investeringar), a workbook name, and Investeringar as
 * the active, selected tab. The parts are written as Excel writes them, by hand, since neither
 * ExcelJS nor LibreOffice makes a pivot cache.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { addChartParts } from "../../src/hosts/xlsx/chartPackage";
import { compressedData, entryData, readCentralDirectory } from "../../src/hosts/xlsx/zipCheck";
import { type ZipPart, writeZip } from "../../src/hosts/xlsx/zipWrite";
import type { SheetPlan } from "../../src/workbook/plan";
import { ROOT } from "./cli";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELS = (body: string) => `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

const CACHE_DEFINITION =
  `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="2">` +
  `<cacheSource type="worksheet"><worksheetSource ref="A20:B22" sheet="Drift"/></cacheSource><cacheFields count="2">` +
  `<cacheField name="Område" numFmtId="0"><sharedItems count="2"><s v="A"/><s v="B"/></sharedItems></cacheField>` +
  `<cacheField name="Belopp" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="2"/></cacheField>` +
  `</cacheFields></pivotCacheDefinition>`;
const CACHE_RECORDS = `${HEAD}<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${REL}" count="2"><r><x v="0"/><n v="1"/></r><r><x v="1"/><n v="2"/></r></pivotCacheRecords>`;
const PIVOT_TABLE =
  `${HEAD}<pivotTableDefinition xmlns="${MAIN}" name="Pivottabell1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Värden" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1">` +
  `<location ref="K20:L23" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2">` +
  `<pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>` +
  `<rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>` +
  `<dataFields count="1"><dataField name="Summa av Belopp" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`;

/** The user's chart on Drift: budget per area, as the plan-less chart writer makes one. */
const USER_CHART: SheetPlan = {
  kind: "drift",
  name: "Drift",
  rows: [],
  columnWidths: [],
  freezeRows: 0,
  conditionalFormats: [],
  charts: [{ type: "barClustered", title: "Budget per område", categories: "A3:A12", values: "B3:B12", seriesName: "Budget", from: "H2", to: "O18" }],
  landscape: true,
};

export async function richWorkbook(): Promise<Buffer> {
  const original = readFileSync(join(ROOT, "assets", "foljsam-exempel.xlsx"));
  const entries = readCentralDirectory(original, "sample");
  const text = (name: string) => entryData(original, entries.find((e) => e.name === name)!, "sample").toString("utf8");
  const edited = new Map<string, string>();

  edited.set(
    "xl/workbook.xml",
    text("xl/workbook.xml")
      .replace("<sheets>", '<bookViews><workbookView activeTab="1"/></bookViews><sheets>')
      .replace(
        "</sheets>",
        "</sheets><definedNames>" +
          '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Drift!$A$1:$D$12</definedName>' +
          '<definedName name="_xlnm.Print_Area" localSheetId="1">Investeringar!$A$1:$D$8</definedName>' +
          '<definedName name="Budgetram">Drift!$B$3</definedName></definedNames>',
      )
      .replace(/(<calcPr[^>]*\/>)/, '$1<pivotCaches><pivotCache cacheId="7" r:id="rId90"/></pivotCaches>'),
  );
  edited.set(
    "xl/_rels/workbook.xml.rels",
    text("xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      `<Relationship Id="rId90" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
    ),
  );
  edited.set("xl/worksheets/sheet2.xml", text("xl/worksheets/sheet2.xml").replace('<sheetView workbookViewId="0">', '<sheetView tabSelected="1" workbookViewId="0">'));
  edited.set(
    "[Content_Types].xml",
    text("[Content_Types].xml").replace(
      "</Types>",
      `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${CT}.pivotCacheDefinition+xml"/>` +
        `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${CT}.pivotCacheRecords+xml"/>` +
        `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="${CT}.pivotTable+xml"/></Types>`,
    ),
  );
  const added: [string, string][] = [
    ["xl/pivotCache/pivotCacheDefinition1.xml", CACHE_DEFINITION],
    ["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", RELS(`<Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/>`)],
    ["xl/pivotCache/pivotCacheRecords1.xml", CACHE_RECORDS],
    ["xl/pivotTables/pivotTable1.xml", PIVOT_TABLE],
    ["xl/pivotTables/_rels/pivotTable1.xml.rels", RELS(`<Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/>`)],
    ["xl/worksheets/_rels/sheet1.xml.rels", RELS(`<Relationship Id="rId1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/>`)],
  ];

  const parts: ZipPart[] = entries
    .filter((e) => !e.name.endsWith("/"))
    .map((e) => {
      const data = edited.get(e.name);
      return data !== undefined
        ? { name: e.name, chunks: [Buffer.from(data, "utf8")] }
        : { name: e.name, raw: { method: e.method, crc: e.crc32, size: e.uncompressedSize, body: compressedData(original, e, "sample") } };
    });
  for (const [name, xml] of added) parts.push({ name, chunks: [Buffer.from(xml, "utf8")] });
  return addChartParts(await writeZip(parts), [USER_CHART], "sample");
}
