/**
 * `foljsam template [--period T1|T2|VB] [--year ÅÅÅÅ] [--unit kr|tkr|mnkr] -o mall.xlsx`: a blank
 * report template, as sheet plans (src/workbook/template) executed with ExcelJS into a new
 * workbook. Its sheets carry no Följsam mark: a template is input, to be read back.
 */
import { basename, extname } from "path";
import type { Period, Unit } from "../engine/types";
import { writeNewWorkbook } from "../hosts/xlsx/writeNew";
import { FoljsamError } from "../workbook/errors";
import { buildTemplatePlans, periodName } from "../workbook/template";
import type { CliOptions } from "./args";
import { EXIT_OK, periodFlag, rejectFlags, unitFlag, yearFlag } from "./options";

/**
 * The period a template is most likely wanted for on a given day, when --period is not given:
 * the tertial report is written in the months after its tertial ends, the VB around the turn of
 * the year. March–June T1, July–October T2, November–December VB of the year, January–February
 * VB of the year before.
 */
export function defaultTemplatePeriod(now: Date): { period: Period; year: number } {
  const month = now.getMonth();
  const year = now.getFullYear();
  if (month <= 1) return { period: "VB", year: year - 1 };
  if (month <= 5) return { period: "T1", year };
  if (month <= 9) return { period: "T2", year };
  return { period: "VB", year };
}

export async function template(opts: CliOptions, out: NodeJS.WritableStream, now: Date = new Date()): Promise<number> {
  rejectFlags(opts, ["settings", "json", "inPlace", "strict"]);
  if (opts.positional.length > 0) {
    throw new FoljsamError(`foljsam template läser ingen arbetsbok ("${opts.positional[0]}"); ange utfilen med -o mall.xlsx.`);
  }
  if (!opts.output) throw new FoljsamError("Ange utfilen: foljsam template --period T1 --year 2026 -o mall.xlsx.");
  if (extname(opts.output).toLowerCase() !== ".xlsx") throw new FoljsamError(`Utfilen ${basename(opts.output)} ska sluta på .xlsx.`);
  const fallback = defaultTemplatePeriod(now);
  const period = opts.period !== undefined ? periodFlag(opts.period) : fallback.period;
  const year = opts.year !== undefined ? yearFlag(opts.year) : opts.period !== undefined ? now.getFullYear() : fallback.year;
  const unit: Unit = opts.unit !== undefined ? unitFlag(opts.unit) : "tkr";

  await writeNewWorkbook(buildTemplatePlans(period, year, { unit }), opts.output, { mark: false });
  out.write(`Skrev ${opts.output}: mall för ${periodName(period, year)}, belopp i ${unit}.\n`);
  out.write(`Kontrollera den ifyllda mallen med: foljsam validate ${basename(opts.output)}\n`);
  return EXIT_OK;
}
