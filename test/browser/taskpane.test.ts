/**
 * The task pane in a real browser: Debian's Chromium, driven by playwright-core, opens the test
 * harness (the built task pane with the fake Excel API holding the bundled sample in place of
 * Excel), served on localhost. The keyboard walks Hitta → Inställningar → Kör → a finding; the
 * test checks what the page shows, what the fake workbook gained, accessibility (axe-core) and
 * that nothing leaves localhost; it writes test-results/taskpane.png (FOLJSAM_UPDATE_SCREENSHOT=1
 * also writes the README's docs/taskpane.png). CI installs Chromium (.ci/run); the test
 * fails, it does not skip, when it is missing.
 */
import { existsSync, mkdirSync } from "fs";
import { join } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { AXE_PATH, ensureHarnessBuilt, HARNESS_DIR, ROOT, sampleDescription, serve, type Served } from "./harness";
import type { FakeWorkbookDescription } from "../../src/hosts/office/fake";
import type {} from "../../src/taskpane/testHarness";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SCREENSHOT = join(ROOT, "test-results", "taskpane.png");

jest.setTimeout(180_000);

let server: Served;
let browser: Browser;
let page: Page;
const offsite: string[] = [];
const pageErrors: string[] = [];

declare global {
  interface Window {
    axe: { run(context: object, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> };
  }
}

interface Focused {
  tag: string;
  role: string | null;
  text: string;
  label: string | null;
  /** Fluent's keyboard focus indicator is drawn: a solid ring (box-shadow spread) or outline. */
  ring: boolean;
}

async function focused(p: Page): Promise<Focused> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    const after = el ? getComputedStyle(el, "::after") : null;
    const opaque = (color: string) => color !== "" && !/rgba\([^)]*,\s*0\)/.test(color) && color !== "transparent";
    const ring =
      el !== null &&
      el.hasAttribute("data-fui-focus-visible") &&
      (/rgb\(\d+, \d+, \d+\) 0px 0px 0px [12]px/.test(style!.boxShadow) ||
        (style!.outlineStyle !== "none" && opaque(style!.outlineColor)) ||
        (after!.borderTopStyle !== "none" && after!.borderTopWidth !== "0px" && opaque(after!.borderTopColor)));
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      role: el?.getAttribute("role") ?? null,
      text: (el?.innerText ?? "").trim(),
      label: el?.getAttribute("aria-label") ?? null,
      ring,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; the keyboard is the only input. */
async function tabTo(p: Page, matches: (f: Focused) => boolean, { back = false, max = 150 } = {}): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await p.keyboard.press(back ? "Shift+Tab" : "Tab");
    const f = await focused(p);
    if (matches(f)) return f;
  }
  throw new Error(`Fokus nådde inte målet med ${max} tryck på Tab; sist: ${JSON.stringify(await focused(p))}`);
}

/** Focus is in the work list: ArrowDown moves to the next entry (turning the page at its end) until one matches. */
async function arrowTo(p: Page, matches: (f: Focused) => boolean, max = 400): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    const f = await focused(p);
    if (matches(f)) return f;
    await p.keyboard.press("ArrowDown");
  }
  throw new Error(`Pilarna nådde inte målet med ${max} tryck; sist: ${JSON.stringify(await focused(p))}`);
}

/** Vertical distance in px between two elements' boxes (0 when they overlap). */
async function distance(a: ReturnType<Page["locator"]>, b: ReturnType<Page["locator"]>): Promise<number> {
  const [x, y] = [await a.first().boundingBox(), await b.first().boundingBox()];
  if (!x || !y) throw new Error("ingen ruta");
  return Math.max(0, Math.max(x.y, y.y) - Math.min(x.y + x.height, y.y + y.height));
}

/** Focus is on the tab list: arrows move between the tabs, Enter selects. */
async function selectTab(p: Page, name: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const f = await focused(p);
    if (f.role === "tab" && f.text === name) break;
    await p.keyboard.press("ArrowRight");
  }
  expect(await focused(p)).toMatchObject({ role: "tab", text: name, ring: true });
  await p.keyboard.press("Enter");
  await p.waitForFunction((n) => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === n, name);
}

