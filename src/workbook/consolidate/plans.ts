/**
 * The consolidated workbook as sheet plans: Sammanställning (per nämnd and the city's total as
 * live SUM formulas, budget adherence as formulas), Måluppfyllelse per mål (how many nämnder reach
 * each goal, with the city's sentence, and each nämnd's assessment) and Kontroller (every finding
 * with the file it comes from). Text from the nämnder's files is always a plain value.
 */
import { toNumber } from "../../engine/amount";
import { amountNumberFormat } from "../../engine/format";
import type { IndicatorSummary } from "../../engine/types";
import { findingAdvice } from "../../i18n/findings";
import { SEVERITY_LABELS } from "../../i18n/findings.sv";
import type { SheetPlan } from "../plan";
import { amount, at, COUNT_FORMAT, Columns, formula, num, PERCENT_FORMAT, type PlanRow, RowBuffer, sheetPlan, styleRow, sumFormula, text } from "../plans/grid";
import { SEVERITY_STYLES, STATUS_DISPLAY, STATUS_LABELS } from "../plans/labels.sv";
import { chartBelow } from "../plans/charts";
import { forPrint } from "../plans/index";
import { sortFindings } from "../plans/findings";
import { deviationNumberFormat } from "../styles";
import type { Consolidation } from "./consolidate";
import { CITY_FINDING_TEXTS as F, CITY_SHEET_NAMES, CITY_TEXTS as T, GOAL_TEXTS as G } from "./labels.sv";

type UnitKey =
  | "name"
  | "file"
  | "budget"
  | "base"
  | "deviation"
  | "transfer"
  | "returned"
  | "adjusted"
  | "adherenceBefore"
  | "adherenceAfter"
  | "previousForecast"
  | "accuracy"
  | "full"
  | "partial"
  | "none"
  | "notMeasured"
  | "notAssessable"
  | "findings"
  | "errors";

const STATUS_KEYS: (keyof IndicatorSummary)[] = ["full", "partial", "none", "notMeasured", "notAssessable"];

export function buildConsolidationPlans(c: Consolidation): SheetPlan[] {
  const plans = [unitsSheet(c), goalsSheet(c), findingsSheet(c)];
  forPrint(plans, null, T.title(c.period, c.year));
  return plans;
}

