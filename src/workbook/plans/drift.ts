import { type Amount, sumPresent, toNumber } from "../../engine/amount";
import { amountNumberFormat } from "../../engine/format";
import type { AmountFields, DriftNodeResult, DriftRowResult, OperatingResult, Period, Unit } from "../../engine/types";
import type { PatternCell, PatternRow, RowPattern, SheetPlan, StyleName } from "../plan";
import { deviationNumberFormat } from "../styles";
import {
  amountFormula,
  at,
  type Column,
  Columns,
  DATA_BAR_COLOR,
  expandPatternRow,
  formula,
  PERCENT_FORMAT,
  type PlanRow,
  RowBuffer,
  sheetPlan,
  streamedPlan,
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
  /** Its 0-based row on the sheet, once placed. */
  row: number;
}

/** The children of every leaf: one empty list, not one each (a city's ledger has 10^6 leaves). */
const NO_LINES: DriftLine[] = Object.freeze([]) as unknown as DriftLine[];

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


  /** Which of the row's derived cells are formulas: the same formula, row by row, makes a run. */
  const adjustedIsFormula = (line: DriftLine): boolean => {
    const f = line.fields;
    if (f.adjustedDeviation === null || f.deviation === null) return false;
    const shown = earmarkKeys.reduce((sum, k) => sum + (valueOf(line, k) ?? 0n), 0n);
    return f.deviation + f.resultTransfer + shown === f.adjustedDeviation;
  };
  const FORMULA_KEYS = ["deviation", "adjusted", "pct", "diff"] as const;
  type FormulaKey = (typeof FORMULA_KEYS)[number];
  const hasFormula = (line: DriftLine, k: FormulaKey): boolean => {
    if (line.children.length > 0) return false;
    if (k === "adjusted") return adjustedIsFormula(line);
    if (k === "diff") return cols.has("diff") && valueOf(line, "diff") !== null;
    return line.fields.deviation !== null;
  };
  type Fills = Partial<Record<FormulaKey, number>>;
  /** hasFormula for every key at once, a bit each in FORMULA_KEYS' order: each line's is worked out once. */
  const formulaBits = (line: DriftLine): number => {
    let bits = 0;
    for (let b = 0; b < FORMULA_KEYS.length; b++) if (hasFormula(line, FORMULA_KEYS[b])) bits |= 1 << b;
    return bits;
  };
  const ADJUSTED_BIT = 1 << FORMULA_KEYS.indexOf("adjusted");

  // A leaf row is made for every input row of a city's ledger: columns, letters and formats once.
  const ix = (k: DriftKey) => (cols.has(k) ? cols.index(k) : -1);
  const iName = ix("name");
  const iBase = ix("base");
  const iDeviation = ix("deviation");
  const iAdjusted = ix("adjusted");
  const iPct = ix("pct");
  const iDiff = ix("diff");
  const iComment = ix("comment");
  const valueColumns = (["priorYear", "budget", "actual", "transfer", "prev", ...earmarkKeys] as AmountKey[])
    .filter((k) => cols.has(k))
    .map((k) => ({ i: cols.index(k), k, numFmt: formatOf(k) }));
  const [lBudget, lBase, lDeviation] = [L("budget"), L("base"), L("deviation")];
  const lPrev = cols.has("prev") ? L("prev") : "";
  const adjustedTerms = ["deviation", "transfer", ...earmarkKeys].map((k) => L(k as DriftKey));
  const diffFormat = formatOf("diff");
  const indents = [""];
  const indent = (level: number) => (indents[level] ??= DRIFT_TEXTS.indent.repeat(level));
  const NOTE: StyleName[] = ["note"];
  const WRAP: StyleName[] = ["wrap"];
  const DEFICIT: StyleName[] = ["deficit"];
  const deviationFormula = (n: number) => `${lBudget}${n}-${lBase}${n}`;
  const adjustedFormula = (n: number) => adjustedTerms.map((l) => l + n).join("+");
  const pctFormula = (n: number) => `IF(${lBudget}${n}=0,"",${lDeviation}${n}/ABS(${lBudget}${n}))`;
  const pctCell = (line: DriftLine, r: number) => (line.fields.deviation === null ? null : formula(pctFormula(r + 1), line.fields.deviationPct ?? "", PERCENT_FORMAT));
  const diffFormula = period === "VB" ? (n: number) => `${lPrev}${n}-${lBase}${n}` : (n: number) => `${lBase}${n}-${lPrev}${n}`;

  /** What a leaf row has, as the bits of its pattern's key. */
  const HAS_DEVIATION = 1;
  const IN_DEFICIT = 2;
  const HAS_ADJUSTED = 4;
  const ADJUSTED_FORMULA = 8;
  const HAS_DIFF = 16;
  const SUBSTITUTED = 32;

  /** The leaf rows' patterns, by which of their cells they have (see patternOf). */
  const patterns = new Map<number, RowPattern>();
  const patternOf = (key: number): RowPattern => {
    let pattern = patterns.get(key);
    if (pattern) return pattern;
    const cells: (PatternCell | null)[] = new Array<PatternCell | null>(cols.width).fill(null);
    cells[iName] = {};
    for (const c of valueColumns) cells[c.i] = { numFmt: c.numFmt };
    cells[iBase] = key & SUBSTITUTED ? { numFmt: fmt, styles: NOTE } : { numFmt: fmt };
    if (key & HAS_DEVIATION) {
      cells[iDeviation] = key & IN_DEFICIT ? { numFmt: devFmt, styles: DEFICIT, formula: deviationFormula } : { numFmt: devFmt, formula: deviationFormula };
      cells[iPct] = { numFmt: PERCENT_FORMAT, formula: pctFormula };
      if (key & HAS_ADJUSTED) cells[iAdjusted] = key & ADJUSTED_FORMULA ? { numFmt: devFmt, formula: adjustedFormula } : { numFmt: devFmt };
    }
    if (key & HAS_DIFF) cells[iDiff] = { numFmt: diffFormat, formula: diffFormula };
    cells[iComment] = { styles: WRAP };
    pattern = { cells };
    patterns.set(key, pattern);
    return pattern;
  };

  /** A leaf row: its values in the pattern of the cells it has, no cell objects (a city's ledger has 10^6 of them). */
  const leafRow = (line: DriftLine, fills: Fills, bits: number): PatternRow => {
    const values: (number | string | null)[] = new Array<number | string | null>(cols.width).fill(null);
    const f = line.fields;
    const name = indent(line.level) + line.name;
    values[iName] = name === "" ? null : name;
    for (const c of valueColumns) {
      const a = valueOf(line, c.k);
      values[c.i] = a === null ? null : toNumber(a);
    }
    values[iBase] = f.base === null ? null : toNumber(f.base);
    let key = line.substituted ? SUBSTITUTED : 0;
    const dev = f.deviation;
    if (dev !== null) {
      const v = toNumber(dev);
      key |= v < 0 ? HAS_DEVIATION | IN_DEFICIT : HAS_DEVIATION;
      values[iDeviation] = v;
      values[iPct] = f.deviationPct ?? "";
      if (f.adjustedDeviation !== null) {
        key |= bits & ADJUSTED_BIT ? HAS_ADJUSTED | ADJUSTED_FORMULA : HAS_ADJUSTED;
        values[iAdjusted] = toNumber(f.adjustedDeviation);
      }
    }
    if (iDiff >= 0) {
      const diff = valueOf(line, "diff");
      if (diff !== null) {
        key |= HAS_DIFF;
        values[iDiff] = toNumber(diff);
      }
    }
    values[iComment] = line.comment === null || line.comment === "" ? null : String(line.comment);
    let byColumn: (number | undefined)[] | null = null;
    for (const k of FORMULA_KEYS) {
      const fill = fills[k];
      if (fill) (byColumn ??= [])[ix(k)] = fill;
    }
    return { pattern: patternOf(key), values, fills: byColumn };
  };

  const groupRow = (line: DriftLine, r: number, childRows: number[]): PlanRow => {
    const row = cols.row();
    row[cols.index("name")] = text(DRIFT_TEXTS.indent.repeat(line.level) + line.name);
    for (const k of amountKeys) {
      if (!cols.has(k)) continue;
      const v = valueOf(line, k);
      if (v !== null) row[cols.index(k)] = amountFormula(sumFormula(L(k), childRows), v, formatOf(k));
    }
    const dev = row[iDeviation];
    if (dev && typeof dev.v === "number" && dev.v < 0) row[iDeviation] = { ...dev, styles: [...(dev.styles ?? []), "deficit"] };
    row[cols.index("pct")] = pctCell(line, r);
    row[cols.index("comment")] = text(line.comment, "wrap");
    return row;
  };

  const finish = (row: PlanRow, line: DriftLine, styles: StyleName[]): PlanRow => {
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
  if (op.areas.some((a) => anyRow(a, (r) => r.forecastSubstituted))) notes.push(DRIFT_TEXTS.substitutedNote);
  b.add(notes.length > 0 ? [text(notes.join(" "), "note")] : []);
  const headerRow = b.add(cols.headerRow());

  // Every line's row, a group before the lines under it; the rows themselves are made when the
  // sheet is written (PlanStream), one at a time.
  let next = b.next;
  const place = (line: DriftLine): void => {
    line.row = next++;
    for (const child of line.children) place(child);
  };
  areaLines.forEach(place);
  const areaRows = areaLines.map((l) => l.row);
  const lastBodyRow = next - 1;

  const totalLine: DriftLine = {
    name: DRIFT_TEXTS.total,
    level: 0,
    fields: op.total,
    comment: null,
    children: areaLines,
    earmark: null,
    substituted: false,
    needsComment: false,
    row: -1,
  };
  const totalRow = next;

  /** Lines side by side, in order; a run of leaves with the same formula is marked on its first cell. */
  function* emitLines(lines: DriftLine[]): Generator<PlanRow | PatternRow> {
    const formulas = Uint8Array.from(lines, formulaBits);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.children.length > 0) {
        yield finish(groupRow(line, line.row, line.children.map((c) => c.row)), line, line.level === 0 ? ["subtotal"] : []);
        yield* emitLines(line.children);
        continue;
      }
      const fills: Fills = {};
      const bits = formulas[i];
      const before = i > 0 ? formulas[i - 1] : 0;
      for (let b = 0; b < FORMULA_KEYS.length; b++) {
        const bit = 1 << b;
        if (!(bits & bit) || before & bit) continue;
        let n = 0;
        while (i + n + 1 < lines.length && formulas[i + n + 1] & bit) n++;
        if (n > 0) fills[FORMULA_KEYS[b]] = n;
      }
      const row = leafRow(line, fills, bits);
      // A row to be commented is marked in every cell: made as cells.
      yield line.needsComment ? finish(expandPatternRow(row, line.row + 1), line, []) : row;
    }
  }

  const devLetter = L("deviation");
  const plan = streamedPlan(
    sheetPlan("drift", sheetName, b.rows, cols.widths(), headerRow, {
      freezeColumns: 1,
      conditionalFormats:
        areaRows.length > 0 ? [{ type: "dataBar", range: `${at(devLetter, areaRows[0])}:${at(devLetter, lastBodyRow)}`, color: DATA_BAR_COLOR }] : [],
    }),
    totalRow + 1,
    cols.width,
    function* body() {
      yield* emitLines(areaLines);
      yield finish(groupRow(totalLine, totalRow, areaRows), totalLine, ["total"]);
    },
  );

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
    row: -1,
  };
}

function leafLine(row: DriftRowResult, level: number, needsComment: boolean): DriftLine {
  const earmark = row.earmark === null || row.earmark.trim() === "" ? null : row.earmark.trim();
  return { name: row.name, level, fields: row, comment: row.comment, children: NO_LINES, earmark, substituted: row.forecastSubstituted, needsComment, row: -1 };
}

function anyRow(node: DriftNodeResult, test: (row: DriftRowResult) => boolean): boolean {
  return node.rows.some(test) || node.children.some((c) => anyRow(c, test));
}
