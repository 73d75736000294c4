import type { Period, Unit } from "../../engine/types";

/**
 * Every Swedish word of the report template, written once as data: sheet names, titles, column
 * headers with what each column means, the instructions, the settings rows and the messages of
 * the data validation. The headers are the reader's synonyms (src/workbook/read/synonyms.ts), so a
 * filled template reads back as it is; a test reads every template through the reader.
 *
 * Titles and notes avoid unit words (kr, tkr, mnkr): the unit is given once, on Inställningar, and
 * a unit in a title would contradict it when the person changes the setting.
 */

export const TEMPLATE_SHEET_NAMES = {
  instructions: "Instruktioner",
  drift: "Drift",
  investments: "Investeringar",
  costTypes: "Intäkts- och kostnadsslag",
  indicators: "Indikatorer",
  settings: "Inställningar",
} as const;

/** "tertialrapport 1 2026", "verksamhetsberättelse 2026". */
export function periodName(period: Period, year: number): string {
  return period === "VB" ? `verksamhetsberättelse ${year}` : `tertialrapport ${period === "T1" ? 1 : 2} ${year}`;
}

/** The actual to date as the header names it. */
const TO_DATE: Record<"T1" | "T2", { header: string; help: string }> = {
  T1: { header: "Utfall per 30 april", help: "Bokfört utfall från årets början till och med 30 april." },
  T2: { header: "Utfall per 31 augusti", help: "Bokfört utfall från årets början till och med 31 augusti (delårsbokslutet)." },
};

export const COLUMN_TEXTS = {
  area: { header: "Verksamhetsområde", help: "Verksamhetsområdet, t.ex. Äldreomsorg. Står området på flera rader (en per enhet) räcker det att skriva det på den första." },
  unit: { header: "Enhet", help: "Frivilligt: enheten eller avdelningen under verksamhetsområdet. Lämna tom när området redovisas på en rad." },
  priorYear: (year: number) => ({ header: `Bokslut ${year - 1}`, help: `Förra årets bokslut (${year - 1}).` }),
  budget: (year: number) => ({ header: `Budget ${year}`, help: "Årets budget inklusive budgetjusteringar (slutlig budget)." }),
  toDate: (period: "T1" | "T2") => TO_DATE[period],
  books: (year: number) => ({ header: `Bokslut ${year}`, help: `Årets bokslut (${year}).` }),
  forecast: {
    header: "Prognos helår",
    help: "Prognos för hela året. Fyll i på varje rad som har en budget: utan prognos räknas budgeten som prognos, och mallen kan inte lämnas in.",
  },
  forecastT1Previous: { header: "Prognos T1", help: "Helårsprognosen som lämnades i tertialrapport 1." },
  forecastT2: {
    header: "Prognos T2",
    help: "Prognos för hela året i tertialrapport 2. Fyll i på varje rad som har en budget: utan prognos räknas budgeten som prognos, och mallen kan inte lämnas in.",
  },
  forecastT2Previous: { header: "Prognos T2", help: "Helårsprognosen från tertialrapport 2; bokslutet jämförs med den (prognossäkerhet)." },
  comment: {
    header: "Kommentar",
    help: "Förklaring till avvikelsen. Krävs för ett verksamhetsområde vars avvikelse mot budget är minst kommentarsgränsen (1,0 miljoner kronor eller 5 % av budgeten om inget annat står på bladet Inställningar); en kommentar på området eller på en rad under det räcker.",
  },
  resultUnit: { header: "Resultatenhet", help: "ja för en resultatenhet, vars över- eller underskott förs till dess resultatfond; annars tom." },
  openingFund: { header: "Ingående resultatfond", help: "Resultatenheter: resultatfondens saldo vid årets början." },
  grossBudget: { header: "Bruttobudget", help: "Resultatenheter: bruttokostnadsbudgeten; taket för hur mycket överskott som får föras till fonden räknas på den." },
  earmark: { header: "Öronmärkning", help: "Namnet på öronmärkta medel (t.ex. Nyanlända) för rader vars överskott återredovisas; annars tom." },
  investment: { header: "Investering", help: "Investeringsprojektet eller kategorin, t.ex. Inventarier och maskiner." },
  multiYear: { header: "Flerårig", help: "ja för ett flerårigt projekt: outnyttjade medel föreslås ombudgeteras till nästa år." },
  costType: { header: "Intäkts- och kostnadsslag", help: "Intäkts- eller kostnadsslaget, t.ex. Personalkostnader eller Taxor och avgifter." },
  costKind: { header: "Slag", help: "intäkt eller kostnad. Intäkter skrivs som negativa tal." },
  costPriorTertial: { header: "Utfall föregående år", help: "Utfallet för samma period föregående år." },
  costActualTertial: { header: "Utfall i år", help: "Årets utfall till och med periodens slut." },
  costPrior: (year: number) => ({ header: `Utfall ${year - 1}`, help: `Utfallet ${year - 1}.` }),
  costActual: (year: number) => ({ header: `Utfall ${year}`, help: `Utfallet ${year}.` }),
  goal: { header: "Mål", help: "Nämndmålet eller KF:s mål som indikatorn hör till. Skriv målet på dess första indikator; tomma celler under fortsätter samma mål." },
  indicator: { header: "Indikator", help: "Indikatorns namn." },
  direction: { header: "Riktning", help: "Högre är bättre eller Lägre är bättre (t.ex. för sjukfrånvaro)." },
  indicatorActual: { header: "Periodens utfall", help: "Periodens utfall. Procenttal med procenttecken (86,4 %), antal som tal (20)." },
  women: { header: "Utfall kvinnor", help: "Frivilligt: utfallet för kvinnor eller flickor." },
  men: { header: "Utfall män", help: "Frivilligt: utfallet för män eller pojkar." },
  indicatorPrior: { header: "Utfall föregående år", help: "Frivilligt: samma indikator föregående år." },
  indicatorForecast: { header: "Prognos helår", help: "Prognos för helåret; den bedöms mot årsmålet när den finns, annars periodens utfall." },
  target: { header: "Årsmål", help: "Nämndens årsmål, t.ex. 75 %, 20, +/- 1 % eller Tas fram av nämnden." },
  kfTarget: { header: "KF:s årsmål", help: "Kommunfullmäktiges årsmål; används när nämndens årsmål saknas." },
  tolerance: { header: "Tolerans", help: "Frivilligt: hur långt från årsmålet som räknas som delvis uppfyllt, t.ex. 10 % (annars gäller Inställningar)." },
  indicatorComment: { header: "Kommentar", help: "Analys; krävs när målet uppnås delvis eller inte." },
};

