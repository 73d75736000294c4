/**
 * The production entry (index.tsx, what `npm run build` bundles) reaches no test code: not the
 * fake Excel API, not the harness, no testkit. Follows the relative imports from the entry the
 * way webpack does; `npm run build` itself is checked by hand and in CI.
 */
import { existsSync, readFileSync } from "fs";
import { dirname, join, relative, resolve } from "path";

const ROOT = resolve(__dirname, "..", "..");
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"|import\(\s*"(\.[^"]+)"\s*\)/g;

function resolveModule(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  throw new Error(`${relative(ROOT, from)}: kan inte hitta ${spec}`);
}

function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) queue.push(resolveModule(file, m[1] ?? m[2]));
  }
  return [...seen].map((f) => relative(ROOT, f).split("\\").join("/")).sort();
}

it("the task pane's production entry reaches no fake, harness or testkit", () => {
  const files = reachable(join(ROOT, "src", "taskpane", "index.tsx"));
  expect(files).toEqual(expect.arrayContaining(["src/taskpane/app.tsx", "src/hosts/office/write.ts", "src/workbook/followUp.ts"]));
  expect(files.filter((f) => /\/fake\/|testHarness|\.testkit\.|\.test\./.test(f))).toEqual([]);
  // Node-only modules would not bundle for the browser.
  expect(files.filter((f) => f.startsWith("src/hosts/xlsx/") || f.startsWith("src/cli/"))).toEqual([]);
});

it("the harness entry does reach the fake (the walk follows imports)", () => {
  expect(reachable(join(ROOT, "src", "taskpane", "testHarness.tsx"))).toContain("src/hosts/office/fake/index.ts");
});
