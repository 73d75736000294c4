import { computeIndicators } from "./indicators";
import { SHEET, row, settingsWith, table, tableFromKfCsv } from "./indicators.testkit";
import type { Finding, IndicatorStatus, IndicatorTableInput, Period } from "./types";
import { findingMessage } from "../i18n/findings";

/** shared/examples/kf-indikatorer-2020.csv, as published in Stockholms stad's 2020 annual report. */
const KF_2020_CSV = `Mål;Indikator;Periodens utfall;Utfall kvinnor;Utfall män;Årsmål;Kommentar
I Stockholm får människor i behov av stöd insatser i tid;Andel barn och ungdomar som varit aktuella för insatser inom individ- och familjeomsorgen och som inte är aktuella 12 månader efter avslutad insats;86,4 %;87,4 %;85,7 %;84 %;
I Stockholm får människor i behov av stöd insatser i tid;Andel barn och unga som bedömts ha skyddsbehov och som inte fått vänta på placering;100 %;100 %;100 %;100 %;
I Stockholm får människor i behov av stöd insatser i tid;Andel familjehemsplacerade barn i skolåldern som klarar målen i kärnämnena i grundskolan;68,6 %;79 %;63 %;75 %;Utfallet har med stor sannolikhet påverkats av den pågående pandemin.
I Stockholm får människor i behov av stöd insatser i tid;Andel enskilda som klarar mer på egen hand inom socialpsykiatrin;30 %;32 %;27 %;30 %;–
I Stockholm får människor i behov av stöd insatser i tid;Andel personer inom socialpsykiatrin som är nöjda med sin insats;90 %;91 %;88 %;80 %;–
I Stockholm får människor i behov av stöd insatser i tid;Andel insats/insatser avslutade enligt plan inom vuxna missbruk;51,5 %;54,3 %;50,6 %;42 %;–
I Stockholm får människor i behov av stöd insatser i tid;Andel personer med funktionsnedsättning som upplever att de kan påverka insatsens utformning;78 %;78 %;79 %;78 %;–
I Stockholm får människor i behov av stöd insatser i tid;Andel brukare som trivs – funktionsnedsättning;84 %;84 %;84 %;80 %;–
I Stockholm får människor i behov av stöd insatser i tid;Andel personer med funktionsnedsättning som upplever att de blir väl bemötta av stadens personal;88,1 %;89,6 %;89,1 %;90 %;Bemötandefrågor har nedprioriterats till förmån för smittsäkra arbetssätt.
I Stockholm får människor i behov av stöd insatser i tid;Andel ungdomar som i stockholmsenkäten uppger att de inte burit vapen;90 %;94 %;86 %;91 %;Utfallet är i stort sett oförändrat mellan 2018 och 2020.
I Stockholm får människor i behov av stöd insatser i tid;Andel ungdomar som i stockholmsenkäten uppger att de inte använder alkohol;59 %;55 %;64 %;62 %;Andelen elever som inte dricker alkohol har minskat.
I Stockholm får människor i behov av stöd insatser i tid;Andel ungdomar som i stockholmsenkäten uppger att de inte använder narkotika;85 %;88 %;83 %;92 %;Tillgången på narkotika har ökat.
I Stockholm får människor i behov av stöd insatser i tid;Andel ungdomar som i stockholmsenkäten uppger att de inte använder tobak;84 %;85 %;82 %;91 %;Snusning ökar, framförallt bland flickor.
I Stockholm får människor i behov av stöd insatser i tid;Andel unga som fått brottsofferstöd och som upplever en positiv förändring av sin livssituation;65 %;55 %;73 %;70 %;Försämring från 2019, framförallt för flickor.
`;

const GOAL = "I Stockholm får människor i behov av stöd insatser i tid";

function run(t: IndicatorTableInput, period: Period = "VB", settings = settingsWith()) {
  return computeIndicators(t, period, settings);
}

/** One row through the engine; its status and findings. */
function one(spec: Parameters<typeof row>[0], period: Period = "VB", settings = settingsWith()) {
  const { result, findings } = run(table([spec]), period, settings);
  return { row: result.rows[0], status: result.rows[0].status, findings };
}

const codes = (findings: Finding[]) => findings.map((f) => f.code);

