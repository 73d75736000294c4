/**
 * Nothing a workbook may hold makes reading it superlinear: merged ranges, shared strings, styles,
 * defined names and sheets, each at n and at 4n. A linear reader takes about 4 times as long on
 * the larger one, a quadratic one 16 times; the bound (10 times, the best of three runs each)
 * catches the second without timing anything against the clock.
 */
import { performance } from "perf_hooks";
import { craftZip } from "../xlsx.testkit";
import { checkXlsxPackage } from "../zipCheck";
import { readGrid } from ".";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Book {
  sheets: string[];
  strings?: string;
  styles?: string;
  names?: string;
}

function zip(book: Book): Buffer {
  const sheetList = book.sheets.map((_s, i) => `<sheet name="Blad ${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const rels = book.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  return craftZip([
    { name: "[Content_Types].xml", data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: "xl/workbook.xml", data: Buffer.from(`<workbook ${NS}><sheets>${sheetList}</sheets>${book.names ? `<definedNames>${book.names}</definedNames>` : ""}</workbook>`) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`) },
    ...book.sheets.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(`<worksheet ${NS}>${data}</worksheet>`) })),
    ...(book.strings ? [{ name: "xl/sharedStrings.xml", data: Buffer.from(`<sst ${NS}>${book.strings}</sst>`) }] : []),
    ...(book.styles ? [{ name: "xl/styles.xml", data: Buffer.from(`<styleSheet ${NS}>${book.styles}</styleSheet>`) }] : []),
  ]);
}

function rows(n: number, cell: (i: number) => string): string {
  let s = "<sheetData>";
  for (let i = 0; i < n; i++) s += `<row r="${i + 1}">${cell(i)}</row>`;
  return `${s}</sheetData>`;
}

const books: Record<string, (n: number) => Book> = {
  "merged ranges": (n) => ({
    sheets: [`${rows(n, (i) => `<c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>1</v></c>`)}<mergeCells count="${n}">${Array.from({ length: n }, (_v, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join("")}</mergeCells>`],
  }),
  "shared strings": (n) => ({
    sheets: [rows(n, (i) => `<c r="A${i + 1}" t="s"><v>${i}</v></c>`)],
    strings: Array.from({ length: n }, (_v, i) => `<si><t>Enhet ${i}</t></si>`).join(""),
  }),
  styles: (n) => ({
    sheets: [rows(n, (i) => `<c r="A${i + 1}" s="${i}"><v>${i}</v></c>`)],
    styles: `<fonts><font/><font><b/></font></fonts><cellXfs count="${n}">${Array.from({ length: n }, (_v, i) => `<xf numFmtId="${i % 2 ? 9 : 0}" fontId="${i % 2}"><alignment indent="${i % 3}"/></xf>`).join("")}</cellXfs>`,
  }),
  "defined names": (n) => ({
    sheets: [rows(10, (i) => `<c r="A${i + 1}"><v>${i}</v></c>`)],
    names: Array.from({ length: n }, (_v, i) => `<definedName name="${i % 2 ? `Namn${i}` : `FOLJSAM_SHEET_${i}`}">'Blad 1'!$A$${i + 1}</definedName>`).join(""),
  }),
  sheets: (n) => ({ sheets: Array.from({ length: n / 10 }, (_v, i) => rows(2, (r) => `<c r="A${r + 1}"><v>${i}</v></c>`)) }),
};

async function fastest(bytes: Buffer): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    await readGrid(bytes, checkXlsxPackage(bytes, "linjär.xlsx"), "linjär.xlsx");
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe("reading stays linear in what a workbook holds", () => {
  it.each(Object.keys(books))("%s: 4 times as many take less than 10 times as long", async (what) => {
    const n = 5_000;
    const [small, large] = [zip(books[what](n)), zip(books[what](4 * n))];
    await fastest(small); // warm the JIT
    const ratio = (await fastest(large)) / (await fastest(small));
    expect({ what, ratio, linear: ratio < 10 }).toMatchObject({ what, linear: true });
  });

  it("reads 50 000 merged ranges as the ranges and empty cells they make", async () => {
    const bytes = zip(books["merged ranges"](50_000));
    const grid = await readGrid(bytes, checkXlsxPackage(bytes, "m.xlsx"), "m.xlsx");
    const sheet = grid.sheets[0];
    expect(sheet.merges).toHaveLength(50_000);
    expect(sheet.rows[49_999]).toEqual([49_999]);
  });
});
