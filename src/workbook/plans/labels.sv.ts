import type { IndicatorStatus, Period, Severity, Unit } from "../../engine/types";
import type { OutputKind, StyleName } from "../plan";

/**
 * Every Swedish word the follow-up sheets show, written once as data: sheet names, titles,
 * column headers, status labels and notes. The sheet builders hold no Swedish text of their own.
 */

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
export const OUTPUT_SHEET_NAMES: Record<OutputKind, string> = {
  summary: "Följsam Sammanfattning",
  drift: "Följsam Drift",
  resultUnits: "Följsam Resultatenheter",
  earmarks: "Följsam Återredovisning",
  investments: "Följsam Investeringar",
  costTypes: "Följsam Kostnadsslag",
  indicators: "Följsam Indikatorer",
  findings: "Följsam Kontroller",
};

/**
 * Måluppfyllelse as symbol and text, so a status reads without colour. The Indikatorer sheet
 * writes exactly these strings and the Sammanfattning counts them with COUNTIF; the add-in may
 * use them to recognise a status cell.
 */
export const STATUS_DISPLAY: Record<IndicatorStatus, { symbol: string; text: string; style: StyleName }> = {
  full: { symbol: "✔", text: "Helt", style: "statusFull" },
  partial: { symbol: "◐", text: "Delvis", style: "statusPartial" },
  none: { symbol: "✖", text: "Ej", style: "statusNone" },
  notMeasured: { symbol: "–", text: "Ej mätt", style: "statusNotMeasured" },
  notAssessable: { symbol: "?", text: "Ej bedömbar", style: "statusNotAssessable" },
};

/** The bar colour per status in the summary's chart: the status fills, darker so they print. */
export const STATUS_CHART_COLORS: Record<IndicatorStatus, string> = {
  full: "00B050",
  partial: "FFC000",
  none: "C00000",
  notMeasured: "A6A6A6",
  notAssessable: "7F7F7F",
};

/** "✔ Helt", "◐ Delvis", "✖ Ej", "– Ej mätt", "? Ej bedömbar". */
export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  full: statusLabel("full"),
  partial: statusLabel("partial"),
  none: statusLabel("none"),
  notMeasured: statusLabel("notMeasured"),
  notAssessable: statusLabel("notAssessable"),
};

/** Order in which statuses are listed (Sammanfattning). */
export const STATUS_ORDER: readonly IndicatorStatus[] = ["full", "partial", "none", "notMeasured", "notAssessable"];

function statusLabel(status: IndicatorStatus): string {
  return `${STATUS_DISPLAY[status].symbol} ${STATUS_DISPLAY[status].text}`;
}

export const SEVERITY_STYLES: Record<Severity, StyleName> = {
  error: "severityError",
  warning: "severityWarning",
  info: "severityInfo",
};

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/** "VB 2019", or "VB" when the year is not known. */
export function periodLabel(period: Period, year: number | null): string {
  return year === null ? period : `${period} ${year}`;
}

export const PRINT_TEXTS = {
  /** The printed header's right side: "Uppföljning VB 2019". */
  header: (period: Period, year: number | null) => `Uppföljning ${periodLabel(period, year)}`,
  /** A sheet's title with the nämnd's name: "Socialnämnden – Driftbudget – VB 2019 (mnkr)". */
  title: (unitName: string, title: string) => `${unitName} – ${title}`,
};

/** Where the year-to-date books stand in a tertial report, in the words of the published tables. */
const TERTIAL_DATES: Record<Exclude<Period, "VB">, string> = { T1: "30 april", T2: "31 augusti" };

/**
 * Column headers that say which year and which figures, as the published tables do: "Budget 2019",
 * "Bokslut 2019" (VB), "Prognos T2" and "Utfall per 31 augusti" (T1/T2).
 */
export const AMOUNT_HEADERS = {
  budget: (year: number | null) => (year === null ? "Budget" : `Budget ${year}`),
  base: (period: Period, year: number | null) => (period === "VB" ? (year === null ? "Bokslut" : `Bokslut ${year}`) : `Prognos ${period}`),
  yearToDate: (period: Exclude<Period, "VB">) => `Utfall per ${TERTIAL_DATES[period]}`,
  previousForecast: (period: Period) => (period === "VB" ? "Prognos T2" : period === "T2" ? "Prognos T1" : "Föregående prognos"),
};

