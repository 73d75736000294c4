/**
 * Test-only: a tiny evaluator for the formulas the sheet plans write (cell and cross-sheet
 * references, ranges, + - * /, comparisons, SUM, ABS, IF, COUNTIF). A referenced cell yields its
 * cached `v`, so checking every formula against its own `v` checks the whole workbook.
 */
import { columnLetters, parseA1 } from "../cells";
import type { PlanCell, SheetPlan } from "../plan";

type Scalar = number | string | boolean | null;
type Value = Scalar | { range: Scalar[] };

class FormulaError extends Error {}

const TOKEN = new RegExp(
  [
    String.raw`(?<ws>\s+)`,
    String.raw`(?<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(])`,
    String.raw`(?<fn>[A-Z][A-Z0-9.]*)(?=\()`,
    String.raw`(?<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)`,
    String.raw`(?<str>"(?:[^"]|"")*")`,
    String.raw`(?<op><>|<=|>=|[-+*/=<>(),])`,
  ].join("|"),
  "y",
);

interface Token {
  kind: "ref" | "fn" | "num" | "str" | "op";
  text: string;
}

export function tokenize(f: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < f.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(f);
    if (!m || !m.groups) throw new FormulaError(`cannot read "${f.slice(start)}" in ${f}`);
    for (const kind of ["ref", "fn", "num", "str", "op"] as const) {
      if (m.groups[kind] !== undefined) out.push({ kind, text: m.groups[kind] });
    }
  }
  return out;
}

export class Workbook {
  private readonly sheets = new Map<string, SheetPlan>();

  constructor(plans: SheetPlan[]) {
    for (const p of plans) this.sheets.set(p.name.toLowerCase(), p);
  }

  cell(sheet: string, row: number, col: number): PlanCell | null {
    const plan = this.sheets.get(sheet.toLowerCase());
    if (!plan) throw new FormulaError(`no sheet ${sheet}`);
    return plan.rows[row]?.[col] ?? null;
  }

  /** Evaluates a formula as it stands in `sheet`. */
  evaluate(sheet: string, f: string): Scalar {
    const tokens = tokenize(f);
    let i = 0;
    const peek = () => tokens[i];
    const take = (text?: string) => {
      const t = tokens[i++];
      if (!t || (text !== undefined && t.text !== text)) throw new FormulaError(`expected ${text} in ${f}`);
      return t;
    };

    const resolve = (text: string): Value => {
      const bang = text.lastIndexOf("!");
      let target = sheet;
      let addr = text;
      if (bang >= 0) {
        target = text.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
        addr = text.slice(bang + 1);
      }
      const [from, to] = addr.split(":");
      const a = parseA1(from);
      const b = parseA1(to ?? from);
      if (!a || !b) throw new FormulaError(`bad address ${addr}`);
      if (to === undefined) return this.cell(target, a.row, a.col)?.v ?? null;
      const range: Scalar[] = [];
      for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) range.push(this.cell(target, r, c)?.v ?? null);
      return { range };
    };

    const scalar = (v: Value): Scalar => {
      if (v !== null && typeof v === "object") throw new FormulaError(`range used as a value in ${f}`);
      return v;
    };
    const toNum = (v: Value): number => {
      const s = scalar(v);
      if (s === null) return 0;
      if (typeof s === "number") return s;
      if (typeof s === "boolean") return s ? 1 : 0;
      throw new FormulaError(`#VALUE! ("${s}") in ${f}`);
    };

    const args = (): Value[] => {
      take("(");
      const list: Value[] = [];
      if (peek()?.text !== ")") {
        list.push(comparison());
        while (peek()?.text === ",") {
          take(",");
          list.push(comparison());
        }
      }
      take(")");
      return list;
    };

