import { inflateRawSync } from "zlib";
import { FoljsamError } from "../../workbook/errors";
import { LOOKS_LIKE, XLSX_MESSAGES } from "./messages.sv";

/**
 * Checks the bytes of a would-be .xlsx before ExcelJS sees them. ExcelJS (through JSZip)
 * inflates every part into memory, trusting the sizes the zip declares, and its errors on a
 * file that is not a workbook are English and cryptic. So the file is sniffed here, the zip's
 * central directory is read by hand, and a workbook that would inflate beyond the limits is
 * refused before anything is inflated. Every refusal is a FoljsamError with one Swedish line.
 */

/** Declared uncompressed total above which a workbook is refused. */
export const MAX_TOTAL_UNCOMPRESSED = 1024 ** 3;
/** One part above this cannot become a JavaScript string, which is how ExcelJS reads it. */
export const MAX_ENTRY_UNCOMPRESSED = 500 * 1024 ** 2;
/** A part larger than this must not compress better than MAX_RATIO. */
export const RATIO_CHECK_FROM = 32 * 1024 ** 2;
export const MAX_RATIO = 200;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** CRC-32 of the uncompressed part, as the central directory gives it. */
  crc32: number;
}

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;

/**
 * Throws a FoljsamError unless `bytes` is a zip that looks like an Excel workbook and stays
 * within the size limits; returns its entries.
 */
export function checkXlsxBytes(bytes: Buffer, file: string): ZipEntry[] {
  const entries = checkXlsxPackage(bytes, file);
  verifyEntries(bytes, entries, file);
  return entries;
}

/**
 * checkXlsxBytes without inflating the parts: for a reader that inflates each part itself, held
 * to its declared size (fastRead/parts.ts), and verifies the rest with verifyEntries.
 */
export function checkXlsxPackage(bytes: Buffer, file: string): ZipEntry[] {
  if (bytes.length === 0) throw new FoljsamError(XLSX_MESSAGES.empty(file));
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(CFB_SIGNATURE)) throw new FoljsamError(describeCompoundFile(bytes, file));
  if (!(bytes.length >= 4 && bytes.readUInt32LE(0) === SIG_LOCAL) && !(bytes.length >= 4 && bytes.readUInt32LE(0) === SIG_EOCD)) {
    throw new FoljsamError(XLSX_MESSAGES.notXlsx(file, describeNonZip(bytes)));
  }
  const entries = readCentralDirectory(bytes, file);
  checkIsWorkbook(entries, file);
  checkSizes(entries, file);
  return entries;
}

/** An OLE compound file: an encrypted OOXML package or a pre-2007 binary workbook. */
function describeCompoundFile(bytes: Buffer, file: string): string {
  const has = (s: string) => bytes.includes(Buffer.from(s, "utf16le"));
  if (has("EncryptionInfo") || has("EncryptedPackage")) return XLSX_MESSAGES.encrypted(file);
  if (has("Workbook") || has("Book")) return XLSX_MESSAGES.oldXls(file);
  return XLSX_MESSAGES.ole(file);
}

function describeNonZip(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096);
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return LOOKS_LIKE.pdf;
  // UTF-16 with a byte-order mark: Excel's "Unicode text" export.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return LOOKS_LIKE.text;
  if (head.includes(0)) return LOOKS_LIKE.unknown;
  const text = head.toString("utf8");
  // A cut in the middle of a multi-byte character at the end of the sample is not a reason to call it binary.
  const replacements = (text.match(/\uFFFD/g) ?? []).length;
  if (replacements > 4) return LOOKS_LIKE.unknown;
  const start = text.replace(/^\uFEFF/, "").trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html")) return LOOKS_LIKE.html;
  if (start.startsWith("<?xml") || start.startsWith("<")) return /<html/i.test(text) ? LOOKS_LIKE.html : LOOKS_LIKE.xml;
  // Mostly printable characters: a text file such as a CSV.
  const control = (text.match(/[\x00-\x08\x0E-\x1F\x7F]/g) ?? []).length;
  return control <= text.length / 100 ? LOOKS_LIKE.text : LOOKS_LIKE.unknown;
}

