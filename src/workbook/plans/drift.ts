import { type Amount, sumPresent } from "../../engine/amount";
import { amountNumberFormat } from "../../engine/format";
import type { AmountFields, DriftNodeResult, DriftRowResult, OperatingResult, Period, Unit } from "../../engine/types";
import type { SheetPlan, StyleName } from "../plan";
import { deviationNumberFormat } from "../styles";
import {
  amount,
  amountFormula,
  at,
  type Column,
  Columns,
  DATA_BAR_COLOR,
  formula,
  PERCENT_FORMAT,
  type PlanRow,
  RowBuffer,
  sheetPlan,
  styleRow,
  sumFormula,
  text,
} from "./grid";
import { DRIFT_TEXTS } from "./labels.sv";

/**
 * Följsam Drift: one row per verksamhetsområde (with its units indented below it when it has more
 * than one), a "Nämnden totalt" row, and every derived cell as a live formula: Avvikelse = budget −
 * base, Justerad avvikelse = Avvikelse + Resultatöverföring + Justeringar, group rows as SUMs of the
 * rows directly under them. Inputs and engine decisions (transfers, returned funds) are values.
 */

type AmountKey = "priorYear" | "budget" | "actual" | "base" | "deviation" | "transfer" | "adjusted" | "prev" | "diff" | `earmark:${number}`;
type DriftKey = "name" | "pct" | "comment" | AmountKey;

/** One printed row: a leaf (an input row) or a group (SUM of the lines under it). */
interface DriftLine {
  name: string;
  level: number;
  fields: AmountFields;
  comment: string | null;
  children: DriftLine[];
  /** Earmark key of a leaf, trimmed as the engine groups it. */
  earmark: string | null;
  substituted: boolean;
  needsComment: boolean;
}

export interface DriftAnchors {
  sheet: string;
  /** Column letter per key, for the Sammanfattning's cross-sheet formulas. */
  letter: (key: "budget" | "base" | "deviation" | "transfer" | "adjusted" | "prev") => string | null;
  earmarkLetters: string[];
  /** 0-based row of "Nämnden totalt". */
  totalRow: number;
  areaRows: { name: string; row: number; deviation: Amount | null; adjusted: Amount | null }[];
}

