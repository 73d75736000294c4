import { defaultSettings, mergeSettings } from "../../engine/settings";
import { readSettingsSheet } from ".";
import { sheet, workbook } from "./read.testkit";

describe("readSettingsSheet", () => {
  it("returns null without a settings sheet", () => {
    expect(readSettingsSheet(workbook([sheet("Drift", [])]))).toBeNull();
  });

  it("reads English keys and Swedish labels into an object mergeSettings takes", () => {
    const g = workbook([
      sheet("Drift", []),
      sheet("Inställningar", [
        ["Följsams inställningar"],
        ["Inställning", "Värde", "Förklaring"],
        ["Period", "Tertial 2"],
        ["År", 2026],
        ["Enhet", "tkr"],
        ["Nämnd", "Socialnämnden"],
        ["commentThreshold.mnkr", 1.5],
        ["Kommentarsgräns, andel", "5 %"],
        ["resultUnits.capShare", 0.05],
        ["Underskott förs över", "nej"],
        ["earmarks.Nyanlända.mode", "both"],
        ["Öronmärkning Ensamkommande", "bara överskott"],
        ["indicators.tolerance", "10 %"],
        ["Förbättring räknas som delvis", "ja"],
        ["forecastAccuracyBand", 1],
        ["Kostnader negativa", false],
        ["Tomt värde", null],
        ["Något annat", "x"],
      ]),
    ]);
    const read = readSettingsSheet(g)!;
    expect(read.sheet).toBe("Inställningar");
    expect(read.unitName).toBe("Socialnämnden");
    expect(read.unknownKeys).toEqual(["Något annat"]);
    expect(read.settings).toEqual({
      period: "T2",
      year: 2026,
      unit: "tkr",
      commentThreshold: { mnkr: 1.5, share: 0.05 },
      resultUnits: { capShare: 0.05, carryDeficits: false },
      earmarks: { Nyanlända: { mode: "both" }, Ensamkommande: { mode: "surplusOnly" } },
      indicators: { tolerance: 0.1, improvementCountsAsPartial: true },
      forecastAccuracyBand: 0.01,
      costsNegative: false,
    });
    const merged = mergeSettings(defaultSettings(), read.settings);
    expect(merged).toMatchObject({ period: "T2", year: 2026, unit: "tkr", forecastAccuracyBand: 0.01 });
    expect(merged.earmarks.Ensamkommande.mode).toBe("surplusOnly");
  });

  it("reads keys and values from the first two columns without a header row, and passes bad values on for mergeSettings to name", () => {
    const g = workbook([sheet("Installningar", [["period", "VB"], ["unit", "mnkr"], ["year", "tjugo"]])]);
    const read = readSettingsSheet(g)!;
    expect(read.settings).toEqual({ period: "VB", unit: "mnkr", year: "tjugo" });
    expect(() => mergeSettings(defaultSettings(), read.settings, "blad Inställningar")).toThrow(/"year" ska vara ett årtal/);
  });
});
