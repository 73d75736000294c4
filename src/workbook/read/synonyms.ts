/**
 * What the reader recognises, written once as data (DOMAIN.md sections 7 and 9): sheet names,
 * column headers, total labels, unit words and the words of yes/no, Slag and Riktning cells.
 *
 * Every text here is compared after the same normalising (see normalise.ts): lower case, no
 * diacritics, punctuation as spaces; for headers also without unit words (kr, tkr, mnkr) and years.
 * A header matches a synonym exactly; a trailing " *" means "followed by at least one more word"
 * ("Utfall per *" matches "Utfall per 30 april").
 */
import type { Period, Unit } from "../../engine/types";

export type TableKind = "drift" | "investments" | "costTypes" | "indicators";

export const TABLE_KINDS: readonly TableKind[] = ["drift", "investments", "costTypes", "indicators"];

/** Sheet names, compared without spaces and punctuation; a trailing "*" is a prefix. */
export const SHEET_NAMES: Record<TableKind, readonly string[]> = {
  drift: ["Drift", "Driftbudget", "Driftuppföljning", "Driftredovisning", "Verksamhetsområde", "Verksamhetsområden"],
  investments: ["Investering*"],
  costTypes: ["Kostnadsslag", "Intäkter och kostnader", "Intäkts- och kostnadsslag", "Intäkts och kostnadsslag"],
  indicators: ["Indikator*", "KF:s indikatorer", "Nämndens indikatorer", "Nyckeltal", "Måluppfyllelse"],
};

/** The settings sheet (read by settingsSheet.ts, never as a table). */
export const SETTINGS_SHEET_NAMES: readonly string[] = ["Inställningar", "Följsam inställningar", "Settings"];

/**
 * Header synonyms per table kind. Keys are field names of the engine's input, some with a
 * qualifier after "@" that the column resolver (columns.ts) turns into a field:
 * - `actual@ytd`: an actual to date (Utfall hittills, Utfall per <datum>): a tertial.
 * - `actual@books`: closed books (Bokslut): the year end when the year is the report's.
 * - `forecast@T1`, `forecast@T2`: a forecast named after its tertial.
 * Actuals that carry a year (Bokslut 2018, Utfall 2019) are told apart by the year.
 */
