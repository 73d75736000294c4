import { EXCEL_ERRORS } from "../../../workbook/cells";
import { FakeOfficeError } from "./errors";
import { FakeCell } from "./model";

const NUMBER_INPUT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const PERCENT_INPUT = /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*%\s*$/;
const ISO_DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;
const ERROR_VALUES = new Set<string>(EXCEL_ERRORS);

function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * Stores one element of a 2-D input array the way Excel treats typed input: "=…" is a formula,
 * a leading apostrophe keeps the rest as text, text that looks like a number, percentage,
 * ISO date, boolean or error becomes that, and "+x", "-x", "@x" that are not numbers become
 * formulas, as they do when typed. A cell formatted as Text ("@") keeps any string as text.
 * null leaves the cell as it was; "" empties it.
 */
export function writeInput(cell: FakeCell, input: unknown, location: string): void {
  if (input === null || input === undefined) return;
  const reset = () => {
    cell.value = null;
    delete cell.error;
    delete cell.formula;
    delete cell.quotePrefix;
  };
  reset();
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. ${location}`);
    cell.value = input;
    return;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") {
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. ${location}`);
  }
  if (input === "") return;
  if (cell.numberFormat === "@") {
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (NUMBER_INPUT.test(input)) {
    cell.value = Number(input);
    return;
  }
  if (input.length > 1 && (input[0] === "=" || input[0] === "+" || input[0] === "-" || input[0] === "@")) {
    cell.formula = input[0] === "=" ? input : `=${input}`;
    return;
  }
  if (PERCENT_INPUT.test(input)) {
    cell.value = Number(input.replace("%", "")) / 100;
    if (cell.numberFormat === undefined) cell.numberFormat = "0%";
    return;
  }
  const date = ISO_DATE_INPUT.exec(input);
  if (date) {
    cell.value = dateSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (cell.numberFormat === undefined) cell.numberFormat = "yyyy-mm-dd";
    return;
  }
  const upper = input.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") {
    cell.value = upper === "TRUE";
    return;
  }
  if (ERROR_VALUES.has(upper)) {
    cell.error = upper;
    return;
  }
  cell.value = input;
}