describe("KF:s indikatorer 2020 (published VB)", () => {
  const { result, findings } = run(tableFromKfCsv(KF_2020_CSV));
  const statusOf = (fragment: string): IndicatorStatus => {
    const matches = result.rows.filter((r) => r.name.includes(fragment));
    expect(matches).toHaveLength(1);
    return matches[0].status;
  };

  it("reads all 14 indicators as %-indicators under one goal", () => {
    expect(result.rows).toHaveLength(14);
    expect(result.rows.every((r) => r.percent && r.goal === GOAL && r.targetKind === "atLeast")).toBe(true);
  });

  it("7 indicators are fully met", () => {
    for (const fragment of [
      "inte är aktuella 12 månader efter avslutad insats", // 86,4 vs 84
      "inte fått vänta på placering", // 100 vs 100
      "klarar mer på egen hand inom socialpsykiatrin", // 30 vs 30
      "socialpsykiatrin som är nöjda", // 90 vs 80
      "vuxna missbruk", // 51,5 vs 42
      "påverka insatsens utformning", // 78 vs 78
      "brukare som trivs", // 84 vs 80
    ]) {
      expect([fragment, statusOf(fragment)]).toEqual([fragment, "full"]);
    }
  });

  it("7 indicators are partly met (within 10 % below the target)", () => {
    for (const fragment of [
      "familjehemsplacerade barn", // 68,6 vs 75 (≥ 67,5)
      "väl bemötta", // 88,1 vs 90 (≥ 81)
      "burit vapen", // 90 vs 91 (≥ 81,9)
      "använder alkohol", // 59 vs 62 (≥ 55,8)
      "använder narkotika", // 85 vs 92 (≥ 82,8)
      "använder tobak", // 84 vs 91 (≥ 81,9)
      "brottsofferstöd", // 65 vs 70 (≥ 63)
    ]) {
      expect([fragment, statusOf(fragment)]).toEqual([fragment, "partial"]);
    }
  });

  it("keeps the published values and targets", () => {
    const familjehem = result.rows[2];
    expect(familjehem).toMatchObject({ value: 68.6, actual: 68.6, target: 75, actualWomen: 79, actualMen: 63, genderGap: 16 });
  });

  it("summarises as published", () => {
    expect(result.summary).toEqual({ full: 7, partial: 7, none: 0, notMeasured: 0, notAssessable: 0 });
    expect(result.summarySentence).toBe("För 7 av 14 indikatorer har årsmålet uppnåtts helt, för 7 delvis.");
    expect(result.notAssessedSentence).toBeNull();
    expect(result.goals).toEqual([
      { name: GOAL, proposedStatus: "partial", summary: { full: 7, partial: 7, none: 0, notMeasured: 0, notAssessable: 0 } },
    ]);
  });

  it("reports GENDER_GAP for exactly the six published indicators, with the published gaps", () => {
    const gaps = findings.filter((f) => f.code === "GENDER_GAP");
    expect(gaps.map((f) => [f.subject, f.params?.gapValue])).toEqual([
      [result.rows[2].name, 16], // familjehemsplacerade barn: 79 − 63
      [result.rows[3].name, 5], // socialpsykiatrin klarar mer: 32 − 27, on the boundary
      [result.rows[9].name, 8], // burit vapen: 94 − 86
      [result.rows[10].name, -9], // alkohol: 55 − 64
      [result.rows[11].name, 5], // narkotika: 88 − 83
      [result.rows[13].name, -18], // brottsofferstöd: 55 − 73
    ]);
    expect(gaps.every((f) => f.severity === "info" && f.sheet === SHEET)).toBe(true);
    // The women's cell of each row (column D; data starts on row 2).
    expect(gaps.map((f) => f.cell)).toEqual(["D4", "D5", "D11", "D12", "D13", "D15"]);
    expect(findingMessage(gaps[0])).toBe("Skillnaden kvinnor − män är 16 procentenheter (kvinnor 79 %, män 63 %).");
    expect(findingMessage(gaps[3])).toBe("Skillnaden kvinnor − män är -9 procentenheter (kvinnor 55 %, män 64 %).");
  });

  it("holds gaps without float noise", () => {
    expect(result.rows.map((r) => r.genderGap)).toEqual([1.7, 0, 16, 5, 3, 3.7, -1, 0, 0.5, 8, -9, 5, 3, -18]);
  });

  it("needs no comment (every partial indicator has one) and gives no other findings", () => {
    expect(codes(findings)).toEqual(["GENDER_GAP", "GENDER_GAP", "GENDER_GAP", "GENDER_GAP", "GENDER_GAP", "GENDER_GAP"]);
  });
});

