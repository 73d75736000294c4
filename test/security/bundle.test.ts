/**
 * The add-in as it is shipped: the production build's pages and bundles. The task pane's
 * Content-Security-Policy lets scripts and connections come only from the add-in itself and from
 * Office's office.js host; the bundles name no URL but the ones listed below (none of them is ever
 * fetched); no bundled package is under a copyleft licence; the fake Excel API is not shipped.
 *
 * The build is dist/ when it is newer than every source file; otherwise the test makes one
 * production build (webpack --mode production, the same as `npm run build`) into a temporary
 * folder, so that a test run never rewrites the dist/ someone else is using.
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from "fs";
import { join, relative } from "path";
import { ROOT, tempDir } from "../helpers/cli";

/** Office's CDN, from which the pages load office.js (and office.js its host-specific files). */
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_JS = `${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`;

/**
 * The only URLs allowed in the JavaScript bundles, and why each is harmless: none is requested.
 * - XML namespace names React DOM passes to createElementNS / setAttributeNS (identifiers, never fetched).
 * - React's production error messages, which say "visit https://reactjs.org/docs/error-decoder.html?invariant=N"
 *   as text in an Error; the page never opens it.
 */
const ALLOWED_IN_BUNDLES = new Set([
  "http://www.w3.org/1999/xhtml",
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/1998/Math/MathML",
  "https://reactjs.org/docs/error-decoder.html?invariant=",
]);

/** Licences that would oblige us to publish our source or the package's changes; any other must be a permissive one. */
const COPYLEFT = /\b(A?GPL|LGPL|MPL|EPL|EUPL|CDDL|OSL|SSPL|CPAL|CC-BY-SA|CC-BY-NC|Sleepycat|RPL|QPL)\b/i;
const PERMISSIVE = /^\(?(MIT|ISC|BSD-2-Clause|BSD-3-Clause|0BSD|Apache-2\.0|Unlicense|CC0-1\.0|BlueOak-1\.0\.0|Zlib)( (OR|AND) (MIT|ISC|BSD-2-Clause|BSD-3-Clause|0BSD|Apache-2\.0|Unlicense|CC0-1\.0))*\)?$/;

const SOURCES = ["src", "webpack.config.js", "package.json", "manifest.xml", "assets"];

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = s.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (/\.test\.tsx?$|\.testkit\.tsx?$/.test(entry)) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

let build: string;

beforeAll(() => {
  const dist = join(ROOT, "dist");
  const bundle = join(dist, "taskpane.js");
  const fresh = existsSync(bundle) && existsSync(join(dist, "taskpane.html")) && statSync(bundle).mtimeMs > Math.max(...SOURCES.map((p) => newest(join(ROOT, p))));
  if (fresh && readFileSync(bundle, "utf8").startsWith("/*!")) {
    build = dist;
    return;
  }
  build = tempDir("foljsam-build-");
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--output-path", build], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, FOLJSAM_TEST_HARNESS: "" },
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
}, 320_000);

afterAll(() => {
  if (build !== join(ROOT, "dist")) rmSync(build, { recursive: true, force: true });
});

function page(name: string): string {
  return readFileSync(join(build, name), "utf8");
}

function bundles(): string[] {
  return readdirSync(build).filter((f) => f.endsWith(".js"));
}

/** The Content-Security-Policy of a page's <meta http-equiv>, as directive → sources. */
/** A tag's attributes; the minified pages leave out quotes where HTML allows it. */
function attributes(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(/([a-z-]+)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)].map((m) => [m[1].toLowerCase(), m[2] ?? m[3] ?? m[4]]));
}

