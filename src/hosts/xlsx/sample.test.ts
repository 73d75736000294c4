/**
 * The bundled sample workbook (assets/foljsam-exempel.xlsx) as the .xlsx host reads it, and
 * scripts/build-sample.js still producing exactly that content from the worked examples.
 */
import { spawnSync } from "child_process";
import { join, resolve } from "path";
import { readXlsx } from "./read";
import { tempDir } from "./xlsx.testkit";

const ROOT = resolve(__dirname, "..", "..", "..");
const SAMPLE = join(ROOT, "assets", "foljsam-exempel.xlsx");
const EXAMPLES = join(ROOT, "test", "fixtures", "examples");

describe("the bundled sample workbook", () => {
  it("has the four tables of the worked examples, amounts as numbers and indicators as published text", async () => {
    const { grid } = await readXlsx(SAMPLE);
    expect(grid.sheets.map((s) => s.name)).toEqual(["Drift", "Investeringar", "Intäkts- och kostnadsslag", "KF-indikatorer"]);
    expect(grid.sheets.some((s) => s.followUp)).toBe(false);

    const [drift, investments, costTypes, indicators] = grid.sheets;
    expect(drift.rows[0]).toEqual(["Socialnämnden – verksamhetsberättelse 2019"]);
    expect(drift.rows[1]).toEqual([]);
    expect(drift.rows[2]).toEqual([
      "Verksamhetsområde, mnkr",
      "Enhet",
      "Bokslut 2018",
      "Budget 2019",
      "Bokslut 2019",
      "Resultatenhet",
      "Ingående resultatfond",
      "Bruttobudget",
      "Öronmärkning",
      "Kommentar",
    ]);
    expect(drift.rows).toHaveLength(3 + 13);
    expect(drift.rows[11]).toEqual(["Övrig verksamhet", "Tillståndsenheten", 9.6, 10, 9.9, "ja", 1.5, 30]);
    expect(drift.rows[15]).toEqual(["Omstrukturering", null, -18.6, 9, 7.9]);

    expect(investments.rows[0]).toEqual(["Investeringar, mnkr", "Budget 2019", "Bokslut 2019", "Prognos T2"]);
    expect(investments.rows[7]).toEqual(["Bilar med finansiell leasing", 0, 4.8, 0]);
    expect(costTypes.rows[1]).toEqual(["Taxor och avgifter", "intäkt", -48.1, -47.2]);

    expect(indicators.rows[0]).toEqual(["Mål", "Indikator", "Periodens utfall", "Utfall kvinnor", "Utfall män", "Årsmål", "Kommentar"]);
    expect(indicators.rows[1].slice(2, 6)).toEqual(["86,4 %", "87,4 %", "85,7 %", "84 %"]);
    expect(indicators.rows[4][6]).toBe("–");
    expect(indicators.rows).toHaveLength(15);
  });

  it("is what scripts/build-sample.js makes from the examples", async () => {
    const out = join(tempDir(), "exempel.xlsx");
    const run = spawnSync(process.execPath, [join(ROOT, "scripts", "build-sample.js"), EXAMPLES, out], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const built = (await readXlsx(out)).grid.sheets;
    const bundled = (await readXlsx(SAMPLE)).grid.sheets;
    expect(built).toEqual(bundled);
  });
});
