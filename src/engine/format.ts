import { type Amount, amountFromInteger, divInt, toNumber } from "./amount";
import { formatSwedish } from "./swedishNumber";
import type { Unit } from "./types";

/** mnkr shows one decimal, tkr and kr none (DOMAIN.md section 2). */
export function displayDecimals(unit: Unit): number {
  return unit === "mnkr" ? 1 : 0;
}

/** Half a display unit: the rounding of one shown figure (0,05 for mnkr, 0,5 for tkr and kr). */
export function halfDisplayUnit(unit: Unit): Amount {
  return divInt(amountFromInteger(1), 2 * 10 ** displayDecimals(unit));
}

/** "-3,2 mnkr", "1 297,1 mnkr", "12 500 tkr". */
export function formatAmount(a: Amount, unit: Unit): string {
  return `${formatSwedish(toNumber(a), displayDecimals(unit))} ${unit}`;
}

/** The locale-invariant cell format for amounts in this unit. */
export function amountNumberFormat(unit: Unit): string {
  return unit === "mnkr" ? "#,##0.0" : "#,##0";
}
