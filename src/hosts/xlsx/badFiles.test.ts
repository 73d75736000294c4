/**
 * Files that are not workbooks, or are workbooks that must not be opened: each gives a
 * FoljsamError with one Swedish line naming the file, never a stack trace, and nothing reaches
 * ExcelJS that it would have to inflate.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { deflateRawSync } from "zlib";
import { FoljsamError } from "../../workbook/errors";
import { readXlsx } from "./read";
import { craftZip, MINIMAL_WORKBOOK_XML, saveWorkbook, tempDir } from "./xlsx.testkit";
import { checkXlsxBytes, readCentralDirectory } from "./zipCheck";

async function failure(path: string): Promise<FoljsamError> {
  try {
    await readXlsx(path);
  } catch (e) {
    expect(e).toBeInstanceOf(FoljsamError);
    const message = (e as FoljsamError).message;
    expect(message).not.toMatch(/\n/);
    expect(message).not.toMatch(/\bat .*:\d+/);
    return e as FoljsamError;
  }
  throw new Error(`${path} was read without an error`);
}

async function failureFor(name: string, bytes: Buffer | string): Promise<string> {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  const e = await failure(path);
  expect(e.message).toContain(name);
  return e.message;
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function compoundFile(streamName?: string): Buffer {
  const b = Buffer.alloc(4096, 0);
  CFB.copy(b, 0);
  if (streamName) Buffer.from(streamName, "utf16le").copy(b, 1024 + 64);
  return b;
}

let validWorkbook: Buffer;

beforeAll(async () => {
  const path = join(tempDir(), "ok.xlsx");
  await saveWorkbook(path, (wb) => {
    const ws = wb.addWorksheet("Drift");
    for (let r = 1; r <= 200; r++) ws.addRow([`Område ${r}`, r * 1.5, r * 1.25, "en kommentar som upprepas"]);
  });
  validWorkbook = readFileSync(path);
});

describe("readXlsx refuses what is not a workbook", () => {
  it("a missing file", async () => {
    const e = await failure(join(tempDir(), "saknas.xlsx"));
    expect(e.message).toBe("saknas.xlsx finns inte.");
  });

  it("a folder", async () => {
    const dir = join(tempDir(), "mapp.xlsx");
    mkdirSync(dir);
    expect((await failure(dir)).message).toContain("mapp.xlsx är en mapp");
  });

  (process.platform === "win32" ? it.skip : it)("a device or pipe", async () => {
    expect((await failure("/dev/null")).message).toBe("null är ingen vanlig fil; spara arbetsboken som en fil och ange den.");
  });

  it("an empty file", async () => {
    expect(await failureFor("tom.xlsx", Buffer.alloc(0))).toBe("tom.xlsx är tom (0 byte).");
  });

  it("a CSV renamed to .xlsx", async () => {
    const message = await failureFor("trasig.xlsx", "Verksamhetsområde;Budget\nBarn och ungdom;88,0\n");
    expect(message).toMatch(/^trasig\.xlsx är ingen \.xlsx-fil \(den ser ut som text, kanske CSV/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Område\tBudget\r\nSkola\t10\r\n", "utf16le")]);
    expect(await failureFor("unicode.xlsx", utf16)).toMatch(/^unicode\.xlsx är ingen \.xlsx-fil \(den ser ut som text/);
  });

  it("an HTML or XML file saved as .xlsx", async () => {
    expect(await failureFor("webb.xlsx", "<!DOCTYPE html><html><body><table></table></body></html>")).toContain("webbsida");
    expect(await failureFor("gammal-xml.xlsx", '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>')).toContain("XML");
  });

  it("random bytes", async () => {
    const bytes = Buffer.alloc(5000);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    bytes[0] = 0x00;
    expect(await failureFor("slump.xlsx", bytes)).toBe("slump.xlsx är ingen .xlsx-fil (okänt filformat).");
  });

  it("an OLE file: encrypted workbook, old .xls, or unknown", async () => {
    expect(await failureFor("hemlig.xlsx", compoundFile("EncryptionInfo"))).toBe(
      "hemlig.xlsx är krypterad med lösenord; spara en kopia utan lösenord och försök igen.",
    );
    expect(await failureFor("gammal.xlsx", compoundFile("Workbook"))).toMatch(/^gammal\.xlsx är en gammal \.xls-fil; spara den som \.xlsx/);
    expect(await failureFor("okand.xlsx", compoundFile())).toMatch(/^okand\.xlsx är antingen krypterad med lösenord eller en gammal \.xls-fil/);
  });

  it("a zip that is not a workbook", async () => {
    const docx = craftZip([{ name: "word/document.xml", data: Buffer.from("<w:document/>") }]);
    expect(await failureFor("brev.xlsx", docx)).toContain("Word-dokument");
    const ods = craftZip([
      { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), stored: true },
      { name: "content.xml", data: Buffer.from("<office:document-content/>") },
    ]);
    expect(await failureFor("kalkyl.xlsx", ods)).toContain(".ods");
  });

  it("a truncated workbook", async () => {
    const message = await failureFor("avkortad.xlsx", validWorkbook.subarray(0, Math.floor(validWorkbook.length / 2)));
    expect(message).toMatch(/^avkortad\.xlsx är skadad eller ofullständig/);
  });

  it("a workbook with a damaged part", async () => {
    const bytes = Buffer.from(validWorkbook);
    const sheet = readCentralDirectory(bytes, "x").find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const start = sheet.localHeaderOffset + 30 + bytes.readUInt16LE(sheet.localHeaderOffset + 26) + bytes.readUInt16LE(sheet.localHeaderOffset + 28);
    for (let i = 10; i < 60; i++) bytes[start + i] ^= 0xa5;
    expect(await failureFor("skadad.xlsx", bytes)).toMatch(/^skadad\.xlsx är skadad eller ofullständig \(delen xl\/worksheets\/sheet1\.xml/);
  });
});

describe("readXlsx refuses zip bombs before inflating", () => {
  it("a declared uncompressed total above 1 GiB", async () => {
    const bomb = craftZip([
      { name: "xl/workbook.xml", data: MINIMAL_WORKBOOK_XML },
      // 1,5 GiB declared; the content itself is never inflated, so it can be anything.
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(10 * 1024 * 1024), declaredSize: 1.5 * 1024 ** 3 },
    ]);
    const message = await failureFor("bomb.xlsx", bomb);
    expect(message).toMatch(/^bomb\.xlsx vägrar läsas: .*zip-bomb/);
    expect(message).toContain("1,5 GiB");
  });

  it("a part compressed more than 200 times", async () => {
    const bomb = craftZip([
      { name: "xl/workbook.xml", data: MINIMAL_WORKBOOK_XML },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(1000), declaredSize: 400 * 1024 ** 2 },
    ]);
    expect(await failureFor("kvot.xlsx", bomb)).toMatch(/^kvot\.xlsx vägrar läsas: delen xl\/worksheets\/sheet1\.xml är packad \d+ gånger/);
  });

  it("a part that inflates to more than it declares", async () => {
    // 64 MiB of zeros deflate to about 64 KiB; the zip claims 1 KiB.
    const bomb = craftZip([
      { name: "xl/workbook.xml", data: MINIMAL_WORKBOOK_XML },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(64 * 1024 ** 2), declaredSize: 1024 },
    ]);
    expect(await failureFor("ljuger.xlsx", bomb)).toMatch(/^ljuger\.xlsx vägrar läsas: delen xl\/worksheets\/sheet1\.xml packas upp till mer än de 1 KiB som anges/);
  });

  it("a single part too large to read", () => {
    const zip = craftZip([
      { name: "xl/workbook.xml", data: MINIMAL_WORKBOOK_XML },
      { name: "xl/worksheets/sheet1.xml", data: deflateRawSync(Buffer.alloc(10)), declaredSize: 600 * 1024 ** 2, stored: true },
    ]);
    expect(() => checkXlsxBytes(zip, "stor.xlsx")).toThrow(/^stor\.xlsx vägrar läsas: delen xl\/worksheets\/sheet1\.xml packas upp till 600 MiB/);
  });

  it("lets an ordinary workbook through", () => {
    const entries = checkXlsxBytes(validWorkbook, "ok.xlsx");
    expect(entries.map((e) => e.name)).toContain("xl/workbook.xml");
  });
});
