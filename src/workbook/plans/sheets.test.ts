import { FINDING_TEXTS } from "../../i18n/findings.sv";
import { buildSheetPlans, assignSheetNames, OUTPUT_SHEET_NAMES, STATUS_LABELS } from "./index";
import { cellAt, colOf, headerRow, letterOf, rowOf, sheet } from "./planQuery.testkit";
import { finding, socialVb2019, tertialT2 } from "./results.testkit";
import type { FollowUpResult } from "../../engine/types";

const plansOf = (result: FollowUpResult) => buildSheetPlans(result, OUTPUT_SHEET_NAMES, { file: "socialnamnden-vb2019.xlsx" });

describe("buildSheetPlans", () => {
  it("builds every sheet with data, Sammanfattning first, with the given names", () => {
    const plans = plansOf(socialVb2019());
    expect(plans.map((p) => p.kind)).toEqual(["summary", "drift", "resultUnits", "earmarks", "investments", "costTypes", "indicators", "findings"]);
    expect(plans.map((p) => p.name)).toEqual([
      "Följsam Sammanfattning",
      "Följsam Drift",
      "Följsam Resultatenheter",
      "Följsam Återredovisning",
      "Följsam Investeringar",
      "Följsam Kostnadsslag",
      "Följsam Indikatorer",
      "Följsam Kontroller",
    ]);
  });

  it("names the nämnd in every title and printed header, numbers the pages and opens on Sammanfattning", () => {
    const plans = buildSheetPlans(socialVb2019(), OUTPUT_SHEET_NAMES, { file: "socialnamnden-vb2019.xlsx", unitName: "Socialnämnden" });
    expect(sheet(plans, "drift").rows[0][0]).toMatchObject({ v: "Socialnämnden – Driftbudget – VB 2019 (mnkr)", styles: ["title"] });
    expect(sheet(plans, "summary").rows[0][0]!.v).toBe("Socialnämnden – Följsam – uppföljning VB 2019");
    for (const plan of plans) {
      expect(plan.headerFooter).toEqual({ headerLeft: "Socialnämnden", headerRight: "Uppföljning VB 2019", footerLeft: plan.name });
      expect(plan.rows[0][0]!.v).toMatch(/^Socialnämnden – /);
    }
    expect(plans.filter((p) => p.active).map((p) => p.kind)).toEqual(["summary"]);
  });

  it("leaves out the sheets without data but always writes Sammanfattning and Kontroller", () => {
    const empty: FollowUpResult = { ...socialVb2019(), operating: null, investments: null, costTypes: null, indicators: null, findings: [] };
    expect(plansOf(empty).map((p) => p.kind)).toEqual(["summary", "findings"]);
    expect(plansOf(tertialT2()).map((p) => p.kind)).toEqual(["summary", "drift", "resultUnits", "earmarks", "indicators", "findings"]);
  });

  it("uses the final names in cross-sheet formulas", () => {
    const names = assignSheetNames([{ name: "Följsam Drift", followUp: false }]);
    const plans = buildSheetPlans(socialVb2019(), names);
    expect(plans[1].name).toBe("Följsam Drift (2)");
    const summary = sheet(plans, "summary");
    const budget = cellAt(summary, rowOf(summary, "Budget"), 1)!;
    expect(budget.f).toMatch(/^'Följsam Drift \(2\)'!C\d+$/);
  });

  it("gives every plan column widths for each column it uses", () => {
    for (const plan of plansOf(socialVb2019())) {
      const used = Math.max(...plan.rows.map((r) => r.length));
      expect(plan.columnWidths.length).toBeGreaterThanOrEqual(used);
    }
  });
});

