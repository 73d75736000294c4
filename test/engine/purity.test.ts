/** The engine is pure: nothing in src/engine reads files, touches ExcelJS or the Excel API. */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";

const ENGINE = join(__dirname, "..", "..", "src", "engine");
const files = readdirSync(ENGINE).filter((f) => /\.tsx?$/.test(f));

it("has source files to check", () => {
  expect(files.length).toBeGreaterThan(10);
});

it.each(files)("%s imports no ExcelJS, fs, path, child_process or the Excel API", (file) => {
  const text = readFileSync(join(ENGINE, file), "utf8");
  const imports = [...text.matchAll(/(?:from\s+|require\()\s*["']([^"']+)["']/g)].map((m) => m[1]);
  for (const target of imports) {
    expect(target).not.toMatch(/^(exceljs|fs|node:fs|path|node:path|child_process|node:child_process|os)$/);
    expect(target).not.toMatch(/hosts|cli|taskpane/);
  }
  expect(text).not.toMatch(/\bExcel\.(run|RequestContext|Range|Worksheet)\b/);
  expect(text).not.toMatch(/\bOffice\.(context|onReady)\b/);
});
