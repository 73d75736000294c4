import { excelApiUpTo } from "./office.testkit";
import { checkRequirements, isSetSupported, PAGE_LAYOUT_SET } from "./requirements";

describe("checkRequirements", () => {
  it("passes where ExcelApi 1.7 is supported", () => {
    expect(checkRequirements(excelApiUpTo(7))).toEqual({ ok: true, missing: [], message: "" });
  });

  it("says in Swedish what is missing when Excel is too old", () => {
    const result = checkRequirements(excelApiUpTo(6));
    expect(result.ok).toBe(false);
    expect(result.missing).toEqual(["ExcelApi 1.7"]);
    expect(result.message).toBe(
      "Den här versionen av Excel är för gammal för Följsam: den saknar ExcelApi 1.7. " +
        "Följsam fungerar i Excel för Microsoft 365, Excel 2021 och Excel på webben. Uppdatera Office eller öppna arbetsboken i Excel på webben.",
    );
  });

  it("says so when not running inside Office at all", () => {
    const result = checkRequirements();
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/office\.js\) saknas/);
  });

  it("treats page layout (ExcelApi 1.9) as optional", () => {
    expect(isSetSupported(PAGE_LAYOUT_SET, excelApiUpTo(8))).toBe(false);
    expect(isSetSupported(PAGE_LAYOUT_SET, excelApiUpTo(9))).toBe(true);
    expect(isSetSupported(PAGE_LAYOUT_SET, null)).toBe(false);
  });
});
