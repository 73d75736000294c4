import { type Amount, ratio, toNumber } from "../../engine/amount";
import { amountNumberFormat } from "../../engine/format";
import { formatPercent } from "../../engine/swedishNumber";
import type { FollowUpResult, Severity, Unit } from "../../engine/types";
import { SEVERITY_LABELS } from "../../i18n/findings.sv";
import { quoteSheetName } from "../cells";
import type { ChartPlan, SheetPlan } from "../plan";
import { chartBelow } from "./charts";
import { deviationNumberFormat } from "../styles";
import type { DriftAnchors } from "./drift";
import type { FindingAnchors } from "./findings";
import { absColumnRange, amount, at, COUNT_FORMAT, DATA_BAR_COLOR, formula, num, PERCENT_FORMAT, type PlanRow, RowBuffer, sheetPlan, text } from "./grid";
import type { IndicatorAnchors } from "./indicators";
import type { InvestmentAnchors } from "./investments";
import { SEVERITY_ORDER, SEVERITY_STYLES, STATUS_CHART_COLORS, STATUS_DISPLAY, STATUS_LABELS, STATUS_ORDER, SUMMARY_TEXTS as T } from "./labels.sv";

export interface SummaryAnchors {
  drift: DriftAnchors | null;
  investments: InvestmentAnchors | null;
  indicators: IndicatorAnchors | null;
  findings: FindingAnchors;
  /** Units of the drift and investment tables (the report's unit when a table does not say). */
  driftUnit: Unit;
  investmentUnit: Unit;
}

const LABEL = 0;
const VALUE = 1;
const REMARK = 2;
/** Column letter of the value column (B), for the sheet's own formulas. */
const V = "B";

/**
 * Följsam Sammanfattning: the key figures as live formulas into the other sheets (so the summary
 * follows when a controller edits them), the counts per status and severity as COUNTIF over the
 * status and severity columns, and deviation per area with a data bar and a chart.
 */
