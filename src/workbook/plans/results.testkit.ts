/**
 * Test-only: FollowUpResults built by hand from the published figures (examples/README.md), so the
 * sheet-plan tests do not depend on the engine's implementation, only on its result types.
 */
import { type Amount, parseAmount, sumPresent } from "../../engine/amount";
import { defaultSettings } from "../../engine/settings";
import type {
  AmountFields,
  CostKind,
  CostTypeRowResult,
  DriftNodeResult,
  DriftRowResult,
  Finding,
  FindingCode,
  FindingParams,
  FollowUpResult,
  GoalResult,
  IndicatorResult,
  IndicatorRowResult,
  IndicatorStatus,
  InvestmentRowResult,
  Period,
  Severity,
} from "../../engine/types";

/** Exact amount from a JS number literal in a test: m(1297.1). */
export function m(x: number): Amount {
  const v = parseAmount(String(x));
  if (v === null) throw new Error(String(x));
  return v;
}
const mm = (x: number | null | undefined): Amount | null => (x === null || x === undefined ? null : m(x));

function ratio(a: Amount, b: Amount): number | null {
  return b === 0n ? null : Number(a) / Number(b);
}

export interface LeafSpec {
  path: string[];
  budget?: number | null;
  actual?: number | null;
  forecast?: number | null;
  previousForecast?: number | null;
  priorYear?: number | null;
  comment?: string | null;
  earmark?: string | null;
  resultUnit?: boolean;
  transfer?: number;
  returned?: number;
}

export function leaf(spec: LeafSpec, period: Period, row = 2): DriftRowResult {
  const budget = mm(spec.budget);
  let forecast = mm(spec.forecast);
  let substituted = false;
  if (period !== "VB" && forecast === null && budget !== null) {
    forecast = budget;
    substituted = true;
  }
  const actual = mm(spec.actual);
  const base = period === "VB" ? actual : forecast;
  const deviation = budget !== null && base !== null ? budget - base : null;
  const resultTransfer = mm(spec.transfer) ?? 0n;
  const returnedFunds = mm(spec.returned) ?? 0n;
  const previousForecast = mm(spec.previousForecast);
  const priorYearActual = mm(spec.priorYear);
  return {
    name: spec.path[spec.path.length - 1],
    path: spec.path,
    comment: spec.comment ?? null,
    earmark: spec.earmark ?? null,
    resultUnit: spec.resultUnit ?? false,
    forecastSubstituted: substituted,
    runRate: null,
    ref: { sheet: "Drift", row, labelCell: `A${row}`, cells: {} },
    budget,
    actual,
    forecast,
    previousForecast,
    priorYearActual,
    base,
    deviation,
    deviationPct: deviation === null || budget === null ? null : ratio(deviation, budget < 0n ? -budget : budget),
    resultTransfer,
    returnedFunds,
    adjustedDeviation: deviation === null ? null : deviation + resultTransfer + returnedFunds,
    forecastChange: period !== "VB" && forecast !== null && previousForecast !== null ? forecast - previousForecast : null,
    priorYearChange: base !== null && priorYearActual !== null ? base - priorYearActual : null,
  };
}

export function aggregate(rows: AmountFields[]): AmountFields {
  const sum = (pick: (r: AmountFields) => Amount | null) => sumPresent(rows.map(pick));
  const budget = sum((r) => r.budget);
  const deviation = sum((r) => r.deviation);
  return {
    budget,
    actual: sum((r) => r.actual),
    forecast: sum((r) => r.forecast),
    previousForecast: sum((r) => r.previousForecast),
    priorYearActual: sum((r) => r.priorYearActual),
    base: sum((r) => r.base),
    deviation,
    deviationPct: deviation === null || budget === null || budget === 0n ? null : ratio(deviation, budget < 0n ? -budget : budget),
    resultTransfer: sum((r) => r.resultTransfer) ?? 0n,
    returnedFunds: sum((r) => r.returnedFunds) ?? 0n,
    adjustedDeviation: sum((r) => r.adjustedDeviation),
    forecastChange: sum((r) => r.forecastChange),
    priorYearChange: sum((r) => r.priorYearChange),
  };
}

