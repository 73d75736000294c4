import { PackageStrings } from "./packageStrings";

describe("the workbook's shared-string table with the follow-up's text added", () => {
  it("adds after the strings it has, counted, whatever uniqueCount says", () => {
    const xml = '<?xml version="1.0"?>\n<sst xmlns="x" count="5" uniqueCount="9"><si><t>a</t></si><si><r><t>b</t></r></si><si/></sst>';
    const strings = PackageStrings.parse(xml)!;
    expect(strings.table.index("Enhet 1")).toBe(3);
    expect(strings.table.index("  Enhet <2>")).toBe(4);
    expect(strings.table.index("Enhet 1")).toBe(3);
    expect(strings.toXml()).toBe(
      '<?xml version="1.0"?>\n<sst xmlns="x" count="8" uniqueCount="5"><si><t>a</t></si><si><r><t>b</t></r></si><si/>' +
        '<si><t>Enhet 1</t></si><si><t xml:space="preserve">  Enhet &lt;2&gt;</t></si></sst>',
    );
  });

  it("fills an empty table and makes one where the workbook has none", () => {
    const empty = PackageStrings.parse('<sst xmlns="x"/>')!;
    empty.table.index("x");
    expect(empty.toXml()).toBe('<sst xmlns="x" count="1" uniqueCount="1"><si><t>x</t></si></sst>');
    const made = PackageStrings.parse(null)!;
    made.table.index("y");
    expect(made.toXml()).toMatch(/<sst xmlns="http:\/\/schemas.openxmlformats.org\/spreadsheetml\/2006\/main" count="1" uniqueCount="1"><si><t>y<\/t><\/si><\/sst>$/);
  });

  it("refuses a table it cannot read", () => {
    expect(PackageStrings.parse("<x:sst/>")).toBeNull();
    expect(PackageStrings.parse("<sst><si><t>a</t></si>")).toBeNull();
  });
});
