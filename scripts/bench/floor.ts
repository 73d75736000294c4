/**
 * The benchmark's floor: ExcelJS reads the workbook and writes it back unchanged, the least any
 * tool built on ExcelJS does with it. Run as its own process, like `foljsam report`, and prints
 * {"read": s, "write": s} on standard output.
 */
import * as ExcelJS from "exceljs";

async function floor(input: string, output: string): Promise<void> {
  const started = process.hrtime.bigint();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  const read = process.hrtime.bigint();
  await workbook.xlsx.writeFile(output);
  const written = process.hrtime.bigint();
  process.stdout.write(`${JSON.stringify({ read: Number(read - started) / 1e9, write: Number(written - read) / 1e9 })}\n`);
}

const [input, output] = process.argv.slice(2);
floor(input, output).catch((e: unknown) => {
  process.stderr.write(`floor: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
