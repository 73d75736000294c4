/** Test-only: run the built `foljsam` command as a user does, in a temporary folder. */
import { spawnSync } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";

export const ROOT = resolve(__dirname, "..", "..");
export const BIN = join(ROOT, "bin", "foljsam.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function foljsam(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000, env: { ...process.env, FOLJSAM_DEBUG: "", ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = "foljsam-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
