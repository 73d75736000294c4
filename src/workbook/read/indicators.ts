/**
 * The indicator table (DOMAIN.md sections 6 and 9). Values are handed over as IndicatorValue:
 * numbers (percent as points), text kept for the engine ("+/- 1 %", "Tas fram av nämnden").
 * An empty goal cell continues the goal above; a row with only a goal is a goal heading.
 */
import type { Direction, IndicatorRowInput, IndicatorStatus, IndicatorTableInput, IndicatorValue } from "../../engine/types";
import type { TableContext } from "./context";
import { labelKey, wordKey } from "./normalise";
import { DIRECTION_SYMBOLS, DIRECTION_WORDS, STATUS_SYMBOLS, STATUS_WORDS } from "./synonyms";

/** The status a published Måluppfyllelse cell states, or null when the text names none. */
export function parseStatus(text: string): IndicatorStatus | null {
  const first = [...text.trim()][0] ?? "";
  if (STATUS_SYMBOLS[first] !== undefined) return STATUS_SYMBOLS[first];
  const key = wordKey(text);
  for (const [words, status] of STATUS_WORDS) if (key === words || key.startsWith(`${words} `)) return status;
  return null;
}

const VALUE_FIELDS = ["actual", "actualMen", "actualWomen", "priorYearActual", "forecast", "target", "kfTarget"] as const;
type ValueField = (typeof VALUE_FIELDS)[number];

export function readIndicators(ctx: TableContext): IndicatorTableInput {
  const { table, reader } = ctx;
  const col = (f: string) => ctx.col(f);
  const valueCols = VALUE_FIELDS.map((f) => [f, col(f), ctx.header(f)] as const);
  const rows: IndicatorRowInput[] = [];
  const seen = new Map<string, number>();
  let currentGoal: string | null = null;

  for (let r = table.firstDataRow; r <= table.lastDataRow; r++) {
    const name = reader.text(r, col("name"), ctx.header("name"), null);
    const goalText = reader.text(r, col("goal"), ctx.header("goal"), null);
    const subject = name === "" ? null : name;
    const values = {} as Record<ValueField, IndicatorValue>;
    let firstFilled: string | null = null;
    for (const [field, c, header] of valueCols) {
      const v = reader.indicator(r, c, header, subject);
      values[field] = v;
      if (firstFilled === null && (v.value !== null || v.text !== null)) firstFilled = field;
    }
    const comment = reader.text(r, col("comment"), ctx.header("comment"), subject);
    const periodText = reader.text(r, col("period"), ctx.header("period"), subject);
    const directionText = reader.text(r, col("direction"), ctx.header("direction"), subject);
    const unitText = reader.text(r, col("unit"), ctx.header("unit"), subject);
    const statusText = reader.text(r, col("givenStatus"), ctx.header("givenStatus"), subject);

    if (name === "") {
      if (firstFilled !== null) ctx.unlabelled(r, "name", firstFilled);
      else if (goalText !== "") currentGoal = goalText;
      continue;
    }
    if (goalText !== "") currentGoal = goalText;
    const goal = col("goal") === undefined ? null : currentGoal;
    const ref = ctx.ref(r, "name");

    const key = `${labelKey(goal ?? "")}\u0000${labelKey(name)}`;
    const other = seen.get(key);
    if (other === undefined) seen.set(key, ref.row);
    else ctx.duplicate(name, other, ref.labelCell);

    rows.push({
      name,
      goal,
      ...values,
      period: periodText === "" ? null : periodText,
      direction: parseDirection(directionText),
      unit: unitText === "" ? null : unitText,
      tolerance: reader.tolerance(r, col("tolerance"), ctx.header("tolerance"), subject),
      comment: comment === "" ? null : comment,
      ref,
      ...(statusText !== "" ? { givenStatus: { status: parseStatus(statusText), text: statusText, column: ctx.header("givenStatus") } } : {}),
    });
  }
  return {
    sheet: table.sheet,
    rows,
    hasDirectionColumn: col("direction") !== undefined,
    hasCommentColumn: col("comment") !== undefined,
  };
}

/** "Högre är bättre", "lägre", "↑", "↓"; anything else (or empty) is no direction. */
export function parseDirection(text: string): Direction | null {
  if (text === "") return null;
  const symbol = DIRECTION_SYMBOLS[text.trim()];
  if (symbol !== undefined) return symbol;
  const key = wordKey(text);
  const word = DIRECTION_WORDS[key];
  if (word !== undefined) return word;
  if (key.startsWith("hogre")) return "higherIsBetter";
  if (key.startsWith("lagre")) return "lowerIsBetter";
  return null;
}