describe("Följsam Resultatenheter", () => {
  const plan = sheet(plansOf(socialVb2019()), "resultUnits");
  const r = rowOf(plan, "Tillståndsenheten");
  const c = (h: string) => cellAt(plan, r, colOf(plan, h))!;

  it("moves Tillståndsenheten's surplus to its fund: 1,5 → 1,6 with a live formula", () => {
    expect(c("Verksamhetsområde").v).toBe("Övrig verksamhet");
    expect(c("Avvikelse").v).toBeCloseTo(0.1, 9);
    expect(c("Resultatöverföring").v).toBe(-0.1);
    expect(c("Ingående resultatfond").v).toBe(1.5);
    expect(c("Utgående resultatfond")).toMatchObject({ f: `${letterOf(plan, "Ingående resultatfond")}${r + 1}-${letterOf(plan, "Resultatöverföring")}${r + 1}`, v: 1.6 });
    expect(c("Tak").v).toBe(1.5);
    expect(c("Taket tillämpat").v).toBe("Nej");
  });
});

describe("Följsam Återredovisning", () => {
  const plan = sheet(plansOf(socialVb2019()), "earmarks");
  const r = rowOf(plan, "Nyanlända");
  const c = (h: string) => cellAt(plan, r, colOf(plan, h))!;

  it("returns Nyanlända's 55,1 mnkr, the surplus a formula", () => {
    expect(plan.rows[headerRow(plan)].map((x) => x?.v)).toEqual(["Öronmärkning", "Budget 2019", "Bokslut 2019", "Överskott", "Återredovisas", "Läge"]);
    expect(c("Budget 2019").v).toBe(310);
    expect(c("Bokslut 2019").v).toBeCloseTo(254.9, 9);
    expect(c("Överskott")).toMatchObject({ f: `B${r + 1}-C${r + 1}` });
    expect(c("Överskott").v).toBeCloseTo(55.1, 9);
    expect(c("Återredovisas").v).toBeCloseTo(-55.1, 9);
    expect(c("Läge").v).toBe("Endast överskott");
  });
});

describe("Följsam Investeringar", () => {
  const plan = sheet(plansOf(socialVb2019()), "investments");
  const hr = headerRow(plan);

  it("lists every row, zero rows included, and sums them as published: 8,0 / 12,5 / −4,5 / −5,5", () => {
    expect(plan.rows[hr].map((x) => x?.v)).toEqual(["Investering", "Budget 2019", "Bokslut 2019", "Avvikelse", "Prognos T2", "Avvikelse prognos T2"]);
    const total = rowOf(plan, "Summa");
    expect(total - hr - 1).toBe(7);
    const v = (h: string) => cellAt(plan, total, colOf(plan, h))!;
    expect(v("Budget 2019")).toMatchObject({ f: `SUM(B${hr + 2}:B${total})` });
    expect(v("Budget 2019").v).toBeCloseTo(8.0, 9);
    expect(v("Bokslut 2019").v).toBeCloseTo(12.5, 9);
    expect(v("Avvikelse").v).toBeCloseTo(-4.5, 9);
    expect(v("Avvikelse prognos T2").v).toBeCloseTo(-5.5, 9);
  });

  it("writes Avvikelse prognos as previous forecast − outcome", () => {
    const r = rowOf(plan, "Inventarier och maskiner");
    const c = cellAt(plan, r, colOf(plan, "Avvikelse prognos T2"))!;
    expect(c.f).toBe(`${letterOf(plan, "Prognos T2")}${r + 1}-${letterOf(plan, "Bokslut 2019")}${r + 1}`);
    expect(c.v).toBeCloseTo(-0.8, 9);
  });
});