const AMOUNT_HEADERS = {
  budget: [
    "Budget",
    "Slutlig budget",
    "Budget inkl. justeringar",
    "Budget inklusive justeringar",
    "Budget inkl. budgetjusteringar",
    "Budget inklusive budgetjusteringar",
    "Justerad budget",
    "Reviderad budget",
    "Årsbudget",
    "Budget helår",
    "Nettobudget",
    "Budget netto",
    "Kommunbidrag",
    "Kommunbidrag netto",
    "Budgetram",
    "Ram",
    "Nettoram",
    "Anslag",
    "Budget anslag",
  ],
  actual: [
    "Utfall",
    "Nettokostnad",
    "Nettokostnader",
    "Nettoutfall",
    "Utfall netto",
    "Nettokostnad utfall",
    "Redovisning",
    "Redovisning netto",
    "Utfall nettokostnad",
  ],
  /** A whole year's outcome: the year end, like closed books. */
  "actual@year": ["Utfall helår", "Årsutfall", "Utfall år", "Utfall helår netto"],
  "actual@ytd": [
    "Utfall hittills",
    "Utfall hittills i år",
    "Utfall per *",
    "Utfall t.o.m. *",
    "Utfall tom *",
    "Utfall till och med *",
    "Ackumulerat utfall",
    "Ackumulerat utfall *",
    "Utfall ackumulerat",
    "Utfall ackumulerat *",
    "Periodens utfall",
    "Utfall perioden",
    "Ack. utfall",
    "Ack utfall",
    "Ack. utfall *",
    "Utfall ack.",
    "Utfall ack. *",
    "Utfall jan *",
    "Utfall januari *",
    "Utfall hittills *",
    "Nettokostnad per *",
    "Nettokostnad t.o.m. *",
    "Nettokostnad jan *",
    // Any other "Utfall <months>" ("Utfall mars", "Utfall jan–aug"); exact synonyms are matched first.
    "Utfall *",
  ],
  "actual@books": ["Bokslut", "Årsbokslut", "Bokslut helår", "Utfall bokslut", "Bokslut netto", "Netto bokslut", "Bokslut nettokostnad"],
  forecast: [
    "Prognos",
    "Prognos helår",
    "Årsprognos",
    "Helårsprognos",
    "Prognos år",
    "Prognos för helåret",
    "Aktuell prognos",
    "Bedömt utfall helår",
    "Bedömt utfall",
    "Bedömt helårsutfall",
    "Prognos utfall helår",
    "Prognos netto",
    "Prognos helår netto",
    // A forecast made in another month ("Prognos okt", "Prognos mars"): the month names no tertial.
    "Prognos *",
    "Helårsprognos *",
  ],
  "forecast@T1": [
    "Prognos T1",
    "Prognos helår T1",
    "Prognos T1 helår",
    "Prognos tertial 1",
    "Prognos april",
    "Prognos apr",
    "Prognos helår april",
    "T1 prognos",
    "Prognos efter T1",
    "Helårsprognos T1",
    "Prognos per T1",
  ],
  "forecast@T2": [
    "Prognos T2",
    "Prognos helår T2",
    "Prognos T2 helår",
    "Prognos tertial 2",
    "Prognos augusti",
    "Prognos aug",
    "Prognos helår augusti",
    "Prognos helår aug",
    "T2 prognos",
    "Prognos efter T2",
    "Helårsprognos T2",
    "Prognos per T2",
    "Prognos delår",
    "Prognos delårsbokslut",
  ],
  previousForecast: ["Föregående prognos", "Tidigare prognos", "Prognos föregående tertial", "Senaste prognos"],
  priorYearActual: [
    "Bokslut föregående år",
    "Bokslut fg år",
    "Bokslut fg. år",
    "Utfall föregående år",
    "Utfall fg år",
    "Utfall fg. år",
    "Föregående års utfall",
    "Föregående års bokslut",
  ],
  comment: ["Kommentar", "Kommentarer", "Förklaring", "Analys", "Kommentar till avvikelse", "Förklaring till avvikelse"],
  // Figures the input already derives (DOMAIN.md 7a): checked, and used where their sources are missing.
  deviation: [
    "Avvikelse",
    "Avvikelse mot budget",
    "Budgetavvikelse",
    "Avvikelse budget",
    "Avvikelse utfall budget",
    "Avvikelse budget utfall",
    "Avvikelse prognos budget",
    "Avvikelse budget prognos",
    "Prognostiserad avvikelse",
    "Avvikelse helår",
    "Resultat",
    "Nettoresultat",
    "Avvikelse netto",
  ],
  // Mapped so that it is not named as unread; Följsam computes the share itself.
  deviationPct: ["Avvikelse %", "Avvikelse i %", "Avvikelse procent", "Procentuell avvikelse", "Avvikelse i procent", "Budgetavvikelse %", "Avvikelse mot budget %"],
  resultTransfer: ["Resultatöverföring", "Resultatöverföringar", "Resultat-överför.", "Resultatöverför.", "Resultatöverf.", "Resultat överföring", "Överföring till resultatfond"],
  "returnedFunds@named": ["Justering *", "Återredovisning *", "Återredovisas *"],
  returnedFunds: ["Återredovisning", "Justering"],
  adjustedDeviation: ["Justerad avvikelse", "Justerad budgetavvikelse", "Avvikelse efter justering", "Avvikelse efter justeringar", "Justerat resultat"],
} as const;

