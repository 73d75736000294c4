/**
 * Test-only helpers for the browser test: build the task pane's test harness (the fake Excel API
 * in place of office.js) when it is older than the sources, serve it on localhost, and describe
 * the bundled sample workbook as the fake takes it.
 */
import { spawnSync } from "child_process";
import { createReadStream, existsSync, readdirSync, statSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { extname, join, normalize, resolve, sep } from "path";
import type { FakeSheetDescription, FakeWorkbookDescription } from "../../src/hosts/office/fake";
import { readXlsx } from "../../src/hosts/xlsx/read";

export const ROOT = resolve(__dirname, "..", "..");
export const HARNESS_DIR = join(ROOT, "dist", "harness");
export const SAMPLE = join(ROOT, "assets", "foljsam-exempel.xlsx");
export const AXE_PATH = "/__test__/axe.min.js";
const AXE_FILE = require.resolve("axe-core/axe.min.js");

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds dist/harness with `npm run build:harness` unless it is newer than every source it bundles. */
export function ensureHarnessBuilt(): void {
  const bundle = join(HARNESS_DIR, "harness.js");
  const page = join(HARNESS_DIR, "harness.html");
  const sources = Math.max(newestMtime(join(ROOT, "src")), newestMtime(join(ROOT, "webpack.config.js")), newestMtime(join(ROOT, "package.json")));
  if (existsSync(bundle) && existsSync(page) && statSync(bundle).mtimeMs > sources) return;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const build = spawnSync(npm, ["run", "build:harness"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build:harness misslyckades:\n${build.stdout}\n${build.stderr}`);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Serves a folder (and axe-core at AXE_PATH, so it loads under the page's CSP) on 127.0.0.1, port 0. */
export async function serve(dir: string): Promise<Served> {
  const root = resolve(dir);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path === AXE_PATH ? AXE_FILE : normalize(join(root, path));
    if (file !== AXE_FILE && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** The bundled sample as the fake workbook's description (plain JSON, for page.evaluate). */
export async function sampleDescription(): Promise<FakeWorkbookDescription> {
  const { grid } = await readXlsx(SAMPLE);
  const sheets: FakeSheetDescription[] = grid.sheets.map((s) => {
    const sheet: FakeSheetDescription = { name: s.name, rows: s.rows };
    if (s.formulas && s.formulas.size > 0) sheet.formulas = Object.fromEntries(s.formulas);
    if (s.tables) sheet.tables = s.tables;
    if (s.followUp) sheet.followUp = true;
    return sheet;
  });
  return { name: grid.source, sheets };
}