describe("assessed value by period", () => {
  it("VB assesses the actual even when a forecast is given", () => {
    const r = one({ actual: "75 %", forecast: "80 %", target: "80 %" }, "VB");
    expect(r.row.value).toBe(75);
    expect(r.status).toBe("partial");
  });

  it.each(["T1", "T2"] as const)("%s assesses the forecast when given", (period) => {
    const r = one({ actual: "70 %", forecast: "80 %", target: "80 %" }, period);
    expect(r.row.value).toBe(80);
    expect(r.status).toBe("full");
  });

  it.each(["T1", "T2"] as const)("%s falls back to the actual without a forecast", (period) => {
    const r = one({ actual: "75 %", forecast: null, target: "80 %" }, period);
    expect(r.row.value).toBe(75);
    expect(r.status).toBe("partial");
  });

  it("T2 with a forecast but no actual still assesses the forecast", () => {
    expect(one({ actual: null, forecast: "85 %", target: "80 %" }, "T2").status).toBe("full");
  });

  it("VB with only a forecast is not measured", () => {
    expect(one({ actual: null, forecast: "85 %", target: "80 %" }, "VB").status).toBe("notMeasured");
  });
});

describe("targets and fallback", () => {
  it("a text target is not assessable", () => {
    const r = one({ actual: "74", target: "Tas fram av nämnden" });
    expect(r.status).toBe("notAssessable");
    expect(r.row).toMatchObject({ targetKind: "none", target: null, targetText: "Tas fram av nämnden", targetSource: null });
  });

  it("an empty årsmål falls back to a numeric KF:s årsmål", () => {
    const r = one({ actual: "74", target: null, kfTarget: "80" });
    expect(r.row).toMatchObject({ target: 80, kfTarget: 80, targetKind: "atLeast", targetSource: "kfTarget" });
    expect(r.status).toBe("partial"); // 74 ≥ 72
  });

  it("a text årsmål falls back to a numeric KF:s årsmål", () => {
    const r = one({ actual: "74", target: "tas fram av nämnd/styrelse", kfTarget: "70" });
    expect(r.row).toMatchObject({ target: 70, targetSource: "kfTarget" });
    expect(r.status).toBe("full");
  });

  it("a dash årsmål falls back too", () => {
    expect(one({ actual: "74", target: "–", kfTarget: "70" }).status).toBe("full");
  });

  it("a numeric årsmål wins over KF:s årsmål", () => {
    const r = one({ actual: "74", target: "76", kfTarget: "70" });
    expect(r.row).toMatchObject({ target: 76, kfTarget: 70, targetSource: "target" });
    expect(r.status).toBe("partial");
  });

  it("with neither target numeric the row is not assessable", () => {
    expect(one({ actual: "74", target: "Tas fram av nämnden", kfTarget: "tas fram av nämnd/styrelse" }).status).toBe("notAssessable");
    expect(one({ actual: "74", target: null, kfTarget: null }).status).toBe("notAssessable");
  });

  it("a row without a value is not measured, whatever its target", () => {
    expect(one({ actual: null, target: "80 %" }).status).toBe("notMeasured");
    expect(one({ actual: "Stockholmsenkäten görs inte i år", target: "80 %" }).status).toBe("notMeasured");
    expect(one({ actual: "-", target: "Tas fram av nämnden" }).status).toBe("notMeasured");
    expect(one({ actual: null, target: "+/- 1 %" }).status).toBe("notMeasured");
  });
});

describe("atLeast (higher is better), tolerance 10 %", () => {
  it.each([
    ["100", "100", "full"],
    ["101", "100", "full"],
    ["90", "100", "partial"], // exactly 100 × 0,9
    ["89,99", "100", "none"],
    ["89,999999", "100", "none"],
    ["11,7", "13", "partial"], // 13 × 0,9 = 11,7; in binary 13 * 0.9 is 11.700000000000001
    ["11,69", "13", "none"],
    ["0", "0", "full"],
    ["-1", "0", "none"],
  ])("%s against %s → %s", (actual, target, status) => {
    expect(one({ actual, target }).status).toBe(status);
  });

  it("a negative target still puts the partial range below it", () => {
    // Target −10: partial from −10 − 1 = −11.
    expect(one({ actual: "-11", target: "-10" }).status).toBe("partial");
    expect(one({ actual: "-11,1", target: "-10" }).status).toBe("none");
  });
});