export const HEADER_SYNONYMS: Record<TableKind, Record<string, readonly string[]>> = {
  drift: {
    area: ["Verksamhetsområde", "Verksamhetsområden", "Område", "Verksamhet"],
    unit: ["Enhet", "Ansvar", "Avdelning", "Ansvarsområde", "Enhet/avdelning"],
    costType: ["Kostnadsslag", "Konto", "Intäkts- och kostnadsslag"],
    ...AMOUNT_HEADERS,
    resultUnit: ["Resultatenhet"],
    openingResultFund: ["Ingående resultatfond", "Resultatfond", "Ingående resultatfond IB"],
    grossBudget: ["Bruttobudget", "Budget brutto", "Bruttokostnadsbudget"],
    earmark: ["Öronmärkning", "Öronmärkt", "Öronmärkta medel", "Särskilt beräknade medel", "Återredovisas"],
  },
  investments: {
    name: ["Investeringar", "Investering", "Projekt", "Kategori", "Objekt", "Investeringsprojekt", "Investeringsobjekt"],
    ...AMOUNT_HEADERS,
    budget: [...AMOUNT_HEADERS.budget, "Investeringsbudget", "Budget investeringar", "Investeringsram"],
    deviationVsForecast: ["Avvikelse prognos T2", "Avvikelse mot prognos", "Avvikelse prognos", "Avvikelse mot prognos T2", "Avvikelse T2"],
    multiYear: ["Flerårig", "Fleråriga", "Flerårsprojekt", "Fleråriga projekt", "Flerårigt"],
  },
  costTypes: {
    name: ["Intäkts- och kostnadsslag", "Kostnadsslag", "Intäkter och kostnader", "Kontoslag", "Konto"],
    kind: ["Slag", "Typ"],
    actual: ["Utfall", "Bokslut", "Utfall i år", "Utfall innevarande år"],
    priorYearActual: AMOUNT_HEADERS.priorYearActual,
    comment: AMOUNT_HEADERS.comment,
  },
  indicators: {
    name: ["Indikator", "Indikatorer", "Nyckeltal", "Mått", "KF:s indikator", "KF:s indikatorer", "Nämndens indikatorer"],
    goal: ["Nämndmål", "Mål", "KF:s mål", "KF:s mål för verksamhetsområdet", "Verksamhetsområdesmål", "Inriktningsmål"],
    actual: ["Periodens utfall", "Utfall", "Utfall totalt"],
    actualMen: ["Utfall män", "Utfall män/pojkar", "Utfall pojkar", "Män", "Män/pojkar", "Pojkar"],
    actualWomen: ["Utfall kvinnor", "Utfall kvinnor/flickor", "Utfall flickor", "Kvinnor", "Kvinnor/flickor", "Flickor"],
    priorYearActual: ["Periodens utfall VB", "Utfall föregående år", "Utfall fg år", "Föregående års utfall", "Utfall VB föregående år"],
    forecast: ["Prognos helår", "Prognos", "Årsprognos", "Helårsprognos"],
    target: ["Årsmål", "Målvärde", "Mål för året", "Nämndens årsmål"],
    kfTarget: ["KF:s årsmål", "KF årsmål", "KF:s målvärde"],
    period: ["Period", "Mätperiod"],
    direction: ["Riktning", "Önskad riktning"],
    unit: ["Enhet", "Måttenhet"],
    tolerance: ["Tolerans"],
    comment: ["Kommentar", "Kommentarer", "Analys", "Analys/kommentar", "Kommentar/analys"],
    // The assessment as published: checked against Följsam's (GIVEN_MISMATCH).
    givenStatus: ["Måluppfyllelse", "Bedömning", "Bedömd måluppfyllelse", "Uppfyllelse", "Måluppfyllelse helår", "Bedömning helår", "Status", "Målet uppnås"],
  },
};

/** Columns that name a row; a candidate table needs one of them. */
export const LABEL_FIELDS: Record<TableKind, readonly string[]> = {
  drift: ["area", "unit", "costType"],
  investments: ["name"],
  costTypes: ["name"],
  indicators: ["name"],
};

/** Amount columns (exact Amounts, unit-converted, sign-flipped by costsNegative). */
export const AMOUNT_FIELDS: Record<TableKind, readonly string[]> = {
  drift: ["budget", "actual", "forecast", "previousForecast", "priorYearActual", "openingResultFund", "grossBudget"],
  investments: ["budget", "actual", "forecast", "previousForecast"],
  costTypes: ["priorYearActual", "actual"],
  indicators: [],
};

