import { FakeOfficeError } from "./fake";
import { describeOfficeError, isOfficeError } from "./errors";

describe("describeOfficeError (stand-in)", () => {
  it("names what happened and the next step, in Swedish and English", () => {
    const e = new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit (10356508 > 5242880 bytes).");
    const d = describeOfficeError(e);
    expect(d.kind).toBe("payloadTooLarge");
    expect(d.sv).toMatch(/^Excel vägrade ta emot så mycket data på en gång\. .*försök igen/);
    expect(d.en).toMatch(/^Excel refused/);
    expect(isOfficeError(e)).toBe(true);
  });

  it("knows a deleted sheet, edit mode and protection; anything else is one general sentence", () => {
    expect(describeOfficeError(new FakeOfficeError("ItemNotFound", "x")).kind).toBe("sheetGone");
    expect(describeOfficeError({ code: "InvalidOperationInCellEditMode" }).kind).toBe("editMode");
    expect(describeOfficeError({ code: "AccessDenied" }).kind).toBe("protected");
    expect(describeOfficeError(new Error("boom"))).toMatchObject({ kind: "other", sv: expect.stringMatching(/försök igen\.$/) });
    expect(isOfficeError(new Error("boom"))).toBe(false);
  });
});