describe("atMost (lower is better)", () => {
  const lower = { direction: "lowerIsBetter" as const };
  it.each([
    ["4", "5", "full"],
    ["5", "5", "full"],
    ["5,5", "5", "partial"], // 5 × 1,1
    ["5,51", "5", "none"],
    ["3,6", "3", "partial"], // 3 × 1,2 with tolerance 20 %; in binary 3 * 1.2 is 3.5999999999999996
    ["3,61", "3", "none"],
  ])("%s against %s → %s", (actual, target, status) => {
    const tolerance = target === "3" ? 0.2 : null;
    const r = one({ actual, target, ...lower, tolerance });
    expect(r.status).toBe(status);
    expect(r.row.targetKind).toBe("atMost");
    expect(r.row.direction).toBe("lowerIsBetter");
  });

  it("an explicit 'högst' target is atMost without a Riktning column", () => {
    const r = one({ actual: "6 %", target: "högst 5 %" });
    expect(r.row).toMatchObject({ targetKind: "atMost", target: 5, direction: "lowerIsBetter" });
    expect(r.status).toBe("none");
  });
});

describe("band targets (+/- x)", () => {
  it.each([
    ["0,5 %", "+/- 1 %", "full"],
    ["-0,5 %", "+/- 1 %", "full"],
    ["1 %", "+/- 1 %", "full"],
    ["-1 %", "±1 %", "full"],
    ["1,1 %", "+/- 1 %", "partial"], // 1 × 1,1
    ["-1,1 %", "+/- 1 %", "partial"],
    ["1,11 %", "+/- 1 %", "none"],
    ["-5,4 %", "+/- 1 %", "none"], // prognossäkerhet 2019
    ["0", "±0", "full"], // 0 against 0
    ["0,01", "±0", "none"],
  ])("%s within %s → %s", (actual, target, status) => {
    const r = one({ actual, target });
    expect(r.status).toBe(status);
    expect(r.row.targetKind).toBe("band");
  });

  it("reports the half-width as the target", () => {
    expect(one({ actual: "0,5 %", target: "+/- 1 %" }).row).toMatchObject({ target: 1, targetKind: "band", percent: true });
  });

  it("0,23 within ±0,2 with tolerance 15 % is on the boundary (0,2 × 1,15 is 0.22999999999999998 in binary)", () => {
    expect(one({ actual: "0,23", target: "±0,2", tolerance: 0.15 }).status).toBe("partial");
    expect(one({ actual: "-0,23", target: "±0,2", tolerance: 0.15 }).status).toBe("partial");
    expect(one({ actual: "0,2301", target: "±0,2", tolerance: 0.15 }).status).toBe("none");
  });

  it("a band KF:s årsmål is used when årsmål is empty", () => {
    expect(one({ actual: "0,5", target: null, kfTarget: "+/- 1 %" }).row).toMatchObject({ status: "full", targetKind: "band", targetSource: "kfTarget" });
  });
});

describe("tolerance", () => {
  it("comes from the setting", () => {
    expect(one({ actual: "80", target: "100" }, "VB", settingsWith({ tolerance: 0.2 })).status).toBe("partial");
    expect(one({ actual: "79,9", target: "100" }, "VB", settingsWith({ tolerance: 0.2 })).status).toBe("none");
    expect(one({ actual: "99,9", target: "100" }, "VB", settingsWith({ tolerance: 0 })).status).toBe("none");
  });

  it("is overridden per row", () => {
    const r = one({ actual: "95", target: "100", tolerance: 0.05 }, "VB", settingsWith({ tolerance: 0.2 }));
    expect(r.row.tolerance).toBe(0.05);
    expect(r.status).toBe("partial");
    expect(one({ actual: "94,9", target: "100", tolerance: 0.05 }, "VB", settingsWith({ tolerance: 0.2 })).status).toBe("none");
    expect(one({ actual: "99", target: "100", tolerance: 0 }).status).toBe("none");
  });

  it("the row result carries the tolerance used", () => {
    expect(one({ actual: "95", target: "100" }).row.tolerance).toBe(0.1);
  });
});

