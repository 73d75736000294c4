/**
 * No stale mappings: a correction made under Hitta is kept by sheet and header text, in the
 * workbook's settings, so that a column inserted afterwards moves nothing; the pane hears of the
 * change (ExcelApi 1.7 events) and a correction whose header is gone is named, not applied.
 */
import { amountFromNumber } from "../../engine/amount";
import { createFakeWorkbook, fakeExcelRun, fakeRequirements, type FakeWorkbook } from "../../hosts/office/fake";
import { createServices, memoryStorage, type RunOutcome } from ".";
import type { Corrections } from "./pipeline";

globalThis.structuredClone ??= <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Two candidate budget columns; the user says which one is the budget. */
function workbook(): FakeWorkbook {
  return createFakeWorkbook({
    name: "Nämnd.xlsx",
    sheets: [
      {
        name: "Drift",
        rows: [
          ["Verksamhetsområde, mnkr", "Budget 2024", "Ram 2024", "Bokslut 2024", "Kommentar"],
          ["Skola", 100, 110, 95, "Färre elever"],
          ["Vård", 50, 60, 52, "Fler placeringar"],
        ],
      },
    ],
  });
}

function services(data: FakeWorkbook, corrections: Corrections = {}) {
  const storage = memoryStorage(null, corrections);
  return {
    storage,
    services: createServices({ excelRun: (batch) => fakeExcelRun(data, batch), storage, requirements: fakeRequirements(data) }),
  };
}

const ramIsBudget: Corrections = { "drift@Drift": { columns: { "Ram 2024": "budget", "Budget 2024": null } } };

function budgetOf(outcome: RunOutcome) {
  return outcome.result.operating?.total.budget;
}

const noProgress = () => undefined;

describe("corrections kept by header text", () => {
  it("correct a column, insert a column before it, run: the figures are unchanged", async () => {
    const data = workbook();
    const { services: pane } = services(data);
    const before = await pane.run({ mode: "run", stored: { period: "VB" }, corrections: ramIsBudget }, noProgress);
    // Ram 2024: 110 + 60, by hand.
    expect(budgetOf(before)).toBe(amountFromNumber(170));

    data.insertColumns(data.sheet("Drift"), 1);
    expect(data.sheet("Drift").cells.size).toBeGreaterThan(0);
    const after = await pane.run({ mode: "run", stored: { period: "VB" }, corrections: ramIsBudget }, noProgress);
    expect(budgetOf(after)).toBe(amountFromNumber(170));
    expect(after.result.operating?.total.actual).toBe(amountFromNumber(147));
    expect(after.lostCorrections).toEqual([]);
  });

  it("names a correction whose header is gone, and does not apply it", async () => {
    const data = workbook();
    const { services: pane } = services(data);
    data.sheet("Drift").cells.get(2)!.value = "Ram (ändrad)";
    const corrections: Corrections = { "drift@Drift": { columns: { "Ram 2024": "budget" } } };
    const outcome = await pane.run({ mode: "check", stored: { period: "VB" }, corrections }, noProgress);
    expect(outcome.lostCorrections).toEqual([{ table: "drift@Drift", sheet: "Drift", header: "Ram 2024", field: "budget" }]);
    // Budget 2024 is read as the budget, as without the correction: 100 + 50.
    expect(budgetOf(outcome)).toBe(amountFromNumber(150));
  });

  it("keeps the corrections in the workbook's settings, so a reloaded pane has them", async () => {
    const data = workbook();
    const first = services(data);
    await first.services.saveCorrections(ramIsBudget);
    // A new pane over the same document settings (a reload).
    const reloaded = createServices({ excelRun: (batch) => fakeExcelRun(data, batch), storage: first.storage, requirements: fakeRequirements(data) });
    expect(reloaded.storedCorrections()).toEqual(ramIsBudget);
  });
});

describe("workbook changes", () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it("the pane hears of a column inserted or a sheet added by the user, not of its own writes", async () => {
    const data = workbook();
    const { services: pane } = services(data);
    let changes = 0;
    const stop = await pane.watchWorkbook(() => changes++);
    expect(data.handlerCount("changed")).toBe(1);
    expect(data.handlerCount("added")).toBe(1);
    expect(data.handlerCount("deleted")).toBe(1);

    await pane.run({ mode: "run", stored: { period: "VB" }, corrections: {} }, noProgress);
    await tick();
    expect(changes).toBe(0);

    data.insertColumns(data.sheet("Drift"), 0);
    await tick();
    expect(changes).toBe(1);
    data.addSheet("Anteckningar");
    await tick();
    expect(changes).toBe(2);

    stop();
    data.typeValue(data.sheet("Drift"), 1, 1, 120);
    await tick();
    expect(changes).toBe(2);
  });

  it("an Excel without the 1.7 events says so with ApiNotFound", async () => {
    const data = createFakeWorkbook({ excelApiMinor: 6, sheets: [{ name: "Drift" }] });
    const { services: pane } = services(data);
    await expect(pane.watchWorkbook(() => undefined)).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
