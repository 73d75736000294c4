import * as zlib from "zlib";

/**
 * A small zip writer for the .xlsx host: parts given uncompressed (as one buffer or as chunks)
 * are deflated with Node's zlib, all at once on its thread pool, and laid out with their local
 * headers and the central directory. ExcelJS's own writer deflates in JavaScript (pako), one part
 * after the other; on a large workbook that was a third of the write.
 */

export type ZipPart =
  | {
      name: string;
      /** The part's bytes, uncompressed; several chunks are written one after the other. */
      chunks: readonly Buffer[];
    }
  | {
      name: string;
      /** A part copied as it is from another zip: its compressed bytes, method, CRC and size. */
      raw: { method: number; crc: number; size: number; body: Buffer };
    };

/** Above this the zip would need ZIP64 records, which this writer does not make. */
const MAX_ZIP32 = 0xffffffff;
/** 1980-01-01 00:00 in MS-DOS format: a fixed time keeps the same input giving the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const FLAG_UTF8 = 0x800;
const METHOD_DEFLATE = 8;

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 as zip wants it; zlib.crc32 (Node 20.15 and later) when there is one. */
export function crc32(data: Buffer, previous = 0): number {
  const native = (zlib as { crc32?: (d: Buffer, v?: number) => number }).crc32;
  if (native) return native(data, previous) >>> 0;
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Deflates the chunks as one stream, without first copying them into one buffer. */
function deflate(chunks: readonly Buffer[], level: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const stream = zlib.createDeflateRaw({ level });
    stream.on("data", (b: Buffer) => out.push(b));
    stream.on("error", reject);
    stream.on("end", () => resolve(out.length === 1 ? out[0] : Buffer.concat(out)));
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
  });
}

interface Packed {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  body: Buffer;
}

async function pack(part: ZipPart, level: number): Promise<Packed> {
  if ("raw" in part) return { name: Buffer.from(part.name, "utf8"), ...part.raw };
  let crc = 0;
  let size = 0;
  for (const chunk of part.chunks) {
    crc = crc32(chunk, crc);
    size += chunk.length;
  }
  return { name: Buffer.from(part.name, "utf8"), method: METHOD_DEFLATE, crc, size, body: await deflate(part.chunks, level) };
}

/** The zip of the parts, in their order, every part deflated. Throws when it would exceed 4 GiB. */
export async function writeZip(parts: readonly ZipPart[], level = 4): Promise<Buffer> {
  const packed = await Promise.all(parts.map((p) => pack(p, level)));
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of packed) {
    if (p.size > MAX_ZIP32 || offset > MAX_ZIP32) throw new RangeError("the workbook would be larger than 4 GiB");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.body.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(p.name.length, 26);
    out.push(local, p.name, p.body);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(FLAG_UTF8, 8);
    entry.writeUInt16LE(p.method, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(p.crc, 16);
    entry.writeUInt32LE(p.body.length, 20);
    entry.writeUInt32LE(p.size, 24);
    entry.writeUInt16LE(p.name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, p.name);
    offset += 30 + p.name.length + p.body.length;
  }
  const directory = Buffer.concat(central);
  if (offset + directory.length > MAX_ZIP32 || packed.length > 0xffff) throw new RangeError("the workbook would be larger than 4 GiB");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(packed.length, 8);
  end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, directory, end]);
}
