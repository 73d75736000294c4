import type { WorkbookGrid } from "../../workbook/cells";
import { initialState, reducer } from "./state";

const grid: WorkbookGrid = { source: "Nämnd.xlsx", sheets: [{ name: "Drift", rows: [] }] };

describe("the store's corrections and staleness", () => {
  it("keeps a column correction by its header text, and by position only for a column without one", () => {
    let state = reducer(initialState(null), { type: "correctColumn", table: "drift@Drift", col: 2, header: "Ram 2024", field: "budget" });
    state = reducer(state, { type: "correctColumn", table: "drift@Drift", col: 0, header: "", field: "area" });
    expect(state.corrections).toEqual({ "drift@Drift": { columns: { "Ram 2024": "budget", "#0": "area" } } });
    expect(state.correctionsVersion).toBe(2);
  });

  it("marks what was read stale when the workbook changes, until it is read again", () => {
    const before = reducer(initialState(null), { type: "workbookChanged" });
    expect(before.stale).toBe(false); // nothing read yet: nothing to be stale
    const read = reducer(initialState(null), { type: "readDone", grid });
    const changed = reducer(read, { type: "workbookChanged" });
    expect(changed.stale).toBe(true);
    expect(reducer(changed, { type: "readDone", grid }).stale).toBe(false);
  });

  it("starts from the corrections stored in the workbook", () => {
    const stored = { "drift@Drift": { columns: { "Ram 2024": "budget" } } };
    expect(initialState(null, stored).corrections).toEqual(stored);
  });
});