describe("Följsam Kostnadsslag", () => {
  const plan = sheet(plansOf(socialVb2019()), "costTypes");
  const P = letterOf(plan, "Utfall 2018");
  const A = letterOf(plan, "Utfall 2019");
  const change = (name: string) => cellAt(plan, rowOf(plan, name), colOf(plan, "Förändring"))!;

  it("shows a revenue that fell as a negative change (prior − actual)", () => {
    const r = rowOf(plan, "Taxor och avgifter") + 1;
    expect(change("Taxor och avgifter").f).toBe(`${P}${r}-${A}${r}`);
    expect(change("Taxor och avgifter").v).toBeCloseTo(-0.9, 9);
    expect(change("Bidrag, ersättningar").v).toBeCloseTo(-47.7, 9);
    expect(change("Hyresintäkter").v).toBeCloseTo(0.1, 9);
  });

  it("shows a cost's change as actual − prior", () => {
    const r = rowOf(plan, "Personalkostnader") + 1;
    expect(change("Personalkostnader").f).toBe(`${A}${r}-${P}${r}`);
    expect(change("Personalkostnader").v).toBeCloseTo(-38.7, 9);
    expect(change("Lokalkostnader").v).toBeCloseTo(6.6, 9);
  });

  it("sums revenues and costs, and nets them: −87,0, −30,7, 56,3", () => {
    const rev = rowOf(plan, "Summa intäkter");
    const cost = rowOf(plan, "Summa kostnader");
    const net = rowOf(plan, "Netto");
    expect(cellAt(plan, rev, colOf(plan, "Utfall 2018"))).toMatchObject({ f: `SUM(${P}${rowOf(plan, "Taxor och avgifter") + 1}:${P}${rev})`, v: -508.5 });
    expect(change("Summa intäkter")).toMatchObject({ f: `${P}${rev + 1}-${A}${rev + 1}` });
    expect(change("Summa intäkter").v).toBeCloseTo(-87.0, 9);
    expect(change("Summa kostnader").v).toBeCloseTo(-30.7, 9);
    expect(cellAt(plan, net, colOf(plan, "Utfall 2019"))).toMatchObject({ f: `${A}${rev + 1}+${A}${cost + 1}` });
    expect(cellAt(plan, net, colOf(plan, "Utfall 2019"))!.v).toBeCloseTo(1221.5, 9);
    expect(change("Netto")).toMatchObject({ f: `${A}${net + 1}-${P}${net + 1}` });
    expect(change("Netto").v).toBeCloseTo(56.3, 9);
  });
});

describe("Följsam Indikatorer", () => {
  const plan = sheet(plansOf(socialVb2019()), "indicators");
  const status = colOf(plan, "Måluppfyllelse");

  it("writes Måluppfyllelse as symbol and text with the status colour", () => {
    expect(STATUS_LABELS).toEqual({ full: "✔ Helt", partial: "◐ Delvis", none: "✖ Ej", notMeasured: "– Ej mätt", notAssessable: "? Ej bedömbar" });
    const cells = plan.rows.map((r) => r[status]).filter((c) => c && typeof c.v === "string" && !c.styles?.includes("header") && !c.styles?.includes("goal"));
    expect(cells.filter((c) => c!.v === "✔ Helt")).toHaveLength(7);
    expect(cells.filter((c) => c!.v === "◐ Delvis")).toHaveLength(7);
    expect(cellAt(plan, rowOf(plan, /^Andel familjehemsplacerade/), status)).toEqual({ v: "◐ Delvis", styles: ["statusPartial"] });
  });

  it("opens each goal with a goal row proposing the roll-up", () => {
    const g = rowOf(plan, "I Stockholm får människor i behov av stöd insatser i tid");
    expect(plan.rows[g][0]!.styles).toContain("goal");
    expect(plan.rows[g][status]).toEqual({ v: "Förslag: ◐ Delvis", styles: ["goal", "statusPartial"] });
  });

  it("shows percentages as points with a literal percent sign, and the gender gap as women − men", () => {
    const r = rowOf(plan, /^Andel familjehemsplacerade/);
    expect(cellAt(plan, r, colOf(plan, "Utfall"))).toEqual({ v: 68.6, numFmt: '#,##0.0" %"' });
    expect(cellAt(plan, r, colOf(plan, "Årsmål"))).toEqual({ v: 75, numFmt: '#,##0" %"' });
    const gap = cellAt(plan, r, colOf(plan, "Skillnad kvinnor − män"))!;
    expect(gap.f).toBe(`${letterOf(plan, "Kvinnor")}${r + 1}-${letterOf(plan, "Män")}${r + 1}`);
    expect(gap.v).toBe(16);
    // A gap between two percentages is in procentenheter: "16 p.e.", never with a % sign.
    expect(gap.numFmt).toBe('#,##0" p.e."');
  });

  it("puts the summary sentence under the table", () => {
    expect(rowOf(plan, "För 7 av 14 indikatorer har årsmålet uppnåtts helt, för 7 delvis.")).toBeGreaterThan(rowOf(plan, /^Andel unga som fått brottsofferstöd/));
  });

  it("shows band targets as text, falls back to KF:s årsmål and names the not assessed", () => {
    const t2 = sheet(plansOf(tertialT2()), "indicators");
    expect(cellAt(t2, rowOf(t2, "Budgetavvikelse i procent"), colOf(t2, "Årsmål"))).toEqual({ v: "±1 %" });
    const visits = rowOf(t2, "Antal hembesök");
    expect(cellAt(t2, visits, colOf(t2, "KF:s årsmål"))).toEqual({ v: 25, numFmt: "#,##0" });
    expect(cellAt(t2, visits, colOf(t2, "Årsmål"))).toBeNull();
    expect(cellAt(t2, rowOf(t2, "Väntetid"), colOf(t2, "Årsmål"))).toEqual({ v: "Tas fram av nämnden" });
    expect(cellAt(t2, rowOf(t2, "Väntetid"), colOf(t2, "Måluppfyllelse"))!.v).toBe("? Ej bedömbar");
    expect(rowOf(t2, "Indikatorer utan angivet mål")).toBeLessThan(rowOf(t2, "Väntetid"));
    expect(rowOf(t2, /^Indikatorn ”Stockholmsenkäten” har inte mätts/)).toBeGreaterThan(rowOf(t2, "Väntetid"));
    expect(cellAt(t2, rowOf(t2, "Andel i egen försörjning"), colOf(t2, "Kommentar"))).toEqual({ v: "=1+1", styles: ["wrap"] });
  });
});