export function buildDriftSheet(
  op: OperatingResult,
  period: Period,
  year: number | null,
  unit: Unit,
  sheetName: string,
): { plan: SheetPlan; anchors: DriftAnchors } {
  const fmt = amountNumberFormat(unit);
  const devFmt = deviationNumberFormat(fmt);
  const H = DRIFT_TEXTS.headers;
  const earmarks = op.earmarks.map((e) => e.name);

  const areaLines = op.areas.map((a) => lineFromNode(a, 0, a.needsComment));
  const hasPrior = op.total.priorYearActual !== null;
  const hasPrev = op.total.previousForecast !== null;

  const list: Column<DriftKey>[] = [{ key: "name", header: H.area, width: 45 }];
  if (hasPrior) list.push({ key: "priorYear", header: H.priorYear(year), width: 12 });
  list.push({ key: "budget", header: H.budget(year), width: 12 });
  // In a tertial the books so far stand beside the forecast they are assessed by.
  if (period !== "VB" && op.total.actual !== null) list.push({ key: "actual", header: H.yearToDate(period), width: 12 });
  list.push({ key: "base", header: H.base(period, year), width: 12 });
  list.push({ key: "deviation", header: H.deviation, width: 12 }, { key: "transfer", header: H.resultTransfer, width: 14 });
  earmarks.forEach((name, i) => list.push({ key: `earmark:${i}`, header: H.earmark(name), width: 14 }));
  list.push({ key: "adjusted", header: H.adjustedDeviation, width: 12 }, { key: "pct", header: H.deviationPct, width: 10 });
  if (hasPrev) list.push({ key: "prev", header: H.previousForecast(period), width: 12 }, { key: "diff", header: H.forecastDiff(period), width: 12 });
  list.push({ key: "comment", header: DRIFT_TEXTS.headers.comment, width: 60 });
  const cols = new Columns(list);
  const L = (k: DriftKey) => cols.letter(k);
  const earmarkKeys = earmarks.map((_, i) => `earmark:${i}` as const);

  const amountKeys: AmountKey[] = ["priorYear", "budget", "actual", "base", "deviation", "transfer", ...earmarkKeys, "adjusted", "prev", "diff"];
  const formatOf = (k: AmountKey): string =>
    k === "deviation" || k === "adjusted" || (k === "diff" && period === "VB") ? devFmt : fmt;

  /** The figure a line shows in a column; groups sum their lines where the engine has no figure. */
  const valueOf = (line: DriftLine, k: AmountKey): Amount | null => {
    const f = line.fields;
    switch (k) {
      case "priorYear":
        return f.priorYearActual;
      case "budget":
        return f.budget;
      case "actual":
        return f.actual;
      case "base":
        return f.base;
      case "deviation":
        return f.deviation;
      case "transfer":
        // Blank, as in the published tables, where no transfer is made.
        return f.resultTransfer === 0n ? null : f.resultTransfer;
      case "adjusted":
        return f.adjustedDeviation;
      case "prev":
        return f.previousForecast;
      case "diff":
        if (line.children.length > 0) return sumPresent(line.children.map((c) => valueOf(c, "diff")));
        if (period !== "VB") return f.forecastChange;
        return f.previousForecast !== null && f.base !== null ? f.previousForecast - f.base : null;
      default: {
        const name = earmarks[Number(k.slice("earmark:".length))];
        if (line.children.length > 0) return sumPresent(line.children.map((c) => valueOf(c, k)));
        return line.earmark === name && f.returnedFunds !== 0n ? f.returnedFunds : null;
      }
    }
  };

  const pctCell = (line: DriftLine, r: number) =>
    line.fields.deviation === null
      ? null
      : formula(`IF(${at(L("budget"), r)}=0,"",${at(L("deviation"), r)}/ABS(${at(L("budget"), r)}))`, line.fields.deviationPct ?? "", PERCENT_FORMAT);

  const leafRow = (line: DriftLine, r: number): PlanRow => {
    const row = cols.row();
    const put = (k: DriftKey, cell: PlanRow[number]) => {
      if (cols.has(k)) row[cols.index(k)] = cell;
    };
    put("name", text(DRIFT_TEXTS.indent.repeat(line.level) + line.name));
    for (const k of ["priorYear", "budget", "actual", "transfer", "prev", ...earmarkKeys] as AmountKey[]) put(k, amount(valueOf(line, k), formatOf(k)));
    put("base", amount(line.fields.base, fmt, ...(line.substituted ? (["note"] as StyleName[]) : [])));
    const dev = line.fields.deviation;
    if (dev !== null) put("deviation", amountFormula(`${at(L("budget"), r)}-${at(L("base"), r)}`, dev, devFmt));
    const adjusted = line.fields.adjustedDeviation;
    if (adjusted !== null && dev !== null) {
      const shown = earmarkKeys.map((k) => valueOf(line, k) ?? 0n).reduce((a, b) => a + b, 0n);
      const terms = ["deviation", "transfer", ...earmarkKeys].map((k) => at(L(k as DriftKey), r));
      put(
        "adjusted",
        dev + line.fields.resultTransfer + shown === adjusted ? amountFormula(terms.join("+"), adjusted, devFmt) : amount(adjusted, devFmt),
      );
    }
    put("pct", pctCell(line, r));
    const diff = valueOf(line, "diff");
    if (cols.has("diff") && diff !== null) {
      const f = period === "VB" ? `${at(L("prev"), r)}-${at(L("base"), r)}` : `${at(L("base"), r)}-${at(L("prev"), r)}`;
      put("diff", amountFormula(f, diff, formatOf("diff")));
    }
    put("comment", text(line.comment, "wrap"));
    return row;
  };

  const groupRow = (line: DriftLine, r: number, childRows: number[]): PlanRow => {
    const row = cols.row();
    row[cols.index("name")] = text(DRIFT_TEXTS.indent.repeat(line.level) + line.name);
    for (const k of amountKeys) {
      if (!cols.has(k)) continue;
      const v = valueOf(line, k);
      if (v !== null) row[cols.index(k)] = amountFormula(sumFormula(L(k), childRows), v, formatOf(k));
    }
    row[cols.index("pct")] = pctCell(line, r);
    row[cols.index("comment")] = text(line.comment, "wrap");
    return row;
  };

  const finish = (row: PlanRow, line: DriftLine, styles: StyleName[]): PlanRow => {
    const devIndex = cols.index("deviation");
    const dev = row[devIndex];
    if (dev && typeof dev.v === "number" && dev.v < 0) row[devIndex] = { ...dev, styles: [...(dev.styles ?? []), "deficit"] };
    // The yellow band fades in black-and-white print; the mark in the empty comment cell stays.
    const commentIndex = cols.index("comment");
    if (line.needsComment && line.level === 0 && (row[commentIndex]?.v ?? null) === null) row[commentIndex] = text(DRIFT_TEXTS.commentRequired, "note");
    const all = [...styles, ...(line.needsComment ? (["needsComment"] as StyleName[]) : [])];
    return all.length > 0 ? styleRow(row, cols.width, ...all) : row;
  };

  const b = new RowBuffer();
  b.add([text(DRIFT_TEXTS.title(period, year, unit), "title")]);
  b.add([text(DRIFT_TEXTS.signNote(unit, period), "note")]);
  const notes: string[] = [];
  if (areaLines.some((l) => l.needsComment)) notes.push(DRIFT_TEXTS.needsCommentNote);
  if (op.areas.some((a) => allRows(a).some((r) => r.forecastSubstituted))) notes.push(DRIFT_TEXTS.substitutedNote);
  b.add(notes.length > 0 ? [text(notes.join(" "), "note")] : []);
  const headerRow = b.add(cols.headerRow());

  const render = (line: DriftLine): number => {
    const r = b.add();
    if (line.children.length === 0) {
      b.set(r, finish(leafRow(line, r), line, []));
    } else {
      const childRows = line.children.map(render);
      b.set(r, finish(groupRow(line, r, childRows), line, line.level === 0 ? ["subtotal"] : []));
    }
    return r;
  };
  const areaRows = areaLines.map(render);
  const lastBodyRow = b.next - 1;

  const totalLine: DriftLine = {
    name: DRIFT_TEXTS.total,
    level: 0,
    fields: op.total,
    comment: null,
    children: areaLines,
    earmark: null,
    substituted: false,
    needsComment: false,
  };
  const totalRow = b.next;
  b.add(finish(groupRow(totalLine, totalRow, areaRows), totalLine, ["total"]));

  const devLetter = L("deviation");
  const plan = sheetPlan("drift", sheetName, b.rows, cols.widths(), headerRow, {
    freezeColumns: 1,
    conditionalFormats:
      areaRows.length > 0 ? [{ type: "dataBar", range: `${at(devLetter, areaRows[0])}:${at(devLetter, lastBodyRow)}`, color: DATA_BAR_COLOR }] : [],
  });

  const anchors: DriftAnchors = {
    sheet: sheetName,
    letter: (k) => (cols.has(k) ? L(k) : null),
    earmarkLetters: earmarkKeys.map((k) => L(k)),
    totalRow,
    areaRows: areaLines.map((line, i) => ({ name: line.name, row: areaRows[i], deviation: line.fields.deviation, adjusted: line.fields.adjustedDeviation })),
  };
  return { plan, anchors };
}