export const DRIFT_TEXTS = {
  title: (period: Period, year: number | null, unit: Unit) => `Driftbudget – ${periodLabel(period, year)} (${unit})`,
  signNote: (unit: Unit, period: Period) =>
    `Belopp i ${unit}, nettokostnad (intäkter negativa). Avvikelse = budget − ${period === "VB" ? "utfall" : "prognos"}: positiv = överskott, negativ = underskott. Beräknade kolumner är formler.`,
  needsCommentNote: "Gul markering och ✎: avvikelsen kräver en kommentar.",
  commentRequired: "✎ Kommentar krävs",
  substitutedNote: "Kursiv prognos: prognos saknas och budgeten används (avvikelse 0).",
  headers: {
    area: "Verksamhetsområde",
    priorYear: (year: number | null) => (year === null ? "Bokslut föregående år" : `Bokslut ${year - 1}`),
    budget: AMOUNT_HEADERS.budget,
    base: AMOUNT_HEADERS.base,
    yearToDate: AMOUNT_HEADERS.yearToDate,
    deviation: "Avvikelse",
    resultTransfer: "Resultatöverföring",
    earmark: (name: string) => `Justering ${name}`,
    adjustedDeviation: "Justerad avvikelse",
    deviationPct: "Avvikelse %",
    previousForecast: AMOUNT_HEADERS.previousForecast,
    forecastDiff: (period: Period) => (period === "VB" ? "Avvikelse mot prognos" : "Förändring"),
    comment: "Kommentar",
  },
  total: "Nämnden totalt",
  /** Indent of unit rows under an area, and of cost-type rows under a unit. */
  indent: "  ",
};

export const RESULT_UNIT_TEXTS = {
  title: (period: Period, year: number | null, unit: Unit) => `Resultatenheter – ${periodLabel(period, year)} (${unit})`,
  note: (capPct: string) =>
    `Resultatöverföring: överskott förs till resultatfonden upp till taket (${capPct} av bruttobudgeten), underskott förs över i sin helhet. Utgående resultatfond = ingående − resultatöverföring.`,
  capBasisNote: "Bruttobudget saknas för någon enhet; taket är då beräknat på nettobudgeten (se Kontroller).",
  headers: {
    unit: "Resultatenhet",
    area: "Verksamhetsområde",
    deviation: "Avvikelse",
    resultTransfer: "Resultatöverföring",
    openingFund: "Ingående resultatfond",
    closingFund: "Utgående resultatfond",
    cap: "Tak",
    capped: "Taket tillämpat",
  },
  yes: "Ja",
  no: "Nej",
  total: "Summa",
};

export const EARMARK_TEXTS = {
  title: (period: Period, year: number | null, unit: Unit) => `Återredovisning – ${periodLabel(period, year)} (${unit})`,
  note: "Öronmärkta medel: ett överskott återredovisas så att öronmärkningen går jämnt ut; vid läge Alltid neutraliseras även ett underskott.",
  headers: {
    earmark: "Öronmärkning",
    budget: AMOUNT_HEADERS.budget,
    base: AMOUNT_HEADERS.base,
    surplus: "Överskott",
    returned: "Återredovisas",
    mode: "Läge",
  },
  modes: { surplusOnly: "Endast överskott", both: "Alltid" } as Record<"surplusOnly" | "both", string>,
  total: "Summa",
};

export const INVESTMENT_TEXTS = {
  title: (period: Period, year: number | null, unit: Unit) => `Investeringar – ${periodLabel(period, year)} (${unit})`,
  note: "Avvikelse = budget − utfall/prognos. Avvikelse prognos = föregående prognos − utfall/prognos. Ombudgetering är ett förslag för fleråriga projekt; nämnden beslutar.",
  headers: {
    name: "Investering",
    budget: AMOUNT_HEADERS.budget,
    base: AMOUNT_HEADERS.base,
    deviation: "Avvikelse",
    previousForecast: AMOUNT_HEADERS.previousForecast,
    deviationVsForecast: (period: Period) => (period === "VB" ? "Avvikelse prognos T2" : "Avvikelse mot föregående prognos"),
    reBudget: "Ombudgetering",
    comment: "Kommentar",
  },
  total: "Summa",
};

