/**
 * The period and year from the workbook (CONTRACT.md `report`; DOMAIN.md section 9).
 */
import { inferPeriod, periodFromHeaders, periodFromText, readWorkbook } from ".";
import type { TableKind } from "./synonyms";
import { settings, sheet, table, workbook } from "./read.testkit";

const headers = (...texts: string[]) => texts.map((text) => ({ text }));
const drift = (year: number | null, ...texts: string[]) => periodFromHeaders("drift", headers(...texts), year);

describe("periodFromHeaders", () => {
  it.each<[string, string[], number | null, string | null]>([
    ["Utfall per 30 april + Prognos helår", ["Budget 2020", "Utfall per 30 april", "Prognos helår"], 2020, "T1"],
    ["Utfall per 2020-04-30 + Prognos", ["Budget", "Utfall per 2020-04-30", "Prognos"], 2020, "T1"],
    ["Utfall t.o.m. augusti + Prognos", ["Budget", "Utfall t.o.m. augusti", "Prognos"], null, "T2"],
    ["Utfall per 31/8", ["Budget", "Utfall per 31/8", "Prognos"], null, "T2"],
    ["Utfall hittills + Prognos T1 + Prognos T2", ["Budget", "Utfall hittills", "Prognos T1", "Prognos T2"], null, "T2"],
    ["Utfall hittills + Prognos T1 + Prognos", ["Budget", "Utfall hittills", "Prognos T1", "Prognos"], null, "T2"],
    ["Utfall hittills + Prognos T1 alone", ["Budget", "Utfall hittills", "Prognos T1"], null, "T1"],
    ["Utfall hittills + Prognos: unclear", ["Budget", "Utfall hittills", "Prognos"], null, null],
    ["Bokslut YYYY, no forecast", ["Budget 2019", "Bokslut 2018", "Bokslut 2019"], 2019, "VB"],
    ["Bokslut YYYY + Prognos T2", ["Budget 2019", "Prognos T2", "Bokslut 2019"], 2019, "VB"],
    ["Bokslut last year only (a forecast table)", ["Budget 2020", "Bokslut 2019", "Prognos T1"], 2020, "T1"],
    // A bare Utfall could be a tertial's books or the year's (issue 8): the headers do not tell.
    ["Utfall YYYY, no forecast: unclear", ["Budget 2019", "Utfall 2019"], 2019, null],
    ["Budget and Utfall only: unclear", ["Budget", "Utfall"], null, null],
    ["Utfall helår: the year end", ["Budget 2019", "Utfall helår 2019"], 2019, "VB"],
    ["Utfall jan–aug + Prognos aug: T2", ["Budget 2026", "Utfall jan–aug 2026", "Prognos aug"], 2026, "T2"],
    ["Utfall jan-apr + Helårsprognos: T1", ["Kommunbidrag", "Utfall jan-apr", "Helårsprognos"], null, "T1"],
    ["Utfall + Prognos: unclear", ["Budget", "Utfall", "Prognos"], null, null],
    ["Prognos T2 only", ["Budget", "Prognos T2"], null, "T2"],
    ["nothing", ["Budget"], null, null],
  ])("%s", (_, texts, year, expected) => {
    expect(drift(year, ...texts)).toBe(expected);
  });

  it("reads an indicator table without a forecast as VB", () => {
    expect(periodFromHeaders("indicators", headers("Indikator", "Periodens utfall", "Årsmål"), null)).toBe("VB");
    expect(periodFromHeaders("indicators", headers("Indikator", "Periodens utfall", "Prognos helår"), null)).toBeNull();
  });
});

describe("periodFromText", () => {
  it.each([
    ["Tertialrapport 1 2020", "T1"],
    ["Tertialrapport 2", "T2"],
    ["Delårsrapport 2020", "T2"],
    ["Verksamhetsberättelse 2019", "VB"],
    ["Socialnämnden, VB 2019, mnkr", "VB"],
    ["Uppföljning per 30 april", "T1"],
    ["Driftbudget 2020", null],
  ])("%s → %s", (text, expected) => {
    expect(periodFromText(text)).toBe(expected);
  });
});

describe("inferPeriod", () => {
  const t = (kind: TableKind, texts: string[], periodHint: "T1" | "T2" | "VB" | null = null) => ({
    sheet: kind,
    kind,
    headers: headers(...texts),
    year: null,
    periodHint,
  });

  it("prefers the drift table's headers, then any table's, then a title", () => {
    expect(inferPeriod([t("indicators", ["Indikator", "Utfall"]), t("drift", ["Område", "Budget", "Utfall hittills", "Prognos T2"])])).toEqual({
      period: "T2",
      source: "headers",
      sheet: "drift",
    });
    expect(inferPeriod([t("drift", ["Område", "Budget", "Utfall", "Prognos"]), t("costTypes", ["Kostnadsslag", "Utfall 2019"])]).period).toBe("VB");
    expect(inferPeriod([t("drift", ["Område", "Budget", "Utfall", "Prognos"], "T1")])).toMatchObject({ period: "T1", source: "title" });
    expect(inferPeriod([t("drift", ["Område", "Budget", "Utfall", "Prognos"])]).period).toBeNull();
  });
});

describe("period and year precedence in readWorkbook", () => {
  const vb = () => workbook([sheet("Drift", table(["Verksamhetsområde | Budget 2019 | Bokslut 2019", "Barn | 10 | 9"]))]);

  it("a setting wins over the headers", () => {
    const input = readWorkbook(vb(), settings({ period: "T2", year: 2019, unit: "tkr" }));
    expect(input.period).toBe("T2");
    expect(input.readFindings.map((f) => f.code)).toEqual(["PERIOD_MISMATCH"]);
  });

  it("a settings sheet gives period, year and unit when the settings do not", () => {
    const g = vb();
    g.sheets.push(sheet("Inställningar", table(["Inställning | Värde", "Period | T2", "År | 2019", "Enhet | mnkr"])));
    const input = readWorkbook(g, settings());
    expect([input.period, input.year, input.unit]).toEqual(["T2", 2019, "mnkr"]);
  });

  it("a year setting that differs from the headers is a YEAR_MISMATCH warning at the header cell", () => {
    const input = readWorkbook(vb(), settings({ year: 2020, unit: "tkr" }));
    expect(input.year).toBe(2020);
    expect(input.readFindings).toMatchObject([{ code: "YEAR_MISMATCH", severity: "warning", sheet: "Drift", cell: "B1", params: { given: 2020, found: 2019 } }]);
  });

  it("takes the year from a title cell when the headers have none, else null", () => {
    const titled = workbook([sheet("Drift", table(["Verksamhetsberättelse 2019", "Verksamhetsområde | Budget | Bokslut", "Barn | 10 | 9"]))]);
    expect(readWorkbook(titled, settings())).toMatchObject({ period: "VB", year: 2019 });
    const plain = workbook([sheet("Drift", table(["Verksamhetsområde | Budget | Bokslut", "Barn | 10 | 9"]))]);
    expect(readWorkbook(plain, settings())).toMatchObject({ period: "VB", year: null });
  });
});
