import { assignSheetNames, OUTPUT_SHEET_NAMES } from "./index";

describe("OUTPUT_SHEET_NAMES", () => {
  it("are valid Excel sheet names", () => {
    for (const name of Object.values(OUTPUT_SHEET_NAMES)) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
      expect(name.startsWith("Följsam ")).toBe(true);
    }
    expect(new Set(Object.values(OUTPUT_SHEET_NAMES)).size).toBe(8);
  });
});

describe("assignSheetNames", () => {
  it("uses the plain names in a workbook without them", () => {
    expect(assignSheetNames([{ name: "Drift", followUp: false }])).toEqual(OUTPUT_SHEET_NAMES);
  });

  it("leaves a user's sheet of the same name alone and numbers the output", () => {
    const names = assignSheetNames([{ name: "Följsam Drift", followUp: false }]);
    expect(names.drift).toBe("Följsam Drift (2)");
    expect(names.summary).toBe("Följsam Sammanfattning");
  });

  it("compares names without regard to case, as Excel does", () => {
    expect(assignSheetNames([{ name: "FÖLJSAM DRIFT", followUp: false }]).drift).toBe("Följsam Drift (2)");
    expect(assignSheetNames([{ name: "följsam återredovisning", followUp: false }]).earmarks).toBe("Följsam Återredovisning (2)");
  });

  it("reuses the names of Följsam's own sheets, which a rerun replaces", () => {
    expect(assignSheetNames([{ name: "Följsam Drift", followUp: true }]).drift).toBe("Följsam Drift");
    const names = assignSheetNames([
      { name: "Följsam Drift", followUp: false },
      { name: "Följsam Drift (2)", followUp: true },
    ]);
    expect(names.drift).toBe("Följsam Drift (2)");
  });

  it("counts on past every taken name", () => {
    const names = assignSheetNames([
      { name: "Följsam Kontroller", followUp: false },
      { name: "Följsam Kontroller (2)", followUp: false },
    ]);
    expect(names.findings).toBe("Följsam Kontroller (3)");
    for (const n of Object.values(names)) expect(n.length).toBeLessThanOrEqual(31);
  });
});
