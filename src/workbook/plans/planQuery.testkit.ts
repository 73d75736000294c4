/** Test-only: finding rows, columns and cells in a sheet plan by their text, not by position. */
import { columnLetters } from "../cells";
import type { OutputKind, PlanCell, SheetPlan } from "../plan";

export function sheet(plans: SheetPlan[], kind: OutputKind): SheetPlan {
  const p = plans.find((x) => x.kind === kind);
  if (!p) throw new Error(`no ${kind} sheet`);
  return p;
}

/** 0-based index of the first row whose first cell is `firstCell` (exact text). */
export function rowOf(plan: SheetPlan, firstCell: string | RegExp): number {
  const i = plan.rows.findIndex((row) => {
    const v = row[0]?.v;
    return typeof v === "string" && (typeof firstCell === "string" ? v === firstCell : firstCell.test(v));
  });
  if (i < 0) throw new Error(`no row "${String(firstCell)}" in ${plan.name}`);
  return i;
}

/** The header row: the first row whose cells all carry the header style. */
export function headerRow(plan: SheetPlan): number {
  const i = plan.rows.findIndex((row) => row.length > 1 && row.every((c) => c?.styles?.includes("header")));
  if (i < 0) throw new Error(`no header row in ${plan.name}`);
  return i;
}

/** 0-based column index of a header (exact text) in the header row. */
export function colOf(plan: SheetPlan, header: string | RegExp, hr = headerRow(plan)): number {
  const i = plan.rows[hr].findIndex((c) => typeof c?.v === "string" && (typeof header === "string" ? c.v === header : header.test(c.v)));
  if (i < 0) throw new Error(`no column "${String(header)}" in ${plan.name}`);
  return i;
}

export function letterOf(plan: SheetPlan, header: string | RegExp): string {
  return columnLetters(colOf(plan, header));
}

export function cellAt(plan: SheetPlan, row: number, col: number): PlanCell | null {
  return plan.rows[row]?.[col] ?? null;
}

export function cellsOf(plans: SheetPlan[]): { plan: SheetPlan; row: number; col: number; cell: PlanCell }[] {
  const out: { plan: SheetPlan; row: number; col: number; cell: PlanCell }[] = [];
  for (const plan of plans) plan.rows.forEach((row, r) => row.forEach((cell, c) => cell && out.push({ plan, row: r, col: c, cell })));
  return out;
}

/** Rows referenced by a SUM formula over one column: "SUM(C5:C7,C9)" → [4, 5, 6, 8] (0-based). */
export function sumRows(f: string): number[] {
  const m = /^SUM\((.*)\)$/.exec(f);
  if (!m) throw new Error(`not a SUM: ${f}`);
  const rows: number[] = [];
  for (const part of m[1].split(",")) {
    const [a, b] = part.split(":").map((x) => Number(/\d+$/.exec(x)![0]) - 1);
    for (let r = a; r <= (b ?? a); r++) rows.push(r);
  }
  return rows;
}
