import { formatSwedish } from "../../engine/swedishNumber";
import type { GoalResult, IndicatorResult, IndicatorRowResult, Period } from "../../engine/types";
import type { PlanCell, SheetPlan } from "../plan";
import { type Column, Columns, formula, num, type PlanRow, RowBuffer, sheetPlan, styleRow, text, at } from "./grid";
import { INDICATOR_TEXTS, STATUS_DISPLAY, STATUS_LABELS } from "./labels.sv";

type Key = "name" | "actual" | "women" | "men" | "priorYear" | "forecast" | "target" | "kfTarget" | "direction" | "status" | "gap" | "comment";

export interface IndicatorAnchors {
  sheet: string;
  statusLetter: string;
  /** 0-based rows spanning every indicator row (goal rows in between never match a status label). */
  firstRow: number;
  lastRow: number;
}

/**
 * Följsam Indikatorer, grouped by goal: a goal row with the proposed roll-up, then its indicators
 * with Måluppfyllelse as symbol and text. Percent indicators are held as points (86,4) and shown
 * with a literal " %" in the format, which does not scale the value the way a bare % would.
 */
export function buildIndicatorsSheet(ind: IndicatorResult, period: Period, year: number | null, sheetName: string): { plan: SheetPlan; anchors: IndicatorAnchors } {
  const rows = ind.rows;
  const H = INDICATOR_TEXTS.headers;
  const any = (pick: (r: IndicatorRowResult) => unknown) => rows.some((r) => pick(r) !== null && pick(r) !== undefined);
  const hasGender = any((r) => r.actualWomen) || any((r) => r.actualMen);

  const list: Column<Key>[] = [
    { key: "name", header: H.name, width: 50 },
    { key: "actual", header: H.actual, width: 11 },
  ];
  if (hasGender) list.push({ key: "women", header: H.women, width: 11 }, { key: "men", header: H.men, width: 11 });
  if (any((r) => r.priorYearActual)) list.push({ key: "priorYear", header: H.priorYear, width: 11 });
  if (any((r) => r.forecast)) list.push({ key: "forecast", header: H.forecast, width: 11 });
  list.push({ key: "target", header: H.target, width: 14 });
  if (any((r) => r.kfTarget) || any((r) => r.kfTargetText)) list.push({ key: "kfTarget", header: H.kfTarget, width: 14 });
  list.push({ key: "direction", header: H.direction, width: 18 });
  list.push({ key: "status", header: H.status, width: 16 });
  if (hasGender) list.push({ key: "gap", header: H.gap, width: 13 });
  list.push({ key: "comment", header: H.comment, width: 60 });
  const cols = new Columns(list);

  const b = new RowBuffer();
  b.add([text(INDICATOR_TEXTS.title(period, year), "title")]);
  b.add([text(INDICATOR_TEXTS.note, "note")]);
  b.add([]);
  const headerRow = b.add(cols.headerRow());

  const indicatorRow = (res: IndicatorRowResult, r: number): PlanRow => {
    const row = cols.row();
    const put = (k: Key, cell: PlanCell | null) => {
      if (cols.has(k)) row[cols.index(k)] = cell;
    };
    const value = (v: number | null) => num(v, indicatorFormat(decimals(v), res.percent));
    put("name", text(res.name));
    put("actual", value(res.actual));
    put("women", value(res.actualWomen));
    put("men", value(res.actualMen));
    put("priorYear", value(res.priorYearActual));
    put("forecast", value(res.forecast));
    const fromKf = (res.targetSource ?? (res.targetText === null && res.kfTarget !== null ? "kfTarget" : "target")) === "kfTarget";
    const used = targetCell(res.target, res.targetKind === "band", res.percent);
    put("target", fromKf ? text(res.targetText) : used ?? text(res.targetText));
    put("kfTarget", fromKf ? used ?? text(res.kfTargetText) : kfCell(res));
    put("direction", text(INDICATOR_TEXTS.direction(res.direction, res.directionSource), "wrap"));
    put("status", text(STATUS_LABELS[res.status], STATUS_DISPLAY[res.status].style));
    if (cols.has("gap") && res.actualWomen !== null && res.actualMen !== null) {
      const gap = res.genderGap ?? res.actualWomen - res.actualMen;
      const d = Math.max(decimals(res.actualWomen), decimals(res.actualMen));
      put("gap", formula(`${at(cols.letter("women"), r)}-${at(cols.letter("men"), r)}`, gap, gapFormat(d, res.percent)));
    }
    put("comment", text(res.comment, "wrap"));
    return row;
  };

  const groups = groupByGoal(rows, ind.goals);
  const showGoals = rows.some((r) => goalKey(r.goal) !== null);
  let firstRow = -1;
  for (const group of groups) {
    if (showGoals) {
      const row = styleRow(cols.row(), cols.width, "goal");
      row[cols.index("name")] = text(group.name ?? INDICATOR_TEXTS.noGoal, "goal");
      if (group.result) {
        // The status colour comes last so that it wins over the goal row's fill.
        const s = group.result.proposedStatus;
        row[cols.index("status")] = text(INDICATOR_TEXTS.proposal(STATUS_LABELS[s]), "goal", STATUS_DISPLAY[s].style);
      }
      b.add(row);
    }
    for (const res of group.rows) {
      const r = b.add(indicatorRow(res, b.next));
      if (firstRow < 0) firstRow = r;
    }
  }
  const lastRow = b.next - 1;

  b.add([]);
  b.add([text(ind.summarySentence, "note")]);
  if (ind.notAssessedSentence) b.add([text(ind.notAssessedSentence, "note")]);

  const plan = sheetPlan("indicators", sheetName, b.rows, cols.widths(), headerRow, { freezeColumns: 1 });
  return { plan, anchors: { sheet: sheetName, statusLetter: cols.letter("status"), firstRow: firstRow < 0 ? headerRow + 1 : firstRow, lastRow } };
}