/** Swedish column names for messages ("kolumnen Budget saknas"). */
export const FIELD_LABELS: Record<string, string> = {
  area: "Verksamhetsområde",
  unit: "Enhet",
  costType: "Kostnadsslag",
  name: "Namn",
  budget: "Budget",
  actual: "Utfall",
  forecast: "Prognos",
  previousForecast: "Föregående prognos",
  priorYearActual: "Bokslut föregående år",
  comment: "Kommentar",
  resultUnit: "Resultatenhet",
  openingResultFund: "Ingående resultatfond",
  grossBudget: "Bruttobudget",
  earmark: "Öronmärkning",
  multiYear: "Flerårig",
  kind: "Slag",
  goal: "Mål",
  actualMen: "Utfall män",
  actualWomen: "Utfall kvinnor",
  target: "Årsmål",
  kfTarget: "KF:s årsmål",
  period: "Period",
  direction: "Riktning",
  tolerance: "Tolerans",
  deviationPct: "Avvikelse %",
  priorYearTarget: "Årsmål föregående år",
  givenStatus: "Måluppfyllelse",
  priorYearKfTarget: "KF:s årsmål föregående år",
  deviation: "Avvikelse",
  resultTransfer: "Resultatöverföring",
  returnedFunds: "Återredovisning",
  adjustedDeviation: "Justerad avvikelse",
  deviationVsForecast: "Avvikelse prognos",
  priorYearBudget: "Budget föregående år",
  priorYearDeviation: "Avvikelse föregående år",
  priorYearResultTransfer: "Resultatöverföring föregående år",
  priorYearAdjustedDeviation: "Justerad avvikelse föregående år",
};

/**
 * Fields of figures the input derives (DOMAIN.md 7a): read, checked against what Följsam computes
 * (GIVEN_MISMATCH) and used where the table lacks what they are computed from. A column naming an
 * earlier year than another of the same kind ("Avvikelse 2017" beside "Avvikelse") is the prior
 * year's figure: mapped to the `priorYear…` field, neither checked nor used.
 */
export const GIVEN_FIELDS: readonly string[] = ["deviation", "resultTransfer", "adjustedDeviation"];
/** Prefix of the fields of `Justering <name>` columns: `returnedFunds:Nyanlända`. */
export const RETURNED_PREFIX = "returnedFunds:";
/** Fields that a column of an earlier year maps to (the prior year's figure, not the report's). */
export const PRIOR_YEAR_FIELDS: Record<string, string> = {
  budget: "priorYearBudget",
  deviation: "priorYearDeviation",
  resultTransfer: "priorYearResultTransfer",
  adjustedDeviation: "priorYearAdjustedDeviation",
};

/** The name column's label per kind, for messages. */
export const NAME_LABELS: Record<TableKind, string> = {
  drift: "Verksamhetsområde",
  investments: "Investering (Investeringar, Projekt, Kategori …)",
  costTypes: "Intäkts- och kostnadsslag",
  indicators: "Indikator",
};

export const KIND_LABELS: Record<TableKind, string> = {
  drift: "driftbudget",
  investments: "investeringar",
  costTypes: "intäkts- och kostnadsslag",
  indicators: "indikatorer",
};

/**
 * Unit words in headers and titles. A currency word after a scale word ("miljoner kronor",
 * "tusen kr", "mn kr") makes one unit.
 */
export const UNIT_WORDS: Record<string, Unit> = {
  kr: "kr",
  kronor: "kr",
  sek: "kr",
  tkr: "tkr",
  tsek: "tkr",
  mnkr: "mnkr",
  mkr: "mnkr",
  mnsek: "mnkr",
  msek: "mnkr",
};
export const UNIT_SCALE_WORDS: Record<string, Unit> = {
  tusen: "tkr",
  tusental: "tkr",
  tusentals: "tkr",
  t: "tkr",
  miljoner: "mnkr",
  miljon: "mnkr",
  milj: "mnkr",
  mn: "mnkr",
  m: "mnkr",
};
/** Scale words count only before one of these. */
export const CURRENCY_WORDS: ReadonlySet<string> = new Set(["kr", "kronor", "sek"]);