    const call = (name: string): Value => {
      if (name === "IF") {
        // Both branches are parsed; the result is the chosen one.
        const [cond, yes, no] = args();
        return toNum(cond) !== 0 ? scalar(yes) : scalar(no ?? false);
      }
      const list = args();
      switch (name) {
        case "SUM":
          return list.reduce<number>((acc, v) => {
            if (v !== null && typeof v === "object") return acc + v.range.reduce<number>((s, x) => s + (typeof x === "number" ? x : 0), 0);
            return acc + toNum(v);
          }, 0);
        case "ABS":
          return Math.abs(toNum(list[0]));
        case "COUNTIF": {
          const [range, crit] = list;
          if (range === null || typeof range !== "object") throw new FormulaError(`COUNTIF needs a range in ${f}`);
          const pattern = wildcard(String(scalar(crit)));
          return range.range.filter((x) => typeof x === "string" && pattern.test(x)).length;
        }
        default:
          throw new FormulaError(`unknown function ${name}`);
      }
    };

    const primary = (): Value => {
      const t = take();
      if (t.kind === "num") return Number(t.text);
      if (t.kind === "str") return t.text.slice(1, -1).replace(/""/g, '"');
      if (t.kind === "ref") return resolve(t.text);
      if (t.kind === "fn") return call(t.text);
      if (t.text === "(") {
        const v = comparison();
        take(")");
        return v;
      }
      if (t.text === "-") return -toNum(primary());
      if (t.text === "+") return toNum(primary());
      throw new FormulaError(`unexpected ${t.text} in ${f}`);
    };
    const term = (): Value => {
      let v = primary();
      while (peek()?.text === "*" || peek()?.text === "/") {
        const op = take().text;
        const r = toNum(primary());
        v = op === "*" ? toNum(v) * r : toNum(v) / r;
      }
      return v;
    };
    const additive = (): Value => {
      let v = term();
      while (peek()?.text === "+" || peek()?.text === "-") {
        const op = take().text;
        const r = toNum(term());
        v = op === "+" ? toNum(v) + r : toNum(v) - r;
      }
      return v;
    };
    const comparison = (): Value => {
      const v = additive();
      const op = peek()?.text;
      if (op && ["=", "<>", "<", ">", "<=", ">="].includes(op)) {
        take();
        const a = scalar(v);
        const b = scalar(additive());
        // Excel: an empty cell equals 0 and "".
        const x = a === null ? (typeof b === "string" ? "" : 0) : a;
        const y = b === null ? (typeof a === "string" ? "" : 0) : b;
        switch (op) {
          case "=":
            return x === y;
          case "<>":
            return x !== y;
          case "<":
            return x < y;
          case ">":
            return x > y;
          case "<=":
            return x <= y;
          default:
            return x >= y;
        }
      }
      return v;
    };

    const result = comparison();
    if (i !== tokens.length) throw new FormulaError(`trailing tokens in ${f}`);
    return scalar(result);
  }
}

function wildcard(criterion: string): RegExp {
  let re = "";
  for (let i = 0; i < criterion.length; i++) {
    const ch = criterion[i];
    if (ch === "~" && i + 1 < criterion.length) re += escape(criterion[++i]);
    else if (ch === "?") re += ".";
    else if (ch === "*") re += ".*";
    else re += escape(ch);
  }
  return new RegExp(`^${re}$`, "iu");
}

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface Mismatch {
  sheet: string;
  cell: string;
  f: string;
  v: PlanCell["v"];
  computed: Scalar | string;
}

/** Recomputes every formula cell of every plan; returns those whose result differs from `v`. */
export function checkFormulas(plans: SheetPlan[]): { checked: number; mismatches: Mismatch[] } {
  const wb = new Workbook(plans);
  const mismatches: Mismatch[] = [];
  let checked = 0;
  for (const plan of plans) {
    plan.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || cell.f === undefined) return;
        checked++;
        const where = { sheet: plan.name, cell: `${columnLetters(c)}${r + 1}`, f: cell.f, v: cell.v };
        let computed: Scalar | string;
        try {
          computed = wb.evaluate(plan.name, cell.f);
        } catch (e) {
          mismatches.push({ ...where, computed: `error: ${(e as Error).message}` });
          return;
        }
        const same =
          typeof computed === "number" && typeof cell.v === "number"
            ? Math.abs(computed - cell.v) <= 1e-9 * Math.max(1, Math.abs(cell.v))
            : computed === cell.v;
        if (!same) mismatches.push({ ...where, computed });
      }),
    );
  }
  return { checked, mismatches };
}
