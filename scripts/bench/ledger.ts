/**
 * A large drift workbook as a whole city's ledger might look: verksamhetsområde, enhet and
 * kostnadsslag on every row, budget, actual and two forecasts in tkr (a tertial, T2), some rows
 * of resultatenheter with funds, some earmarked, a tenth with a comment, the nämnd's total at the
 * bottom; and an indicator sheet. Written as XML straight into a zip (ExcelJS would take longer
 * to write it than Följsam takes to read it), with shared strings as Excel saves them.
 * Deterministic: the same options give the same bytes.
 */
import { writeFileSync } from "fs";
import { xmlText } from "../../src/hosts/xlsx/sheetXml";
import { type ZipPart, writeZip } from "../../src/hosts/xlsx/zipWrite";
import { columnLetters } from "../../src/workbook/cells";

export interface LedgerOptions {
  /** Leaf rows of the drift table. */
  rows: number;
  /** Rows of the indicator table (0 for none). */
  indicators: number;
  seed?: number;
}

type Cell = string | number | null;

/** Deterministic numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Rounded to one decimal, as a ledger in tkr is kept. */
function tkr(x: number): number {
  return Math.round(x * 10) / 10;
}

class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }
}

function sheetXml(rows: Cell[][], strings: Strings): Buffer[] {
  const chunks: Buffer[] = [];
  let text = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  rows.forEach((row, r) => {
    let cells = "";
    row.forEach((v, c) => {
      if (v === null) return;
      const ref = `${columnLetters(c)}${r + 1}`;
      cells += typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="s"><v>${strings.of(v)}</v></c>`;
    });
    text += `<row r="${r + 1}">${cells}</row>`;
    if (text.length > 1 << 20) {
      chunks.push(Buffer.from(text, "utf8"));
      text = "";
    }
  });
  chunks.push(Buffer.from(`${text}</sheetData></worksheet>`, "utf8"));
  return chunks;
}

export const LEDGER_DRIFT_HEADER = [
  "Verksamhetsområde",
  "Enhet",
  "Kostnadsslag",
  "Budget 2026",
  "Utfall per 31 augusti",
  "Prognos T1",
  "Prognos T2",
  "Resultatenhet",
  "Ingående resultatfond",
  "Bruttobudget",
  "Öronmärkning",
  "Kommentar",
];

const COST_TYPES = ["Personalkostnader", "Lokalkostnader", "Köpt verksamhet", "Material och tjänster", "Bidrag", "Avskrivningar", "Övriga kostnader", "Intäkter"];

/** The drift sheet's rows: title, unit, header, the leaf rows and "Nämnden totalt". */
export function ledgerDriftRows(rows: number, seed = 1): Cell[][] {
  const next = random(seed);
  const out: Cell[][] = [["Stadens driftredovisning – tertialrapport 2 2026"], ["Belopp i tkr"], [], LEDGER_DRIFT_HEADER];
  const costTypes = 100;
  const unitsPerArea = 80;
  let budgetSum = 0;
  let actualSum = 0;
  let f1Sum = 0;
  let f2Sum = 0;
  for (let i = 0; i < rows; i++) {
    const area = Math.floor(i / (costTypes * unitsPerArea));
    const unit = Math.floor(i / costTypes);
    const kind = i % costTypes;
    const revenue = kind % COST_TYPES.length === COST_TYPES.length - 1;
    const size = 50 + next() * 4_950;
    const budget = tkr(revenue ? -size / 3 : size);
    // A forecast near the budget; the actual near eight twelfths of it (a few seasonal rows off).
    const forecast2 = tkr(budget * (0.97 + next() * 0.06));
    const forecast1 = tkr(forecast2 * (0.99 + next() * 0.02));
    const seasonal = next() < 0.04 ? 0.8 + next() * 0.4 : 1;
    const actual = tkr(((forecast2 * 8) / 12) * seasonal * (0.99 + next() * 0.02));
    const resultUnit = unit % 10 === 3;
    const earmark = unit % 25 === 7 ? "Nyanlända" : null;
    out.push([
      `Verksamhetsområde ${area + 1}`,
      `Enhet ${unit + 1}`,
      `${COST_TYPES[kind % COST_TYPES.length]} ${Math.floor(kind / COST_TYPES.length) + 1}`,
      budget,
      actual,
      forecast1,
      forecast2,
      resultUnit ? "ja" : null,
      resultUnit ? tkr(next() * 500) : null,
      resultUnit ? tkr(Math.abs(budget) * 1.3) : null,
      earmark,
      i % 10 === 0 ? `Avvikelsen förklaras av vakanser och ändrade volymer (rad ${i + 1}).` : null,
    ]);
    budgetSum += budget;
    actualSum += actual;
    f1Sum += forecast1;
    f2Sum += forecast2;
  }
  out.push(["Nämnden totalt", null, null, tkr(budgetSum), tkr(actualSum), tkr(f1Sum), tkr(f2Sum)]);
  return out;
}

/** The indicator sheet's rows. */
export function ledgerIndicatorRows(count: number, seed = 2): Cell[][] {
  const next = random(seed);
  const out: Cell[][] = [["Nämndmål", "Indikator", "Periodens utfall", "Utfall kvinnor", "Utfall män", "Prognos helår", "Årsmål", "KF:s årsmål", "Riktning", "Kommentar"]];
  for (let i = 0; i < count; i++) {
    const target = Math.round(50 + next() * 45);
    const value = tkr(target * (0.8 + next() * 0.3));
    const lower = i % 5 === 0;
    out.push([
      `Mål ${(i % 40) + 1}: en stad där alla kan växa`,
      `${lower ? "Sjukfrånvaro" : "Andel nöjda brukare"} ${i + 1}`,
      `${String(value).replace(".", ",")} %`,
      `${String(tkr(value + next() * 8 - 4)).replace(".", ",")} %`,
      `${String(tkr(value + next() * 8 - 4)).replace(".", ",")} %`,
      `${String(tkr(value * (0.98 + next() * 0.04))).replace(".", ",")} %`,
      `${target} %`,
      i % 7 === 0 ? "Tas fram av nämnden" : `${target} %`,
      lower ? "Lägre är bättre" : "Högre är bättre",
      i % 3 === 0 ? "Arbetet fortsätter enligt plan." : null,
    ]);
  }
  return out;
}

/** The .xlsx bytes of sheets given as rows (text as shared strings, numbers as numbers). */
export async function workbookBytes(sheets: { name: string; rows: Cell[][] }[]): Promise<Buffer> {
  const strings = new Strings();
  const sheetParts = sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, chunks: sheetXml(s.rows, strings) }));
  const sst =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.list.length}" uniqueCount="${strings.list.length}">` +
    strings.list.map((s) => `<si><t>${xmlText(s)}</t></si>`).join("") +
    "</sst>";
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      chunks: [
        Buffer.from(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
            sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        ),
      ],
    },
    {
      name: "_rels/.rels",
      chunks: [
        Buffer.from(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
      ],
    },
    {
      name: "xl/workbook.xml",
      chunks: [
        Buffer.from(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${main}" xmlns:r="${rel}"><sheets>` +
            sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
            "</sheets></workbook>",
        ),
      ],
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      chunks: [
        Buffer.from(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
            `<Relationship Id="rId${sheets.length + 1}" Type="${rel}/styles" Target="styles.xml"/>` +
            `<Relationship Id="rId${sheets.length + 2}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        ),
      ],
    },
    {
      name: "xl/styles.xml",
      chunks: [
        Buffer.from(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
            '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
            '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
        ),
      ],
    },
    ...sheetParts,
    { name: "xl/sharedStrings.xml", chunks: [Buffer.from(sst, "utf8")] },
  ];
  return writeZip(parts);
}

/** Writes the ledger workbook (sheets Drift and, with indicators, Indikatorer); returns its size in bytes. */
export async function writeLedgerWorkbook(path: string, options: LedgerOptions): Promise<number> {
  const sheets = [{ name: "Drift", rows: ledgerDriftRows(options.rows, options.seed ?? 1) }];
  if (options.indicators > 0) sheets.push({ name: "Indikatorer", rows: ledgerIndicatorRows(options.indicators, (options.seed ?? 1) + 1) });
  const bytes = await workbookBytes(sheets);
  writeFileSync(path, bytes);
  return bytes.length;
}