describe("Följsam Kontroller", () => {
  it("sorts errors, warnings, information, then by sheet and row, with the advice from the string table", () => {
    const plan = sheet(plansOf(socialVb2019()), "findings");
    const hr = headerRow(plan);
    expect(plan.rows[hr].map((c) => c?.v)).toEqual(["Allvarlighet", "Blad", "Cell", "Avser", "Kod", "Meddelande", "Åtgärd"]);
    const body = plan.rows.slice(hr + 1);
    expect(body.map((r) => r[0]!.v)).toEqual(["Fel", "Varning", "Varning", "Varning", "Varning", "Varning", "Varning", "Varning", "Information"]);
    expect(body[0][0]!.styles).toEqual(["severityError"]);
    expect(body.slice(1, 8).map((r) => r[2]!.v)).toEqual(["A3", "A5", "A5", "A5", "A5", "A8", "A13"]);
    expect(body[0][colOf(plan, "Åtgärd")]!.v).toBe(FINDING_TEXTS.NUMBER_PARSE.advice);
  });

  it("says so when there are no findings", () => {
    const plan = sheet(plansOf(tertialT2()), "findings");
    expect(plan.rows[headerRow(plan) + 1][0]!.v).toBe("Inga avvikelser hittades.");
  });

  it("sorts findings without a sheet or cell last within their severity", () => {
    const result = { ...tertialT2(), findings: [finding("info", "DIRECTION_UNSET", null, null, "X"), finding("info", "RUN_RATE", "Drift", "E7", "Y"), finding("warning", "FORECAST_MISSING", "Drift", null, "Z")] };
    const plan = sheet(plansOf(result), "findings");
    const body = plan.rows.slice(headerRow(plan) + 1).map((r) => r[3]!.v);
    expect(body).toEqual(["Z", "Y", "X"]);
  });
});

