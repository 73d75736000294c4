/**
 * Test-only helpers for the task pane in jsdom: a small workbook in the fake Excel API, the task
 * pane rendered over it, and the few DOM helpers the tests share. Not part of any bundle.
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createFakeWorkbook, fakeExcelRun, type FakeWorkbook, type FakeWorkbookDescription } from "../hosts/office/fake";
import type { RequirementProbe } from "../hosts/office/requirements";
import { TaskPane } from "./components/TaskPane";
import { pickStrings, type Strings } from "./i18n";
import { createServices, memoryStorage, type ExcelRun, type RawSettings } from "./services";
import { smallWorkbookDescription } from "./services/pipeline.testkit";

// jsdom lacks structuredClone; the task pane clones plain JSON settings only.
globalThis.structuredClone ??= <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom's getComputedStyle walks every CSS rule, and Fluent inserts hundreds (Griffel): each
// dropdown that opens would cost seconds of tabster and positioning reads. jsdom has no layout
// anyway, so the tests give an element's inline style; the browser test runs real styles.
if (typeof window !== "undefined") {
  window.getComputedStyle = ((element: Element) => (element as HTMLElement).style) as typeof window.getComputedStyle;
}

/** The small workbook the task pane's tests share (see services/pipeline.testkit.ts). */
export const smallWorkbook = smallWorkbookDescription;

export interface Rendered {
  container: HTMLElement;
  workbook: FakeWorkbook;
  storage: ReturnType<typeof memoryStorage>;
  unmount(): void;
}

export interface RenderOptions {
  description?: FakeWorkbookDescription;
  strings?: Strings;
  stored?: RawSettings | null;
  /** Requirement probe; null as outside Office. */
  requirements?: RequirementProbe | null;
  /** Wraps Excel.run over the fake, e.g. to make a call fail as Excel would. */
  wrapRun?: (run: ExcelRun) => ExcelRun;
}

export function renderTaskPane(options: RenderOptions = {}): Rendered {
  const workbook = createFakeWorkbook(options.description ?? smallWorkbook());
  const storage = memoryStorage(options.stored ?? null);
  const fake: ExcelRun = (batch) => fakeExcelRun(workbook, batch);
  const services = createServices({
    excelRun: options.wrapRun ? options.wrapRun(fake) : fake,
    storage,
    requirements: options.requirements === undefined ? { isSetSupported: (name: string) => name === "ExcelApi" } : options.requirements,
    displayLanguage: "sv-SE",
  });
  const container = document.createElement("div");
  document.body.appendChild(container);
  let root: Root;
  act(() => {
    root = createRoot(container);
    root.render(<TaskPane services={services} strings={options.strings ?? pickStrings("sv-SE")} />);
  });
  return {
    container,
    workbook,
    storage,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Lets promises, timers and React settle until the condition holds (or fails after timeoutMs). */
export async function waitFor(condition: () => boolean, timeoutMs = 15000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`waitFor: villkoret uppfylldes inte i tid; sidan visar: ${document.body.textContent?.slice(0, 2000)}`);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
}

/** The tab of a step. */
export function tab(step: "find" | "settings" | "run"): HTMLElement {
  const found = document.getElementById(`foljsam-tab-${step}`);
  if (!found) throw new Error(`Ingen flik ${step}`);
  return found;
}

/** The button whose text is exactly `text` (or matches it). */
export function button(root: ParentNode, text: string | RegExp): HTMLElement {
  const all = [...root.querySelectorAll<HTMLElement>("button:not([role=tab])")];
  const found = all.find((b) => (typeof text === "string" ? b.textContent?.trim() === text : text.test(b.textContent ?? "")));
  if (!found) throw new Error(`Ingen knapp "${String(text)}" bland: ${all.map((b) => b.textContent?.trim()).join(" | ")}`);
  return found;
}

export function click(element: HTMLElement): void {
  act(() => element.click());
}

/** Types into an input as a user would, so that React's onChange runs. */
export function type(input: HTMLInputElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  act(() => {
    setter.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** The input labelled `label` (a Fluent Field's label). */
export function inputLabelled(root: ParentNode, label: string): HTMLInputElement {
  const labelEl = [...root.querySelectorAll("label")].find((l) => l.textContent?.trim() === label);
  const id = labelEl?.getAttribute("for");
  const input = id ? (document.getElementById(id) as HTMLInputElement | null) : null;
  if (!input) throw new Error(`Inget fält "${label}"`);
  return input;
}

export function text(root: HTMLElement): string {
  return root.textContent ?? "";
}