/** An area (or unit) with exactly one input row is shown as that row; otherwise as a group. */
function lineFromNode(node: DriftNodeResult, level: number, needsComment: boolean): DriftLine {
  if (node.rows.length === 1 && node.children.length === 0) {
    const row = node.rows[0];
    return { ...leafLine(row, level, needsComment), name: node.name, comment: node.comment ?? row.comment };
  }
  return {
    name: node.name,
    level,
    fields: node,
    comment: node.comment,
    children: [
      // The area's own input row (path of one) is a line under it; its comment is the area's.
      ...node.rows.map((r) => (r.path.length === 1 ? { ...leafLine(r, level + 1, needsComment), comment: null } : leafLine(r, level + 1, needsComment))),
      ...node.children.map((c) => lineFromNode(c, level + 1, needsComment)),
    ],
    earmark: null,
    substituted: false,
    needsComment,
  };
}

function leafLine(row: DriftRowResult, level: number, needsComment: boolean): DriftLine {
  const earmark = row.earmark === null || row.earmark.trim() === "" ? null : row.earmark.trim();
  return { name: row.name, level, fields: row, comment: row.comment, children: [], earmark, substituted: row.forecastSubstituted, needsComment };
}

function allRows(node: DriftNodeResult): DriftRowResult[] {
  return node.rows.concat(node.children.flatMap(allRows));
}
