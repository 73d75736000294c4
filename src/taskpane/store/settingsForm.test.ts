import { defaultSettings } from "../../engine/settings";
import { earmarkPath, inputText, numberText, parseInput, SETTING_FIELDS, validateStored, valueAt, withValue, type SettingField } from "./settingsForm";

const field = (key: SettingField["key"]) => SETTING_FIELDS.find((f) => f.key === key)!;

/** Every leaf of Settings, as "a.b" paths. */
function leaves(o: object, prefix: string[] = []): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === "object" && v !== null && !Array.isArray(v) && k !== "earmarks" ? leaves(v, [...prefix, k]) : [[...prefix, k].join(".")],
  );
}

describe("the settings form", () => {
  it("has an input for every setting of Settings (earmarks: one per earmark found)", () => {
    const covered = SETTING_FIELDS.map((f) => f.path.join("."));
    expect(covered.sort()).toEqual(leaves(defaultSettings()).filter((l) => l !== "earmarks").sort());
    expect(new Set(SETTING_FIELDS.map((f) => f.key)).size).toBe(SETTING_FIELDS.length);
  });

  it("shows shares as percentages and amounts with a Swedish decimal comma", () => {
    const s = defaultSettings();
    expect(inputText(field("commentThresholdShare"), s)).toBe("5");
    expect(inputText(field("commentThresholdMnkr"), s)).toBe("1");
    expect(inputText(field("year"), s)).toBe("");
    expect(inputText(field("tolerance"), { ...s, indicators: { ...s.indicators, tolerance: 0.125 } })).toBe("12,5");
    expect(numberText(0.07 * 100)).toBe("7");
    expect(numberText(-1.5)).toBe("-1,5");
  });

  it("parses what people type: comma or dot, a % sign, empty for 'from the workbook'", () => {
    expect(parseInput(field("commentThresholdShare"), "5")).toEqual({ ok: true, value: 0.05 });
    expect(parseInput(field("commentThresholdShare"), "7,5 %")).toEqual({ ok: true, value: 0.075 });
    expect(parseInput(field("commentThresholdMnkr"), "1.5")).toEqual({ ok: true, value: 1.5 });
    expect(parseInput(field("commentThresholdMnkr"), "1 500,5")).toEqual({ ok: true, value: 1500.5 });
    expect(parseInput(field("commentThresholdMnkr"), " ")).toEqual({ ok: true, value: undefined });
    expect(parseInput(field("commentThresholdMnkr"), "mycket")).toEqual({ ok: false, error: "notANumber" });
    expect(parseInput(field("year"), "2026")).toEqual({ ok: true, value: 2026 });
    expect(parseInput(field("year"), "26")).toEqual({ ok: false, error: "notAYear" });
  });

  it("sets and removes values in the stored layer, dropping empty objects", () => {
    const one = withValue(null, ["indicators", "tolerance"], 0.2);
    expect(one).toEqual({ indicators: { tolerance: 0.2 } });
    const two = withValue(one, earmarkPath("Nyanlända"), "both");
    expect(two).toEqual({ indicators: { tolerance: 0.2 }, earmarks: { Nyanlända: { mode: "both" } } });
    expect(one).toEqual({ indicators: { tolerance: 0.2 } });
    expect(withValue(two, earmarkPath("Nyanlända"), undefined)).toEqual({ indicators: { tolerance: 0.2 } });
    expect(withValue(one, ["indicators", "tolerance"], undefined)).toBeNull();
    expect(withValue(null, ["runRateShare"], undefined)).toBeNull();
    expect(valueAt(two, ["earmarks", "Nyanlända", "mode"])).toBe("both");
  });

  it("validates with mergeSettings and gives its message", () => {
    expect(validateStored({ commentThreshold: { mnkr: 2 } })).toBeNull();
    expect(validateStored(null)).toBeNull();
    expect(validateStored({ commentThreshold: { mnkr: -1 } })).toMatch(/"commentThreshold\.mnkr" ska vara ett tal ≥ 0/);
    expect(validateStored({ year: 1800 })).toMatch(/"year" ska vara ett årtal/);
    expect(validateStored({ period: "Q3" })).toMatch(/"period" ska vara T1, T2 eller VB/);
  });
});