function flatten(node: DriftNodeResult): DriftRowResult[] {
  return node.rows.concat(node.children.flatMap(flatten));
}

function node(name: string, rows: DriftRowResult[], children: DriftNodeResult[], comment: string | null = null): DriftNodeResult {
  const all = rows.concat(children.flatMap(flatten));
  return { name, rows, children, comment, needsComment: false, ref: null, ...aggregate(all) };
}

/** Areas as the engine groups them: by path[0]; a third path level groups rows under their unit. */
export function areasOf(rows: DriftRowResult[], needsComment: string[] = []): DriftNodeResult[] {
  const byArea = new Map<string, DriftRowResult[]>();
  for (const r of rows) byArea.set(r.path[0], [...(byArea.get(r.path[0]) ?? []), r]);
  return [...byArea].map(([name, list]) => {
    const direct = list.filter((r) => r.path.length <= 2);
    const deeper = new Map<string, DriftRowResult[]>();
    for (const r of list.filter((x) => x.path.length > 2)) deeper.set(r.path[1], [...(deeper.get(r.path[1]) ?? []), r]);
    const own = list.find((r) => r.path.length === 1);
    const area = node(name, direct, [...deeper].map(([u, us]) => node(u, us, [])), own?.comment ?? null);
    area.needsComment = needsComment.includes(name);
    return area;
  });
}

export function finding(severity: Severity, code: FindingCode, sheet: string | null, cell: string | null, subject: string | null, params: FindingParams = {}): Finding {
  return { severity, code, sheet, cell, subject, params };
}

// ---------------------------------------------------------------- Socialnämnden VB 2019

const DRIFT_CSV: [string, string, number, number, number, string, string?][] = [
  ["Barn och ungdom", "", 92.2, 88.0, 82.2, "", "Vakanta tjänster inom Framtid Stockholm."],
  ["Verksamhet för personer med funktionsnedsättning", "", 147.7, 144.8, 147.4, "", "LSS-kollo saknar förutsatta intäkter."],
  ["Hemlöshet och missbruk", "", 273.1, 272.2, 259.4, "", "God beläggning."],
  ["Jour- och rådgivande verksamhet", "Försörjningsstöd nyanlända (Intro Stockholm)", 145.0, 160.0, 128.7, "Nyanlända"],
  ["Jour- och rådgivande verksamhet", "Övrig jour- och rådgivande verksamhet", 27.4, 28.0, 27.7, ""],
  ["Insatser mot våld i nära relationer", "", 27.1, 27.5, 28.4, ""],
  ["Strategi och utveckling", "", 85.9, 91.1, 88.7, "", "Vakanta tjänster och försenade upphandlingar."],
  ["Övrig verksamhet", "Tillfälliga boenden nyanlända", 92.0, 150.0, 126.2, "Nyanlända"],
  ["Övrig verksamhet", "Tillståndsenheten", 9.6, 10.0, 9.9, ""],
  ["Övrig verksamhet", "Boutredningsenheten och övrigt", 36.2, 43.2, 41.9, ""],
  ["Ledning och administration", "", 48.7, 55.8, 52.8, "", "Vakanta tjänster."],
  ["Stöd till utomstående organisationer", "", 198.7, 217.4, 220.6, ""],
  ["Omstrukturering", "", -18.6, 9.0, 7.9, ""],
];

export const NEEDS_COMMENT = ["Jour- och rådgivande verksamhet", "Övrig verksamhet", "Stöd till utomstående organisationer", "Omstrukturering"];

