import type { RequirementProbe } from "../requirements";
import { FakeOfficeError } from "./errors";
import type { FakeWorkbook } from "./model";

/**
 * `Office.context.requirements` for a fake workbook: ExcelApi 1.1 up to the workbook's
 * `excelApiMinor` (a test sets it to 8 to say "1.9 is missing"), nothing else.
 */
export function fakeRequirements(workbook: FakeWorkbook): RequirementProbe {
  return {
    isSetSupported: (name: string, version?: string | number) => {
      if (name !== "ExcelApi") return false;
      const [major, minor] = String(version ?? "1.1").split(".").map(Number);
      return major === 1 && (minor ?? 0) <= workbook.excelApiMinor;
    },
  };
}

/** Office answers a call the host does not implement with ApiNotFound when the batch runs. */
export function requireApi(workbook: FakeWorkbook, minor: number, api: string): void {
  if (workbook.excelApiMinor < minor) {
    throw new FakeOfficeError("ApiNotFound", `The API you are trying to use could not be found. It may be available in a newer version of Excel. ${api} (ExcelApi 1.${minor})`);
  }
}
