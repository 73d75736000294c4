import type { GridTable } from "../../workbook/cells";
import { isOfficeError } from "./errors";
import { operationBytes, wireBytes } from "./wire";

/**
 * Reads as blocks of rows, packed into syncs whose response (by the wire bound of ./wire) stays
 * under the budget. How many bytes a row of a sheet weighs is not known before it is read: the
 * estimate starts from a generous figure per cell, then follows the largest rows seen on that
 * sheet. Should Excel still refuse a response as too large, the blocks of that sync are halved
 * and read again.
 */

export interface CellBlock {
  kind: "cells";
  worksheet: Excel.Worksheet;
  top: number;
  bottom: number;
  left: number;
  right: number;
  receive: (top: number, left: number, values: unknown[][], types: string[][], formats: unknown[][]) => void;
}

export interface StyleCell {
  format?: { indentLevel?: number; font?: { bold?: boolean } };
}

export interface StyleBlock {
  kind: "styles";
  worksheet: Excel.Worksheet;
  top: number;
  bottom: number;
  col: number;
  receive: (top: number, cells: StyleCell[]) => void;
}

export interface MergeBlock {
  kind: "merges";
  worksheet: Excel.Worksheet;
  top: number;
  bottom: number;
  left: number;
  right: number;
  receive: (areas: GridTable[]) => void;
}

export type ReadJob = CellBlock | StyleBlock | MergeBlock;

/** A cell's values, type and format before anything is known of the sheet: a short text, say. */
const PRIOR_CELL_BYTES = 64;
/** A name cell's `{ format: { indentLevel, font: { bold } } }`, escaped. */
const STYLE_ROW_BYTES = wireBytes([{ format: { indentLevel: 250, font: { bold: false } } }]);
const MERGE_BYTES = 4_000;
/** Excel returns at most five million cells from one read; a block stays well below. */
const MAX_BLOCK_CELLS = 1_000_000;
/** What a block's request weighs: getRangeByIndexes, a load, and their object paths. */
const JOB_REQUEST_BYTES = operationBytes("getRangeByIndexes", [1_048_575, 16_383, 1_048_576, 16_384]) + operationBytes("load", ["values", "valueTypes", "numberFormat"]);

function rows(job: ReadJob): number {
  return job.bottom - job.top + 1;
}

function columns(job: CellBlock): number {
  return job.right - job.left + 1;
}

class Estimates {
  private readonly rowBytes = new Map<Excel.Worksheet, number>();

  cellRow(job: CellBlock): number {
    return this.rowBytes.get(job.worksheet) ?? columns(job) * PRIOR_CELL_BYTES;
  }

  bytes(job: ReadJob): number {
    if (job.kind === "styles") return rows(job) * STYLE_ROW_BYTES;
    if (job.kind === "merges") return MERGE_BYTES;
    return rows(job) * this.cellRow(job);
  }

  /** Learns from a block read: its largest row, with headroom. */
  learn(job: CellBlock, values: unknown[][], types: unknown[][], formats: unknown[][]): void {
    let largest = 0;
    for (let r = 0; r < values.length; r++) largest = Math.max(largest, wireBytes(values[r]) + wireBytes(types[r]) + wireBytes(formats[r]) + 3);
    const known = this.rowBytes.get(job.worksheet);
    const next = Math.ceil(largest * 1.25);
    if (known === undefined || next > known) this.rowBytes.set(job.worksheet, next);
  }

  /** After a refusal: the sheet's rows are heavier than thought. */
  doubled(job: ReadJob): void {
    if (job.kind === "cells") this.rowBytes.set(job.worksheet, this.cellRow(job) * 2);
  }
}

/** The first piece of a job whose estimate fits the budget, and the rest of the job (or none). */
function cut(job: ReadJob, estimates: Estimates, budget: number): ReadJob[] {
  if (job.kind === "merges") return [job];
  const perRow = job.kind === "styles" ? STYLE_ROW_BYTES : estimates.cellRow(job);
  const byCells = job.kind === "cells" ? Math.floor(MAX_BLOCK_CELLS / columns(job)) : Infinity;
  const count = Math.max(1, Math.min(Math.floor(budget / perRow), byCells));
  if (rows(job) <= count) return [job];
  return [
    { ...job, bottom: job.top + count - 1 },
    { ...job, top: job.top + count },
  ];
}

function halve(job: ReadJob): ReadJob[] {
  if (job.kind === "merges" || rows(job) < 2) return [job];
  const middle = job.top + Math.floor(rows(job) / 2) - 1;
  return [
    { ...job, bottom: middle },
    { ...job, top: middle + 1 },
  ];
}

type Queued = { job: ReadJob; finish: () => void };

function queue(job: ReadJob, estimates: Estimates): Queued {
  if (job.kind === "cells") {
    const range = job.worksheet.getRangeByIndexes(job.top, job.left, rows(job), columns(job)).load(["values", "valueTypes", "numberFormat"]);
    return {
      job,
      finish: () => {
        estimates.learn(job, range.values, range.valueTypes, range.numberFormat);
        job.receive(job.top, job.left, range.values, range.valueTypes, range.numberFormat);
      },
    };
  }
  if (job.kind === "styles") {
    const result = job.worksheet
      .getRangeByIndexes(job.top, job.col, rows(job), 1)
      .getCellProperties({ format: { indentLevel: true, font: { bold: true } } });
    return { job, finish: () => job.receive(job.top, result.value.map((row) => row[0] ?? {})) };
  }
  const areas = job.worksheet.getRangeByIndexes(job.top, job.left, rows(job), job.right - job.left + 1).getMergedAreasOrNullObject();
  areas.load("address");
  return { job, finish: () => job.receive(areas.isNullObject ? [] : parseAreas(areas.address)) };
}

/** "Drift!A1:B1,Drift!C1:D1" (sheet names possibly quoted) → 0-based areas. */
export function parseAreas(address: string): GridTable[] {
  const areas: GridTable[] = [];
  for (const part of address.split(",")) {
    const ref = part.trim().slice(part.trim().lastIndexOf("!") + 1);
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref);
    if (!m) continue;
    const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const top = Number(m[2]) - 1;
    const left = col(m[1]);
    areas.push({ name: ref, top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left });
  }
  return areas;
}

/** Runs the jobs in syncs of at most `budget` bytes each; chained, so there is no sync in a loop. */
export async function readBlocks(context: Excel.RequestContext, jobs: readonly ReadJob[], budget: number): Promise<number> {
  const estimates = new Estimates();
  const pending: ReadJob[] = [...jobs];
  let syncs = 0;
  const next = async (): Promise<void> => {
    if (pending.length === 0) return;
    const taken: ReadJob[] = [];
    let response = 0;
    let request = 0;
    while (pending.length > 0) {
      const [first, ...rest] = cut(pending[0], estimates, budget);
      const bytes = estimates.bytes(first);
      if (taken.length > 0 && (response + bytes > budget || request + JOB_REQUEST_BYTES > budget)) break;
      pending.splice(0, 1, ...rest);
      taken.push(first);
      response += bytes;
      request += JOB_REQUEST_BYTES;
    }
    const queued = taken.map((job) => queue(job, estimates));
    try {
      syncs++;
      await context.sync();
    } catch (e) {
      if (!isOfficeError(e, "ResponsePayloadSizeLimitExceeded") || taken.every((job) => job.kind === "merges" || rows(job) < 2)) throw e;
      for (const job of taken) estimates.doubled(job);
      pending.unshift(...taken.flatMap(halve));
      return next();
    }
    for (const q of queued) q.finish();
    return next();
  };
  await next();
  return syncs;
}