function csp(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => attributes(m[0])).filter((a) => a.get("http-equiv")?.toLowerCase() === "content-security-policy");
  if (metas.length !== 1) throw new Error(`${metas.length} Content-Security-Policy meta tags`);
  return new Map(
    metas[0].get("content")!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

describe("the production build", () => {
  it("has the pages and bundles of a production build", () => {
    for (const f of bundles()) expect(readFileSync(join(build, f), "utf8").length).toBeGreaterThan(0);
    expect(page("taskpane.html")).toContain("taskpane.js");
  });

  it.each(["taskpane.html", "commands.html"])("%s allows scripts and connections only from itself and office.js's host", (name) => {
    const policy = csp(page(name));
    const effective = (directive: string) => policy.get(directive) ?? policy.get("default-src") ?? ["*"];
    for (const directive of ["script-src", "connect-src"]) {
      const sources = effective(directive);
      expect({ directive, sources: sources.filter((s) => s !== "'self'" && s !== OFFICE_JS_ORIGIN && s !== `${OFFICE_JS_ORIGIN}/`) }).toEqual({ directive, sources: [] });
    }
    const defaults = policy.get("default-src") ?? [];
    expect(defaults.every((s) => s === "'self'" || s === "'none'")).toBe(true);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    for (const [directive, sources] of policy) expect({ directive, unsafe: sources.filter((s) => /unsafe-eval|unsafe-hashes|^\*$|^https?:$|^data:$/.test(s) && directive !== "img-src" && directive !== "font-src") }).toEqual({ directive, unsafe: [] });
    // Every script the page loads is the add-in's own or office.js.
    const scripts = [...page(name).matchAll(/<script\b[^>]*>/gi)].map((m) => attributes(m[0]).get("src")).filter((src): src is string => src !== undefined);
    expect(scripts).toContain(OFFICE_JS);
    for (const src of scripts) expect([OFFICE_JS, "self"]).toContain(/^(https?:)?\/\//.test(src) ? src : "self");
  });

  it("names no URL in its JavaScript but the documented, never-fetched ones", () => {
    const found = new Map<string, string>();
    for (const f of bundles()) {
      const text = readFileSync(join(build, f), "utf8");
      for (const m of text.matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]+/g)) found.set(m[0], f);
      // Protocol-relative addresses ("//cdn.example.com/x.js") in string literals.
      for (const m of text.matchAll(/["'`]\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+\.[a-z]{2,}[/"'`]/gi)) found.set(m[0], f);
    }
    const unexpected = [...found.keys()].filter((u) => !ALLOWED_IN_BUNDLES.has(u));
    expect(unexpected).toEqual([]);
  });

  it("names no URL in its pages but office.js and its own files", () => {
    for (const name of ["taskpane.html", "commands.html"]) {
      const urls = [...page(name).matchAll(/\b(?:https?|wss?):\/\/[^\s"'<>;]+/g)].map((m) => m[0]);
      expect({ name, urls: urls.filter((u) => u !== OFFICE_JS && u !== OFFICE_JS_ORIGIN) }).toEqual({ name, urls: [] });
    }
  });

  /** Every package whose code is in the bundles, from their source maps. */
  function bundledPackages(): string[] {
    const packages = new Set<string>();
    for (const f of bundles()) {
      const map = join(build, `${f}.map`);
      expect(existsSync(map)).toBe(true);
      for (const source of JSON.parse(readFileSync(map, "utf8")).sources as string[]) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
        if (m) packages.add(m[1]);
      }
    }
    return [...packages].sort();
  }

  it("bundles no package under a copyleft licence", () => {
    const packages = bundledPackages();
    expect(packages).toEqual(expect.arrayContaining(["react", "react-dom", "@fluentui/react-button"]));
    const licences = packages.map((name) => {
      const meta = JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { license?: string | { type?: string }; licenses?: { type?: string }[] };
      const licence = typeof meta.license === "string" ? meta.license : (meta.license?.type ?? meta.licenses?.map((l) => l.type).join(" OR ") ?? "");
      return { name, licence };
    });
    expect(licences.filter((l) => COPYLEFT.test(l.licence) || !PERMISSIVE.test(l.licence))).toEqual([]);
  });

  it("does not ship the fake Excel API", () => {
    for (const f of bundles()) {
      const map = JSON.parse(readFileSync(join(build, `${f}.map`), "utf8")) as { sources: string[] };
      expect({ f, fake: map.sources.filter((s) => /hosts\/office\/fake\/|\.testkit\.|testHarness/.test(s)) }).toEqual({ f, fake: [] });
      const text = readFileSync(join(build, f), "utf8");
      // Texts only the fake has (its error messages).
      expect(text).not.toContain("The request payload size has exceeded the limit");
      expect(text).not.toContain("fake-sheet-");
    }
    expect(relative(ROOT, build).startsWith("dist/harness")).toBe(false);
  });
});
