/**
 * A workbook too large for the memory Node may use ends in one Swedish line and exit 2, never in
 * V8's crash and stack dump: a 50 000-row ledger (some 2 MB) under a 64 MiB heap, which cannot
 * hold its grid. The line names the file; no output or temporary file is left behind.
 */
import { spawnSync } from "child_process";
import { readdirSync } from "fs";
import { join } from "path";
import { writeLedgerWorkbook } from "../../scripts/bench/ledger";
import { BIN, tempDir } from "../helpers/cli";

it("a workbook too large for the heap gets one Swedish line, not a crash", async () => {
  const dir = tempDir("foljsam-minne-");
  await writeLedgerWorkbook(join(dir, "stor.xlsx"), { rows: 50_000, indicators: 0 });
  const r = spawnSync(process.execPath, ["--max-old-space-size=64", BIN, "report", "stor.xlsx", "-o", "ut.xlsx", "--json", "ut.json"], {
    cwd: dir,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, FOLJSAM_DEBUG: "" },
  });
  expect({ code: r.status, signal: r.signal }).toEqual({ code: 2, signal: null });
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^foljsam: stor\.xlsx är för stor för minnet Node får använda här \(\d+ MiB\); dela upp den eller ge Node mer minne/);
  expect(r.stdout).toBe("");
  expect(readdirSync(dir)).toEqual(["stor.xlsx"]);
}, 180_000);
