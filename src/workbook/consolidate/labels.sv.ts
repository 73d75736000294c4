import type { Period, Unit } from "../../engine/types";

/**
 * Every Swedish word of the city-wide consolidation, written once as data: sheet names, titles,
 * headers, notes, messages and the city's sentence per goal.
 */

export const CITY_SHEET_NAMES = {
  units: "Sammanställning",
  goals: "Måluppfyllelse per mål",
  findings: "Kontroller",
} as const;

/** "tertialrapport 2 2026", "verksamhetsberättelse 2019"; without the year when it is not known. */
export function cityPeriodName(period: Period, year: number | null): string {
  const name = period === "VB" ? "verksamhetsberättelse" : `tertialrapport ${period === "T1" ? 1 : 2}`;
  return year === null ? name : `${name} ${year}`;
}

const nämnder = (n: number) => (n === 1 ? "nämnd" : "nämnder");

export const CITY_TEXTS = {
  title: (period: Period, year: number | null) => `Stadens sammanställning – ${cityPeriodName(period, year)}`,
  note: (count: number, unit: Unit) =>
    `${count} ${nämnder(count)}. Belopp i ${unit}: varje nämnds belopp är omräknat exakt från nämndens egen enhet. Avvikelse = budget − utfall eller prognos; positiv = överskott. Stadens summa och budgetföljsamheten är formler.`,
  chartTitle: "Avvikelse per nämnd",
  headers: {
    name: "Nämnd",
    file: "Fil",
    budget: "Budget",
    base: (period: Period) => (period === "VB" ? "Utfall" : "Prognos"),
    deviation: "Avvikelse",
    resultTransfer: "Resultatöverföring",
    returnedFunds: "Återredovisning",
    adjustedDeviation: "Justerad avvikelse",
    adherenceBefore: "Budgetföljsamhet",
    adherenceAfter: "Budgetföljsamhet efter resultatöverföringar",
    previousForecast: "Prognos T2",
    forecastAccuracy: "Prognossäkerhet",
    findings: "Kontroller",
    errors: "varav fel",
  },
  total: "Staden totalt",
  indicatorHeading: "Indikatorer, alla nämnder",
  noIndicators: "Ingen nämnd redovisar indikatorer.",
};

export const GOAL_TEXTS = {
  title: (period: Period, year: number | null) => `Måluppfyllelse per mål – ${cityPeriodName(period, year)}`,
  note: "Varje nämnds bedömning av målet är förslaget från dess indikatorer: helt om alla bedömda indikatorer uppnås helt, inte om mer än hälften inte uppnås, annars delvis.",
  headers: {
    goal: "Mål",
    full: "Helt",
    partial: "Delvis",
    none: "Ej",
    notAssessable: "Ej bedömbar",
    count: "Antal nämnder",
    sentence: "Bedömning",
  },
  detailHeading: "Nämndernas bedömning per mål",
  detailHeaders: { goal: "Mål", unit: "Nämnd", status: "Bedömning" },
  none: "Ingen nämnd redovisar indikatorer med mål.",
};

export const CITY_FINDING_TEXTS = {
  title: (period: Period, year: number | null) => `Kontroller per nämnd – ${cityPeriodName(period, year)}`,
  note: (count: number) => `${count} ${count === 1 ? "kontroll" : "kontroller"} från nämndernas arbetsböcker, med den fil och cell de gäller.`,
  headers: { unit: "Nämnd", file: "Fil", severity: "Allvarlighet", sheet: "Blad", cell: "Cell", subject: "Avser", code: "Kod", message: "Meddelande", advice: "Åtgärd" },
  none: "Inga kontroller: nämndernas arbetsböcker har inga avvikelser.",
};

/**
 * The city's sentence for one goal, as its annual report writes it: "22 av 29 nämnder bedömer att
 * målet uppnås helt, 7 bedömer att målet uppnås delvis." Rules:
 * - "av N" counts the nämnder that assessed the goal (helt + delvis + inte), as the indicator
 *   sentence counts assessed indicators; "nämnd" when N is 1.
 * - Clauses in the order helt, delvis, inte; a count of zero is left out, so the first clause is
 *   the first status any nämnd gave ("3 av 3 nämnder bedömer att målet uppnås delvis.").
 * - Nämnder that could not assess the goal get a sentence of their own.
 */
export function goalSentence(c: { full: number; partial: number; none: number; notAssessable: number }): string {
  const assessed = c.full + c.partial + c.none;
  const unassessed =
    c.notAssessable === 0 ? "" : `${c.notAssessable} ${nämnder(c.notAssessable)} har inte kunnat bedöma målet.`;
  if (assessed === 0) return unassessed || "Ingen nämnd har bedömt målet.";
  const clauses: [number, string][] = [
    [c.full, "uppnås helt"],
    [c.partial, "uppnås delvis"],
    [c.none, "inte uppnås"],
  ];
  const parts = clauses
    .filter(([n]) => n > 0)
    .map(([n, what], i) => (i === 0 ? `${n} av ${assessed} ${nämnder(assessed)} bedömer att målet ${what}` : `${n} bedömer att målet ${what}`));
  return `${parts.join(", ")}.${unassessed ? ` ${unassessed}` : ""}`;
}

export const CITY_MESSAGES = {
  mixedPeriods: (a: string, aPeriod: string, b: string, bPeriod: string) =>
    `${a} gäller ${aPeriod} men ${b} gäller ${bPeriod}; sammanställ bara nämnder från samma period och år.`,
  sameUnitTwice: (name: string, a: string, b: string) =>
    `${a} och ${b} gäller båda ${name}; ange varje nämnd en gång (byt namn under Nämnd på bladet Inställningar om de är olika nämnder).`,
  sameFileTwice: (file: string) => `${file} är angiven två gånger.`,
};
