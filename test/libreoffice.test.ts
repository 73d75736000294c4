/**
 * An independent check of the written workbook: LibreOffice opens the demo output headless,
 * recalculates every formula (the cached results are blanked first, so nothing can be copied
 * through) and saves it; every formula cell's recalculated value must equal the engine's figure.
 * CI installs LibreOffice (.ci/run); the test fails, it does not skip, when it is missing.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { foljsam, tempDir } from "./helpers/cli";
import { readXlsx } from "../src/hosts/xlsx/read";
import { resolveSettings, runFollowUp } from "../src/workbook/followUp";
import { a1, parseA1 } from "../src/workbook/cells";
import { SAMPLE_WORKBOOK } from "../src/cli/main";

const SOFFICE = ["soffice", "libreoffice"].find((b) => spawnSync("which", [b]).status === 0);

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The engine's figure for every formula cell of every follow-up sheet, straight from the plans. */
async function engineFigures(): Promise<Map<string, { f: string; v: unknown }>> {
  const { grid } = await readXlsx(SAMPLE_WORKBOOK);
  const run = runFollowUp(grid, resolveSettings(grid));
  const out = new Map<string, { f: string; v: unknown }>();
  for (const plan of run.plans) {
    plan.rows.forEach((row, r) => row.forEach((cell, c) => {
      if (cell?.f) out.set(`${plan.name}!${a1(r, c)}`, { f: cell.f, v: cell.v });
    }));
  }
  return out;
}

it("LibreOffice recalculates every formula of the demo output to the engine's figure", async () => {
  expect(SOFFICE).toBeDefined();
  const dir = tempDir("foljsam-lo-");
  const demo = foljsam(["demo", "-o", "demo"], dir);
  expect(demo.code).toBe(0);
  const output = join(dir, "demo", "foljsam-exempel-uppfoljning.xlsx");

  const expected = await engineFigures();
  expect(expected.size).toBeGreaterThan(50);

  // Blank every cached result so that only a real recalculation can fill them in.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  let blankedCount = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula || !expected.has(`${ws.name}!${cell.address}`)) return;
        // The cached result goes; the formula stays as written, a shared formula shared (its master and its cells).
        const { result: _result, ...formula } = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
        cell.value = formula as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
        blankedCount++;
      }),
    );
  }
  expect(blankedCount).toBe(expected.size);
  const blanked = join(dir, "blanked.xlsx");
  await wb.xlsx.writeFile(blanked);

  const profile = join(dir, "lo-profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const outDir = join(dir, "recalc");
  const lo = spawnSync(
    SOFFICE!,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, blanked],
    { encoding: "utf8", timeout: 180_000 },
  );
  expect(lo.status).toBe(0);

  // Read LibreOffice's file with our reader, which keeps cached results (0 included) and formulas.
  const { grid } = await readXlsx(join(outDir, "blanked.xlsx"), { followUpCells: true });
  const mismatches: string[] = [];
  for (const [address, want] of expected) {
    const [sheetName, cell] = address.split("!");
    const sheet = grid.sheets.find((s) => s.name === sheetName);
    const pos = parseA1(cell)!;
    const value = sheet?.rows[pos.row]?.[pos.col] ?? null;
    if (!sheet?.formulas?.get(cell)) mismatches.push(`${address}: no formula after recalculation`);
    const same =
      typeof want.v === "number" && typeof value === "number"
        ? Math.abs(want.v - value) <= 1e-9 * Math.max(1, Math.abs(want.v))
        : (want.v ?? "") === (value ?? "");
    if (!same) mismatches.push(`${address} =${want.f}: LibreOffice ${JSON.stringify(value)}, engine ${JSON.stringify(want.v)}`);
  }
  expect(mismatches).toEqual([]);
}, 240_000);
