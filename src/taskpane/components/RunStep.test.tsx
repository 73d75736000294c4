/** @jest-environment jsdom */
/**
 * Kör in jsdom over the fake Excel API: blocked while a setting is invalid, Office errors beside
 * the action, the work list as one tab stop over pages, cancelling, the error boundary, the
 * page without office.js, and the English pane with English finding texts.
 */
import { act } from "react";
import { createRoot } from "react-dom/client";
import { createFakeWorkbook, fakeExcelRun, FakeOfficeError, type FakeWorkbookDescription } from "../../hosts/office/fake";
import { isDarkColor } from "../app";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { createServices, memoryStorage, RunCancelled, type ExcelRun } from "../services";
import { button, click, inputLabelled, renderTaskPane, tab, text, type, waitFor } from "../taskpane.testkit";
import { ErrorBoundary } from "./ErrorBoundary";
import { progressValue } from "./RunStep";

afterEach(() => {
  document.body.innerHTML = "";
});

const body = () => text(document.body);

/** A drift sheet of `n` areas whose Bokslut cell is not a number: n NUMBER_PARSE findings, one row each. */
function badNumbers(n: number): FakeWorkbookDescription {
  const rows: (string | number | null)[][] = [["Verksamhetsområde, mnkr", "Budget 2024", "Bokslut 2024"]];
  for (let i = 1; i <= n; i++) rows.push([`Område ${i}`, 10, "tio"]);
  return { name: "Många.xlsx", sheets: [{ name: "Drift", rows }] };
}

/**
 * Fails the first Excel.run after arm(): the pane's own runs at start (watching the workbook for
 * changes, loading corrections) go through first.
 */
function failOnce(error: unknown): { wrap: (run: ExcelRun) => ExcelRun; arm: () => void } {
  let state: "waiting" | "armed" | "done" = "waiting";
  return {
    arm: () => {
      state = "armed";
    },
    wrap: (run) => (batch) => {
      if (state !== "armed") return run(batch);
      state = "done";
      return Promise.reject(error);
    },
  };
}

describe("Kör", () => {
  it("is blocked, with the field named, while a setting is invalid", () => {
    renderTaskPane();
    click(tab("settings"));
    type(inputLabelled(document.body, sv.settings.fields.commentThresholdMnkr.label), "mycket");
    click(tab("run"));
    expect(button(document.body, sv.run.run).hasAttribute("disabled")).toBe(true);
    expect(button(document.body, sv.run.check).hasAttribute("disabled")).toBe(true);
    expect(body()).toContain(sv.run.blocked(sv.settings.fields.commentThresholdMnkr.label));
    click(button(document.body, sv.run.toSettings));
    expect(tab("settings").getAttribute("aria-selected")).toBe("true");
  });

  it("shows an Office error as one Swedish sentence with a next step, beside the action that failed", async () => {
    // A cell in edit mode: the host cannot work around it (a too large response it can, by halving the block).
    const failure = failOnce(new FakeOfficeError("InvalidOperationInCellEditMode", "The operation is not allowed while a cell is being edited."));
    renderTaskPane({ wrapRun: failure.wrap });
    click(tab("run"));
    failure.arm();
    click(button(document.body, sv.run.run));
    await waitFor(() => body().includes(sv.app.errorTitle));
    const alert = document.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain("Excel redigerar en cell just nu. Tryck Enter eller Esc för att lämna cellen och försök igen.");
    expect(alert.textContent).not.toMatch(/InvalidOperation|oväntat/);
    // Beside Kör's buttons, not at the top of the pane.
    expect(alert.closest('[role="tabpanel"]')).not.toBeNull();
    click(button(document.body, sv.run.run));
    await waitFor(() => /Klart: \d+ blad skrevs\./.test(body()));
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it("in a workbook that already holds Följsam's sheets, names them before replacing, even before Hitta has read it", async () => {
    const sheets = [...badNumbers(2).sheets, { name: "Följsam Sammanfattning", rows: [["Gammal"]], followUp: true }, { name: "Min egen", rows: [["Min"]] }];
    renderTaskPane({ description: { name: "Förra.xlsx", sheets } });
    click(tab("run"));
    click(button(document.body, sv.run.run));
    await waitFor(() => body().includes(sv.run.replaceQuestion));
    const question = [...document.querySelectorAll("li")].map((li) => li.textContent);
    expect(question).toContain("Följsam Sammanfattning");
    expect(question).not.toContain("Min egen");
  });

  it("an Office error while reading under Hitta appears under Hitta's button", async () => {
    const failure = failOnce(new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist."));
    renderTaskPane({ wrapRun: failure.wrap });
    failure.arm();
    click(button(document.body, sv.find.read));
    await waitFor(() => body().includes(sv.app.errorTitle));
    expect(document.querySelector('[role="alert"]')!.textContent).toContain("Läs arbetsboken igen under Hitta");
  });
});

describe("the work list", () => {
  it("is one tab stop over 300 findings, 20 entries a page, moved through with the arrows and Page Down", async () => {
    renderTaskPane({ description: badNumbers(300) });
    click(tab("run"));
    click(button(document.body, sv.run.check));
    await waitFor(() => body().includes(sv.run.checked));
    const entries = () => [...document.querySelectorAll<HTMLElement>('[aria-describedby$="-advice"]')];
    expect(entries()).toHaveLength(20);
    expect(entries().filter((e) => e.tabIndex === 0)).toHaveLength(1);
    expect(body()).toContain(sv.findings.pageOf(1, 15, 300));
    act(() => entries()[0].focus());
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    });
    expect(document.activeElement?.textContent).toContain("Område 2");
    expect(entries().filter((e) => e.tabIndex === 0)[0]).toBe(document.activeElement);
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "PageDown", bubbles: true }));
    });
    await waitFor(() => body().includes(sv.findings.pageOf(2, 15, 300)));
    await waitFor(() => document.activeElement?.textContent?.includes("Område 21") === true);
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
    });
    expect(document.activeElement?.textContent).toContain("Område 40");
    // The entry names the bad cell: Bokslut is column C.
    expect(document.activeElement?.textContent).toContain(sv.findings.goToCell("Drift!C41"));
  });
});

