/** A table without a unit is tkr; when another table names a different unit, the reader says so. */
import { readWorkbook } from ".";
import { settings, sheet, table, workbook } from "./read.testkit";
import { findingMessage } from "../../i18n/findings";

it("warns that tkr is assumed for a table without a unit beside an mnkr drift table", () => {
  const input = readWorkbook(
    workbook([
      sheet("Drift", table(["Verksamhetsområde, mnkr | Budget 2026 | Bokslut 2026 | Kommentar", "A | 10 | 9,5 | x"])),
      sheet("Kostnadsslag", table(["Intäkts- och kostnadsslag | Utfall 2025 | Utfall 2026", "Personal | 300 | 310"])),
    ]),
    settings({ period: "VB" }),
  );
  const f = input.readFindings.filter((x) => x.code === "UNIT_ASSUMED");
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ sheet: "Kostnadsslag", cell: "A1", severity: "warning" });
  expect(findingMessage(f[0])).toBe('Tabellen anger ingen beloppsenhet, så tkr antas, men bladet "Drift" anger mnkr.');
  // As DOMAIN.md says: the table is tkr, converted exactly to the report's mnkr.
  expect(input.costTypes!.sourceUnit).toBe("tkr");
});

it("says nothing when every table names its unit or none does", () => {
  const none = readWorkbook(
    workbook([
      sheet("Drift", table(["Verksamhetsområde | Budget 2026 | Bokslut 2026 | Kommentar", "A | 10 | 9,5 | x"])),
      sheet("Kostnadsslag", table(["Intäkts- och kostnadsslag | Utfall 2025 | Utfall 2026", "Personal | 300 | 310"])),
    ]),
    settings({ period: "VB" }),
  );
  expect(none.readFindings.filter((x) => x.code === "UNIT_ASSUMED")).toEqual([]);
});
