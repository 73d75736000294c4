/**
 * What stops the run (FoljsamError, exit code 2): one Swedish line naming file, sheet and column.
 */
import { FoljsamError } from "../errors";
import { detectTables, readWorkbook } from ".";
import { settings, sheet, table, workbook } from "./read.testkit";

function errorOf(fn: () => unknown): FoljsamError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FoljsamError) return e;
    throw e;
  }
  throw new Error("no error thrown");
}

describe("missing required columns", () => {
  it("names file, sheet, column and header row", () => {
    const g = workbook([sheet("Drift", table(["Driftbudget 2019", "", "Verksamhetsområde | Bokslut 2019 | Kommentar", "Barn | 9 |"]))]);
    const e = errorOf(() => readWorkbook(g, settings()));
    expect(e.message).toBe('exempel.xlsx, blad "Drift": kolumnen Budget saknas (rubrikraden är rad 3).');
  });

  it("names every missing column", () => {
    const g = workbook([sheet("Drift", table(["Verksamhetsområde | Enhet | Kommentar", "Barn | A |"]))], "nämnd.xlsx");
    expect(errorOf(() => readWorkbook(g, settings())).message).toBe(
      'nämnd.xlsx, blad "Drift": kolumnerna Budget och Utfall eller Prognos saknas (rubrikraden är rad 1).',
    );
  });

  it("needs Utfall in VB", () => {
    const g = workbook([sheet("Drift", table(["Verksamhetsområde | Budget | Prognos", "Barn | 10 | 9"]))]);
    expect(errorOf(() => readWorkbook(g, settings({ period: "VB" }))).message).toMatch(/blad "Drift": kolumnen Utfall \(perioden är VB\) saknas/);
  });

  it("needs a name and Utfall for cost types, a name and a value for indicators", () => {
    const ct = workbook([sheet("Kostnadsslag", table(["Kostnadsslag | Slag", "Personal | kostnad"]))]);
    expect(errorOf(() => readWorkbook(ct, settings({ period: "VB" }))).message).toMatch(/blad "Kostnadsslag": kolumnen Utfall saknas/);
    const ind = workbook([sheet("Indikatorer", table(["Indikator | Årsmål", "Andel | 5 %"]))]);
    expect(errorOf(() => readWorkbook(ind, settings({ period: "VB" }))).message).toMatch(/blad "Indikatorer": kolumnen Utfall eller Prognos saknas/);
  });

  it("prefers a complete table found by its headers to an incomplete one; detectTables reports what is missing", () => {
    const g = workbook([
      sheet("Anteckningar", table(["Område | Kommentar", "Barn | Se nedan"])),
      sheet("Ekonomi", table(["Område | Budget | Bokslut 2019", "Barn | 10 | 9"])),
    ]);
    expect(readWorkbook(g, settings()).drift!.sheet).toBe("Ekonomi");
    const only = workbook([sheet("Anteckningar", table(["Område | Kommentar", "Barn | Se nedan"]))]);
    expect(detectTables(only, settings())[0].missing).toEqual(["Budget", "Utfall eller Prognos"]);
    expect(errorOf(() => readWorkbook(only, settings())).message).toMatch(/blad "Anteckningar": kolumnerna Budget och Utfall eller Prognos saknas/);
  });
});

describe("no table", () => {
  it("says so, naming the file", () => {
    const g = workbook([sheet("Blad1", table(["Hej", "Ingenting här"]))]);
    const e = errorOf(() => readWorkbook(g, settings()));
    expect(e.message).toMatch(/^exempel\.xlsx: hittar ingen tabell att följa upp\./);
  });

  it("names a sheet called Drift whose header row is not recognised", () => {
    const g = workbook([sheet("Drift", table(["Kolumn A | Kolumn B", "1 | 2"]))]);
    expect(errorOf(() => readWorkbook(g, settings())).message).toMatch(/Bladet "Drift" saknar en rubrikrad som känns igen/);
  });

  it("counts an empty workbook and Följsam's own sheets as no table", () => {
    expect(() => readWorkbook(workbook([]), settings())).toThrow(FoljsamError);
    const own = workbook([sheet("Drift", table(["Verksamhetsområde | Budget | Utfall", "Barn | 1 | 1"]), { followUp: true })]);
    expect(() => readWorkbook(own, settings())).toThrow(/hittar ingen tabell/);
  });
});

describe("period", () => {
  it("says how to give a period that cannot be inferred", () => {
    const g = workbook([sheet("Drift", table(["Område | Budget | Utfall | Prognos", "Barn | 10 | 4 | 9"]))], "nämnd.xlsx");
    const e = errorOf(() => readWorkbook(g, settings()));
    expect(e.message).toBe(
      "nämnd.xlsx: Kan inte avgöra perioden av kolumnrubrikerna; ange --period T1, T2 eller VB (eller Period på bladet Inställningar).",
    );
  });
});
