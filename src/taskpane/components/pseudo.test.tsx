/** @jest-environment jsdom */
/**
 * Fails when the task pane shows a text that is not in the string table: the pane is rendered
 * with a pseudo-localised table (every string wrapped in ⟦ ⟧) through every step and state, and
 * every text node and spoken attribute on the page must be wrapped, or be data from the workbook
 * or the engine (marked by <Value>).
 */
import { hardCodedTexts, pseudoLocalise } from "../i18n/pseudo.testkit";
import { sv } from "../i18n/sv";
import { button, click, inputLabelled, renderTaskPane, tab, type, waitFor } from "../taskpane.testkit";

const p = pseudoLocalise(sv);

function expectAllFromTable(): void {
  expect(hardCodedTexts(document.body)).toEqual([]);
}

afterEach(() => {
  document.body.innerHTML = "";
});

it("every text of Hitta, Inställningar and Kör comes from the string table", async () => {
  const pane = renderTaskPane({ strings: p });
  expectAllFromTable();

  // Hitta, before and after reading the workbook, with a correction made.
  click(button(document.body, p.find.read));
  await waitFor(() => document.body.textContent!.includes(p.find.found(2)));
  expectAllFromTable();
  const comboboxes = [...document.querySelectorAll<HTMLElement>('[role="combobox"]')];
  expect(comboboxes.length).toBeGreaterThan(5);
  click(comboboxes[comboboxes.length - 1]);
  await waitFor(() => document.querySelector('[role="option"]') !== null);
  expectAllFromTable();
  click([...document.querySelectorAll<HTMLElement>('[role="option"]')][0]);
  await waitFor(() => document.body.textContent!.includes(p.find.corrected));
  expectAllFromTable();

  // Inställningar, with an inline validation message and the save status.
  click(tab("settings"));
  expectAllFromTable();
  type(inputLabelled(document.body, p.settings.fields.commentThresholdMnkr.label), "mycket");
  expectAllFromTable();
  type(inputLabelled(document.body, p.settings.fields.commentThresholdMnkr.label), "-1");
  await waitFor(() => document.body.textContent!.includes("ska vara ett tal"));
  expectAllFromTable();
  type(inputLabelled(document.body, p.settings.fields.commentThresholdMnkr.label), "2");
  await waitFor(() => document.body.textContent!.includes(p.settings.saved));
  expectAllFromTable();

  // Kör: a check, a run, a finding clicked, a severity hidden.
  click(tab("run"));
  expectAllFromTable();
  click(button(document.body, p.run.check));
  await waitFor(() => document.body.textContent!.includes(p.run.checked));
  expectAllFromTable();
  click(button(document.body, p.run.run));
  await waitFor(() => /Klart/.test(document.body.textContent!));
  expectAllFromTable();
  click(button(document.body, /Barn och ungdom/));
  await waitFor(() => document.body.textContent!.includes("Markerade"));
  expectAllFromTable();
  click(button(document.body, /Varning/));
  expectAllFromTable();
  click(button(document.body, p.run.template));
  await waitFor(() => document.body.textContent!.includes(p.app.errorTitle));
  expectAllFromTable();
  pane.unmount();
});

it("every text of Skapa mall comes from the string table", async () => {
  renderTaskPane({ strings: p, description: { name: "Ny.xlsx", sheets: [{ name: "Blad1" }] } });
  click(tab("run"));
  expectAllFromTable();
  click(button(document.body, p.run.template));
  await waitFor(() => document.body.textContent!.includes("Mallen är skapad"));
  expectAllFromTable();
});

it("every text of the error and requirement messages comes from the string table", async () => {
  renderTaskPane({ strings: p, requirements: null });
  expectAllFromTable();
  document.body.innerHTML = "";

  renderTaskPane({ strings: p, requirements: { isSetSupported: () => false } });
  expectAllFromTable();
  document.body.innerHTML = "";

  renderTaskPane({ strings: p, description: { sheets: [{ name: "Blad1", rows: [["Hej"]] }] }, stored: { period: "Q3" } });
  click(tab("settings"));
  expectAllFromTable();
  click(tab("run"));
  // Kör is blocked, with the reason, while a setting is invalid.
  expect(document.body.textContent).toContain(p.run.blocked(p.run.storedSettings));
  expectAllFromTable();
  document.body.innerHTML = "";

  renderTaskPane({ strings: p, description: { sheets: [{ name: "Blad1", rows: [["Hej"]] }] } });
  click(tab("run"));
  click(button(document.body, p.run.run));
  await waitFor(() => document.body.textContent!.includes(p.app.errorTitle));
  expectAllFromTable();
});
