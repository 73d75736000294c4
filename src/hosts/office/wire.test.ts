/**
 * The bound the fake counts and the writer plans by, against what Office.js really sends. The
 * bodies below are built by hand the way office.js builds them (ClientRequestBase.
 * buildRequestMessageBodyAndRequestFlags: `{ AutoKeepReference, Actions, ObjectPaths }`, an
 * action `{ Id, ActionType, Name, ObjectPathId, ArgumentInfo }`, an object path `{ Id,
 * ObjectPathType, Name, ParentObjectPathId, ArgumentInfo }`), then JSON-encoded twice: once by
 * RichApiMessageUtility (JSON.stringify of the body) and once more as Excel on the web passes the
 * text on inside a message. The fake's count of the same calls must not be smaller.
 */
import { createFakeWorkbook, fakeExcelRun } from "./fake";
import { escapedLength, wireBytes } from "./wire";

function twiceEncoded(body: unknown): number {
  return new TextEncoder().encode(JSON.stringify(JSON.stringify(body))).length - 2;
}

describe("the wire bound", () => {
  it("escapes a JSON text once more: quotes and backslashes double, UTF-8 counted in bytes", () => {
    expect(escapedLength('["a"]')).toBe(7);
    expect(wireBytes(["å", "\\"])).toBe(twiceEncoded(["å", "\\"]));
    expect(wireBytes({ values: [["Skola", 1.5, "Vård\n"]] })).toBe(twiceEncoded({ values: [["Skola", 1.5, "Vård\n"]] }));
  });

  it("bounds what Office.js sends for writing a row of values, with its object paths and action ids", async () => {
    const values = [["Skola", 1200.5, "=B2-C2", "Fler elever än väntat"]];
    // worksheets.getItem("Drift").getRange("A2:D2").values = …, as office.js numbers it (the
    // workbook, its worksheets, the sheet, the range; then the instantiate and set actions).
    const body = {
      AutoKeepReference: false,
      Actions: [
        { Id: 5, ActionType: 1, Name: "", ObjectPathId: 3 },
        { Id: 7, ActionType: 1, Name: "", ObjectPathId: 6 },
        { Id: 8, ActionType: 4, Name: "Values", ObjectPathId: 6, ArgumentInfo: { Arguments: [values] } },
      ],
      ObjectPaths: {
        1: { Id: 1, ObjectPathType: 1, Name: "" },
        2: { Id: 2, ObjectPathType: 4, Name: "Worksheets", ParentObjectPathId: 1 },
        3: { Id: 3, ObjectPathType: 3, Name: "GetItem", ParentObjectPathId: 2, ArgumentInfo: { Arguments: ["Drift"] } },
        6: { Id: 6, ObjectPathType: 3, Name: "GetRange", ParentObjectPathId: 3, ArgumentInfo: { Arguments: ["A2:D2"] } },
      },
    };
    const data = createFakeWorkbook({ sheets: [{ name: "Drift" }] });
    await fakeExcelRun(data, async (context) => {
      context.workbook.worksheets.getItem("Drift").getRange("A2:D2").values = values;
      await context.sync();
    });
    const counted = data.syncs[0].requestBytes;
    expect(counted).toBeGreaterThanOrEqual(twiceEncoded(body));
    // …and not wildly more: the bound stays useful for packing batches.
    expect(counted).toBeLessThan(twiceEncoded(body) * 3);
    // What the fake used to count (the data as plain JSON) is well below what really travels.
    expect(new TextEncoder().encode(JSON.stringify(values)).length).toBeLessThan(twiceEncoded(body) / 3);
  });
});