function unitsSheet(c: Consolidation): SheetPlan {
  const H = T.headers;
  const vb = c.period === "VB";
  const cols = new Columns<UnitKey>([
    { key: "name", header: H.name, width: 34 },
    { key: "file", header: H.file, width: 26 },
    { key: "budget", header: H.budget, width: 13 },
    { key: "base", header: H.base(c.period), width: 13 },
    { key: "deviation", header: H.deviation, width: 13 },
    { key: "transfer", header: H.resultTransfer, width: 15 },
    { key: "returned", header: H.returnedFunds, width: 15 },
    { key: "adjusted", header: H.adjustedDeviation, width: 13 },
    { key: "adherenceBefore", header: H.adherenceBefore, width: 14 },
    { key: "adherenceAfter", header: H.adherenceAfter, width: 18 },
    ...(vb
      ? [
          { key: "previousForecast" as const, header: H.previousForecast, width: 13 },
          { key: "accuracy" as const, header: H.forecastAccuracy, width: 14 },
        ]
      : []),
    { key: "full", header: STATUS_LABELS.full, width: 9 },
    { key: "partial", header: STATUS_LABELS.partial, width: 9 },
    { key: "none", header: STATUS_LABELS.none, width: 9 },
    { key: "notMeasured", header: STATUS_LABELS.notMeasured, width: 9 },
    { key: "notAssessable", header: STATUS_LABELS.notAssessable, width: 12 },
    { key: "findings", header: H.findings, width: 11 },
    { key: "errors", header: H.errors, width: 9 },
  ]);
  const fmt = amountNumberFormat(c.unit);
  const devFmt = deviationNumberFormat(fmt);
  const L = (k: UnitKey) => cols.letter(k);
  const ratioCell = (r: number, numerator: string, v: number | null) =>
    v === null ? null : formula(`IF(${at(L("budget"), r)}=0,"",${numerator}/${at(L("budget"), r)})`, v, PERCENT_FORMAT);
  const accuracyCell = (r: number, v: number | null) =>
    v === null
      ? null
      : formula(
          `IF(OR(${at(L("budget"), r)}=0,${at(L("previousForecast"), r)}=""),"",(${at(L("base"), r)}-${at(L("previousForecast"), r)})/${at(L("budget"), r)})`,
          v,
          PERCENT_FORMAT,
        );

  const b = new RowBuffer();
  b.add([text(T.title(c.period, c.year), "title")]);
  b.add([text(T.note(c.units.length, c.unit), "note")]);
  b.add([]);
  const headerRow = b.add(cols.headerRow());
  const first = b.next;
  for (const u of c.units) {
    const r = b.next;
    const row = cols.row();
    row[cols.index("name")] = text(u.name);
    row[cols.index("file")] = text(u.file);
    row[cols.index("budget")] = amount(u.budget, fmt);
    row[cols.index("base")] = amount(u.base, fmt);
    row[cols.index("deviation")] = amount(u.deviation, devFmt);
    row[cols.index("transfer")] = u.hasOperating ? amount(u.resultTransfer, fmt) : null;
    row[cols.index("returned")] = u.hasOperating ? amount(u.returnedFunds, fmt) : null;
    row[cols.index("adjusted")] = amount(u.adjustedDeviation, devFmt);
    if (u.budget !== null && u.base !== null) {
      row[cols.index("adherenceBefore")] = ratioCell(r, at(L("base"), r), u.budgetAdherenceBefore);
      row[cols.index("adherenceAfter")] = ratioCell(r, `(${at(L("base"), r)}-${at(L("transfer"), r)})`, u.budgetAdherenceAfter);
    }
    if (vb) {
      row[cols.index("previousForecast")] = amount(u.previousForecast, fmt);
      row[cols.index("accuracy")] = accuracyCell(r, u.forecastAccuracy);
    }
    for (const s of STATUS_KEYS) row[cols.index(s)] = u.indicators === null ? null : num(u.indicators[s], COUNT_FORMAT);
    row[cols.index("findings")] = num(u.findings.length, COUNT_FORMAT);
    row[cols.index("errors")] = num(u.findings.filter((f) => f.severity === "error").length, COUNT_FORMAT);
    b.add(row);
  }
  const last = b.next - 1;
  const rows = Array.from({ length: last - first + 1 }, (_, i) => first + i);

  const t = c.total;
  const tr = b.next;
  const total = cols.row();
  const sumCell = (k: UnitKey, v: bigint | number | null, f: string) => {
    if (v === null) return null;
    return formula(sumFormula(L(k), rows), typeof v === "bigint" ? toNumber(v) : v, f);
  };
  total[cols.index("name")] = text(T.total);
  total[cols.index("budget")] = sumCell("budget", t.budget, fmt);
  total[cols.index("base")] = sumCell("base", t.base, fmt);
  total[cols.index("deviation")] = sumCell("deviation", t.deviation, devFmt);
  const anyOperating = c.units.some((u) => u.hasOperating);
  total[cols.index("transfer")] = anyOperating ? sumCell("transfer", t.resultTransfer, fmt) : null;
  total[cols.index("returned")] = anyOperating ? sumCell("returned", t.returnedFunds, fmt) : null;
  total[cols.index("adjusted")] = sumCell("adjusted", t.adjustedDeviation, devFmt);
  total[cols.index("adherenceBefore")] = ratioCell(tr, at(L("base"), tr), c.budgetAdherenceBefore);
  total[cols.index("adherenceAfter")] = ratioCell(tr, `(${at(L("base"), tr)}-${at(L("transfer"), tr)})`, c.budgetAdherenceAfter);
  if (vb) {
    total[cols.index("previousForecast")] = sumCell("previousForecast", t.previousForecast, fmt);
    if (c.forecastAccuracy !== null) {
      // Over the nämnder that have a prognos T2, as the figure in the JSON report.
      const range = (k: UnitKey) => `${at(L(k), first)}:${at(L(k), last)}`;
      const withPrev = (k: UnitKey) => `SUMIF(${range("previousForecast")},"<>",${range(k)})`;
      total[cols.index("accuracy")] = formula(
        `IF(${withPrev("budget")}=0,"",(${withPrev("base")}-SUM(${range("previousForecast")}))/${withPrev("budget")})`,
        c.forecastAccuracy,
        PERCENT_FORMAT,
      );
    }
  }
  if (c.indicators !== null) for (const s of STATUS_KEYS) total[cols.index(s)] = sumCell(s, c.indicators[s], COUNT_FORMAT);
  total[cols.index("findings")] = sumCell("findings", c.units.reduce((n, u) => n + u.findings.length, 0), COUNT_FORMAT);
  total[cols.index("errors")] = sumCell("errors", c.units.reduce((n, u) => n + u.findings.filter((f) => f.severity === "error").length, 0), COUNT_FORMAT);
  b.add(styleRow(total, cols.width, "total"));

  b.add([]);
  b.add([text(T.indicatorHeading, "subtotal")]);
  b.add([text(c.indicatorSentence ?? T.noIndicators, "note")]);

  const breaks: number[] = [];
  const charts =
    c.units.length > 0
      ? [
          chartBelow(b, breaks, T.chartTitle, `${at(L("name"), first)}:${at(L("name"), last)}`, [{ col: L("deviation"), headerRow, name: H.deviation }], first, last, {
            numFmt: fmt,
          }),
        ]
      : [];
  return sheetPlan("cityUnits", CITY_SHEET_NAMES.units, b.rows, cols.widths(), headerRow, { freezeColumns: 1, charts, pageBreaksBefore: breaks });
}