export function buildSummarySheet(result: FollowUpResult, a: SummaryAnchors, sheetName: string, source?: { file: string }): SheetPlan {
  const b = new RowBuffer();
  b.add([text(T.title(result.period, result.year), "title")]);
  b.add(source ? [text(T.source(source.file), "note")] : []);
  b.add([text(T.note, "note")]);
  b.add([]);

  const header = (label: string, second: string, third: string | null = null) =>
    b.add([text(label, "header"), text(second, "header"), text(third, "header")]);
  const keyRow = (label: string, value: PlanRow[number], remark: string | null = null) => {
    const row: PlanRow = [];
    row[LABEL] = text(label);
    row[VALUE] = value;
    row[REMARK] = text(remark, "note");
    return b.add(row);
  };
  /** A reference to a cell of another sheet, with the engine's figure; empty where that cell is. */
  const ref = (sheet: string, col: string | null, row: number, v: Amount | null, fmt: string) =>
    col === null || v === null ? null : formula(`${quoteSheetName(sheet)}!${at(col, row)}`, toNumber(v), fmt);

  const op = result.operating;
  const d = a.drift;
  const charts: ChartPlan[] = [];
  const bars: SheetPlan["conditionalFormats"] = [];
  const breaks: number[] = [];
  if (op && d) {
    const fmt = amountNumberFormat(a.driftUnit);
    const devFmt = deviationNumberFormat(fmt);
    const t = op.total;
    const tr = d.totalRow;
    header(T.driftSection(a.driftUnit), T.valueHeader, T.remarkHeader);
    const budgetRow = keyRow(T.budget, ref(d.sheet, d.letter("budget"), tr, t.budget, fmt));
    const baseRow = keyRow(T.base(result.period), ref(d.sheet, d.letter("base"), tr, t.base, fmt));
    keyRow(T.deviation, ref(d.sheet, d.letter("deviation"), tr, t.deviation, devFmt));
    const transferRow = keyRow(T.resultTransfers, ref(d.sheet, d.letter("transfer"), tr, t.resultTransfer, fmt));
    const em = d.earmarkLetters;
    keyRow(
      T.returnedFunds,
      em.length === 0
        ? amount(t.returnedFunds, fmt)
        : formula(`SUM(${quoteSheetName(d.sheet)}!${at(em[0], tr)}:${at(em[em.length - 1], tr)})`, toNumber(t.returnedFunds), fmt),
    );
    keyRow(T.adjustedDeviation, ref(d.sheet, d.letter("adjusted"), tr, t.adjustedDeviation, devFmt));
    const B = at(V, budgetRow);
    const ratioCell = (expr: string, v: number | null) =>
      t.budget === null || t.base === null ? null : formula(`IF(${B}=0,"",${expr}/${B})`, v ?? "", PERCENT_FORMAT);
    keyRow(T.adherenceBefore, ratioCell(at(V, baseRow), op.budgetAdherenceBefore), T.adherenceTarget);
    keyRow(T.adherenceAfter, ratioCell(`(${at(V, baseRow)}-${at(V, transferRow)})`, op.budgetAdherenceAfter), T.adherenceTarget);
    if (op.forecastAccuracy !== null) {
      const prev = d.letter("prev");
      const cell =
        prev !== null &&
        result.period === "VB" &&
        t.previousForecast !== null &&
        t.actual !== null &&
        t.budget !== null &&
        // The formula on the totals gives the engine's figure only when every row has both values.
        ratio(t.actual - t.previousForecast, t.budget) === op.forecastAccuracy
          ? ratioCell(`(${at(V, baseRow)}-${quoteSheetName(d.sheet)}!${at(prev, tr)})`, op.forecastAccuracy)
          : num(op.forecastAccuracy, PERCENT_FORMAT);
      const met = op.forecastAccuracyMet === null ? null : T.forecastAccuracyMet(op.forecastAccuracyMet, formatPercent(result.settings.forecastAccuracyBand, 0));
      keyRow(T.forecastAccuracy, cell, met);
    }
    keyRow(T.areasNeedingComment, num(op.areas.filter((x) => x.needsComment).length, COUNT_FORMAT));
    b.add([]);
  }

  const inv = result.investments;
  const ia = a.investments;
  if (inv && ia) {
    const fmt = amountNumberFormat(a.investmentUnit);
    header(T.investmentSection(a.investmentUnit), T.valueHeader);
    keyRow(T.budget, ref(ia.sheet, ia.letter("budget"), ia.totalRow, inv.total.budget, fmt));
    keyRow(T.base(result.period), ref(ia.sheet, ia.letter("base"), ia.totalRow, inv.total.base, fmt));
    keyRow(T.deviation, ref(ia.sheet, ia.letter("deviation"), ia.totalRow, inv.total.deviation, deviationNumberFormat(fmt)));
    b.add([]);
  }

  const ind = result.indicators;
  const xa = a.indicators;
  if (ind && xa) {
    const headingRow = header(T.indicatorSection, T.countHeader);
    breaks.push(headingRow);
    const range = `${quoteSheetName(xa.sheet)}!${absColumnRange(xa.statusLetter, xa.firstRow, xa.lastRow)}`;
    const first = b.next;
    for (const s of STATUS_ORDER) {
      const r = b.next;
      // The criterion is the label cell beside it, so the formula holds no text of its own.
      b.add([text(STATUS_LABELS[s], STATUS_DISPLAY[s].style), formula(`COUNTIF(${range},${at("A", r)})`, ind.summary[s], COUNT_FORMAT)]);
    }
    const last = b.next - 1;
    b.add([text(ind.summarySentence, "note", "wrap")]);
    charts.push(chartBelow(b, breaks, T.indicatorChart, `${at("A", first)}:${at("A", last)}`, [{ col: "B", headerRow: headingRow, name: T.countHeader }], first, last, {
      pointColors: STATUS_ORDER.map((s) => STATUS_CHART_COLORS[s]),
      numFmt: COUNT_FORMAT,
    }));
    b.add([]);
  }

  const fa = a.findings;
  header(T.findingSection, T.countHeader);
  const fRange = `${quoteSheetName(fa.sheet)}!${absColumnRange(fa.severityLetter, fa.firstRow, fa.lastRow)}`;
  for (const s of SEVERITY_ORDER) {
    const r = b.next;
    const n = result.findings.filter((f) => f.severity === (s as Severity)).length;
    b.add([text(SEVERITY_LABELS[s], SEVERITY_STYLES[s]), formula(`COUNTIF(${fRange},${at("A", r)})`, n, COUNT_FORMAT)]);
  }

  if (op && d && d.areaRows.length > 0) {
    const fmt = deviationNumberFormat(amountNumberFormat(a.driftUnit));
    b.add([]);
    breaks.push(b.add([text(T.areaTable, "subtotal")]));
    const H = T.areaHeaders;
    const headerRow = b.add([text(H.area, "header"), text(H.deviation, "header"), text(H.adjusted, "header")]);
    const first = b.next;
    for (const area of d.areaRows) {
      b.add([
        text(area.name),
        ref(d.sheet, d.letter("deviation"), area.row, area.deviation, fmt),
        ref(d.sheet, d.letter("adjusted"), area.row, area.adjusted, fmt),
      ]);
    }
    const last = b.next - 1;
    bars.push({ type: "dataBar", range: `${at("B", first)}:${at("B", last)}`, color: DATA_BAR_COLOR });
    const series = [
      { col: "B", headerRow, name: H.deviation },
      { col: "C", headerRow, name: H.adjusted },
    ];
    charts.push(chartBelow(b, breaks, T.areaTable, `${at("A", first)}:${at("A", last)}`, series, first, last, { numFmt: amountNumberFormat(a.driftUnit) }));
  }

  return sheetPlan("summary", sheetName, b.rows, [50, 14, 18, 30], null, {
    conditionalFormats: bars,
    charts,
    landscape: true,
    // A section with a chart starts its own page, so heading, table and chart print together.
    pageBreaksBefore: breaks.filter((r) => r > 0),
  });
}
