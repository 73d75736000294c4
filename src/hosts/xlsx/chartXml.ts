import { columnLetters, parseA1, quoteSheetName } from "../../workbook/cells";
import type { ChartPlan, SheetPlan } from "../../workbook/plan";
import { xmlText } from "./sheetXml";

/**
 * The DrawingML parts of a plan's charts, laid out as Excel 2016 writes a clustered bar chart
 * (xl/charts/chartN.xml) and the sheet's drawing that anchors it to cells (xl/drawings/drawingN.xml).
 * Every series refers to the sheet's cells, so the chart follows when a figure is edited; the
 * cached values are the plan's figures, so a reader that does not recalculate shows them too.
 */

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Series colours: Office's blue and orange, distinct in grey print by their lightness. */
const SERIES_COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000"];

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function range(ref: string): Range {
  const [a, b = a] = ref.split(":");
  const from = parseA1(a);
  const to = parseA1(b);
  if (!from || !to) throw new Error(`Ogiltigt diagramområde: ${ref}`);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

function absolute(sheet: string, ref: string): string {
  const r = range(ref);
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const a = cell(r.top, r.left);
  const b = cell(r.bottom, r.right);
  return `${quoteSheetName(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/** The plan's values in a range, row by row then column by column. */
function cellsOf(plan: SheetPlan, ref: string): (string | number | boolean | null)[] {
  const r = range(ref);
  const out: (string | number | boolean | null)[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(plan.rows[row]?.[col]?.v ?? null);
  return out;
}

function strRef(sheet: string, ref: string, values: (string | number | boolean | null)[]): string {
  const pts = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${xmlText(String(v))}</c:v></c:pt>`)).join("");
  return `<c:strRef><c:f>${xmlText(absolute(sheet, ref))}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, ref: string, values: (string | number | boolean | null)[], format: string): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numRef><c:f>${xmlText(absolute(sheet, ref))}</c:f><c:numCache><c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

function solid(color: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${color.replace(/^#/, "").toUpperCase()}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></c:spPr>`;
}

const TEXT_9PT = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>';

/** The chart part (c:chartSpace) of one chart of `plan`. */
export function chartSpaceXml(plan: SheetPlan, chart: ChartPlan): string {
  const sheet = plan.name;
  const series = chart.series ?? [{ values: chart.values, nameCell: "", name: chart.seriesName }];
  const categories = cellsOf(plan, chart.categories);
  const format = chart.numFmt ?? "General";
  const sers = series
    .map((s, i) => {
      const name = s.nameCell
        ? `<c:tx>${strRef(sheet, s.nameCell, [s.name])}</c:tx>`
        : `<c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>`;
      const points = (chart.pointColors ?? []).map((color, p) => `<c:dPt><c:idx val="${p}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${solid(color)}</c:dPt>`).join("");
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${name}${solid(SERIES_COLORS[i % SERIES_COLORS.length])}<c:invertIfNegative val="0"/>${points}` +
        `<c:cat>${strRef(sheet, chart.categories, categories)}</c:cat><c:val>${numRef(sheet, s.values, cellsOf(plan, s.values), format)}</c:val></c:ser>`
      );
    })
    .join("");
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="sv-SE" sz="1200" b="1"/><a:t>${xmlText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  // Categories top to bottom as in the table; their labels at the far left ("low"), clear of
  // the deficits' bars, which run left of the zero line.
  const catAx =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `${TEXT_9PT}<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="t"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${xmlText(format)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></c:spPr>${TEXT_9PT}` +
    `<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "";
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:date1904 val="0"/><c:lang val="sv-SE"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${sers}<c:gapWidth val="60"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `${catAx}${valAx}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings></c:chartSpace>`
  );
}

function anchorCell(tag: "from" | "to", ref: string): string {
  const cell = parseA1(ref);
  if (!cell) throw new Error(`Ogiltig diagramplats: ${ref}`);
  return `<xdr:${tag}><xdr:col>${cell.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${cell.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** The sheet's drawing part: chart i anchored from its `from` cell to its `to` cell, by relationship `rId{i+1}`. */
export function drawingXml(charts: readonly ChartPlan[]): string {
  const anchors = charts
    .map(
      (chart, i) =>
        `<xdr:twoCellAnchor editAs="oneCell">${anchorCell("from", chart.from)}${anchorCell("to", chart.to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlText(`Diagram ${i + 1}`)}" descr="${xmlText(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C_NS}">` +
        `<c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join("");
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchors}</xdr:wsDr>`;
}