/** A part's name as shown in a message: one line, not too long. */
export function partName(e: ZipEntry): string {
  const name = e.name.replace(/[\x00-\x1f\x7f]/g, "?");
  return name.length > 80 ? `${name.slice(0, 77)}...` : name;
}

function corrupt(file: string, what: string): FoljsamError {
  return new FoljsamError(XLSX_MESSAGES.corrupt(file, what));
}

/** The entries listed in a zip's central directory. */
export function readCentralDirectory(bytes: Buffer, file: string): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw corrupt(file, "zip-filens innehållsförteckning saknas, filen är troligen avkortad");
  let entryCount = bytes.readUInt16LE(eocd + 10);
  let cdSize = bytes.readUInt32LE(eocd + 12);
  let cdOffset = bytes.readUInt32LE(eocd + 16);
  const disk = bytes.readUInt16LE(eocd + 4);
  const cdDisk = bytes.readUInt16LE(eocd + 6);
  if (disk !== 0 || cdDisk !== 0) throw corrupt(file, "zip-arkiv i flera delar stöds inte");

  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== SIG_EOCD64_LOCATOR) throw corrupt(file, "ZIP64-posten saknas");
    const eocd64 = readUInt64(bytes, locator + 8);
    if (eocd64 + 56 > bytes.length || bytes.readUInt32LE(eocd64) !== SIG_EOCD64) throw corrupt(file, "ZIP64-posten är trasig");
    entryCount = readUInt64(bytes, eocd64 + 32);
    cdSize = readUInt64(bytes, eocd64 + 40);
    cdOffset = readUInt64(bytes, eocd64 + 48);
  }
  if (cdOffset + cdSize > bytes.length) throw corrupt(file, "innehållsförteckningen pekar utanför filen, filen är troligen avkortad");

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < entryCount; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt(file, "innehållsförteckningen är trasig");
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    const crc32 = bytes.readUInt32LE(p + 16);
    let compressedSize = bytes.readUInt32LE(p + 20);
    let uncompressedSize = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    let localHeaderOffset = bytes.readUInt32LE(p + 42);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw corrupt(file, "innehållsförteckningen är trasig");
    const name = bytes.toString(flags & FLAG_UTF8 ? "utf8" : "latin1", p + 46, p + 46 + nameLength);

    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // ZIP64 extended information: the 8-byte values follow in this order, each only when its 4-byte field is full.
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = bytes.readUInt16LE(e);
        const size = bytes.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const next = (): number => {
            if (q + 8 > e + 4 + size) throw corrupt(file, "ZIP64-uppgifterna är trasiga");
            const v = readUInt64(bytes, q);
            q += 8;
            return v;
          };
          if (uncompressedSize === 0xffffffff) uncompressedSize = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({ name: name.replace(/^\//, ""), method, flags, compressedSize, uncompressedSize, localHeaderOffset, crc32 });
    p = end;
  }
  return entries;
}

/** The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KiB comment. */
function findEndOfCentralDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === SIG_EOCD && i + 22 + bytes.readUInt16LE(i + 20) <= bytes.length) return i;
  }
  return -1;
}

function readUInt64(bytes: Buffer, at: number): number {
  // Exact up to 2^53, far beyond any file Node can hold in one Buffer.
  return bytes.readUInt32LE(at) + bytes.readUInt32LE(at + 4) * 0x100000000;
}