function goalKey(goal: string | null): string | null {
  const t = goal?.trim() ?? "";
  return t === "" ? null : t;
}

/** Rows by goal in order of first appearance, each with the engine's roll-up for that goal. */
function groupByGoal(rows: IndicatorRowResult[], goals: GoalResult[]): { name: string | null; rows: IndicatorRowResult[]; result: GoalResult | null }[] {
  const byKey = new Map<string | null, IndicatorRowResult[]>();
  for (const r of rows) {
    const k = goalKey(r.goal);
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  const named = new Set([...byKey.keys()].filter((k): k is string => k !== null));
  return [...byKey].map(([name, list]) => ({
    name,
    rows: list,
    // The engine names the group without a goal itself; it is the one goal no row names.
    result: goals.find((g) => (name === null ? !named.has(g.name) : g.name === name)) ?? null,
  }));
}

/** Decimals a value is written with (at most 3): 86.4 → 1, 100 → 0. */
export function decimals(v: number | null): number {
  if (v === null || !Number.isFinite(v)) return 0;
  const s = Number(Math.abs(v).toPrecision(12)).toString();
  if (s.includes("e")) return 3;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : Math.min(3, s.length - dot - 1);
}

/** "#,##0.0\" %\"": the value is in points; a quoted percent sign does not multiply by 100. */
export function indicatorFormat(d: number, percent: boolean): string {
  return `#,##0${d > 0 ? "." + "0".repeat(d) : ""}${percent ? '" %"' : ""}`;
}

/** A gap between two percentages is in procentenheter: "16 p.e.", not "16 %". */
export function gapFormat(d: number, percent: boolean): string {
  return percent ? `${indicatorFormat(d, false)}" p.e."` : indicatorFormat(d, false);
}

function targetCell(value: number | null, band: boolean, percent: boolean): PlanCell | null {
  if (value === null) return null;
  if (band) return text(`${INDICATOR_TEXTS.band}${formatSwedish(value, decimals(value))}${percent ? " %" : ""}`);
  return num(value, indicatorFormat(decimals(value), percent));
}

/** KF:s årsmål when the årsmål was used: its number, shown as a band when written as one. */
function kfCell(res: IndicatorRowResult): PlanCell | null {
  if (res.kfTarget === null) return text(res.kfTargetText);
  const band = res.kfTargetText !== null && /±|\+\s*\/\s*-/.test(res.kfTargetText);
  return targetCell(res.kfTarget, band, res.percent || (res.kfTargetText?.includes("%") ?? false));
}