describe("improvementCountsAsPartial", () => {
  const on = settingsWith({ improvementCountsAsPartial: true });

  it("off (default): an improvement outside the tolerance is still none", () => {
    expect(one({ actual: "60", prior: "50", target: "100" }).status).toBe("none");
  });

  it("on: higher is better and the value went up", () => {
    expect(one({ actual: "60", prior: "50", target: "100" }, "VB", on).status).toBe("partial");
  });

  it("on: no improvement, no change, or no prior year stays none", () => {
    expect(one({ actual: "60", prior: "70", target: "100" }, "VB", on).status).toBe("none");
    expect(one({ actual: "60", prior: "60", target: "100" }, "VB", on).status).toBe("none");
    expect(one({ actual: "60", prior: null, target: "100" }, "VB", on).status).toBe("none");
  });

  it("on: lower is better and the value went down", () => {
    expect(one({ actual: "8", prior: "9", target: "5", direction: "lowerIsBetter" }, "VB", on).status).toBe("partial");
    expect(one({ actual: "8", prior: "7", target: "5", direction: "lowerIsBetter" }, "VB", on).status).toBe("none");
  });

  it("on: a band and the value came closer to zero", () => {
    expect(one({ actual: "-3 %", prior: "5 %", target: "+/- 1 %" }, "VB", on).status).toBe("partial");
    expect(one({ actual: "-3 %", prior: "2 %", target: "+/- 1 %" }, "VB", on).status).toBe("none");
  });

  it("does not turn full into partial or touch unassessed rows", () => {
    expect(one({ actual: "100", prior: "90", target: "100" }, "VB", on).status).toBe("full");
    expect(one({ actual: "100", prior: "90", target: "Tas fram av nämnden" }, "VB", on).status).toBe("notAssessable");
  });
});

describe("percent indicators", () => {
  it.each([
    ["value", { actual: "50 %", target: "60" }],
    ["women", { actual: "50", women: "52 %", target: "60" }],
    ["men", { actual: "50", men: "52 %", target: "60" }],
    ["prior year", { actual: "50", prior: "40 %", target: "60" }],
    ["target", { actual: "50", target: "60 %" }],
    ["band target", { actual: "0,5", target: "+/- 1 %" }],
    ["KF target", { actual: "50", kfTarget: "60 %" }],
  ])("a %% sign in the %s cell makes a %%-indicator", (_, spec) => {
    expect(one(spec).row.percent).toBe(true);
  });

  it("no %% sign anywhere: not a %-indicator", () => {
    expect(one({ actual: "20 st", women: "12", men: "8", target: "25" }).row.percent).toBe(false);
  });
});

describe("GENDER_GAP", () => {
  const gap = (spec: Parameters<typeof row>[0], settings = settingsWith()) =>
    one({ actual: "50", target: "50", ...spec }, "VB", settings).findings.filter((f) => f.code === "GENDER_GAP");

  it("%: from 5 points, on both sides of the boundary", () => {
    expect(gap({ women: "55 %", men: "50 %" })).toHaveLength(1);
    expect(gap({ women: "50 %", men: "55 %" })).toHaveLength(1);
    expect(gap({ women: "54,9 %", men: "50 %" })).toHaveLength(0);
    // 64,1 − 59,1 is 4.999999999999993 in binary: still 5 points.
    expect(gap({ women: "64,1 %", men: "59,1 %" })).toHaveLength(1);
  });

  it("%: a bare number in a %-row is points too", () => {
    expect(gap({ actual: "50 %", women: "56", men: "50" })).toHaveLength(1);
  });

  it("%: the threshold is a setting", () => {
    expect(gap({ women: "53 %", men: "50 %" }, settingsWith({ genderGapPoints: 3 }))).toHaveLength(1);
    expect(gap({ women: "55 %", men: "50 %" }, settingsWith({ genderGapPoints: 6 }))).toHaveLength(0);
  });

  it("non-%: from 10 % of the larger value, on both sides of the boundary", () => {
    // Larger value 20: threshold 2.
    expect(gap({ women: "18 st", men: "20 st" })).toHaveLength(1);
    expect(gap({ women: "20", men: "18" })).toHaveLength(1);
    expect(gap({ women: "18,1", men: "20" })).toHaveLength(0);
    // 6 points would be a gap for a %-indicator, but 6 of 100 days is not.
    expect(gap({ women: "106", men: "100" })).toHaveLength(0);
    expect(gap({ women: "110", men: "100" })).toHaveLength(0); // 10 < 11
    expect(gap({ women: "111", men: "100" })).toHaveLength(0); // 11 < 11,1
    expect(gap({ women: "112", men: "100" })).toHaveLength(1); // 12 ≥ 11,2
    expect(gap({ women: "90", men: "100" })).toHaveLength(1); // 10 ≥ 10, on the boundary
    // 0,3 − 0,27 is 0.02999999999999997 in binary, below 0.3 * 0.1: still on the boundary.
    expect(gap({ women: "0,3", men: "0,27" })).toHaveLength(1);
  });

  it("is the women's value minus the men's, exact", () => {
    expect(one({ actual: "52 %", women: "54,3 %", men: "50,6 %", target: "50 %" }).row.genderGap).toBe(3.7);
    expect(one({ actual: "20", women: "7", men: "13", target: "20" }).row.genderGap).toBe(-6);
  });

  it("is null without both values, and no finding is made", () => {
    const r = one({ actual: "50 %", women: "70 %", men: null, target: "50 %" });
    expect(r.row.genderGap).toBeNull();
    expect(codes(r.findings)).not.toContain("GENDER_GAP");
  });

  it("points at the women's cell and writes the gap in the unit", () => {
    const [f] = gap({ women: "12 dagar", men: "20 dagar", unit: "dagar" });
    expect(f).toMatchObject({ severity: "info", sheet: SHEET, cell: "D2", subject: "Indikator", params: { gapValue: -8, gap: "-8 dagar" } });
    expect(findingMessage(f)).toBe("Skillnaden kvinnor − män är -8 dagar (kvinnor 12 dagar, män 20 dagar).");
  });
});

