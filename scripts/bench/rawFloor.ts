/**
 * The benchmark's raw floor: the least any tool does to read a workbook and write the report's
 * sheets, run as its own process like `foljsam report`. Reading: node:zlib inflates every part of
 * the input and a byte scanner turns the sheet XML into row arrays (numbers parsed, shared
 * strings as their index). Writing: node:zlib deflates, at level 1, the new XML the report wrote
 * (the parts of its output that the input does not have, or has with other bytes).
 *
 * `node rawFloor.js <input.xlsx> [<report output.xlsx>]` prints
 * {"read": s, "write": s, "prepare": s, "rows": n, "cells": n, "newXmlBytes": n}; `prepare` is
 * the time spent inflating the output's parts to have the bytes to deflate, which the benchmark
 * takes off the process's time.
 */
import { readFileSync } from "fs";
import { deflateRawSync, inflateRawSync } from "zlib";

interface Entry {
  name: string;
  method: number;
  data: Buffer;
}

/** The entries of a zip, from its central directory (no ZIP64: the bench's workbooks are small enough). */
function entries(bytes: Buffer): Entry[] {
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(p + 10);
    const size = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const skip = nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    out.push({ name: bytes.toString("utf8", p + 46, p + 46 + nameLength), method, data: bytes.subarray(start, start + size) });
    p += 46 + skip;
  }
  return out;
}

function inflate(e: Entry): Buffer {
  return e.method === 0 ? e.data : inflateRawSync(e.data);
}

/** Rows of a sheet's XML as arrays of values, by a scan of its bytes for <row>, <c> and <v>. */
function scanRows(xml: Buffer): (number | string)[][] {
  const rows: (number | string)[][] = [];
  let row: (number | string)[] | null = null;
  let p = xml.indexOf("<sheetData");
  while (p >= 0 && p < xml.length) {
    p = xml.indexOf(0x3c, p);
    if (p < 0) break;
    const c1 = xml[p + 1];
    if (c1 === 0x72 /* r */ && xml[p + 2] === 0x6f) {
      row = [];
      rows.push(row);
    } else if (c1 === 0x76 /* v */ && xml[p + 2] === 0x3e && row) {
      const end = xml.indexOf(0x3c, p + 3);
      const text = xml.toString("latin1", p + 3, end);
      const n = Number(text);
      row.push(Number.isNaN(n) ? text : n);
      p = end;
      continue;
    } else if (c1 === 0x74 /* t */ && xml[p + 2] === 0x3e && row) {
      const end = xml.indexOf(0x3c, p + 3);
      row.push(xml.toString("utf8", p + 3, end));
      p = end;
      continue;
    }
    p++;
  }
  return rows;
}

function main(input: string, output: string | undefined): void {
  const started = process.hrtime.bigint();
  const parts = entries(readFileSync(input));
  let rows = 0;
  let cells = 0;
  const kept = new Map<string, Buffer>();
  for (const e of parts) {
    const xml = inflate(e);
    kept.set(e.name, e.data);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      for (const r of scanRows(xml)) {
        rows++;
        cells += r.length;
      }
    }
  }
  const read = Number(process.hrtime.bigint() - started) / 1e9;

  let prepare = 0;
  let write = 0;
  let newXmlBytes = 0;
  if (output) {
    const prepared = process.hrtime.bigint();
    const fresh: Buffer[] = [];
    for (const e of entries(readFileSync(output))) {
      const before = kept.get(e.name);
      if (before && before.equals(e.data)) continue;
      if (!/\.(xml|rels)$/.test(e.name)) continue;
      fresh.push(inflate(e));
    }
    const deflating = process.hrtime.bigint();
    prepare = Number(deflating - prepared) / 1e9;
    for (const xml of fresh) {
      newXmlBytes += xml.length;
      deflateRawSync(xml, { level: 1 });
    }
    write = Number(process.hrtime.bigint() - deflating) / 1e9;
  }
  process.stdout.write(`${JSON.stringify({ read, write, prepare, rows, cells, newXmlBytes })}\n`);
}

const [input, output] = process.argv.slice(2);
try {
  main(input, output);
} catch (e) {
  process.stderr.write(`raw floor: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
