/**
 * The acceptance case of consolidation: 30 nämnder of 10 000 drift rows each, consolidated by the
 * command line within a bounded heap. Files are read one at a time and only each nämnd's summary
 * is kept, so the heap needed is that of the largest file, not of all of them. The expected totals
 * are computed here with integers, independently of the engine. No wall-clock assertion: the test
 * is slow by nature (about half a minute on two cores). A consolidation of these files needs less than 160 MB of heap; 256 MB leaves room.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { foljsam, tempDir } from "../helpers/cli";

const FILES = 30;
const ROWS = 10_000;
/** Far below what 30 such files would need if they were all kept at once. */
const HEAP_MB = 256;

/** Row i of nämnd k in tkr: a budget, and an actual one tkr below it on every third row. */
const budgetOf = (k: number, i: number) => 1000 + (i % 97) + k;
const actualOf = (k: number, i: number) => budgetOf(k, i) - (i % 3 === 0 ? 1 : 0);

async function writeUnit(path: string, k: number): Promise<void> {
  // The streaming writer keeps the test's own memory and time down; the file is an ordinary .xlsx.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const settings = wb.addWorksheet("Inställningar");
  for (const row of [["Inställning", "Värde"], ["Nämnd", `Stadsdelsnämnd ${k + 1}`], ["Period", "VB"], ["År", 2026], ["Enhet", "tkr"]]) settings.addRow(row).commit();
  settings.commit();
  const drift = wb.addWorksheet("Drift");
  drift.addRow(["Verksamhetsområde", "Enhet", "Budget 2026", "Bokslut 2026"]).commit();
  for (let i = 0; i < ROWS; i++) drift.addRow([`Område ${Math.floor(i / 100) + 1}`, `Enhet ${(i % 100) + 1}`, budgetOf(k, i), actualOf(k, i)]).commit();
  drift.commit();
  await wb.commit();
}

describe("foljsam consolidate on many large files", () => {
  it(`consolidates ${FILES} files of ${ROWS} rows each within a ${HEAP_MB} MB heap`, async () => {
    const dir = tempDir();
    const files: string[] = [];
    let budget = 0;
    let actual = 0;
    for (let k = 0; k < FILES; k++) {
      const file = `namnd-${String(k + 1).padStart(2, "0")}.xlsx`;
      await writeUnit(join(dir, file), k);
      files.push(file);
      for (let i = 0; i < ROWS; i++) {
        budget += budgetOf(k, i);
        actual += actualOf(k, i);
      }
    }

    const r = foljsam(["consolidate", ...files, "-o", "stad.xlsx", "--json", "stad.json"], dir, { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "stad.xlsx"))).toBe(true);
    const json = JSON.parse(readFileSync(join(dir, "stad.json"), "utf8"));
    expect(json.units).toHaveLength(FILES);
    expect(json.units[29]).toMatchObject({ name: "Stadsdelsnämnd 30", file: "namnd-30.xlsx", sourceUnit: "tkr", findings: 0 });
    // tkr → mnkr: integers of tkr divided by 1 000 are exact in three decimals.
    expect(json.operating.total.budget).toBe(budget / 1000);
    expect(json.operating.total.actual).toBe(actual / 1000);
    // 3 334 rows of 10 000 (i = 0, 3, …, 9 999) are one tkr under budget, in each of 30 files.
    expect(json.operating.total.deviation).toBe((3334 * FILES) / 1000);
    expect(json.findings).toEqual([]);
    expect(r.stdout).toContain(`${FILES} nämnder`);
  });
});