export const COST_TYPE_TEXTS = {
  title: (period: Period, year: number | null, unit: Unit) => `Intäkts- och kostnadsslag – ${periodLabel(period, year)} (${unit})`,
  note: "Intäkter är negativa (nettokostnad). Förändring avser radens egen storlek: en intäkt som minskat visar ett negativt tal.",
  headers: {
    name: "Intäkts- och kostnadsslag",
    kind: "Slag",
    prior: (year: number | null) => (year === null ? "Utfall föregående år" : `Utfall ${year - 1}`),
    actual: (year: number | null) => (year === null ? "Utfall" : `Utfall ${year}`),
    change: "Förändring",
  },
  kinds: { revenue: "Intäkt", cost: "Kostnad" } as Record<"revenue" | "cost", string>,
  revenues: "Summa intäkter",
  costs: "Summa kostnader",
  net: "Netto",
};

export const INDICATOR_TEXTS = {
  title: (period: Period, year: number | null) => `Indikatorer – ${periodLabel(period, year)}`,
  note: "Måluppfyllelse per indikator. Målraderna visar ett förslag till samlad bedömning; nämnden beslutar. Procenttal visas i procent, skillnader i procentenheter.",
  headers: {
    name: "Indikator",
    actual: "Utfall",
    women: "Kvinnor",
    men: "Män",
    priorYear: "Föregående år",
    forecast: "Prognos",
    target: "Årsmål",
    kfTarget: "KF:s årsmål",
    direction: "Riktning",
    status: "Måluppfyllelse",
    gap: "Skillnad kvinnor − män",
    comment: "Kommentar",
  },
  proposal: (label: string) => `Förslag: ${label}`,
  /** The direction used, and how it was decided when the sheet did not say (DOMAIN.md section 6). */
  direction: (direction: "higherIsBetter" | "lowerIsBetter", source: string | undefined) =>
    `${direction === "lowerIsBetter" ? "Lägre är bättre" : "Högre är bättre"}${source === "assumed" ? " (antaget av måttet)" : source === "target" ? " (enligt årsmålet)" : source === "default" ? " (standard)" : ""}`,
  noGoal: "Indikatorer utan angivet mål",
  band: "±",
};

export const FINDINGS_TEXTS = {
  title: "Kontroller",
  note: (errors: number, warnings: number, infos: number) =>
    `${errors} fel, ${warnings} ${warnings === 1 ? "varning" : "varningar"}, ${infos} ${infos === 1 ? "upplysning" : "upplysningar"}. Sorterat efter allvarlighet, blad och rad.`,
  headers: {
    severity: "Allvarlighet",
    sheet: "Blad",
    cell: "Cell",
    subject: "Avser",
    code: "Kod",
    message: "Meddelande",
    advice: "Åtgärd",
  },
  none: "Inga avvikelser hittades.",
};

export const SUMMARY_TEXTS = {
  title: (period: Period, year: number | null) => `Följsam – uppföljning ${periodLabel(period, year)}`,
  source: (file: string) => `Källa: ${file}`,
  note: "Siffrorna är formler mot bladen i den här rapporten; ändra där och räkna om.",
  driftSection: (unit: Unit) => `Driftbudget (${unit})`,
  valueHeader: "Värde",
  remarkHeader: "Anmärkning",
  budget: "Budget",
  base: (period: Period) => (period === "VB" ? "Utfall" : "Prognos"),
  deviation: "Avvikelse",
  resultTransfers: "Resultatöverföringar",
  returnedFunds: "Återredovisning",
  adjustedDeviation: "Justerad avvikelse",
  adherenceBefore: "Budgetföljsamhet före resultatöverföringar",
  adherenceAfter: "Budgetföljsamhet efter resultatöverföringar",
  adherenceTarget: "KF:s mål: högst 100 %",
  forecastAccuracy: "Prognossäkerhet (utfall − prognos T2, andel av budget)",
  forecastAccuracyMet: (met: boolean, band: string) => `${met ? "Uppfyllt" : "Ej uppfyllt"} (mål ±${band})`,
  areasNeedingComment: "Verksamhetsområden som kräver kommentar",
  investmentSection: (unit: Unit) => `Investeringar (${unit})`,
  indicatorSection: "Indikatorer, måluppfyllelse",
  countHeader: "Antal",
  findingSection: "Kontroller",
  areaTable: "Avvikelse per verksamhetsområde",
  areaHeaders: { area: "Verksamhetsområde", deviation: "Avvikelse", adjusted: "Justerad avvikelse" },
  chartSeries: "Avvikelse",
  indicatorChart: "Indikatorer per måluppfyllelse",
};
