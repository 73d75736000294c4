/** Test-only: the small workbook the task pane's tests share, without any DOM. */
import type { FakeWorkbookDescription } from "../../hosts/office/fake";

/** A small VB workbook: a drift table (mnkr) with an earmark and comments, and two indicators. */
export function smallWorkbookDescription(): FakeWorkbookDescription {
  return {
    name: "Nämnd.xlsx",
    sheets: [
      {
        name: "Drift",
        rows: [
          ["Verksamhetsområde, mnkr", "Budget 2024", "Bokslut 2024", "Öronmärkning", "Kommentar"],
          ["Barn och ungdom", 100, 95, null, null],
          ["Vuxna", 50, 52, null, "Fler placeringar än väntat"],
          ["Nyanlända", 20, 18, "Nyanlända", "Färre anlända"],
        ],
      },
      {
        name: "Indikatorer",
        rows: [
          ["Indikator", "Periodens utfall", "Utfall kvinnor", "Utfall män", "Årsmål", "Kommentar"],
          ["Andel nöjda brukare", "86 %", "90 %", "80 %", "85 %", null],
          ["Andel i arbete", "40 %", null, null, "50 %", null],
        ],
      },
    ],
  };
}
