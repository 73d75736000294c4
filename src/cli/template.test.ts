import { defaultTemplatePeriod } from "./template";

describe("the template's period when none is given", () => {
  it.each<[string, string, number]>([
    ["2026-01-15", "VB", 2025],
    ["2026-02-28", "VB", 2025],
    ["2026-03-01", "T1", 2026],
    ["2026-06-30", "T1", 2026],
    ["2026-07-01", "T2", 2026],
    ["2026-10-31", "T2", 2026],
    ["2026-11-01", "VB", 2026],
    ["2026-12-31", "VB", 2026],
  ])("on %s it is %s %d", (day, period, year) => {
    expect(defaultTemplatePeriod(new Date(`${day}T12:00:00`))).toEqual({ period, year });
  });
});