function goalsSheet(c: Consolidation): SheetPlan {
  const H = G.headers;
  const cols = new Columns<"goal" | "full" | "partial" | "none" | "notAssessable" | "count" | "sentence">([
    { key: "goal", header: H.goal, width: 50 },
    { key: "full", header: H.full, width: 9 },
    { key: "partial", header: H.partial, width: 9 },
    { key: "none", header: H.none, width: 9 },
    { key: "notAssessable", header: H.notAssessable, width: 12 },
    { key: "count", header: H.count, width: 14 },
    { key: "sentence", header: H.sentence, width: 80 },
  ]);
  const b = new RowBuffer();
  b.add([text(G.title(c.period, c.year), "title")]);
  b.add([text(G.note, "note")]);
  b.add([]);
  const headerRow = b.add(cols.headerRow());
  if (c.goals.length === 0) b.add([text(G.none, "note")]);
  for (const g of c.goals) {
    const r = b.next;
    const row: PlanRow = cols.row();
    row[cols.index("goal")] = text(g.name, "wrap");
    row[cols.index("full")] = num(g.full, COUNT_FORMAT);
    row[cols.index("partial")] = num(g.partial, COUNT_FORMAT);
    row[cols.index("none")] = num(g.none, COUNT_FORMAT);
    row[cols.index("notAssessable")] = num(g.notAssessable, COUNT_FORMAT);
    row[cols.index("count")] = formula(`SUM(${at(cols.letter("full"), r)}:${at(cols.letter("notAssessable"), r)})`, g.units.length, COUNT_FORMAT);
    row[cols.index("sentence")] = text(g.sentence, "wrap");
    b.add(row);
  }
  if (c.goals.length > 0) {
    b.add([]);
    b.add([text(G.detailHeading, "subtotal")]);
    const D = G.detailHeaders;
    b.add([text(D.goal, "header"), text(D.unit, "header"), text(D.status, "header")]);
    for (const g of c.goals) {
      for (const u of g.units) b.add([text(g.name, "wrap"), text(u.name), text(STATUS_LABELS[u.status], STATUS_DISPLAY[u.status].style)]);
    }
  }
  return sheetPlan("cityGoals", CITY_SHEET_NAMES.goals, b.rows, cols.widths(), headerRow, {});
}

function findingsSheet(c: Consolidation): SheetPlan {
  const H = F.headers;
  type Key = "unit" | "file" | "severity" | "sheet" | "cell" | "subject" | "code" | "message" | "advice";
  const cols = new Columns<Key>([
    { key: "unit", header: H.unit, width: 28 },
    { key: "file", header: H.file, width: 24 },
    { key: "severity", header: H.severity, width: 13 },
    { key: "sheet", header: H.sheet, width: 18 },
    { key: "cell", header: H.cell, width: 8 },
    { key: "subject", header: H.subject, width: 34 },
    { key: "code", header: H.code, width: 20 },
    { key: "message", header: H.message, width: 70 },
    { key: "advice", header: H.advice, width: 50 },
  ]);
  const count = c.units.reduce((n, u) => n + u.findings.length, 0);
  const b = new RowBuffer();
  b.add([text(F.title(c.period, c.year), "title")]);
  b.add([text(F.note(count), "note")]);
  b.add([]);
  const headerRow = b.add(cols.headerRow());
  if (count === 0) b.add([text(F.none, "note")]);
  for (const u of c.units) {
    for (const f of sortFindings(u.findings)) {
      const row = cols.row();
      row[cols.index("unit")] = text(u.name);
      row[cols.index("file")] = text(u.file);
      row[cols.index("severity")] = text(SEVERITY_LABELS[f.severity], SEVERITY_STYLES[f.severity]);
      row[cols.index("sheet")] = text(f.sheet);
      row[cols.index("cell")] = text(f.cell);
      row[cols.index("subject")] = text(f.subject, "wrap");
      row[cols.index("code")] = text(f.code);
      row[cols.index("message")] = text(f.message, "wrap");
      row[cols.index("advice")] = text(findingAdvice(f.code), "wrap");
      b.add(row);
    }
  }
  return sheetPlan("cityFindings", CITY_SHEET_NAMES.findings, b.rows, cols.widths(), headerRow, {});
}