/**
 * axe-core's serious and critical violations. Tabster's focus "bumpers" (the <i data-tabster-dummy>
 * that Fluent's TabList puts around its tabs) are left out: they are aria-hidden and focusable on
 * purpose, only to pass focus on, and Accessibility Insights suppresses them the same way
 * (microsoft/accessibility-insights-web#7605; Fluent: microsoft/fluentui#27517, "By Design").
 */
async function axeViolations(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => "axe" in window))) await p.addScriptTag({ url: AXE_PATH });
  const result = await p.evaluate(() =>
    window.axe.run({ include: [["body"]], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`);
}


beforeAll(async () => {
  expect(existsSync(CHROMIUM)).toBe(true);
  ensureHarnessBuilt();
  server = await serve(HARNESS_DIR);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: "sv-SE" });
  page = await context.newPage();
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    offsite.push(route.request().url());
    return route.abort();
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it("walks Hitta → Kör → a finding with the keyboard, on the bundled sample in the fake Excel", async () => {
  const description: FakeWorkbookDescription = await sampleDescription();
  await page.goto(`${server.origin}/harness.html`);
  await page.getByRole("button", { name: "Läs arbetsboken" }).waitFor();
  expect(await page.evaluate(() => document.querySelector('script[src*="office.js"]'))).toBeNull();
  await page.evaluate((d) => window.foljsamHarness.load(d), description);

  // Hitta: read the workbook and list its tables.
  expect((await tabTo(page, (f) => f.text === "Läs arbetsboken")).ring).toBe(true);
  await page.keyboard.press("Enter");
  await page.getByText("4 tabeller hittades.").waitFor();
  const find = await page.locator('[role="tabpanel"]').innerText();
  for (const text of ["Drift: driftbudget", "Investeringar: investeringar", "KF-indikatorer: indikatorer", "Budget 2019", "Bokslut 2018", "Öronmärkning"]) {
    expect(find).toContain(text);
  }
  await expect(page.getByRole("combobox", { name: "Period för arbetsboken" }).innerText()).resolves.toContain("VB (verksamhetsberättelse)");
  await expect(page.getByRole("combobox", { name: "Läs kolumnen Budget 2019 som" }).first().innerText()).resolves.toContain("Budget");
  await expect(page.getByRole("combobox", { name: "Enhet för bladet Drift" }).innerText()).resolves.toContain("mnkr");
  expect(await axeViolations(page)).toEqual([]);

  // Inställningar, through the tab list.
  await tabTo(page, (f) => f.role === "tab", { back: true });
  await selectTab(page, "Inställningar");
  await page.getByRole("textbox", { name: "Kommentarsgräns, belopp (mnkr)" }).waitFor();
  expect(await page.getByRole("textbox", { name: "Kommentarsgräns, belopp (mnkr)" }).inputValue()).toBe("1");
  expect(await page.getByRole("textbox", { name: "Kommentarsgräns, andel av budget (%)" }).inputValue()).toBe("5");
  await expect(page.getByRole("combobox", { name: "Återredovisning av Nyanlända" }).innerText()).resolves.toContain("Bara överskott");
  expect(await axeViolations(page)).toEqual([]);

  // Kör.
  await tabTo(page, (f) => f.role === "tab", { back: true });
  await selectTab(page, "Kör");
  expect((await tabTo(page, (f) => f.text === "Kör uppföljningen")).ring).toBe(true);
  await page.keyboard.press("Enter");
  await page.getByText(/^Klart: \d+ blad skrevs\.$/).waitFor();
  // The keyboard user's place is kept through the run.
  expect((await focused(page)).text).toBe("Kör uppföljningen");
  const run = await page.locator('[role="tabpanel"]').innerText();
  expect(run).toContain("Sammanfattning, VB 2019 (mnkr)");
  // The bridge, by hand from the sample: Tillståndsenheten's surplus 10 − 9,9 = 0,1 goes to its fund;
  // Nyanlända's earmark (160 − 128,7) + (150 − 126,2) = 55,1 is returned: 75,2 − 0,1 − 55,1 = 20,0.
  // Budget 2019 and Bokslut 2019 of the sample's 13 rows, summed by hand: 1 297,0 and 1 221,8.
  expect(run).toMatch(/Budget\s+1 297,0/);
  expect(run).toMatch(/Utfall\s+1 221,8/);
  expect(run).toMatch(/Avvikelse\s+75,2\s+▲ Överskott/);
  expect(run).toMatch(/Justerad avvikelse\s+20,0/);
  expect(run).toContain("75,2 + (-0,1) + (-55,1) = 20,0");
  expect(run).toContain("Visa i arbetsboken");
  expect(run).toMatch(/Budgetföljsamhet före resultatöverföringar\s+94,2 %\s+✔/);
  expect(run).toMatch(/✔ Helt\s+7/);
  expect(run).toMatch(/◐ Delvis\s+7/);
  expect(run).toContain("Stöd till utomstående organisationer");
  expect(run).toMatch(/⚠ Varning \(\d+\)/);

  // The workbook gained Följsam's sheets, with the charts of deviation per area and of indicators per status on the summary.
  const sheets = await page.evaluate(() => window.foljsamHarness.sheetNames());
  expect(sheets.slice(0, 4)).toEqual(["Drift", "Investeringar", "Intäkts- och kostnadsslag", "KF-indikatorer"]);
  expect(sheets).toEqual(expect.arrayContaining(["Följsam Sammanfattning", "Följsam Drift", "Följsam Indikatorer", "Följsam Kontroller"]));
  const charts = await page.evaluate(() => window.foljsamHarness.charts("Följsam Sammanfattning"));
  expect(charts.map((c) => [c.title, c.type])).toEqual([
    ["Indikatorer per måluppfyllelse", "BarClustered"],
    ["Avvikelse per verksamhetsområde", "BarClustered"],
  ]);

  // A finding, reached with Tab (the list is one tab stop) and the arrows, selects the cell to fix:
  // the Kommentar cell (column J of the sample's Drift) of the row that needs an explanation.
  await tabTo(page, (f) => f.label === null && f.role === null && f.tag === "button" && /Gå till /.test(f.text));
  const finding = await arrowTo(page, (f) => f.text.startsWith("Stöd till utomstående organisationer") && f.text.includes("kräver en förklaring"));
  expect(finding.text).toContain("Gå till Drift!J15");
  expect(finding.ring).toBe(true);
  await page.keyboard.press("Enter");
  await page.getByText("Markerade Drift!J15 i arbetsboken.").waitFor();
  expect(await page.evaluate(() => window.foljsamHarness.selection())).toEqual({ activeSheet: "Drift", address: "Drift!J15" });
  // The confirmation is beside the entry, not at the top of the list.
  expect(await distance(page.getByText("Markerade Drift!J15 i arbetsboken."), page.locator("button:focus"))).toBeLessThan(200);
  expect(await axeViolations(page)).toEqual([]);

  mkdirSync(join(ROOT, "test-results"), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  if (process.env.FOLJSAM_UPDATE_SCREENSHOT === "1") {
    // The README's picture: the top of the pane, the summary and the first findings.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ROOT, "docs", "taskpane.png"), fullPage: true, clip: { x: 0, y: 0, width: 420, height: 1500 } });
  }

  // Each figure explains itself: the InfoLabel's button opens the explanation.
  await page.getByRole("button", { name: "Om Avvikelse" }).click();
  await page.getByText("Budget − utfall. Positiv är överskott, negativ underskott; före resultatöverföringar och återredovisning.").waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");

  // A figure of the summary links to its cell on Följsam Sammanfattning.
  await page.getByRole("button", { name: "Visa i arbetsboken: = Justerad avvikelse" }).click();
  await page.getByText(/Markerade Följsam Sammanfattning!B\d+ i arbetsboken\./).waitFor();
  const summaryCell = await page.evaluate(() => window.foljsamHarness.selection());
  expect(summaryCell.activeSheet).toBe("Följsam Sammanfattning");
  // The selected cell is the figure beside the label "Justerad avvikelse", and it is a formula into Följsam Drift.
  const row = /B(\d+)$/.exec(summaryCell.address ?? "")![1];
  const summarySheet = await page.evaluate(() => window.foljsamHarness.dumpSheet("Följsam Sammanfattning"));
  expect(summarySheet[`A${row}`].value).toBe("Justerad avvikelse");
  expect(summarySheet[`B${row}`].formula).toMatch(/^'Följsam Drift'!/);

  // The filter hides a severity, and its findings with it.
  await page.getByRole("button", { name: /^ℹ Information \(\d+\)$/ }).click();
  expect(await page.getByRole("button", { name: /^ℹ Information/ }).getAttribute("aria-pressed")).toBe("false");
  expect(await page.locator('[role="tabpanel"]').innerText()).not.toContain("Skillnaden kvinnor − män");

  expect(offsite).toEqual([]);
  expect(pageErrors).toEqual([]);
});

/** A drift sheet of `n` areas whose Bokslut is not a number: n NUMBER_PARSE errors, one entry each. */
function badNumbers(n: number): FakeWorkbookDescription {
  const rows: (string | number | null)[][] = [["Verksamhetsområde, mnkr", "Budget 2024", "Bokslut 2024"]];
  for (let i = 1; i <= n; i++) rows.push([`Område ${i}`, 10, "tio"]);
  return { name: "Många.xlsx", sheets: [{ name: "Drift", rows }] };
}

async function openHarness(p: Page, description: FakeWorkbookDescription, query = ""): Promise<void> {
  await p.goto(`${server.origin}/harness.html${query}`);
  await p.getByRole("tab").first().waitFor();
  await p.evaluate((d) => window.foljsamHarness.load(d), description);
}

it("300 findings: one tab stop, a page of 20, moved through with the keyboard, the bad cell selected", async () => {
  await openHarness(page, badNumbers(300));
  await page.getByRole("tab", { name: "Kör" }).click();
  await page.getByRole("button", { name: "Kontrollera" }).click();
  await page.getByText("Kontrollen är klar; inga blad skrevs.").waitFor();
  await page.getByText("Sida 1 av 15 (300 poster)").waitFor();
  // No 24 000 px page: 20 entries are rendered, not 300.
  expect(await page.locator('[aria-describedby$="-advice"]').count()).toBe(20);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6000);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole("button", { name: /^✖ Fel \(300\)$/ }).focus();
  const first = await tabTo(page, (f) => /Gå till Drift!C2$/.test(f.text));
  expect(first.ring).toBe(true);
  // One tab stop: the next Tab leaves the list for the pager (Föregående sida is disabled on page 1).
  await page.keyboard.press("Tab");
  expect((await focused(page)).text).toBe("Nästa sida");
  await page.keyboard.press("Shift+Tab");
  expect((await focused(page)).text).toMatch(/Område 1\b/);

  await page.keyboard.press("End");
  expect((await focused(page)).text).toMatch(/Område 20\b/);
  await page.keyboard.press("ArrowDown");
  await page.getByText("Sida 2 av 15 (300 poster)").waitFor();
  expect((await focused(page)).text).toMatch(/Område 21\b/);
  for (let i = 0; i < 13; i++) await page.keyboard.press("PageDown");
  await page.getByText("Sida 15 av 15 (300 poster)").waitFor();
  await page.keyboard.press("End");
  const last = await focused(page);
  expect(last.text).toMatch(/Område 300\b/);
  expect(last.text).toContain('"tio" är inte ett tal');
  expect(last.ring).toBe(true);
  await page.keyboard.press("Enter");
  // Bokslut is column C; Område 300 is on row 301.
  await page.getByText("Markerade Drift!C301 i arbetsboken.").waitFor();
  expect(await page.evaluate(() => window.foljsamHarness.selection())).toEqual({ activeSheet: "Drift", address: "Drift!C301" });
  expect(await distance(page.getByText("Markerade Drift!C301 i arbetsboken."), page.locator("button:focus"))).toBeLessThan(200);
  expect(await axeViolations(page)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

it("an Office error appears in Swedish, with a next step, beside the action that failed", async () => {
  await openHarness(page, await sampleDescription());
  await page.getByRole("tab", { name: "Kör" }).click();
  await page.evaluate(() =>
    window.foljsamHarness.failNext("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit (10356508 > 5242880 bytes)."),
  );
  const run = page.getByRole("button", { name: "Kör uppföljningen" });
  await run.click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const said = await alert.innerText();
  expect(said).toContain("Excel tog inte emot så mycket data i ett anrop (Excel på webben tar högst 5 MB).");
  expect(said).toMatch(/försök igen/i);
  expect(said).not.toMatch(/payload|oväntat|unexpected/i);
  expect(await distance(alert, run)).toBeLessThan(150);
  expect(await axeViolations(page)).toEqual([]);
  // The next attempt works and the message goes.
  await run.click();
  await page.getByText(/^Klart: \d+ blad skrevs\.$/).waitFor();
  expect(await page.getByRole("alert").count()).toBe(0);
  expect(pageErrors).toEqual([]);
});

it("a working workbook: the sample beside a 100 000-row ledger sheet runs end to end within Excel on the web's limits", async () => {
  const description = await sampleDescription();
  const ledger: (string | number)[][] = [["Konto", "Ansvar", "Belopp", "Text"]];
  for (let i = 0; i < 100_000; i++) ledger.push([4000 + (i % 900), 100 + (i % 37), ((i * 7919) % 100_000) / 10, `Verifikation ${i}`]);
  description.sheets.push({ name: "Huvudbok", rows: ledger });
  await openHarness(page, description);
  await page.getByRole("button", { name: "Läs arbetsboken" }).click();
  await page.getByText("4 tabeller hittades.").waitFor({ timeout: 120_000 });
  await page.getByRole("tab", { name: "Kör" }).click();
  await page.getByRole("button", { name: "Kör uppföljningen" }).click();
  await page.getByText(/^Klart: \d+ blad skrevs\.$/).waitFor({ timeout: 120_000 });
  const run = await page.locator('[role="tabpanel"]').innerText();
  // The ledger changes nothing: the sample's figures, summed by hand (1 297,0 and 1 221,8).
  expect(run).toMatch(/Budget\s+1 297,0/);
  expect(run).toMatch(/Utfall\s+1 221,8/);
  expect(await page.getByRole("alert").count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

it("a correction made in Hitta survives an inserted column: the figures stay the same", async () => {
  const description = await sampleDescription();
  // The budget column under a header Följsam does not know, which the user corrects to Budget.
  const drift = description.sheets.find((x) => x.name === "Drift")!;
  const rows = drift.rows!.map((r) => [...r]);
  const headerRow = rows.findIndex((r) => r.includes("Budget 2019"));
  rows[headerRow][rows[headerRow].indexOf("Budget 2019")] = "Tilldelat 2019";
  drift.rows = rows;
  await openHarness(page, description);
  await page.getByRole("button", { name: "Läs arbetsboken" }).click();
  await page.getByText("4 tabeller hittades.").waitFor();
  const mapping = page.getByRole("combobox", { name: "Läs kolumnen Tilldelat 2019 som" });
  await mapping.click();
  await page.getByRole("option", { name: "Budget", exact: true }).click();
  if ((await page.getByRole("listbox").count()) > 0) await page.keyboard.press("Escape");
  await expect(mapping.innerText()).resolves.toContain("Budget");
  // The user inserts a column before it (as Infoga > Kolumn): every column from B moves right.
  await page.evaluate(() => {
    const wb = window.foljsamHarness.workbook as unknown as { sheets: { name: string }[]; insertColumns(sheet: unknown, col: number): void };
    wb.insertColumns(wb.sheets.find((x) => x.name === "Drift"), 1);
  });
  // By keyboard from here: the dropdown's closing popup may still lie over the page for a moment.
  await page.getByRole("tab", { name: "Kör" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Kör uppföljningen" }).focus();
  await page.keyboard.press("Enter");
  await page.getByText(/^Klart: \d+ blad skrevs\.$/).waitFor();
  const run = await page.locator('[role="tabpanel"]').innerText();
  // Read by header text, not column number: still the sample's 1 297,0 against 1 221,8, a surplus of 75,2.
  expect(run).toMatch(/Budget\s+1 297,0/);
  expect(run).toMatch(/Utfall\s+1 221,8/);
  expect(run).toMatch(/Avvikelse\s+75,2/);
  expect(await axeViolations(page)).toEqual([]);
});

it("in English, the pane and its finding texts are English", async () => {
  await openHarness(page, await sampleDescription(), "?lang=en");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  await page.getByRole("tab", { name: "Run" }).click();
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByText("The check is done; no sheets were written.").waitFor();
  const pane = await page.locator('[role="tabpanel"]').innerText();
  expect(pane).toContain("The deviation -3,2 mnkr requires an explanation.");
  expect(pane).toContain("To do: Write an explanation in the Kommentar column");
  expect(pane).toMatch(/Deviation\s+75,2\s+▲ Surplus/);
  expect(pane).not.toContain("kräver en förklaring");
  expect(await axeViolations(page)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

it("Kör with results at 320 px and 500 px: two columns of figures, whole words in the dropdowns; screenshots in docs/", async () => {
  for (const [width, theme] of [[320, ""], [500, ""], [320, "?theme=dark"]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await openHarness(page, await sampleDescription(), theme);
    await page.getByRole("button", { name: "Läs arbetsboken" }).click();
    await page.getByText("4 tabeller hittades.").waitFor();
    // No dropdown label is broken inside a word: each word of its text sits on one line.
    const broken = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll('[role="combobox"]')) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          for (const m of text.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index!);
            range.setEnd(node, m.index! + m[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) out.push(m[0]);
          }
        }
      }
      return out;
    });
    expect([width, broken]).toEqual([width, []]);
    // Nor is any dropdown cut off by its card.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('[role="combobox"]')]
        .filter((el) => {
          const card = el.closest(".fui-Card") ?? document.querySelector("main")!;
          return el.getBoundingClientRect().right > card.getBoundingClientRect().right + 0.5;
        })
        .map((el) => el.getAttribute("aria-label") ?? el.textContent),
    );
    expect([width, clipped]).toEqual([width, []]);
    await page.getByRole("tab", { name: "Kör" }).click();
    await page.getByRole("button", { name: "Kör uppföljningen" }).click();
    await page.getByText(/^Klart: \d+ blad skrevs\.$/).waitFor();
    // The key figures stand two to a row: Budget and Utfall side by side.
    const [budget, base] = await Promise.all(
      ["Visa i arbetsboken: Budget", "Visa i arbetsboken: Utfall"].map((name) => page.getByRole("button", { name, exact: true }).boundingBox()),
    );
    expect(Math.abs(budget!.y - base!.y)).toBeLessThan(4);
    expect(base!.x).toBeGreaterThan(budget!.x + 100);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // The theme reaches the frame's edge: the pixel at the corner is the theme's background.
    const corner = await page.evaluate(() => {
      for (let el = document.elementFromPoint(1, 1); el; el = el.parentElement) {
        const bg = getComputedStyle(el).backgroundColor;
        if (!/rgba\(0, 0, 0, 0\)|transparent/.test(bg)) return bg;
      }
      return getComputedStyle(document.body).backgroundColor;
    });
    const [r, g, b] = corner.match(/\d+/g)!.map(Number);
    expect([theme, (r + g + b) / 3 < 100]).toEqual([theme, theme !== ""]);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(join(ROOT, "test-results"), { recursive: true });
    const name = `taskpane-${width}${theme === "" ? "" : "-dark"}.png`;
    await page.screenshot({ path: join(ROOT, "test-results", name), fullPage: true });
    if (process.env.FOLJSAM_UPDATE_SCREENSHOT === "1") {
      await page.screenshot({ path: join(ROOT, "docs", name), clip: { x: 0, y: 0, width, height: 2400 }, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 420, height: 900 });
  expect(pageErrors).toEqual([]);
});
