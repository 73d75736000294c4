/**
 * A table without a unit of its own (DOMAIN.md section 9): the unit the workbook's other tables
 * state when they all agree (UNIT_ASSUMED, info), else tkr (UNIT_ASSUMED, warning).
 */
import { parseAmount } from "../../engine/amount";
import { readWorkbook } from ".";
import { settings, sheet, table, workbook } from "./read.testkit";
import { findingMessage } from "../../i18n/findings";

const costTypes = sheet("Kostnadsslag", table(["Intäkts- och kostnadsslag | Utfall 2025 | Utfall 2026", "Personal | 300 | 310"]));

it("takes the unit the drift table states for a cost-type table without one, and says so", () => {
  const input = readWorkbook(
    workbook([sheet("Drift", table(["Verksamhetsområde, mnkr | Budget 2026 | Bokslut 2026 | Kommentar", "A | 10 | 9,5 | x"])), costTypes]),
    settings({ period: "VB" }),
  );
  const f = input.readFindings.filter((x) => x.code === "UNIT_ASSUMED");
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ sheet: "Kostnadsslag", cell: "A1", severity: "info" });
  expect(findingMessage(f[0])).toBe('Tabellen anger ingen beloppsenhet; mnkr antas, som bladet "Drift" anger.');
  // 310 is 310 mnkr, not 310 tkr (0,31 mnkr): no conversion.
  expect(input.costTypes!.sourceUnit).toBeUndefined();
  expect(input.costTypes!.rows[0].actual).toBe(parseAmount("310"));
  expect(input.tables!.find((t) => t.sheet === "Kostnadsslag")).toMatchObject({ unit: "mnkr", unitFrom: "tables" });
});

it("assumes tkr with a warning when the other tables disagree", () => {
  const input = readWorkbook(
    workbook([
      sheet("Drift", table(["Verksamhetsområde, mnkr | Budget 2026 | Bokslut 2026 | Kommentar", "A | 10 | 9,5 | x"])),
      sheet("Investeringar", table(["Investeringar, tkr | Budget 2026 | Utfall 2026", "Bilar | 100 | 90"])),
      costTypes,
    ]),
    settings({ period: "VB" }),
  );
  const f = input.readFindings.filter((x) => x.code === "UNIT_ASSUMED");
  expect(f.map((x) => [x.sheet, x.severity])).toEqual([["Kostnadsslag", "warning"]]);
  expect(input.costTypes!.sourceUnit).toBe("tkr");
});

it("assumes tkr with a warning for every table when none states a unit", () => {
  const none = readWorkbook(
    workbook([sheet("Drift", table(["Verksamhetsområde | Budget 2026 | Bokslut 2026 | Kommentar", "A | 10 | 9,5 | x"])), costTypes]),
    settings({ period: "VB" }),
  );
  const f = none.readFindings.filter((x) => x.code === "UNIT_ASSUMED");
  expect(f.map((x) => [x.sheet, x.severity, findingMessage(x)])).toEqual([
    ["Drift", "warning", "Ingen tabell anger beloppsenhet; tkr antas."],
    ["Kostnadsslag", "warning", "Ingen tabell anger beloppsenhet; tkr antas."],
  ]);
});

it("says nothing when every table names its unit, or a unit setting is given", () => {
  const all = readWorkbook(
    workbook([
      sheet("Drift", table(["Verksamhetsområde, mnkr | Budget 2026 | Bokslut 2026 | Kommentar", "A | 10 | 9,5 | x"])),
      sheet("Kostnadsslag", table(["Intäkts- och kostnadsslag, mnkr | Utfall 2025 | Utfall 2026", "Personal | 300 | 310"])),
    ]),
    settings({ period: "VB" }),
  );
  expect(all.readFindings.filter((x) => x.code === "UNIT_ASSUMED")).toEqual([]);
  const set = readWorkbook(workbook([sheet("Drift", table(["Verksamhetsområde | Budget 2026 | Bokslut 2026", "A | 10 | 9,5"])), costTypes]), settings({ period: "VB", unit: "tkr" }));
  expect(set.readFindings.filter((x) => x.code === "UNIT_ASSUMED")).toEqual([]);
});