/**
 * Row labels that make a total row (checked by the engine, never summed): exact labels, and
 * labels whose first or last word is one of these.
 */
export const TOTAL_LABELS: readonly string[] = [
  "Nämnden totalt",
  "Nämnden",
  "Totalt nämnden",
  "Förvaltningen totalt",
  "Summa",
  "Totalt",
  "Total",
  "Netto",
  "Summa netto",
  "Nettokostnad",
  "Summa nettokostnad",
  "Summa intäkter",
  "Summa kostnader",
  "Summa totalt",
];
export const TOTAL_FIRST_WORDS: readonly string[] = ["summa", "totalt", "total", "delsumma"];
export const TOTAL_LAST_WORDS: readonly string[] = ["totalt", "summa", "total"];

/** Cells meaning yes in Resultatenhet and Flerårig columns. */
export const YES_WORDS: readonly string[] = ["ja", "j", "x", "1", "yes", "true", "sant", "resultatenhet", "flerarig"];

/** Slag column: revenue or cost. */
export const COST_KIND_WORDS: Record<string, "revenue" | "cost"> = {
  intakt: "revenue",
  intakter: "revenue",
  i: "revenue",
  revenue: "revenue",
  kostnad: "cost",
  kostnader: "cost",
  k: "cost",
  cost: "cost",
};

/** Riktning column. Arrows are compared as written, words after normalising. */
export const DIRECTION_WORDS: Record<string, "higherIsBetter" | "lowerIsBetter"> = {
  "hogre ar battre": "higherIsBetter",
  hogre: "higherIsBetter",
  hog: "higherIsBetter",
  oka: "higherIsBetter",
  okning: "higherIsBetter",
  "ska oka": "higherIsBetter",
  "higher is better": "higherIsBetter",
  higherisbetter: "higherIsBetter",
  "lagre ar battre": "lowerIsBetter",
  lagre: "lowerIsBetter",
  lag: "lowerIsBetter",
  minska: "lowerIsBetter",
  minskning: "lowerIsBetter",
  "ska minska": "lowerIsBetter",
  "lower is better": "lowerIsBetter",
  lowerisbetter: "lowerIsBetter",
};
export const DIRECTION_SYMBOLS: Record<string, "higherIsBetter" | "lowerIsBetter"> = {
  "↑": "higherIsBetter",
  "⬆": "higherIsBetter",
  "▲": "higherIsBetter",
  "↓": "lowerIsBetter",
  "⬇": "lowerIsBetter",
  "▼": "lowerIsBetter",
};

/**
 * Period words in titles, header dates and Period cells. Months name the period they end:
 * april T1, augusti T2, december VB.
 */
export const PERIOD_WORDS: Record<string, Period> = {
  t1: "T1",
  "tertial 1": "T1",
  tertial1: "T1",
  tertialrapport1: "T1",
  "tertialrapport 1": "T1",
  "tertialbokslut 1": "T1",
  t2: "T2",
  "tertial 2": "T2",
  tertial2: "T2",
  tertialrapport2: "T2",
  "tertialrapport 2": "T2",
  "tertialbokslut 2": "T2",
  delarsrapport: "T2",
  delarsbokslut: "T2",
  vb: "VB",
  verksamhetsberattelse: "VB",
  arsredovisning: "VB",
  arsbokslut: "VB",
  bokslut: "VB",
};
export const MONTH_PERIODS: Record<string, Period> = {
  april: "T1",
  apr: "T1",
  augusti: "T2",
  aug: "T2",
  december: "VB",
  dec: "VB",
};
/** "30/4", "31/8", "31/12" and ISO dates, after normalising to numbers: month → period. */
export const MONTH_NUMBER_PERIODS: Record<number, Period> = { 4: "T1", 8: "T2", 12: "VB" };

/**
 * The settings sheet's Swedish labels (normalised) and the setting each one sets. English keys
 * (period, commentThreshold.mnkr, earmarks.<name>.mode …) are understood as they are.
 */