export const SHEET_TEXTS = {
  driftTitle: (period: Period, year: number) => `Driftbudget – ${periodName(period, year)}`,
  investmentsTitle: (period: Period, year: number) => `Investeringar – ${periodName(period, year)}`,
  costTypesTitle: (period: Period, year: number) => `Intäkts- och kostnadsslag – ${periodName(period, year)}`,
  indicatorsTitle: (period: Period, year: number) => `Indikatorer – ${periodName(period, year)}`,
  settingsTitle: (period: Period, year: number) => `Inställningar – ${periodName(period, year)}`,
  amountNote: "Fyll i från raden under rubrikerna. Belopp som nettokostnad (intäkter negativa) i den enhet som står på bladet Inställningar.",
  investmentNote: "Fyll i från raden under rubrikerna, en rad per projekt eller kategori. Belopp i den enhet som står på bladet Inställningar.",
  indicatorNote: "Fyll i från raden under rubrikerna, en rad per indikator. Procenttal med procenttecken.",
};

export const SETTINGS_TEXTS = {
  headers: { key: "Inställning", value: "Värde", help: "Förklaring" },
  note: "Ändra bara kolumnen Värde. Beloppsgränser anges i miljoner kronor oavsett enhet.",
  rows: {
    unitName: { label: "Nämnd", help: "Nämndens namn, t.ex. Socialnämnden. Controllern ser nämnden under det namnet i stadens sammanställning." },
    period: { label: "Period", help: "T1 (tertialrapport 1), T2 (tertialrapport 2) eller VB (verksamhetsberättelse). Ska stämma med kolumnrubrikerna." },
    year: { label: "År", help: "Räkenskapsåret. Ska stämma med kolumnrubrikerna (Budget ÅÅÅÅ)." },
    unit: { label: "Enhet", help: "Enheten för alla belopp i mallen: kr, tkr eller mnkr." },
    commentMnkr: { label: "Kommentarsgräns (mnkr)", help: "En avvikelse på minst så många miljoner kronor kräver en kommentar." },
    commentShare: { label: "Kommentarsgräns, andel", help: "En avvikelse på minst den andelen av budgeten kräver en kommentar." },
    capShare: { label: "Tak för resultatöverföring", help: "Resultatenheter: högst den andelen av bruttobudgeten får föras till resultatfonden som överskott." },
    carryDeficits: { label: "Underskott förs över", help: "ja: en resultatenhets underskott förs till resultatfonden i sin helhet." },
    tolerance: { label: "Tolerans", help: "Indikatorer: ett utfall inom den andelen från årsmålet räknas som delvis uppfyllt." },
    improvement: { label: "Förbättring räknas som delvis", help: "ja: en indikator som förbättrats sedan föregående år räknas som delvis uppfylld." },
    genderGapPoints: { label: "Könsskillnad, procentenheter", help: "Skillnad mellan kvinnor och män (procentenheter) som ska analyseras." },
    genderGapShare: { label: "Könsskillnad, andel", help: "För indikatorer som inte är procent: skillnad som andel av det större värdet." },
    runRate: { label: "Gräns utfallstakt", help: "Tertial: utfallet i årstakt som skiljer sig från prognosen med minst den andelen av budgeten flaggas." },
    forecastAccuracy: { label: "Gräns prognossäkerhet", help: "VB: bokslutet får avvika från prognos T2 med högst den andelen av budgeten." },
    costsNegative: { label: "Kostnader som negativa tal", help: "ja om mallen fylls i med kostnader som negativa tal och intäkter som positiva." },
  },
  yes: "ja",
  no: "nej",
};

