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
  const opts: CliOptions = { command: "", positional: [], inPlace: false, strict: false, help: false };
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
    else if (arg === "-h" || arg === "--help" || arg === "hjälp") opts.help = true;
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

Slutkoder: 0 klart, 1 fel hittades (--strict eller validate), 2 inget gjordes.
validate granskar inför inlämning: saknad prognos eller kommentar och fel period eller år räknas då som fel.
`;