/** The published VB 2019 figures; `withForecastT2` adds a Prognos T2 (budget − 5,0 % of budget, rounded) per row. */
export function socialVb2019(options: { withForecastT2?: boolean } = {}): FollowUpResult {
  const settings = defaultSettings();
  const rows = DRIFT_CSV.map(([area, unit, prior, budget, actual, earmark, comment], i) => {
    const path = unit === "" ? [area] : [area, unit];
    const returned = earmark === "Nyanlända" ? -(Math.round((budget - actual) * 10) / 10) : undefined;
    const transfer = unit === "Tillståndsenheten" ? -0.1 : undefined;
    const previousForecast = options.withForecastT2 ? Math.round(budget * 9.5) / 10 : null;
    return leaf(
      { path, priorYear: prior, budget, actual, previousForecast, earmark: earmark || null, comment: comment ?? null, resultUnit: transfer !== undefined, transfer, returned },
      "VB",
      i + 2,
    );
  });
  const areas = areasOf(rows, NEEDS_COMMENT);
  const total = node("Nämnden totalt", rows, []);
  const till = rows.find((r) => r.name === "Tillståndsenheten")!;
  const nyanlanda = rows.filter((r) => r.earmark === "Nyanlända");

  const investments: [string, number, number, number][] = [
    ["Parkinvesteringar", 0, 0, 0],
    ["Reinvesteringar", 0, 0, 0],
    ["Investeringar med nycklade medel", 0, 0, 0],
    ["Inventarier och maskiner", 3.0, 2.8, 2.0],
    ["Klimatinvesteringar", 5.0, 4.9, 5.0],
    ["Trygghetsinvesteringar", 0, 0, 0],
    ["Bilar med finansiell leasing", 0, 4.8, 0],
  ];
  const invRows: InvestmentRowResult[] = investments.map(([name, b, a, p]) => ({
    name,
    budget: m(b),
    actual: m(a),
    forecast: null,
    previousForecast: m(p),
    base: m(a),
    deviation: m(b) - m(a),
    deviationVsForecast: m(p) - m(a),
    reBudgetProposal: null,
    multiYear: false,
    comment: null,
    ref: null,
  }));
  const sumInv = (pick: (r: InvestmentRowResult) => Amount | null) => sumPresent(invRows.map(pick));
  const invTotal: InvestmentRowResult = {
    name: "Summa",
    budget: sumInv((r) => r.budget),
    actual: sumInv((r) => r.actual),
    forecast: null,
    previousForecast: sumInv((r) => r.previousForecast),
    base: sumInv((r) => r.base),
    deviation: sumInv((r) => r.deviation),
    deviationVsForecast: sumInv((r) => r.deviationVsForecast),
    reBudgetProposal: null,
    multiYear: false,
    comment: null,
    ref: null,
  };

  const costCsv: [string, CostKind, number, number][] = [
    ["Taxor och avgifter", "revenue", -48.1, -47.2],
    ["Hyresintäkter", "revenue", -54.5, -54.6],
    ["Bidrag, ersättningar", "revenue", -107.0, -59.3],
    ["Försäljning", "revenue", -289.8, -252.8],
    ["Övriga intäkter", "revenue", -9.1, -7.6],
    ["Personalkostnader", "cost", 659.4, 620.7],
    ["Lokalkostnader", "cost", 204.9, 211.5],
    ["Lämnade bidrag", "cost", 377.3, 412.3],
    ["Entreprenad, köp av verksamhet, konsulter", "cost", 279.7, 247.3],
    ["Övriga kostnader", "cost", 152.4, 151.2],
  ];
  const change = (kind: CostKind, p: Amount | null, a: Amount | null) => (p === null || a === null ? null : kind === "revenue" ? p - a : a - p);
  const costRows: CostTypeRowResult[] = costCsv.map(([name, kind, p, a]) => ({ name, kind, priorYearActual: m(p), actual: m(a), change: change(kind, m(p), m(a)), ref: null }));
  const costTotal = (name: string, kind: CostKind, list: CostTypeRowResult[], netRule: boolean): CostTypeRowResult => {
    const p = sumPresent(list.map((r) => r.priorYearActual));
    const a = sumPresent(list.map((r) => r.actual));
    return { name, kind, priorYearActual: p, actual: a, change: change(netRule ? "cost" : kind, p, a), ref: null };
  };

  const findings: Finding[] = [
    ...NEEDS_COMMENT.map((n) => finding("warning", "COMMENT_REQUIRED", "Drift", "A5", n, { deviation: "-3,2 mnkr" })),
    ...["Verksamhet för personer med funktionsnedsättning", "Insatser mot våld i nära relationer", "Stöd till utomstående organisationer"].map((n, i) =>
      finding("warning", "DEFICIT", "Drift", `A${3 + i * 5}`, n, { deviation: "-3,2 mnkr" }),
    ),
    finding("info", "GENDER_GAP", "Indikatorer", "D4", "Andel familjehemsplacerade barn", { gap: "16 procentenheter" }),
    finding("error", "NUMBER_PARSE", "Drift", "C9", "Tillståndsenheten", { column: "Budget", text: "x" }),
  ];

  return {
    period: "VB",
    year: 2019,
    unit: "mnkr",
    settings,
    operating: {
      areas,
      total,
      budgetAdherenceBefore: ratio(total.base!, total.budget!),
      budgetAdherenceAfter: ratio(total.base! - total.resultTransfer, total.budget!),
      forecastAccuracy: total.previousForecast === null ? null : ratio(total.actual! - total.previousForecast, total.budget!),
      forecastAccuracyMet:
        total.previousForecast === null ? null : Math.abs(ratio(total.actual! - total.previousForecast, total.budget!)!) <= settings.forecastAccuracyBand,
      resultUnits: [
        {
          name: "Tillståndsenheten",
          area: "Övrig verksamhet",
          deviation: till.deviation,
          resultTransfer: m(-0.1),
          openingFund: m(1.5),
          closingFund: m(1.6),
          cap: m(1.5),
          capped: false,
          capBasisMissing: false,
          ref: till.ref,
        },
      ],
      earmarks: [
        {
          name: "Nyanlända",
          mode: "surplusOnly",
          budget: sumPresent(nyanlanda.map((r) => r.budget)),
          base: sumPresent(nyanlanda.map((r) => r.base)),
          deviation: sumPresent(nyanlanda.map((r) => r.deviation)),
          returnedFunds: sumPresent(nyanlanda.map((r) => r.returnedFunds)) ?? 0n,
        },
      ],
    },
    investments: { rows: invRows, total: invTotal },
    costTypes: {
      rows: costRows,
      totals: {
        revenues: costTotal("Summa intäkter", "revenue", costRows.filter((r) => r.kind === "revenue"), false),
        costs: costTotal("Summa kostnader", "cost", costRows.filter((r) => r.kind === "cost"), false),
        net: costTotal("Netto", "cost", costRows, true),
      },
    },
    indicators: kfIndicators2020(),
    findings,
  };
}

