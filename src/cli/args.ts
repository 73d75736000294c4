import { FoljsamError } from "../workbook/errors";

export interface CliOptions {
  command: string;
  positional: string[];
  period?: string;
  year?: string;
  unit?: string;
  settings?: string;
  output?: string;
  json?: string;
  inPlace: boolean;
  strict: boolean;
  help: boolean;
  version: boolean;
}

const VALUE_FLAGS: Record<string, keyof CliOptions> = {
  "--period": "period",
  "--year": "year",
  "--unit": "unit",
  "--settings": "settings",
  "-o": "output",
  "--output": "output",
  "--json": "json",
};

/** Parses `foljsam <command> [args] [options]`; unknown options are an error (exit 2). */
export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { command: "", positional: [], inPlace: false, strict: false, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name in VALUE_FLAGS) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (value.startsWith("-") && value !== "-")) throw new FoljsamError(`Flaggan ${name} behöver ett värde.`);
      (opts as unknown as Record<string, unknown>)[VALUE_FLAGS[name]] = value;
    } else if (arg === "--in-place") opts.inPlace = true;
    else if (arg === "--strict") opts.strict = true;
    else if (arg === "-h" || arg === "--help" || arg === "--hjälp") opts.help = true;
    else if (arg === "-V" || arg === "--version") opts.version = true;
    else if (!opts.command && (arg === "help" || arg === "hjälp")) opts.help = true;
    else if (arg.startsWith("-") && arg !== "-") throw new FoljsamError(`Okänd flagga ${arg}. Se foljsam --help.`);
    else if (!opts.command) opts.command = arg;
    else opts.positional.push(arg);
  }
  return opts;
}

export const USAGE = `Följsam – budget- och indikatoruppföljning

Användning:
  foljsam report <fil.xlsx> [--period T1|T2|VB] [--year ÅÅÅÅ] [--unit kr|tkr|mnkr]
                 [--settings inställningar.json] [-o utfil.xlsx] [--json rapport.json | --json -]
                 [--in-place] [--strict]
  foljsam validate <fil.xlsx> [samma flaggor]   bara kontroller, ingen arbetsbok skrivs
  foljsam template [--period T1|T2|VB] [--year ÅÅÅÅ] [--unit kr|tkr|mnkr] -o mall.xlsx
                                               en tom rapportmall att fylla i
  foljsam consolidate <a.xlsx> <b.xlsx> ... -o stad.xlsx [--json -] [--unit mnkr]
                 [--settings inställningar.json] [--strict]
                                               en nämnd per fil, sammanställd för staden
  foljsam demo [-o mapp]                       rapporten på det medföljande exemplet

  foljsam help | --help | <kommando> --help   hjälp, för ett kommando med dess flaggor och ett exempel
  foljsam --version                            versionen

Slutkoder: 0 klart, 1 fel hittades (--strict eller validate), 2 inget gjordes.
validate granskar inför inlämning: saknad prognos eller kommentar och fel period eller år räknas då som fel.
`;

const COMMON_FLAGS = `  --period T1|T2|VB     perioden (annars bladet Inställningar, annars rubrikerna)
  --year ÅÅÅÅ           året (annars Inställningar, annars rubrikerna eller titeln)
  --unit kr|tkr|mnkr    beloppsenheten i indatan (annars rubrikerna, titeln eller Inställningar)
  --settings fil.json   inställningar som JSON (se README, Inställningar)
  --json fil.json       JSON-rapporten till en fil; --json - till standard ut
  --strict              slutkod 1 om kontroller av allvarligheten fel finns
`;

/** Help per command: what it does, its flags and an example (foljsam <kommando> --help). */
export const COMMAND_HELP: Record<string, string> = {
  report: `foljsam report <fil.xlsx> [flaggor]

Läser nämndens tabeller (drift, investeringar, intäkts- och kostnadsslag, indikatorer), räknar
uppföljningen och skriver en kopia av arbetsboken med Följsams blad tillagda. Indatafilen ändras inte.
En tabell som inte kan läsas blir kontrollen TABLE_UNREADABLE; resten redovisas ändå.

Flaggor:
${COMMON_FLAGS}  -o utfil.xlsx          utfilen (standard: <fil>-uppfoljning.xlsx bredvid indatan)
  --in-place            skriv Följsams blad i indatafilen själv

Exempel:
  foljsam report T2-2026.xlsx --period T2 --json T2-2026.json
`,
  validate: `foljsam validate <fil.xlsx> [flaggor]

Granskar arbetsboken inför inlämning: skriver varje kontroll med blad och cell, fel först, och
ingen arbetsbok. Slutkod 0 när inga fel finns, 1 när något måste rättas.

Flaggor:
${COMMON_FLAGS}
Exempel:
  foljsam validate kulturnamnden-T1-2026.xlsx || echo "rätta felen först"
`,
  template: `foljsam template [--period T1|T2|VB] [--year ÅÅÅÅ] [--unit kr|tkr|mnkr] -o mall.xlsx

Skriver en tom rapportmall att fylla i: Instruktioner, Drift, Investeringar, Intäkts- och
kostnadsslag, Indikatorer och Inställningar. Utan --period och --year gäller den rapport som brukar
skrivas vid den tiden på året.

Exempel:
  foljsam template --period T2 --year 2026 -o mall-T2.xlsx
`,
  consolidate: `foljsam consolidate <a.xlsx> <b.xlsx> ... -o stad.xlsx [flaggor]

Sammanställer nämnderna (en per fil) för staden: Sammanställning, Måluppfyllelse per mål och
Kontroller. Alla filer ska gälla samma period och år.

Flaggor:
  --unit kr|tkr|mnkr    enheten i sammanställningen (standard mnkr)
  --settings fil.json   samma inställningar för alla filer
  --json fil.json       JSON-rapporten; --json - till standard ut
  --strict              slutkod 1 om någon nämnd har fel

Exempel:
  foljsam consolidate nämnder/*.xlsx -o stad-T2-2026.xlsx --json stad.json
`,
  demo: `foljsam demo [-o mapp]

Kör rapporten på det medföljande exemplet (Socialnämndens verksamhetsberättelse 2019 och KF:s
indikatorer 2020) och skriver utfilen och JSON-rapporten i mappen (standard: out).

Exempel:
  foljsam demo -o /tmp/foljsam
`,
};
