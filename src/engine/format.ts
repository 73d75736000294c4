import { type Amount, toNumber } from "./amount";
import { formatSwedish } from "./swedishNumber";
import type { Unit } from "./types";

/** mnkr shows one decimal, tkr and kr none (DOMAIN.md section 2). */
export function displayDecimals(unit: Unit): number {
  return unit === "mnkr" ? 1 : 0;
}

/** "-3,2 mnkr", "1 297,1 mnkr", "12 500 tkr". */
export function formatAmount(a: Amount, unit: Unit): string {
  return `${formatSwedish(toNumber(a), displayDecimals(unit))} ${unit}`;
}

/** The locale-invariant cell format for amounts in this unit. */
export function amountNumberFormat(unit: Unit): string {
  return unit === "mnkr" ? "#,##0.0" : "#,##0";
}
