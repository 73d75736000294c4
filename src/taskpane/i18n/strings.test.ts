/** @jest-environment jsdom */
import { allFields, TABLE_KINDS } from "../services/pipeline";
import { SETTING_FIELDS, SETTING_GROUPS } from "../store/settingsForm";
import { en } from "./en";
import { pickStrings } from "./index";
import { hardCodedTexts, outsideTable, pseudoLocalise } from "./pseudo.testkit";
import { sv } from "./sv";

/** Every key path of a table, with the kind of value ("string", "function") at its end. */
function shape(table: unknown, prefix = ""): string[] {
  if (typeof table !== "object" || table === null) return [`${prefix}:${typeof table}`];
  return Object.entries(table).flatMap(([k, v]) => shape(v, prefix === "" ? k : `${prefix}.${k}`));
}

describe("the string tables", () => {
  it("sv and en have the same keys, each a string or a function in both", () => {
    expect(shape(en).sort()).toEqual(shape(sv).sort());
  });

  it("name every field a column can hold, every kind, every setting and every group", () => {
    for (const table of [sv, en]) {
      for (const field of allFields().filter((f) => f !== "name")) expect([field, table.fields[field]]).toEqual([field, expect.any(String)]);
      for (const kind of TABLE_KINDS) {
        expect(table.kinds[kind]).toEqual(expect.any(String));
        expect(table.nameField[kind]).toEqual(expect.any(String));
      }
      for (const f of SETTING_FIELDS) expect(table.settings.fields[f.key]).toEqual({ label: expect.any(String), help: expect.any(String) });
      for (const g of SETTING_GROUPS) expect(table.settings.groups[g]).toEqual(expect.any(String));
    }
  });

  it("functions give text for any argument, with no placeholder left over", () => {
    for (const table of [sv, en]) {
      const texts: string[] = [];
      const visit = (v: unknown) => {
        if (typeof v === "function") texts.push(String(v("X", 2, 3)));
        else if (typeof v === "string") texts.push(v);
        else if (typeof v === "object" && v !== null) Object.values(v).forEach(visit);
      };
      visit(table);
      for (const t of texts) expect(t).not.toMatch(/undefined|\$\{|\{\d\}/);
    }
  });

  it("Swedish by default and for sv-*, English for other display languages", () => {
    expect(pickStrings(undefined)).toBe(sv);
    expect(pickStrings("sv-SE")).toBe(sv);
    expect(pickStrings("sv-FI")).toBe(sv);
    expect(pickStrings("en-US")).toBe(en);
    expect(pickStrings("fi-FI")).toBe(en);
  });
});

describe("pseudo-localisation", () => {
  it("wraps strings and function results, nested too", () => {
    const p = pseudoLocalise(sv);
    expect(p.steps.find).toBe("⟦Hitta⟧");
    expect(p.find.found(3)).toBe("⟦3 tabeller hittades.⟧");
    expect(outsideTable(p.app.next(p.steps.run))).toBe("");
    expect(outsideTable(`${p.find.year}: 2019`)).toBe("2019");
  });

  it("finds text outside the table, in text and in spoken attributes, but not in data", () => {
    document.body.innerHTML =
      '<p>⟦Hej⟧</p><p>Hårdkodad</p><button aria-label="Stäng">⟦x⟧</button><span data-value="">Drift</span><span data-value=""><b>75,2</b></span>';
    expect(hardCodedTexts(document.body)).toEqual(["Hårdkodad", 'aria-label="Stäng"']);
  });
});
