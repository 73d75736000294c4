import { createInflateRaw } from "zlib";
import { FoljsamError } from "../../../workbook/errors";
import { LOAD_REASONS, XLSX_MESSAGES } from "../messages.sv";
import { compressedData, formatBytes, partName, type ZipEntry } from "../zipCheck";
import { attributes, nameIs, StructureError, XmlError, type XmlHandler, XmlScanner } from "./xmlScan";

/**
 * The parts of a checked package, each inflated once and streamed through the XML scanner as it
 * inflates (zlib works on its own thread meanwhile). A part is held to its declared size, so a zip
 * that lies about its sizes is refused as zipCheck.ts refuses it, and never inflated further.
 */
export class Package {
  private readonly byName = new Map<string, ZipEntry>();
  /** The parts inflated so far (each was held to its size on the way). */
  readonly inflated = new Set<string>();

  constructor(
    readonly bytes: Buffer,
    entries: readonly ZipEntry[],
    readonly file: string,
  ) {
    for (const e of entries) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** Streams the part `name` through `handler`; false when there is no such part. */
  async scan(name: string, handler: XmlHandler): Promise<boolean> {
    const e = this.byName.get(name);
    if (!e) return false;
    this.inflated.add(name);
    const scanner = new XmlScanner(handler);
    try {
      await inflateInto(this.bytes, e, this.file, (chunk) => scanner.push(chunk));
      scanner.end();
    } catch (err) {
      throw this.failure(err);
    }
    return true;
  }

  /** Streams the part `name` to check it (its size, a bomb) without reading its XML. */
  async verify(name: string): Promise<void> {
    const e = this.byName.get(name);
    if (!e) return;
    this.inflated.add(name);
    await inflateInto(this.bytes, e, this.file, () => undefined);
  }

  /** A reading error as the one Swedish line the command line prints. */
  failure(err: unknown): unknown {
    if (err instanceof XmlError) return new FoljsamError(XLSX_MESSAGES.notLoadable(this.file, LOAD_REASONS.xml(String(err.line), String(err.column))));
    if (err instanceof StructureError) return new FoljsamError(XLSX_MESSAGES.notLoadable(this.file, LOAD_REASONS.structure));
    return err;
  }
}

const CHUNK = 256 * 1024;

/** Inflates one entry chunk by chunk into `sink`, within its declared size; the same refusals as zipCheck.ts. */
export function inflateInto(bytes: Buffer, e: ZipEntry, file: string, sink: (chunk: Buffer) => void): Promise<void> {
  const data = compressedData(bytes, e, file);
  const wrongSize = () => new FoljsamError(XLSX_MESSAGES.corrupt(file, `delen ${partName(e)} har fel storlek`));
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) return Promise.reject(wrongSize());
    try {
      for (let i = 0; i < data.length; i += CHUNK) sink(data.subarray(i, Math.min(data.length, i + CHUNK)));
    } catch (err) {
      return Promise.reject(err);
    }
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: CHUNK });
    let size = 0;
    let failed = false;
    let ended = false;
    let scheduled = false;
    // Chunks are scanned on the next turn of the event loop, so that zlib inflates the next one
    // on its thread meanwhile; a few waiting chunks pause it.
    const queue: Buffer[] = [];
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      queue.length = 0;
      inflater.destroy();
      reject(err);
    };
    const finish = () => {
      if (failed) return;
      if (size !== e.uncompressedSize) fail(wrongSize());
      else resolve();
    };
    const drain = () => {
      scheduled = false;
      while (queue.length > 0 && !failed) {
        try {
          sink(queue.shift()!);
        } catch (err) {
          fail(err);
          return;
        }
      }
      if (ended) finish();
      else if (inflater.isPaused()) inflater.resume();
    };
    inflater.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > e.uncompressedSize) {
        fail(new FoljsamError(XLSX_MESSAGES.zipBomb(file, `delen ${partName(e)} packas upp till mer än de ${formatBytes(e.uncompressedSize)} som anges`)));
        return;
      }
      queue.push(chunk);
      if (queue.length >= 4) inflater.pause();
      if (!scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
    });
    inflater.on("error", () => fail(new FoljsamError(XLSX_MESSAGES.corrupt(file, `delen ${partName(e)} går inte att packa upp`))));
    inflater.on("end", () => {
      ended = true;
      if (!scheduled) finish();
    });
    inflater.end(data);
  });
}

export interface Relationship {
  type: string;
  /** The target as a part name in the package ("xl/worksheets/sheet1.xml"), or null when external. */
  part: string | null;
}

/** The part a relationship of `from` points at: relative to from's folder, or absolute from the package root. */
export function resolveTarget(from: string, target: string): string {
  const t = target.trim();
  if (t.startsWith("/")) return t.replace(/^\/+/, "");
  const folder = from.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "..") folder.pop();
    else if (seg !== "." && seg !== "") folder.push(seg);
  }
  return folder.join("/");
}

/** The relationships part of `part` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsName(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** The relationships of a part by id; empty when it has none. */
export async function readRels(pkg: Package, part: string): Promise<Map<string, Relationship>> {
  const out = new Map<string, Relationship>();
  await pkg.scan(relsName(part), {
    wantText: false,
    open(buf, name, nameEnd, attrEnd) {
      if (!nameIs(buf, name, nameEnd, "Relationship")) return;
      const a = attributes(buf, nameEnd, attrEnd);
      const id = a.get("Id");
      const target = a.get("Target");
      if (id === undefined || target === undefined) return;
      const external = a.get("TargetMode") === "External";
      out.set(id, { type: a.get("Type") ?? "", part: external ? null : resolveTarget(part, target) });
    },
    close() {},
    text() {},
  });
  return out;
}