function checkIsWorkbook(entries: ZipEntry[], file: string): void {
  const names = new Set(entries.map((e) => e.name));
  if (names.has("xl/workbook.xml")) return;
  const what = names.has("xl/workbook.bin")
    ? LOOKS_LIKE.xlsb
    : names.has("content.xml") && names.has("mimetype")
      ? LOOKS_LIKE.ods
      : names.has("word/document.xml")
        ? LOOKS_LIKE.word
        : names.has("ppt/presentation.xml")
          ? LOOKS_LIKE.powerpoint
          : LOOKS_LIKE.otherZip;
  throw new FoljsamError(XLSX_MESSAGES.notXlsx(file, what));
}

/** A byte count for a message, in the largest binary unit that keeps it at least 1. */
export function formatBytes(n: number): string {
  const units: [number, string][] = [
    [1024 ** 3, "GiB"],
    [1024 ** 2, "MiB"],
    [1024, "KiB"],
  ];
  for (const [size, unit] of units) {
    if (n >= size) return `${new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 }).format(n / size)} ${unit}`;
  }
  return `${n} byte`;
}

function checkSizes(entries: ZipEntry[], file: string): void {
  let total = 0;
  for (const e of entries) {
    if (e.flags & FLAG_ENCRYPTED) throw new FoljsamError(XLSX_MESSAGES.encrypted(file));
    if (e.method !== METHOD_STORED && e.method !== METHOD_DEFLATE) throw corrupt(file, `delen ${partName(e)} använder en okänd komprimering (${e.method})`);
    total += e.uncompressedSize;
    if (e.uncompressedSize > MAX_ENTRY_UNCOMPRESSED) {
      throw new FoljsamError(XLSX_MESSAGES.zipBomb(file, `delen ${partName(e)} packas upp till ${formatBytes(e.uncompressedSize)}`));
    }
    if (e.uncompressedSize >= RATIO_CHECK_FROM && e.uncompressedSize > MAX_RATIO * Math.max(1, e.compressedSize)) {
      const ratio = Math.round(e.uncompressedSize / Math.max(1, e.compressedSize));
      throw new FoljsamError(XLSX_MESSAGES.zipBomb(file, `delen ${partName(e)} är packad ${ratio} gånger`));
    }
  }
  if (total > MAX_TOTAL_UNCOMPRESSED) throw new FoljsamError(XLSX_MESSAGES.zipBomb(file, `innehållet packas upp till ${formatBytes(total)}`));
}

/**
 * Inflates each part once, capped at its declared size, so that a zip lying about its sizes is
 * caught here and not by running out of memory inside JSZip; a truncated part is caught too.
 */
export function verifyEntries(bytes: Buffer, entries: readonly ZipEntry[], file: string): void {
  for (const e of entries) {
    const data = compressedData(bytes, e, file);
    if (e.method === METHOD_STORED) {
      if (e.compressedSize !== e.uncompressedSize) throw corrupt(file, `delen ${partName(e)} har fel storlek`);
      continue;
    }
    const size = inflate(data, e, file).length;
    if (size !== e.uncompressedSize) throw corrupt(file, `delen ${partName(e)} har fel storlek`);
  }
}

export function compressedData(bytes: Buffer, e: ZipEntry, file: string): Buffer {
  const at = e.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== SIG_LOCAL) throw corrupt(file, `delen ${partName(e)} saknas`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + e.compressedSize > bytes.length) throw corrupt(file, `delen ${partName(e)} är avkortad`);
  return bytes.subarray(start, start + e.compressedSize);
}

function inflate(data: Buffer, e: ZipEntry, file: string): Buffer {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw new FoljsamError(XLSX_MESSAGES.zipBomb(file, `delen ${partName(e)} packas upp till mer än de ${formatBytes(e.uncompressedSize)} som anges`));
    }
    throw corrupt(file, `delen ${partName(e)} går inte att packa upp`);
  }
}

/** The uncompressed bytes of one entry (within its declared size). */
export function entryData(bytes: Buffer, e: ZipEntry, file: string): Buffer {
  const data = compressedData(bytes, e, file);
  return e.method === METHOD_STORED ? data : inflate(data, e, file);
}