// ---------------------------------------------------------------- KF:s indikatorer 2020

const GOAL = "I Stockholm får människor i behov av stöd insatser i tid";

const KF: [string, number, number, number, number, IndicatorStatus, string | null][] = [
  ["Andel barn och ungdomar som inte är aktuella 12 månader efter avslutad insats", 86.4, 87.4, 85.7, 84, "full", null],
  ["Andel barn och unga med skyddsbehov som inte fått vänta på placering", 100, 100, 100, 100, "full", null],
  ["Andel familjehemsplacerade barn i skolåldern som klarar målen", 68.6, 79, 63, 75, "partial", "Utfallet har påverkats av pandemin."],
  ["Andel enskilda som klarar mer på egen hand inom socialpsykiatrin", 30, 32, 27, 30, "full", "–"],
  ["Andel personer inom socialpsykiatrin som är nöjda med sin insats", 90, 91, 88, 80, "full", "–"],
  ["Andel insatser avslutade enligt plan inom vuxna missbruk", 51.5, 54.3, 50.6, 42, "full", "–"],
  ["Andel som upplever att de kan påverka insatsens utformning", 78, 78, 79, 78, "full", "–"],
  ["Andel brukare som trivs – funktionsnedsättning", 84, 84, 84, 80, "full", "–"],
  ["Andel som upplever att de blir väl bemötta", 88.1, 89.6, 89.1, 90, "partial", "Bemötandefrågor har nedprioriterats."],
  ["Andel ungdomar som inte burit vapen", 90, 94, 86, 91, "partial", "Oförändrat."],
  ["Andel ungdomar som inte använder alkohol", 59, 55, 64, 62, "partial", "Andelen har minskat."],
  ["Andel ungdomar som inte använder narkotika", 85, 88, 83, 92, "partial", "Tillgången har ökat."],
  ["Andel ungdomar som inte använder tobak", 84, 85, 82, 91, "partial", "Snusning ökar."],
  ["Andel unga som fått brottsofferstöd med positiv förändring", 65, 55, 73, 70, "partial", "Försämring från 2019."],
];