export const VALIDATION_TEXTS = {
  amount: { title: "Belopp", text: "Skriv beloppet som ett tal, t.ex. 1297,1 eller -250. Lämna cellen tom om värdet saknas." },
  yesNo: { title: "ja eller nej", text: "Välj ja eller nej i listan, eller lämna cellen tom." },
  direction: { title: "Riktning", text: "Välj Högre är bättre eller Lägre är bättre i listan." },
  costKind: { title: "Slag", text: "Välj intäkt eller kostnad i listan." },
  period: { title: "Period", text: "Välj T1, T2 eller VB i listan." },
  unit: { title: "Enhet", text: "Välj kr, tkr eller mnkr i listan." },
  year: { title: "År", text: "Skriv året med fyra siffror, t.ex. 2026." },
  share: { title: "Andel", text: "Skriv en andel i procent, t.ex. 5 %." },
  number: { title: "Tal", text: "Skriv ett tal som är 0 eller större." },
};

export const LIST_VALUES = {
  yesNo: [SETTINGS_TEXTS.yes, SETTINGS_TEXTS.no],
  direction: ["Högre är bättre", "Lägre är bättre"],
  costKind: ["intäkt", "kostnad"],
  period: ["T1", "T2", "VB"],
  unit: ["kr", "tkr", "mnkr"] as Unit[],
};

/** The Instruktioner sheet, one paragraph per cell (a sheet of single cells is never read as a table). */
export const INSTRUCTION_TEXTS = {
  title: (period: Period, year: number) => `Följsam – mall för ${periodName(period, year)}`,
  intro:
    "Den här mallen fylls i av nämnden och lämnas till controllern. Följsam läser den som den är: ändra inte rubrikerna, bladnamnen eller ordningen på raderna ovanför rubrikerna.",
  stepsHeading: "Så fyller du i mallen",
  steps: [
    "1. Bladet Inställningar: skriv nämndens namn och kontrollera Period, År och Enhet. Alla belopp i mallen anges i den enheten (kr, tkr eller mnkr).",
    "2. Bladet Drift: en rad per verksamhetsområde, eller en rad per enhet under området. Belopp som nettokostnad: kostnader positiva, intäkter negativa.",
    "3. Bladet Investeringar: en rad per projekt eller kategori.",
    "4. Bladet Intäkts- och kostnadsslag: en rad per slag; intäkter som negativa tal.",
    "5. Bladet Indikatorer: en rad per indikator med mål, utfall och årsmål. Procenttal med procenttecken (86,4 %).",
    "6. Kontrollera mallen innan du lämnar in den (se nedan) och rätta det som står som fel.",
  ],
  rulesHeading: "Bra att veta",
  rules: [
    "Summarader behövs inte: Följsam summerar raderna själv. Skriver du en rad som Summa eller Nämnden totalt kontrolleras den mot raderna ovanför.",
    "Skriv belopp som tal, utan text: 1297,1 och -250 går bra; text som ”ca 500” eller ”se bilaga” kan inte läsas. Lämna cellen tom när ett värde saknas.",
    "En avvikelse mot budget som är minst kommentarsgränsen (bladet Inställningar) kräver en förklaring i kolumnen Kommentar för verksamhetsområdet.",
    "Indikatorer som uppnås delvis eller inte kräver en kommentar.",
    "Bladen är skyddade utan lösenord så att rubrikerna inte ändras av misstag. Cellerna du fyller i är öppna. Behöver du infoga rader går det; behöver du ändra något annat: Granska > Ta bort bladskydd.",
  ],
  checkHeading: "Kontrollera innan du lämnar in",
  check: [
    "I Excel: öppna tillägget Följsam och välj Kontrollera. Varje kontroll visas med blad och cell.",
    "På kommandoraden: foljsam validate mall.xlsx. Slutkod 0 betyder att mallen kan lämnas in; 1 att något måste rättas först.",
    "Fel som måste rättas: text i en beloppscell, en summarad som inte stämmer, en saknad prognos (tertial), en saknad kommentar där den krävs, en period eller ett år som inte stämmer med rubrikerna, rader med belopp men utan namn.",
  ],
  columnsHeading: "Kolumnerna",
};
