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

const SOFFICE = ["soffice", "libreoffice"].find((b) => spawnSync("which", [b]).status === 0);

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

type Figures = Map<string, number | string>;

function formulaCells(wb: ExcelJS.Workbook, onlyFollowUp: (name: string) => boolean): Map<string, { formula: string; result: unknown }> {
  const out = new Map<string, { formula: string; result: unknown }>();
  for (const ws of wb.worksheets) {
    if (!onlyFollowUp(ws.name)) continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) {
          const v = cell.value as ExcelJS.CellFormulaValue;
          out.set(`${ws.name}!${cell.address}`, { formula: v.formula, result: v.result });
        }
      }),
    );
  }
  return out;
}

it("LibreOffice recalculates every formula of the demo output to the engine's figure", async () => {
  expect(SOFFICE).toBeDefined();
  const dir = tempDir("foljsam-lo-");
  const demo = foljsam(["demo", "-o", "demo"], dir);
  expect(demo.code).toBe(0);
  const output = join(dir, "demo", "foljsam-exempel-uppfoljning.xlsx");

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const isOurs = (name: string) => name.startsWith("Följsam");
  const engine = formulaCells(wb, isOurs);
  expect(engine.size).toBeGreaterThan(50);

  // Blank every cached result so that only a real recalculation can fill them in.
  const expected: Figures = new Map();
  for (const ws of wb.worksheets) {
    if (!isOurs(ws.name)) continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const v = cell.value as ExcelJS.CellFormulaValue;
        expected.set(`${ws.name}!${cell.address}`, v.result as number | string);
        cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
      }),
    );
  }
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

  const recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.readFile(join(outDir, "blanked.xlsx"));
  const after = formulaCells(recalculated, isOurs);
  const mismatches: string[] = [];
  for (const [address, want] of expected) {
    const got = after.get(address);
    if (!got) {
      mismatches.push(`${address}: no formula after recalculation`);
      continue;
    }
    const value = got.result;
    const same =
      typeof want === "number" && typeof value === "number"
        ? Math.abs(want - value) <= 1e-9 * Math.max(1, Math.abs(want))
        : (want ?? "") === (value ?? "");
    if (!same) mismatches.push(`${address} =${got.formula}: LibreOffice ${JSON.stringify(value)}, engine ${JSON.stringify(want)}`);
  }
  expect(mismatches).toEqual([]);
}, 240_000);