describe("Följsam Sammanfattning", () => {
  const plans = plansOf(socialVb2019({ withForecastT2: true }));
  const plan = sheet(plans, "summary");
  const drift = sheet(plans, "drift");
  const total = rowOf(drift, "Nämnden totalt") + 1;
  const value = (label: string) => cellAt(plan, rowOf(plan, label), 1)!;

  it("has the title and the source file", () => {
    expect(plan.rows[0][0]!.v).toBe("Följsam – uppföljning VB 2019");
    expect(plan.rows.flat().some((c) => c?.v === "Källa: socialnamnden-vb2019.xlsx")).toBe(true);
  });

  it("links the key figures to the Drift sheet's total row", () => {
    expect(value("Budget").f).toBe(`'Följsam Drift'!${letterOf(drift, "Budget 2019")}${total}`);
    expect(value("Utfall").f).toBe(`'Följsam Drift'!${letterOf(drift, "Bokslut 2019")}${total}`);
    expect(value("Avvikelse").f).toBe(`'Följsam Drift'!${letterOf(drift, "Avvikelse")}${total}`);
    expect(value("Justerad avvikelse").f).toBe(`'Följsam Drift'!${letterOf(drift, "Justerad avvikelse")}${total}`);
    expect(value("Återredovisning").v).toBeCloseTo(-55.1, 9);
    expect(value("Budgetföljsamhet före resultatöverföringar")).toMatchObject({ numFmt: "0.0\\ %" });
    expect(value("Budgetföljsamhet före resultatöverföringar").v).toBeCloseTo(0.942, 3);
    expect(value("Budgetföljsamhet efter resultatöverföringar").v).toBeCloseTo(0.9421, 4);
    expect(value("Verksamhetsområden som kräver kommentar").v).toBe(4);
  });

  it("shows the forecast accuracy against ±1 %", () => {
    const r = rowOf(plan, /^Prognossäkerhet/);
    expect(cellAt(plan, r, 1)!.numFmt).toBe("0.0\\ %");
    expect(cellAt(plan, r, 2)!.v).toMatch(/^(Uppfyllt|Ej uppfyllt) \(mål ±1 %\)$/);
  });

  it("counts statuses and severities with COUNTIF over the other sheets", () => {
    const full = value("✔ Helt");
    expect(full.f).toMatch(/^COUNTIF\('Följsam Indikatorer'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+,A\d+\)$/);
    expect(full.v).toBe(7);
    expect(value("◐ Delvis").v).toBe(7);
    expect(value("Fel").f).toMatch(/^COUNTIF\('Följsam Kontroller'!\$A\$\d+:\$A\$\d+,A\d+\)$/);
    expect(value("Varning").v).toBe(7);
  });

  it("tabulates deviation per area from the Drift sheet, with a data bar and a chart below it on its own page", () => {
    const first = rowOf(plan, "Barn och ungdom");
    const last = rowOf(plan, "Omstrukturering");
    expect(last - first).toBe(9);
    expect(cellAt(plan, first, 1)!.f).toBe(`'Följsam Drift'!${letterOf(drift, "Avvikelse")}${rowOf(drift, "Barn och ungdom") + 1}`);
    expect(plan.conditionalFormats).toEqual([{ type: "dataBar", range: `B${first + 1}:B${last + 1}`, color: expect.any(String) }]);
    const chart = plan.charts.find((c) => c.title === "Avvikelse per verksamhetsområde")!;
    expect(chart).toMatchObject({ type: "barClustered", categories: `A${first + 1}:A${last + 1}`, values: `B${first + 1}:C${last + 1}` });
    expect(chart.series).toEqual([
      { values: `B${first + 1}:B${last + 1}`, nameCell: `B${first}`, name: "Avvikelse" },
      { values: `C${first + 1}:C${last + 1}`, nameCell: `C${first}`, name: "Justerad avvikelse" },
    ]);
    expect(cellAt(plan, first - 1, 2)!.v).toBe("Justerad avvikelse");
    // Below the table, on rows nothing else uses, and on the table's page: a break before its heading.
    const from = Number(chart.from.slice(1)) - 1;
    expect(chart.from).toMatch(/^A\d+$/);
    expect(from).toBeGreaterThan(last);
    for (let r = from; r < Number(chart.to.slice(1)); r++) expect(plan.rows[r] ?? []).toEqual([]);
    expect(plan.pageBreaksBefore).toContain(first - 2);
  });

  it("charts the indicators per status from the counts, in the status colours", () => {
    const chart = plan.charts.find((c) => c.title === "Indikatorer per måluppfyllelse")!;
    const full = rowOf(plan, "✔ Helt");
    expect(chart.categories).toBe(`A${full + 1}:A${full + 5}`);
    expect(chart.series).toEqual([{ values: `B${full + 1}:B${full + 5}`, nameCell: `B${full}`, name: "Antal" }]);
    expect(chart.pointColors).toHaveLength(5);
  });
});
