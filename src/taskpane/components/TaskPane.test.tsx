/** @jest-environment jsdom */
/**
 * The task pane's behaviour in jsdom over the fake Excel API: corrections under Hitta reach the
 * run, settings are validated inline and saved in the workbook, Kör shows the summary and the
 * findings grouped and filterable by severity, a finding selects its cell, errors are messages.
 */
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { button, click, inputLabelled, renderTaskPane, tab, text, type, waitFor } from "../taskpane.testkit";
import { SAVE_DELAY_MS } from "../store/StoreProvider";
import { progressValue } from "./RunStep";

afterEach(() => {
  document.body.innerHTML = "";
});

const body = () => text(document.body);

async function readWorkbook(): Promise<void> {
  click(button(document.body, sv.find.read));
  await waitFor(() => body().includes(sv.find.found(2)));
}

async function run(): Promise<void> {
  click(tab("run"));
  click(button(document.body, sv.run.run));
  await waitFor(() => /Klart: \d+ blad skrevs\./.test(body()));
}

function option(name: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent === name);
  if (!found) throw new Error(`Inget alternativ ${name}`);
  return found;
}

/** The dropdown named `label`: by aria-label, or by the Field label pointing at it. */
function combobox(label: string): HTMLElement {
  const byAria = [...document.querySelectorAll<HTMLElement>('[role="combobox"]')].find((c) => c.getAttribute("aria-label") === label);
  const labelFor = [...document.querySelectorAll("label")].find((l) => l.textContent === label)?.getAttribute("for");
  const found = byAria ?? (labelFor ? document.getElementById(labelFor) : null);
  if (!found || found.getAttribute("role") !== "combobox") throw new Error(`Ingen lista ${label}`);
  return found;
}

async function choose(label: string, name: string): Promise<void> {
  click(combobox(label));
  await waitFor(() => document.querySelector('[role="option"]') !== null);
  click(option(name));
}

describe("Hitta", () => {
  it("lists each table with its sheet, kind, unit, year and header → field mapping", async () => {
    renderTaskPane();
    await readWorkbook();
    expect(body()).toContain(sv.find.tableHeading("Drift", sv.kinds.drift));
    expect(body()).toContain(sv.find.tableHeading("Indikatorer", sv.kinds.indicators));
    expect(combobox(sv.find.mappingLabel("Budget 2024")).textContent).toContain(sv.fields.budget);
    expect(combobox(sv.find.mappingLabel("Kommentar")).textContent).toContain(sv.fields.comment);
    expect(combobox(sv.find.unitLabel("Drift")).textContent).toContain("mnkr");
    expect(combobox(sv.find.periodLabel).textContent).toContain(sv.periods.VB);
    expect(body()).toContain(sv.find.unitSource.header);
  });

  it("a column set to 'ignoreras' reaches the run; Ångra puts it back", async () => {
    const pane = renderTaskPane();
    await readWorkbook();
    await choose(sv.find.mappingLabel("Kommentar"), sv.find.ignored);
    expect(combobox(sv.find.mappingLabel("Kommentar")).textContent).toContain(sv.find.ignored);
    await run();
    const needsComment = [...document.querySelectorAll("li")].filter((li) => li.textContent?.includes("kräver en förklaring"));
    expect(needsComment.map((li) => li.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining("Vuxna"), expect.stringContaining("Barn och ungdom")]),
    );
    expect(pane.workbook.sheets.map((s) => s.name)).toContain("Följsam Drift");

    click(tab("find"));
    click(button(document.body, sv.find.undo));
    expect(combobox(sv.find.mappingLabel("Kommentar")).textContent).toContain(sv.fields.comment);
  });

  it("the unit and the period are corrected with dropdowns; the period is saved as a setting", async () => {
    const pane = renderTaskPane();
    await readWorkbook();
    await choose(sv.find.unitLabel("Drift"), sv.units.tkr);
    expect(body()).toContain(sv.find.unitSource.corrected);
    await choose(sv.find.periodLabel, sv.periods.T2);
    await waitFor(() => pane.storage.saved !== null, SAVE_DELAY_MS + 2000);
    expect(pane.storage.saved).toEqual({ period: "T2" });
    await run();
    expect(body()).toContain(sv.run.summaryHeading("T2 2024", "tkr"));
  });
});