describe("progress and cancelling", () => {
  it("reports each compute step before the writing, yielding to the page between them", async () => {
    const workbook = createFakeWorkbook(badNumbers(3));
    const services = createServices({ excelRun: (b) => fakeExcelRun(workbook, b), storage: memoryStorage(), requirements: { isSetSupported: () => true } });
    const seen: string[] = [];
    await services.run({ mode: "run", stored: null, corrections: {} }, (p) => seen.push(p.phase === "read" ? "read" : `${p.phase} ${p.done}/${p.total}`));
    const computeSteps = seen.filter((s) => s.startsWith("compute"));
    expect(computeSteps).toEqual(["compute undefined/undefined", "compute 0/3", "compute 1/3", "compute 2/3"]);
    expect(seen.indexOf("compute 2/3")).toBeLessThan(seen.findIndex((s) => s.startsWith("write")));
    expect(progressValue("run", { phase: "compute", done: 1, total: 3 })).toBeGreaterThan(progressValue("run", { phase: "compute", done: 0, total: 3 }));
  });

  it("stops a run before anything is written", async () => {
    const workbook = createFakeWorkbook(badNumbers(3));
    const services = createServices({ excelRun: (b) => fakeExcelRun(workbook, b), storage: memoryStorage(), requirements: { isSetSupported: () => true } });
    const controller = new AbortController();
    const run = services.run({ mode: "run", stored: null, corrections: {} }, () => controller.abort(), controller.signal);
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Drift"]);
  });
});

describe("the pane itself", () => {
  it("catches a render error and says what to do, in place of a blank pane", () => {
    let broken = true;
    function Fragile() {
      if (broken) throw new Error("trasig");
      return <p>hel</p>;
    }
    const container = document.createElement("div");
    document.body.appendChild(container);
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    const error = jest.spyOn(console, "error").mockImplementation(() => {});
    act(() =>
      createRoot(container).render(
        <ErrorBoundary strings={sv}>
          <Fragile />
        </ErrorBoundary>,
      ),
    );
    expect(container.textContent).toContain(sv.app.crashTitle);
    broken = false;
    click(button(container, sv.app.crashReload));
    expect(container.textContent).toBe("hel");
    warn.mockRestore();
    error.mockRestore();
  });

  it("without office.js shows the Swedish page Följsam körs inte i Excel", async () => {
    document.body.innerHTML = '<div id="container"></div>';
    Object.defineProperty(navigator, "language", { value: "sv-SE", configurable: true });
    await act(async () => {
      await import("../index");
    });
    expect(body()).toContain(sv.app.notInExcelTitle);
    expect(body()).toContain(sv.app.notInExcel);
  });

  it("reads Office's dark theme from its background colour", () => {
    expect(isDarkColor("#1F1F1F")).toBe(true);
    expect(isDarkColor("#FFFFFF")).toBe(false);
    expect(isDarkColor("#F3F2F1")).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
  });

  it("in English shows the findings' English texts", async () => {
    renderTaskPane({ strings: en });
    click(tab("run"));
    click(button(document.body, en.run.check));
    await waitFor(() => body().includes(en.run.checked));
    expect(body()).toContain("The deviation 5,0 mnkr requires an explanation.");
    expect(body()).toContain(en.findings.todo("Write an explanation in the Kommentar column"));
    expect(body()).not.toContain("kräver en förklaring");
  });
});