export function indicatorRow(partial: Partial<IndicatorRowResult> & { name: string }): IndicatorRowResult {
  return {
    goal: null,
    value: null,
    actual: null,
    actualMen: null,
    actualWomen: null,
    priorYearActual: null,
    forecast: null,
    target: null,
    targetText: null,
    kfTarget: null,
    kfTargetText: null,
    targetKind: "atLeast",
    targetSource: "target",
    direction: "higherIsBetter",
    percent: true,
    tolerance: 0.1,
    status: "notMeasured",
    genderGap: null,
    comment: null,
    ref: { sheet: "Indikatorer", row: 2, labelCell: "B2", cells: {} },
    ...partial,
  };
}

export function summaryOf(rows: IndicatorRowResult[]) {
  const s = { full: 0, partial: 0, none: 0, notMeasured: 0, notAssessable: 0 };
  for (const r of rows) s[r.status] += 1;
  return s;
}

export function indicatorResult(rows: IndicatorRowResult[], goals: GoalResult[], summarySentence: string, notAssessedSentence: string | null = null): IndicatorResult {
  return { rows, summary: summaryOf(rows), goals, summarySentence, notAssessedSentence };
}

export function kfIndicators2020(): IndicatorResult {
  const rows = KF.map(([name, actual, women, men, target, status, comment]) =>
    indicatorRow({
      name,
      goal: GOAL,
      value: actual,
      actual,
      actualWomen: women,
      actualMen: men,
      target,
      targetText: `${target} %`,
      status,
      genderGap: Math.round((women - men) * 10) / 10,
      comment,
    }),
  );
  return indicatorResult(
    rows,
    [{ name: GOAL, proposedStatus: "partial", summary: summaryOf(rows) }],
    "För 7 av 14 indikatorer har årsmålet uppnåtts helt, för 7 delvis.",
  );
}

// ---------------------------------------------------------------- a T2 report in tkr

/**
 * A made-up T2 report in tkr that exercises what the example does not: forecasts with a T1
 * forecast, a substituted forecast, a three-level path, text that looks like a formula, band
 * and fallback targets, indicators without a goal, and no findings.
 */