describe("Inställningar", () => {
  it("shows the stored settings, validates as typed, saves valid values in the workbook and resets", async () => {
    const pane = renderTaskPane({ stored: { indicators: { tolerance: 0.2 } } });
    await readWorkbook();
    click(tab("settings"));
    expect(inputLabelled(document.body, sv.settings.fields.tolerance.label).value).toBe("20");
    expect(combobox(sv.settings.earmarkLabel("Nyanlända")).textContent).toContain(sv.settings.earmarkModes.surplusOnly);

    const amount = inputLabelled(document.body, sv.settings.fields.commentThresholdMnkr.label);
    type(amount, "ett");
    expect(body()).toContain(sv.settings.notANumber);
    type(amount, "-2");
    expect(body()).toContain('"commentThreshold.mnkr" ska vara ett tal ≥ 0');
    expect(amount.getAttribute("aria-invalid")).toBe("true");
    type(amount, "10,5");
    expect(body()).not.toContain(sv.settings.notANumber);
    type(inputLabelled(document.body, sv.settings.fields.commentThresholdShare.label), "10");
    await choose(sv.settings.earmarkLabel("Nyanlända"), sv.settings.earmarkModes.both);
    await waitFor(() => body().includes(sv.settings.saved), SAVE_DELAY_MS + 2000);
    expect(pane.storage.saved).toEqual({ indicators: { tolerance: 0.2 }, commentThreshold: { mnkr: 10.5, share: 0.1 }, earmarks: { Nyanlända: { mode: "both" } } });

    // Thresholds of 10,5 mnkr and 10 %: no area of the small workbook needs a comment.
    await run();
    const driftComments = [...document.querySelectorAll("li")].filter((li) => li.textContent?.includes("kräver en förklaring"));
    expect(driftComments).toEqual([]);

    click(tab("settings"));
    click(button(document.body, sv.settings.reset));
    await waitFor(() => body().includes(sv.settings.resetDone), SAVE_DELAY_MS + 2000);
    expect(pane.storage.saved).toBeNull();
    expect(inputLabelled(document.body, sv.settings.fields.commentThresholdMnkr.label).value).toBe("1");
  });

  it("says so when the settings stored in the workbook cannot be used, and still renders", async () => {
    renderTaskPane({ stored: { tolerans: 3 } });
    click(tab("settings"));
    expect(body()).toContain(sv.settings.invalidStored);
    expect(body()).toContain('okänd inställning "tolerans"');
  });
});

