import type { FindingCode, FindingParams, Severity } from "../engine/types";

export { makeFinding } from "../engine/finding";

/**
 * The Swedish text of every finding, written once as data. `message` renders the finding from
 * its params; `advice` is the "what to do" column of the Kontroller sheet. Params that are
 * amounts or percentages arrive already formatted the Swedish way ("-3,2 mnkr", "5,4 %").
 */
type Params = FindingParams;

export interface FindingText {
  title: string;
  message: (p: Params) => string;
  advice: string;
}

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? "" : String(v));

export const FINDING_TEXTS: Record<FindingCode, FindingText> = {
  COMMENT_REQUIRED: {
    title: "Kommentar krävs",
    message: (p) =>
      p.status
        ? `Måluppfyllelse ${s(p.status)}${p.value ? ` (${s(p.valueLabel || "utfall")} ${s(p.value)}${p.target ? `, årsmål ${s(p.target)}` : ""})` : ""}: en kommentar krävs.`
        : `Avvikelsen ${s(p.deviation)} kräver en förklaring.`,
    advice: "Skriv en förklaring i kolumnen Kommentar: för driften på området eller en rad under det, för en indikator på dess rad.",
  },
  DEFICIT: {
    title: "Underskott",
    message: (p) => `Underskott: avvikelsen är ${s(p.deviation)}.`,
    advice: "Förklara underskottet och beskriv åtgärder för att nå en budget i balans.",
  },
  FORECAST_MISSING: {
    title: "Prognos saknas",
    message: (p) => `Prognos saknas${p.found ? ` (${s(p.found)})` : ""}; prognos enligt budget (${s(p.budget)}) används, avvikelse 0.`,
    advice: "Fyll i en helårsprognos för raden.",
  },
  RUN_RATE: {
    title: "Prognosen avviker från takten i utfallet",
    message: (p) => `Utfallet i årstakt är ${s(p.runRate)} men prognosen ${s(p.forecast)} (skillnad ${s(p.difference)}).`,
    advice: "Kontrollera prognosen; säsongsvariationer kan förklara skillnaden.",
  },
  FORECAST_SHIFT: {
    title: "Stor prognosförändring",
    message: (p) => `Prognosen har ändrats med ${s(p.change)} sedan föregående prognos.`,
    advice: "Förklara prognosförändringen i kommentaren.",
  },
  SUM_MISMATCH: {
    title: "Summan stämmer inte",
    message: (p) =>
      `${s(p.column)}: raden "${s(p.label)}" anger ${s(p.stated)} men raderna summerar till ${s(p.computed)} (skillnad ${s(p.difference)}).`,
    advice: "Kontrollera summaraden och raderna under den.",
  },
  NUMBER_PARSE: {
    title: "Inte ett tal",
    message: (p) => `${s(p.column)}: "${s(p.text)}" är inte ett tal; cellen behandlas som tom.`,
    advice: "Skriv ett tal, t.ex. 1 297,1, eller lämna cellen tom.",
  },
  MISSING_COLUMN: {
    title: "Kolumn saknas",
    message: (p) => `Kolumnen ${s(p.column)} saknas${p.detail ? ` (${s(p.detail)})` : ""}.`,
    advice: "Lägg till kolumnen med en rubrik som Följsam känner igen (se README).",
  },
  DUPLICATE_ROW: {
    title: "Dubblerad rad",
    message: (p) => `Raden "${s(p.label)}" förekommer också på rad ${s(p.otherRow)}.`,
    advice: "Ta bort eller döp om den ena raden.",
  },
  FORMULA_ERROR: {
    title: "Felvärde i cell",
    message: (p) => `${s(p.column)}: cellen innehåller ${s(p.error)}; den behandlas som tom.`,
    advice: "Rätta formeln eller värdet i cellen.",
  },
  GENDER_GAP: {
    title: "Skillnad mellan kvinnor och män",
    message: (p) =>
      `Skillnaden kvinnor − män är ${s(p.gap)}${p.women && p.men ? ` (kvinnor ${s(p.women)}, män ${s(p.men)})` : ""}.`,
    advice: "Analysera skillnaden mellan kvinnor och män i kommentaren.",
  },
  DIRECTION_UNSET: {
    title: "Riktning saknas",
    message: () => "Namnet tyder på att lägre är bättre, men riktning saknas; högre är bättre antas.",
    advice: "Ange Riktning (Högre är bättre / Lägre är bättre) för indikatorn.",
  },
  CAP_BASIS_MISSING: {
    title: "Bruttobudget saknas",
    message: (p) => `Bruttobudget saknas för resultatenheten; taket beräknas på nettobudgeten (${s(p.basis)}).`,
    advice: "Fyll i Bruttobudget för resultatenheten.",
  },
  FORMULA_NO_VALUE: {
    title: "Formel utan beräknat värde",
    message: (p) => `${s(p.column)}: formeln ${s(p.formula)} har inget sparat värde; cellen behandlas som tom.`,
    advice: "Öppna filen i Excel, räkna om och spara den igen.",
  },
  DATE_IN_AMOUNT: {
    title: "Datum i beloppskolumn",
    message: (p) => `${s(p.column)}: cellen innehåller ett datum (${s(p.text)}), inte ett belopp; den behandlas som tom.`,
    advice: "Skriv beloppet som ett tal och ändra cellens format till tal.",
  },
  PERIOD_MISMATCH: {
    title: "Perioden stämmer inte",
    message: (p) => `Perioden ${s(p.given)} stämmer inte med rubrikerna, som tyder på ${s(p.found)}.`,
    advice: "Kontrollera perioden i inställningarna och kolumnrubrikerna.",
  },
  YEAR_MISMATCH: {
    title: "Året stämmer inte",
    message: (p) => `Året ${s(p.given)} stämmer inte med rubrikerna, som anger ${s(p.found)}.`,
    advice: "Kontrollera året i inställningarna och kolumnrubrikerna.",
  },
  TOTAL_MISSING: {
    title: "Värde saknas",
    message: (p) => `${s(p.column)} saknas för raden.`,
    advice: "Fyll i värdet.",
  },
  UNKNOWN_EARMARK_SETTING: {
    title: "Okänd öronmärkning i inställningarna",
    message: (p) => `Inställningarna nämner öronmärkningen "${s(p.name)}", som inte finns i driftbudgeten.`,
    advice: "Kontrollera stavningen i inställningarna eller i kolumnen Öronmärkning.",
  },
  UNLABELLED_ROW: {
    title: "Rad utan benämning",
    message: (p) => `Raden har värden men ingen benämning (${s(p.column)} är tom); den läses inte.`,
    advice: "Skriv radens benämning, eller ta bort raden om den är en summa.",
  },
  UNIT_ASSUMED: {
    title: "Enhet saknas",
    message: (p) =>
      p.found
        ? `Tabellen anger ingen beloppsenhet, så ${s(p.assumed)} antas, men ${s(p.where)} anger ${s(p.found)}.`
        : p.where
          ? `Tabellen anger ingen beloppsenhet; ${s(p.assumed)} antas, som ${s(p.where)} anger.`
          : `Ingen tabell anger beloppsenhet; ${s(p.assumed)} antas.`,
    advice: "Ange enheten i en rubrik eller titelrad (t.ex. \"Utfall 2026, mnkr\") eller med inställningen Enhet.",
  },
  UNIT_MISMATCH: {
    title: "Enheten stämmer inte",
    message: (p) => `Enheten ${s(p.given)} från inställningarna används, men ${s(p.where)} anger ${s(p.found)}.`,
    advice: "Kontrollera enheten i inställningarna och i rubrikerna.",
  },
  SETTING_UNKNOWN: {
    title: "Okänd inställning",
    message: (p) => `Raden "${s(p.label)}" på bladet ${s(p.sheet)} känns inte igen; värdet används inte.`,
    advice: "Kontrollera stavningen (se Inställningar i README) eller ta bort raden.",
  },
  TABLE_UNREADABLE: {
    title: "Tabellen kan inte läsas",
    message: (p) =>
      p.missing
        ? `Tabellen (${s(p.kind)}) på bladet ${s(p.sheet)}${p.headerRow ? ` med rubrikraden på rad ${s(p.headerRow)}` : ""} kan inte läsas: ${s(p.missing)}. Resten av arbetsboken redovisas.`
        : `Bladet ${s(p.sheet)} ser ut att vara ${s(p.kind)} men har ingen rubrikrad som känns igen; det läses inte. Resten av arbetsboken redovisas.`,
    advice: "Ge kolumnerna rubriker som Följsam känner igen (t.ex. Verksamhetsområde | Budget | Utfall), eller rätta kolumnerna i Hitta.",
  },
  TABLE_NOT_USED: {
    title: "Tabellen används inte",
    message: (p) => `Bladet ${s(p.sheet)} har också en tabell med ${s(p.kind)} (rubrikraden på rad ${s(p.headerRow)}); bara den på bladet ${s(p.used)} används.`,
    advice: "Lägg tabellerna på var sitt blad per nämnd, eller ta bort den som inte ska räknas.",
  },
  UNRECOGNISED_COLUMN: {
    title: "Kolumnen läses inte",
    message: (p) =>
      p.header
        ? p.reason
          ? `Kolumnen "${s(p.header)}" (${s(p.column)}) läses inte: ${s(p.reason)}.`
          : `Kolumnen "${s(p.header)}" (${s(p.column)}) känns inte igen och läses inte.`
        : `Kolumn ${s(p.column)} har värden men ingen rubrik och läses inte.`,
    advice: "Byt rubriken mot en som Följsam känner igen (se README), eller välj vad kolumnen är i Hitta, om kolumnen ska räknas.",
  },
  GIVEN_MISMATCH: {
    title: "Angivet värde stämmer inte",
    message: (p) =>
      p.difference
        ? `${s(p.column)}: tabellen anger ${s(p.stated)} men Följsam räknar ${s(p.computed)} (${s(p.formula)}; skillnad ${s(p.difference)}).`
        : `${s(p.column)}: tabellen anger "${s(p.stated)}" men Följsam bedömer ${s(p.computed)} (${s(p.formula)}).`,
    advice: "Kontrollera värdet i kolumnen och beloppen det räknas från.",
  },
  SIGNS_NORMALISED: {
    title: "Tecken vänt",
    message: (p) =>
      p.section
        ? `Intäkterna är skrivna som positiva tal på ${s(p.count)} av ${s(p.rows)} rader; de läses med minustecken (nettokostnad: intäkter negativa).`
        : p.forced
        ? `Kolumnen "${s(p.header)}" läses med omvänt tecken enligt inställningen signs.`
        : `Kolumnen "${s(p.header)}" har motsatt tecken mot "${s(p.against)}" på ${s(p.count)} av ${s(p.rows)} rader; den läses med omvänt tecken (nettokostnad positiv).`,
    advice: "Kontrollera tecknen; inställningen signs (\"flip\" eller \"keep\" per kolumn) bestämmer om regeln gissar fel.",
  },
  DIRECTION_ASSUMED: {
    title: "Riktning antagen",
    message: (p) => `Riktning saknas; "${s(p.measure)}" är ett mått där lägre är bättre, så lägre är bättre antas.`,
    advice: "Ange Riktning (Högre är bättre / Lägre är bättre) om antagandet är fel.",
  },
  HEADING_ROWS: {
    title: "Rubrikrad över delrader",
    message: (p) =>
      `Raden "${s(p.label)}" är summan av de ${s(p.count)} raderna under den (${s(p.how)}); den räknas som rubrik för dem, inte som en egen rad.`,
    advice: "Inget att göra om det stämmer; annars: markera delraderna med indrag.",
  },
  UNIT_NAME_MISSING: {
    title: "Nämndens namn saknas",
    message: (p) => `Nämnd är tom på bladet ${s(p.sheet)}.`,
    advice: "Skriv nämndens namn, t.ex. Socialnämnden: controllern sammanställer nämnderna under det namnet.",
  },
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: "Fel", warning: "Varning", info: "Information" };