describe("COMMENT_REQUIRED", () => {
  it.each([null, "", "–", "-", "  –  "])("partial with comment %p is reported", (comment) => {
    const r = one({ actual: "68,6 %", target: "75 %", comment });
    expect(r.status).toBe("partial");
    const f = r.findings.find((x) => x.code === "COMMENT_REQUIRED");
    expect(f).toMatchObject({ severity: "warning", sheet: SHEET, cell: "K2", subject: "Indikator", params: { status: "Delvis" } });
    expect(findingMessage(f!)).toBe("Måluppfyllelse Delvis (utfall 68,6 %, årsmål 75 %): en kommentar krävs.");
  });

  it("none without comment is reported with Ej", () => {
    const f = one({ actual: "5", target: "10", comment: null }).findings.find((x) => x.code === "COMMENT_REQUIRED");
    expect(f?.params?.status).toBe("Ej");
  });

  it("names the forecast in T1/T2 and the band target as written", () => {
    const f = one({ actual: "0", forecast: "1,1 %", target: "+/- 1 %", comment: null }, "T2").findings.find(
      (x) => x.code === "COMMENT_REQUIRED",
    );
    expect(findingMessage(f!)).toBe("Måluppfyllelse Delvis (prognos 1,1 %, årsmål +/- 1 %): en kommentar krävs.");
  });

  it("a real comment is enough", () => {
    expect(codes(one({ actual: "5", target: "10", comment: "Förklaring." }).findings)).toEqual([]);
  });

  it("full, not measured and not assessable need no comment", () => {
    expect(codes(one({ actual: "10", target: "10", comment: null }).findings)).toEqual([]);
    expect(codes(one({ actual: null, target: "10", comment: null }).findings)).toEqual([]);
    expect(codes(one({ actual: "5", target: "Tas fram av nämnden", comment: null }).findings)).toEqual([]);
  });

  it("applies without a comment column, pointing at the name", () => {
    const t: IndicatorTableInput = {
      sheet: SHEET,
      rows: [row({ actual: "5", target: "10", comment: null }, 7, { name: "A", actual: "B", target: "C" })],
      hasDirectionColumn: false,
      hasCommentColumn: false,
    };
    const { findings } = run(t);
    expect(findings.map((f) => [f.code, f.cell])).toEqual([["COMMENT_REQUIRED", "A7"]]);
  });
});