describe("Kör", () => {
  it("shows the summary as a bridge that adds up, with symbols and Swedish numbers, and the findings grouped by sheet", async () => {
    const pane = renderTaskPane();
    await run();
    expect(body()).toContain(sv.run.summaryHeading("VB 2024", "mnkr"));
    // Card: label, figure, note. By hand: budget 100 + 50 + 20 = 170, utfall 95 + 52 + 18 = 165,
    // Nyanlända 20 − 18 = 2 returned, no result units: 5,0 + 0 − 2,0 = 3,0; 165 / 170 = 97,1 %.
    const cards = [...document.querySelectorAll("h4")].map((h) => `${h.textContent} ${h.nextElementSibling?.textContent} ${h.nextElementSibling?.nextElementSibling?.textContent ?? ""}`);
    expect(cards).toEqual(
      expect.arrayContaining([
        `${sv.run.cards.budget} 170,0 ${sv.run.showInWorkbook}`,
        `${sv.run.cards.base("VB")} 165,0 ${sv.run.showInWorkbook}`,
        `${sv.run.cards.deviation} 5,0 ${sv.run.surplus}`,
        `${sv.run.cards.resultTransfers} 0,0 ${sv.run.showInWorkbook}`,
        `${sv.run.cards.returnedFunds} -2,0 ${sv.run.showInWorkbook}`,
        `${sv.run.cards.adjustedDeviation} 3,0 ${sv.run.surplus}`,
        `${sv.run.cards.adherenceBefore} 97,1 % ${sv.run.withinTarget}`,
        `${sv.run.cards.forecastAccuracy} ${sv.run.notAvailable} ${sv.run.accuracyNoColumn}`,
      ]),
    );
    expect(body()).toContain("5,0 + (0,0) + (-2,0) = 3,0");
    expect(body()).not.toContain("Beräknas i VB");
    expect(body()).toContain(`${sv.status.full}1`);
    expect(body()).toContain(`${sv.status.none}1`);
    const groups = [...document.querySelectorAll("h4")].map((h) => h.textContent);
    expect(groups).toEqual(expect.arrayContaining([sv.findings.sheetGroup("Drift"), sv.findings.sheetGroup("Indikatorer")]));
    expect(pane.workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Följsam Sammanfattning", "Följsam Kontroller"]));
  });

  it("each figure links to its cell on Följsam Sammanfattning, and the confirmation stays in its card", async () => {
    const pane = renderTaskPane();
    await run();
    const link = [...document.querySelectorAll<HTMLElement>("button")].find((b) => b.getAttribute("aria-label") === sv.run.showInWorkbookLabel(sv.run.cards.deviation))!;
    click(link);
    // Title, source, note, blank, header, Budget (6), Utfall (7), Avvikelse (8).
    await waitFor(() => body().includes(sv.findings.selected("Följsam Sammanfattning!B8")));
    expect(pane.workbook.selection).toBe("'Följsam Sammanfattning'!B8");
    expect(pane.workbook.activeSheet?.name).toBe("Följsam Sammanfattning");
    expect(link.closest("[class*=fui-Card]")?.textContent).toContain(sv.findings.selected("Följsam Sammanfattning!B8"));
  });

  it("after writing, links each written sheet; before replacing them, names them and asks", async () => {
    const pane = renderTaskPane();
    await run();
    const written = pane.workbook.sheets.map((s) => s.name).filter((n) => n.startsWith("Följsam"));
    const links = [...document.querySelectorAll('[aria-labelledby="foljsam-written"] li button')].map((b) => b.textContent);
    expect(links.sort()).toEqual([...written].sort());
    click(button(document.body, sv.run.run));
    expect(body()).toContain(sv.run.replaceQuestion);
    for (const name of written) expect(body()).toContain(name);
    // The earlier results stay while the pane asks.
    expect(body()).toContain(sv.run.cards.adjustedDeviation);
    click(button(document.body, sv.run.replaceCancel));
    expect(body()).not.toContain(sv.run.replaceQuestion);
    click(button(document.body, sv.run.run));
    click(button(document.body, sv.run.replaceConfirm));
    // While the new run works, the last results stay, marked as the last run's.
    expect(body()).toContain(sv.run.stale);
    expect(body()).toContain(sv.run.cards.adjustedDeviation);
    await waitFor(() => /Klart: \d+ blad skrevs\./.test(body()) && !body().includes(sv.run.replaceQuestion));
    expect(pane.workbook.sheets.map((s) => s.name).filter((n) => n.startsWith("Följsam")).sort()).toEqual([...written].sort());
  });

  it("filters the findings by severity with toggle buttons", async () => {
    renderTaskPane();
    await run();
    const info = button(document.body, /^ℹ Information \(\d+\)$/);
    expect(info.getAttribute("aria-pressed")).toBe("true");
    expect(body()).toContain("Skillnaden kvinnor − män");
    click(info);
    expect(info.getAttribute("aria-pressed")).toBe("false");
    expect(body()).not.toContain("Skillnaden kvinnor − män");
    click(button(document.body, /^⚠ Varning/));
    click(button(document.body, /^✖ Fel/));
    expect(body()).toContain(sv.findings.allHidden);
    click(info);
    expect(body()).toContain("Skillnaden kvinnor − män");
  });

  it("an entry for a missing comment selects the row's Kommentar cell, says what to do, and confirms beside it", async () => {
    const pane = renderTaskPane();
    await run();
    const entry = button(document.body, /^Barn och ungdom⚠ Varning: Avvikelsen 5,0 mnkr kräver en förklaring\./);
    expect(entry.textContent).toContain(sv.findings.goToCell("Drift!E2"));
    expect(entry.closest("li")?.textContent).toContain(sv.findings.todo("Skriv en förklaring i kolumnen Kommentar"));
    click(entry);
    await waitFor(() => body().includes(sv.findings.selected("Drift!E2")));
    expect(entry.closest("li")?.textContent).toContain(sv.findings.selected("Drift!E2"));
    expect(pane.workbook.activeSheet?.name).toBe("Drift");
    expect(pane.workbook.selection).toBe("Drift!E2");
  });

  it("Kontrollera shows the findings and writes no sheet", async () => {
    const pane = renderTaskPane();
    click(tab("run"));
    click(button(document.body, sv.run.check));
    await waitFor(() => body().includes(sv.run.checked));
    expect(body()).toMatch(/Kontroller \(\d+\)/);
    expect(body()).toContain("Barn och ungdom");
    expect(pane.workbook.sheets.map((s) => s.name)).toEqual(["Drift", "Indikatorer"]);
  });

  it("a workbook Följsam cannot read gives the pipeline's message, not a crash", async () => {
    renderTaskPane({ description: { name: "Tom.xlsx", sheets: [{ name: "Blad1", rows: [["Hej", "då"]] }] } });
    click(tab("run"));
    click(button(document.body, sv.run.run));
    await waitFor(() => body().includes(sv.app.errorTitle));
    expect(body()).toContain("Tom.xlsx: hittar ingen tabell att följa upp.");
    click(button(document.body, sv.app.dismiss));
    expect(body()).not.toContain(sv.app.errorTitle);
    expect(button(document.body, sv.run.run).hasAttribute("disabled")).toBe(false);
  });

  it("Skapa mall adds the template's input sheets, for the period and year chosen in Inställningar, and Hitta finds them", async () => {
    const pane = renderTaskPane({ description: { name: "Ny.xlsx", sheets: [{ name: "Blad1" }] } });
    click(tab("settings"));
    await choose(sv.settings.fields.period.label, sv.periods.T2);
    type(inputLabelled(document.body, sv.settings.fields.year.label), "2026");
    click(tab("run"));
    expect(body()).toContain(sv.run.templateHelp("T2 2026"));
    click(button(document.body, sv.run.template));
    await waitFor(() => /Mallen är skapad/.test(body()));
    const added = pane.workbook.sheets.map((s) => s.name).slice(1);
    expect(body()).toContain(sv.run.templateDone(added.length));
    expect(added).toEqual(expect.arrayContaining(["Drift", "Investeringar", "Indikatorer", "Inställningar"]));
    expect(pane.workbook.names).toEqual([]);
    expect(pane.workbook.sheet("Drift").freeze).not.toBeNull();

    click(tab("find"));
    click(button(document.body, sv.find.read));
    await waitFor(() => body().includes(sv.find.found(4)));
  });

  it("Skapa mall next to sheets of the same name stops with the host's message", async () => {
    const pane = renderTaskPane();
    click(tab("run"));
    click(button(document.body, sv.run.template));
    await waitFor(() => body().includes(sv.app.errorTitle));
    expect(body()).toContain('Bladet "Drift" finns redan i arbetsboken');
    expect(pane.workbook.sheets.map((s) => s.name)).toEqual(["Drift", "Indikatorer"]);
  });

  it("the progress bar moves through reading, computing and writing", () => {
    expect(progressValue("run", null)).toBe(0);
    expect(progressValue("run", { phase: "read" })).toBeLessThan(progressValue("run", { phase: "compute" }));
    expect(progressValue("run", { phase: "write", done: 1, total: 4 })).toBeCloseTo(0.4);
    expect(progressValue("run", { phase: "write", done: 4, total: 4 })).toBe(1);
    expect(progressValue("template", { phase: "write", done: 1, total: 4 })).toBe(0.25);
  });
});

describe("the host", () => {
  it("outside Office the steps cannot start, and the pane says why", () => {
    renderTaskPane({ requirements: null });
    expect(body()).toContain(sv.app.notInExcel);
    expect(button(document.body, sv.find.read).hasAttribute("disabled")).toBe(true);
  });

  it("an Excel without ExcelApi 1.7 is named too old", () => {
    renderTaskPane({ requirements: { isSetSupported: (_name, version) => version === undefined || Number(String(version).split(".")[1]) < 7 } });
    expect(body()).toContain(sv.app.tooOld("ExcelApi 1.7"));
  });

  it("speaks English when Office's display language is not Swedish", () => {
    renderTaskPane({ strings: en });
    expect([...document.querySelectorAll('[role="tab"]')].map((t) => t.getAttribute("value"))).toEqual(["find", "settings", "run"]);
    expect(tab("run").textContent).toContain("Run");
    expect(body()).toContain(en.find.read);
  });
});
