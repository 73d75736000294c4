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
  expect(run).toMatch(/Avvikelse\s+75,2\s+▲ Överskott/);
  expect(run).toMatch(/Justerad avvikelse\s+20,0/);
  expect(run).toMatch(/Budgetföljsamhet före resultatöverföringar\s+94,2 %\s+✔/);
  expect(run).toMatch(/✔ Helt\s+7/);
  expect(run).toMatch(/◐ Delvis\s+7/);
  expect(run).toContain("Stöd till utomstående organisationer");
  expect(run).toMatch(/⚠ Varning \(\d+\)/);

  // The workbook gained Följsam's sheets, with the charts of indicators per status and of
  // deviation per area on the summary.
  const sheets = await page.evaluate(() => window.foljsamHarness.sheetNames());
  expect(sheets.slice(0, 4)).toEqual(["Drift", "Investeringar", "Intäkts- och kostnadsslag", "KF-indikatorer"]);
  expect(sheets).toEqual(expect.arrayContaining(["Följsam Sammanfattning", "Följsam Drift", "Följsam Indikatorer", "Följsam Kontroller"]));
  const charts = await page.evaluate(() => window.foljsamHarness.charts("Följsam Sammanfattning"));
  expect(charts.map((c) => [c.type, c.title])).toEqual([
    ["BarClustered", "Indikatorer per måluppfyllelse"],
    ["BarClustered", "Avvikelse per verksamhetsområde"],
  ]);

  // A finding, reached and opened with the keyboard, selects its cell.
  const finding = await tabTo(page, (f) => f.text.startsWith("Stöd till utomstående organisationer") && f.text.includes("kräver en förklaring"));
  expect(finding.text).toContain("Drift!A15");
  expect(finding.ring).toBe(true);
  await page.keyboard.press("Enter");
  await page.getByText("Markerade Drift!A15 i arbetsboken.").waitFor();
  expect(await page.evaluate(() => window.foljsamHarness.selection())).toEqual({ activeSheet: "Drift", address: "Drift!A15" });
  expect(await axeViolations(page)).toEqual([]);

  mkdirSync(join(ROOT, "test-results"), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  if (process.env.FOLJSAM_UPDATE_SCREENSHOT === "1") {
    // The README's picture: the top of the pane, the summary and the first findings.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ROOT, "docs", "taskpane.png"), fullPage: true, clip: { x: 0, y: 0, width: 420, height: 1500 } });
  }

  // The filter hides a severity, and its findings with it.
  await page.getByRole("button", { name: /^ℹ Information \(\d+\)$/ }).click();
  expect(await page.getByRole("button", { name: /^ℹ Information/ }).getAttribute("aria-pressed")).toBe("false");
  expect(await page.locator('[role="tabpanel"]').innerText()).not.toContain("Skillnaden kvinnor − män");

  expect(offsite).toEqual([]);
  expect(pageErrors).toEqual([]);
});