describe("the direction rule (DOMAIN.md section 6): DIRECTION_ASSUMED and DIRECTION_UNSET", () => {
  it("assesses a name that starts with a lower-is-better measure as lower is better, and says so", () => {
    const r = one({ name: "Sjukfrånvaro bland medarbetare", actual: "6 %", target: "5 %", direction: null, comment: "K." });
    expect(r.row.direction).toBe("lowerIsBetter");
    expect(r.row.targetKind).toBe("atMost");
    // 6 > 5 × 1,10 = 5,5: not even partial.
    expect(r.status).toBe("none");
    expect(r.findings).toEqual([
      expect.objectContaining({ code: "DIRECTION_ASSUMED", severity: "info", sheet: SHEET, cell: "J2", subject: "Sjukfrånvaro bland medarbetare" }),
    ]);
  });

  it("reports Sjukfrånvaro 7,9 % against a target of 6 % as not met (issue 8), 6,5 % as partial, 5,8 % as full", () => {
    expect(one({ name: "Sjukfrånvaro", actual: "7,9 %", target: "6 %", direction: null, comment: "K." }).status).toBe("none");
    // 6,5 ≤ 6 × 1,10 = 6,6: within tolerance.
    expect(one({ name: "Sjukfrånvaro", actual: "6,5 %", target: "6 %", direction: null, comment: "K." }).status).toBe("partial");
    expect(one({ name: "Sjukfrånvaro", actual: "5,8 %", target: "6 %", direction: null, comment: "K." }).status).toBe("full");
  });

  it("takes each measure of the list, and nämndens budgetföljsamhet (at most 100 %)", () => {
    for (const name of ["Väntetid i dagar", "Kostnad per plats", "Antal vräkningar med barn", "Budgetföljsamhet", "Nämndens budgetföljsamhet"]) {
      expect(one({ name, actual: "10", target: "20", direction: null, comment: "K." }).row.direction).toBe("lowerIsBetter");
    }
    const adherence = one({ name: "Nämndens budgetföljsamhet", actual: "94,2 %", target: "100 %", direction: null });
    expect(adherence.status).toBe("full");
    expect(codes(adherence.findings)).toEqual(["DIRECTION_ASSUMED"]);
  });

  it("points at the name when the sheet has no Riktning column", () => {
    const t: IndicatorTableInput = {
      sheet: SHEET,
      rows: [row({ name: "Antal vräkningar", actual: "3", target: "5" }, 4, { name: "A", actual: "B", target: "C" })],
      hasDirectionColumn: false,
      hasCommentColumn: false,
    };
    expect(run(t).findings.map((f) => [f.code, f.cell])).toEqual([["DIRECTION_ASSUMED", "A4"]]);
    expect(run(t).result.rows[0].status).toBe("full");
  });

  it("only hints (DIRECTION_UNSET) where the name merely mentions such a word, and keeps higher is better", () => {
    const r = one({ name: "Andel hushåll som lämnat ekonomiskt bistånd", actual: "30 %", target: "25 %", direction: null });
    expect(r.row.direction).toBe("higherIsBetter");
    expect(r.status).toBe("full");
    expect(codes(r.findings)).toEqual(["DIRECTION_UNSET"]);
  });

  it("stays quiet when the direction is given, or the name does not suggest it", () => {
    expect(codes(one({ name: "Väntetid i dagar", actual: "30", target: "40", direction: "lowerIsBetter" }).findings)).toEqual([]);
    expect(codes(one({ name: "Väntetid i dagar", actual: "30", target: "20", direction: "higherIsBetter" }).findings)).toEqual([]);
    expect(codes(one({ name: "Andel nöjda brukare", actual: "90", target: "80", direction: null }).findings)).toEqual([]);
  });

  it("stays quiet when the target itself says 'högst'", () => {
    expect(codes(one({ name: "Kostnad per plats", actual: "900", target: "högst 1 000", direction: null }).findings)).toEqual([]);
  });
});

describe("findings for a whole table", () => {
  it("come in row order and carry the table's sheet", () => {
    const t = table([
      { name: "Kostnad per brukare", actual: "120", target: "100", comment: null },
      { name: "Andel nöjda", actual: "70 %", women: "80 %", men: "60 %", target: "90 %", comment: "Förklaring." },
    ]);
    const { findings } = run({ ...t, sheet: "Nyckeltal" });
    // Kostnad per brukare: lower is better (assumed), 120 > 100 × 1,10: not met, and no comment.
    expect(findings.map((f) => [f.code, f.subject, f.sheet])).toEqual([
      ["DIRECTION_ASSUMED", "Kostnad per brukare", "Nyckeltal"],
      ["COMMENT_REQUIRED", "Kostnad per brukare", "Nyckeltal"],
      ["GENDER_GAP", "Andel nöjda", "Nyckeltal"],
    ]);
  });
});
