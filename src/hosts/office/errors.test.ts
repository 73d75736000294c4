import { FoljsamError } from "../../workbook/errors";
import { describeOfficeError, OfficeHostError, toHostError } from "./errors";
import { createFakeWorkbook, fakeExcelRun, type FakeWorkbook } from "./fake";

async function failure(data: FakeWorkbook, batch: (context: Excel.RequestContext) => Promise<unknown>): Promise<unknown> {
  try {
    await fakeExcelRun(data, batch);
  } catch (e) {
    return e;
  }
  throw new Error("expected the batch to fail");
}

const write = (sheet: string, address = "A1") => async (context: Excel.RequestContext) => {
  context.workbook.worksheets.getItem(sheet).getRange(address).values = [["x"]];
  await context.sync();
};

describe("Office errors, as the fake raises them the way Excel does", () => {
  it("a request over 5 MB: payloadTooLarge", async () => {
    const data = createFakeWorkbook({ payloadLimitBytes: 1_000, sheets: [{ name: "Drift" }] });
    const e = await failure(data, async (context) => {
      context.workbook.worksheets.getItem("Drift").getRange("A1:A200").values = Array.from({ length: 200 }, () => ["x"]);
      await context.sync();
    });
    expect(e).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(describeOfficeError(e)).toMatchObject({ kind: "payloadTooLarge", code: "RequestPayloadSizeLimitExceeded" });
  });

  it("a response over 5 MB: payloadTooLarge", async () => {
    const data = createFakeWorkbook({ responseLimitBytes: 1_000, sheets: [{ name: "Drift", rows: [["x".repeat(2_000)]] }] });
    const e = await failure(data, async (context) => {
      context.workbook.worksheets.getItem("Drift").getRange("A1").load("values");
      await context.sync();
    });
    expect(describeOfficeError(e)).toMatchObject({ kind: "payloadTooLarge", code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("a protected sheet: protectedSheet", async () => {
    const data = createFakeWorkbook({ sheets: [{ name: "Drift" }] });
    data.sheet("Drift").protection = { options: {}, password: false };
    const e = await failure(data, write("Drift"));
    expect(e).toMatchObject({ code: "AccessDenied" });
    expect(describeOfficeError(e).kind).toBe("protectedSheet");
  });

  it("a cell being edited: editMode", async () => {
    const data = createFakeWorkbook({ sheets: [{ name: "Drift" }] });
    data.cellEditMode = true;
    const e = await failure(data, write("Drift"));
    expect(describeOfficeError(e)).toMatchObject({
      kind: "editMode",
      sv: "Excel redigerar en cell just nu. Tryck Enter eller Esc för att lämna cellen och försök igen.",
      en: "Excel is editing a cell right now. Press Enter or Esc to leave the cell and try again.",
    });
  });

  it("a sheet renamed or deleted meanwhile: sheetMissing", async () => {
    const data = createFakeWorkbook({ sheets: [{ name: "Drift" }, { name: "Mål" }] });
    data.renameSheet(data.sheet("Drift"), "Drift (gammal)");
    const e = await failure(data, write("Drift"));
    expect(describeOfficeError(e).kind).toBe("sheetMissing");
  });

  it("any other RichApi.Error: other, naming Office's code", async () => {
    const data = createFakeWorkbook({ sheets: [{ name: "Drift" }] });
    const e = await failure(data, write("Drift", "A1:B2"));
    const described = describeOfficeError(e);
    expect(described.kind).toBe("other");
    expect(described.code).toBe("InvalidArgument");
    expect(described.sv).toMatch(/^Excel kunde inte utföra åtgärden \(InvalidArgument: .*\)\. Försök igen;/);
  });

  it("the host hands an Office error on typed, and anything else as it was", async () => {
    const data = createFakeWorkbook({ sheets: [{ name: "Drift" }] });
    data.cellEditMode = true;
    const wrapped = toHostError(await failure(data, write("Drift")));
    expect(wrapped).toBeInstanceOf(OfficeHostError);
    expect(wrapped).toMatchObject({ kind: "editMode", code: "InvalidOperationInCellEditMode" });
    const plain = new FoljsamError("Bladet finns redan");
    expect(toHostError(plain)).toBe(plain);
    expect(describeOfficeError(plain)).toMatchObject({ kind: "other", code: null });
  });
});