export const SETTING_LABELS: Record<string, string> = {
  period: "period",
  rapportperiod: "period",
  uppfoljningsperiod: "period",
  ar: "year",
  rakenskapsar: "year",
  budgetar: "year",
  enhet: "unit",
  beloppsenhet: "unit",
  namnd: "unitName",
  namndens: "unitName",
  "namndens namn": "unitName",
  styrelse: "unitName",
  "namnd styrelse": "unitName",
  kommentarsgrans: "commentThreshold.mnkr",
  "kommentarsgrans belopp": "commentThreshold.mnkr",
  "kommentarsgrans andel": "commentThreshold.share",
  "kommentarsgrans procent": "commentThreshold.share",
  "tak for resultatoverforing": "resultUnits.capShare",
  "tak resultatoverforing": "resultUnits.capShare",
  "tak for overskott": "resultUnits.capShare",
  "underskott fors over": "resultUnits.carryDeficits",
  "overfor underskott": "resultUnits.carryDeficits",
  tolerans: "indicators.tolerance",
  "tolerans indikatorer": "indicators.tolerance",
  "forbattring raknas som delvis": "indicators.improvementCountsAsPartial",
  "grans konsskillnad": "indicators.genderGapPoints",
  "konsskillnad procentenheter": "indicators.genderGapPoints",
  "konsskillnad andel": "indicators.genderGapShare",
  "grans utfallstakt": "runRateShare",
  utfallstakt: "runRateShare",
  "grans prognossakerhet": "forecastAccuracyBand",
  prognossakerhet: "forecastAccuracyBand",
  "kostnader negativa": "costsNegative",
  "kostnader som negativa tal": "costsNegative",
  "kostnader med minustecken": "costsNegative",
};
/** "Öronmärkning Nyanlända" sets earmarks.Nyanlända.mode. */
export const EARMARK_SETTING_PREFIXES: readonly string[] = ["oronmarkning", "oronmarkt", "aterredovisning"];
export const EARMARK_MODE_WORDS: Record<string, "surplusOnly" | "both"> = {
  surplusonly: "surplusOnly",
  "endast overskott": "surplusOnly",
  "bara overskott": "surplusOnly",
  overskott: "surplusOnly",
  both: "both",
  bada: "both",
  "overskott och underskott": "both",
  alltid: "both",
};

/**
 * A Måluppfyllelse cell as published, after normalising: "Helt uppnått", "Delvis", "Ej uppnått",
 * "Uppfyllt", symbols. Checked longest first; anything else is not read as a status.
 */
/** Status symbols at the start of a Måluppfyllelse cell, as Följsam and many reports print them. */
export const STATUS_SYMBOLS: Record<string, "full" | "partial" | "none"> = { "✔": "full", "✓": "full", "◐": "partial", "✖": "none", "✗": "none" };

export const STATUS_WORDS: [string, "full" | "partial" | "none" | "notMeasured" | "notAssessable"][] = [
  ["ej matt", "notMeasured"],
  ["inte matt", "notMeasured"],
  ["mats ej", "notMeasured"],
  ["ej bedombar", "notAssessable"],
  ["kan inte bedomas", "notAssessable"],
  ["ej uppnatt", "none"],
  ["inte uppnatt", "none"],
  ["ej uppfyllt", "none"],
  ["inte uppfyllt", "none"],
  ["uppnas inte", "none"],
  ["uppfylls inte", "none"],
  ["delvis", "partial"],
  ["helt", "full"],
  ["uppnatt", "full"],
  ["uppfyllt", "full"],
  ["uppnas", "full"],
  ["ja", "full"],
  ["ej", "none"],
  ["inte", "none"],
  ["nej", "none"],
];

/**
 * Words (normalised) that scope a cost-type total or name a section heading: "Summa intäkter"
 * covers the revenues, "Summa kostnader" the costs; a word starting with a `net` stem
 * ("Netto", "Nettokostnad") covers every row. Revenue stems match the start of a word.
 */
export const COST_SCOPE_WORDS = {
  net: ["netto"],
  revenue: ["intakt"],
  cost: ["kostnad", "kostnader"],
} as const;