export function tertialT2(): FollowUpResult {
  const settings = defaultSettings();
  const specs: LeafSpec[] = [
    { path: ["Alfa", "U1"], budget: 100000, actual: 60000, forecast: 95000, previousForecast: 97000, comment: "Lägre personalkostnader." },
    { path: ["Alfa", "U2"], budget: 50000, actual: 31000, forecast: null, previousForecast: 48000 },
    { path: ["+Beta"], budget: 20000, actual: 15000, forecast: 22500, previousForecast: 21000, comment: '=HYPERLINK("http://example.com","klicka")' },
    { path: ["Gamma", "G1", "Personal"], budget: 30000, actual: 23000, forecast: 33000, previousForecast: 31000 },
    { path: ["Gamma", "G1", "Lokaler"], budget: 10000, actual: 7000, forecast: 10500, previousForecast: 10000 },
    { path: ["Gamma", "G2"], budget: 5000, actual: 2500, forecast: 4000, previousForecast: 4500, resultUnit: true, transfer: -250 },
    { path: ["Delta", "D1"], budget: 8000, actual: 4000, forecast: 6000, previousForecast: 7000, earmark: " Flykting ", returned: -2000 },
    { path: ["Delta", "D2"], budget: 0, actual: 100, forecast: 150, previousForecast: null, comment: "@chef" },
  ];
  const rows = specs.map((s, i) => leaf(s, "T2", i + 5));
  const areas = areasOf(rows, ["Gamma"]);
  const total = node("Nämnden totalt", rows, []);
  const g2 = rows.find((r) => r.name === "G2")!;
  const d1 = rows.find((r) => r.name === "D1")!;

  const indicators = [
    indicatorRow({ name: "Andel nöjda", goal: "Mål A", value: 91, actual: 88, forecast: 91, actualWomen: 92, actualMen: 89.5, target: 90, status: "full", genderGap: 2.5 }),
    indicatorRow({ name: "Budgetavvikelse i procent", goal: "Mål A", value: 0.5, actual: 0.5, target: 1, targetText: "+/- 1 %", targetKind: "band", status: "full" }),
    indicatorRow({ name: "Antal hembesök", goal: "Mål A", value: 20, actual: 20, percent: false, target: 25, targetSource: "kfTarget", kfTarget: 25, status: "partial", comment: "Färre besök." }),
    indicatorRow({ name: "Stockholmsenkäten", goal: "Mål B", status: "notMeasured", target: 80, targetText: "80 %", comment: "Görs inte i år." }),
    indicatorRow({ name: "Väntetid", goal: null, value: 12, actual: 12, percent: false, target: null, targetText: "Tas fram av nämnden", targetKind: "none", targetSource: null, status: "notAssessable" }),
    indicatorRow({ name: "Andel i egen försörjning", goal: "Mål B", value: 30, actual: 30, priorYearActual: 35, target: 50, status: "none", comment: "=1+1" }),
  ];
  return {
    period: "T2",
    year: 2024,
    unit: "tkr",
    settings,
    operating: {
      areas,
      total,
      budgetAdherenceBefore: ratio(total.base!, total.budget!),
      budgetAdherenceAfter: ratio(total.base! - total.resultTransfer, total.budget!),
      forecastAccuracy: null,
      forecastAccuracyMet: null,
      resultUnits: [
        {
          name: "G2",
          area: "Gamma",
          deviation: g2.deviation,
          resultTransfer: m(-250),
          openingFund: null,
          closingFund: null,
          cap: m(250),
          capped: true,
          capBasisMissing: true,
          ref: g2.ref,
        },
      ],
      earmarks: [{ name: "Flykting", mode: "both", budget: d1.budget, base: d1.base, deviation: d1.deviation, returnedFunds: d1.returnedFunds }],
    },
    investments: null,
    costTypes: null,
    indicators: indicatorResult(
      indicators,
      [
        { name: "Mål A", proposedStatus: "partial", summary: summaryOf(indicators.slice(0, 3)) },
        { name: "Mål B", proposedStatus: "none", summary: summaryOf([indicators[3], indicators[5]]) },
        { name: "(utan mål)", proposedStatus: "notAssessable", summary: summaryOf([indicators[4]]) },
      ],
      "För 2 av 4 indikatorer har årsmålet uppnåtts helt, för 1 delvis, för 1 inte.",
      "Indikatorn ”Stockholmsenkäten” har inte mätts. Indikatorn ”Väntetid” kan inte bedömas eftersom den saknar ett årsmål i siffror.",
    ),
    findings: [],
  };
}
