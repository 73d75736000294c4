/**
 * Timing of a large sheet: 200 000 rows × 8 columns (one formula column). Slow to set up (ExcelJS
 * needs about 15 s to write the file), so it runs only when asked: FOLJSAM_PERF=1 npx jest perf.
 */
import * as ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { workbookToGrid } from "./read";
import { tempDir } from "./xlsx.testkit";
import { checkXlsxBytes } from "./zipCheck";

const ROWS = 200_000;
const run = process.env.FOLJSAM_PERF === "1" ? it : it.skip;

run(
  `converts a ${ROWS}-row sheet quickly compared with ExcelJS's own load`,
  async () => {
    const path = join(tempDir(), "stor.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Drift");
    ws.addRow(["Verksamhetsområde", "Enhet", "Budget 2025", "Utfall 2025", "Avvikelse", "Kommentar", "Resultatenhet", "Bruttobudget"]);
    for (let i = 0; i < ROWS; i++) {
      const r = i + 2;
      ws.addRow([`Område ${i % 40}`, `Enhet ${i % 977}`, i * 1.5, i * 1.25, { formula: `C${r}-D${r}`, result: i * 0.25 }, i % 10 === 0 ? "En kommentar" : null, i % 7 === 0 ? "ja" : null, 1000 + i]);
    }
    await wb.xlsx.writeFile(path);

    const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
    let t = process.hrtime.bigint();
    const bytes = readFileSync(path);
    checkXlsxBytes(bytes, "stor.xlsx");
    const check = ms(t);
    t = process.hrtime.bigint();
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(bytes as unknown as ArrayBuffer);
    const load = ms(t);
    t = process.hrtime.bigint();
    const grid = workbookToGrid(loaded, "stor.xlsx");
    const convert = ms(t);

    console.log(
      `${ROWS} × 8 (${(bytes.length / 1024 ** 2).toFixed(1)} MiB): zip check ${check.toFixed(0)} ms, ExcelJS load ${load.toFixed(0)} ms, conversion ${convert.toFixed(0)} ms`,
    );
    expect(grid.sheets[0].rows).toHaveLength(ROWS + 1);
    expect(grid.sheets[0].formulas?.size).toBe(ROWS);
    expect(grid.sheets[0].rows[ROWS]).toEqual([`Område ${(ROWS - 1) % 40}`, `Enhet ${(ROWS - 1) % 977}`, (ROWS - 1) * 1.5, (ROWS - 1) * 1.25, (ROWS - 1) * 0.25, null, null, 1000 + ROWS - 1]);
    expect(convert).toBeLessThan(load / 2);
  },
  300_000,
);
