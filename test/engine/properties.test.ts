/**
 * Properties that must hold for every input, checked with fast-check on generated values: the
 * Swedish number parser and formatter, exact amounts, the operating budget's identities and the
 * order of indicator statuses. A failure prints the smallest input that breaks the property.
 */
import fc from "fast-check";
import { type Amount, amountFromNumber, parseAmount, ratio, sumPresent, toDecimalString, toNumber } from "../../src/engine/amount";
import { assessStatus } from "../../src/engine/indicatorStatus";
import { computeOperating } from "../../src/engine/operating";
import { defaultSettings } from "../../src/engine/settings";
import { formatSwedish, parseSwedishNumber } from "../../src/engine/swedishNumber";
import type { AmountFields, DriftNodeResult, DriftRowResult, IndicatorStatus, Period, Settings } from "../../src/engine/types";
import { driftRow, driftTable } from "../helpers/exampleInputs";

const RUNS = { numRuns: 300 };

describe("the Swedish number parser", () => {
  const numberish = fc.stringMatching(/^[-−–+(]?[0-9 \u00a0.,]{0,20}[)%]?( ?(st|kr|tkr|%|dagar))?$/);

  it("never throws, and a number it returns is finite and is its own decimal", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 80 }), numberish, fc.string({ minLength: 60, maxLength: 200 })), (text) => {
        const parsed = parseSwedishNumber(text);
        expect(["number", "missing", "invalid"]).toContain(parsed.kind);
        if (parsed.kind === "number") {
          expect(Number.isFinite(parsed.value)).toBe(true);
          expect(Number(parsed.decimal)).toBe(parsed.value === 0 ? 0 : parsed.value);
          expect(parseAmount(parsed.decimal)).not.toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on values that are not strings", () => {
    for (const v of [null, undefined, 12, {}, [], true]) expect(() => parseSwedishNumber(v as unknown as string)).not.toThrow();
  });

  it("reads back what formatSwedish prints, to the displayed precision", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e14, max: 1e14, noNaN: true }), fc.constantFrom(0, 1, 2), (value, decimals) => {
        const text = formatSwedish(value, decimals);
        const parsed = parseSwedishNumber(text);
        expect(parsed.kind).toBe("number");
        if (parsed.kind !== "number") return;
        // The same text again, and no further from the value than half a displayed unit.
        expect(formatSwedish(parsed.value, decimals)).toBe(text);
        expect(Math.abs(parsed.value - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals * (1 + 1e-9) + Math.abs(value) * 1e-15);
        // Thousands are grouped with a space and the decimal sign is a comma.
        expect(text).toMatch(decimals === 0 ? /^-?\d{1,3}( \d{3})*$/ : new RegExp(`^-?\\d{1,3}( \\d{3})*,\\d{${decimals}}$`));
      }),
      RUNS,
    );
  });

  it("reads Swedish amounts as written: spaces, comma, minus signs, parentheses, %", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom("-", "−", "–", "()", ""), fc.constantFrom(" ", "\u00a0", ""), (int, tenth, sign, space) => {
        const grouped = String(int).replace(/\B(?=(\d{3})+(?!\d))/g, space);
        const body = `${grouped},${tenth}`;
        const text = sign === "()" ? `(${body})` : `${sign}${body}`;
        const parsed = parseSwedishNumber(text);
        expect(parsed.kind).toBe("number");
        const expected = (sign === "" ? 1 : -1) * Number(`${int}.${tenth}`);
        if (parsed.kind === "number") expect(parsed.value).toBe(expected === 0 ? 0 : expected);
      }),
      RUNS,
    );
  });
});

describe("exact amounts", () => {
  const amount = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });

  it("toDecimalString and parseAmount are inverse", () => {
    fc.assert(fc.property(amount, (a) => expect(parseAmount(toDecimalString(a))).toBe(a)), RUNS);
  });

  it("toNumber is the double nearest to the exact decimal", () => {
    fc.assert(fc.property(amount, (a) => expect(toNumber(a)).toBe(Number.parseFloat(toDecimalString(a)))), { numRuns: 1000 });
  });

  it("amountFromNumber reads a double as the 15-digit decimal Excel shows, whichever path it takes", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(amountFromNumber(x)).toBe(parseAmount(x.toPrecision(15)));
      }),
      { numRuns: 3000 },
    );
    for (const x of [0.1 + 0.2, 1e6 - 1e-9, 1e6, 999999.9999999999, 1e15 - 1, 1e15, 5e-10, -5e-10, 4.9999999999e-10, -0, 123456.123456789, 1.7976931348623157e308]) {
      expect({ x, a: amountFromNumber(x) }).toEqual({ x, a: parseAmount(x.toPrecision(15)) });
    }
  });

  it("an amount of at most 15 significant digits survives a cell: toNumber then amountFromNumber", () => {
    const decimal = fc
      .tuple(fc.integer({ min: 0, max: 9 }), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.boolean())
      .map(([decimals, digits, negative]) => {
        const clipped = digits % 10n ** BigInt(Math.min(15, 6 + decimals));
        const text = `${negative ? "-" : ""}${clipped / 10n ** BigInt(decimals)}.${(clipped % 10n ** BigInt(decimals)).toString().padStart(decimals, "0")}`;
        return parseAmount(text.replace(/\.$/, ""))!;
      });
    fc.assert(fc.property(decimal, (a) => expect(amountFromNumber(toNumber(a))).toBe(a)), RUNS);
  });

  it("a ratio of two amounts is a finite number or null, never NaN or Infinity, however large they are", () => {
    const huge = fc.bigInt({ min: -(10n ** 330n), max: 10n ** 330n });
    fc.assert(
      fc.property(huge, huge, (a, b) => {
        const r = ratio(a, b);
        if (b === 0n) expect(r).toBeNull();
        else if (r !== null) expect(Number.isFinite(r)).toBe(true);
        const x = Number(a) / Number(b);
        if (b !== 0n && Number.isFinite(Number(a)) && Number.isFinite(Number(b)) && Number.isFinite(x)) expect(r).toBe(x);
      }),
      { numRuns: 1000 },
    );
    expect(ratio(10n ** 320n, 3n * 10n ** 319n)).toBeCloseTo(10 / 3, 12);
  });

  it("a finite double never reads as null, and the sum of amounts is exact", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { maxLength: 50 }), (xs) => {
        const amounts = xs.map((x) => amountFromNumber(x)!);
        expect(amounts.every((a) => a !== null)).toBe(true);
        // Summing in any order gives the same exact total.
        expect(sumPresent([...amounts].reverse())).toBe(sumPresent(amounts));
      }),
      RUNS,
    );
  });
});

describe("the operating budget's identities, on generated drift tables", () => {
  const money = fc.option(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), { nil: null, freq: 5 });
  const row = fc.record({
    area: fc.constantFrom("Barn", "Äldre", "Stöd", "Kultur"),
    unit: fc.option(fc.constantFrom("Enhet 1", "Enhet 2", "Enhet 3"), { nil: null }),
    costType: fc.option(fc.constantFrom("Personal", "Lokaler"), { nil: null, freq: 3 }),
    budget: money,
    actual: money,
    forecast: money,
    previousForecast: money,
    priorYearActual: money,
    resultUnit: fc.boolean(),
    grossBudget: money,
    openingResultFund: money,
    earmark: fc.option(fc.constantFrom("Nyanlända", "Stadsmiljö", " Nyanlända "), { nil: null, freq: 2 }),
  });
  const table = fc.array(row, { minLength: 1, maxLength: 40 });
  const settingsOf = fc.record({
    capShare: fc.constantFrom(0, 0.02, 0.05, 0.1, 1),
    carryDeficits: fc.boolean(),
    both: fc.boolean(),
  });
  const period = fc.constantFrom<Period>("T1", "T2", "VB");

  const FIELDS: (keyof AmountFields)[] = [
    "budget",
    "actual",
    "forecast",
    "previousForecast",
    "priorYearActual",
    "base",
    "deviation",
    "resultTransfer",
    "returnedFunds",
    "adjustedDeviation",
    "forecastChange",
    "priorYearChange",
  ];

  function leaves(node: DriftNodeResult): DriftRowResult[] {
    return node.rows.concat(node.children.flatMap(leaves));
  }

  function sumOf(nodes: AmountFields[], field: keyof AmountFields): Amount | null {
    const s = sumPresent(nodes.map((n) => n[field] as Amount | null));
    return field === "resultTransfer" || field === "returnedFunds" ? (s ?? 0n) : s;
  }

  function adjustedHolds(n: AmountFields): boolean {
    return n.adjustedDeviation === (n.deviation === null ? null : n.deviation + n.resultTransfer + n.returnedFunds);
  }

  it("areas sum to the total, rows to their area; adjusted = deviation + transfer + återredovisning everywhere; funds close at opening − transfer; surpluses move at most the cap", () => {
    fc.assert(
      fc.property(table, settingsOf, period, (rows, s, p) => {
        const settings: Settings = {
          ...defaultSettings(),
          resultUnits: { capShare: s.capShare, carryDeficits: s.carryDeficits },
          earmarks: s.both ? { Nyanlända: { mode: "both" } } : {},
        };
        const input = driftTable(
          rows.map((r, i) =>
            driftRow(
              {
                path: [r.area, ...(r.unit ? [r.unit] : []), ...(r.unit && r.costType ? [r.costType] : [])],
                budget: r.budget,
                actual: r.actual,
                forecast: r.forecast,
                previousForecast: r.previousForecast,
                priorYearActual: r.priorYearActual,
                resultUnit: r.resultUnit,
                grossBudget: r.grossBudget,
                openingResultFund: r.openingResultFund,
                earmark: r.earmark,
                comment: i % 2 === 0 ? "kommentar" : null,
              },
              i + 2,
            ),
          ),
        );
        const { result } = computeOperating(input, p, settings);
        const allRows = result.areas.flatMap(leaves);
        expect(allRows).toHaveLength(rows.length);

        for (const field of FIELDS) {
          expect({ field, total: result.total[field] }).toEqual({ field, total: sumOf(result.areas, field) });
          for (const area of result.areas) {
            expect({ field, area: area.name, value: area[field] }).toEqual({ field, area: area.name, value: sumOf(leaves(area), field) });
            for (const unit of area.children) expect({ field, unit: unit.name, value: unit[field] }).toEqual({ field, unit: unit.name, value: sumOf(leaves(unit), field) });
          }
        }
        for (const n of [result.total, ...result.areas, ...result.areas.flatMap((a) => a.children), ...allRows]) expect(adjustedHolds(n)).toBe(true);

        for (const u of result.resultUnits) {
          expect(u.closingFund).toBe(u.openingFund === null ? null : u.openingFund - u.resultTransfer);
          if (u.deviation !== null && u.deviation > 0n) {
            expect(u.resultTransfer).toBeLessThanOrEqual(0n);
            expect(-u.resultTransfer).toBeLessThanOrEqual(u.deviation);
            expect(u.cap).not.toBeNull();
            expect(-u.resultTransfer).toBeLessThanOrEqual(u.cap!);
            expect(u.capped).toBe(u.deviation > u.cap!);
          } else if (u.deviation !== null && u.deviation < 0n) {
            expect(u.resultTransfer).toBe(s.carryDeficits ? -u.deviation : 0n);
            expect(u.capped).toBe(false);
          } else {
            expect(u.resultTransfer).toBe(0n);
          }
        }
        // Återredovisning: an earmark that is returned ends neutral; one that is not returns nothing.
        for (const e of result.earmarks) {
          const returned = e.returnedFunds !== 0n;
          if (returned && e.deviation !== null) expect(e.deviation + e.returnedFunds).toBe(0n);
          if (!s.both || e.name !== "Nyanlända") {
            if (e.deviation !== null && e.deviation <= 0n) expect(e.returnedFunds).toBe(0n);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("indicator status", () => {
  const RANK: Partial<Record<IndicatorStatus, number>> = { none: 0, partial: 1, full: 2 };
  const value = fc.double({ min: -1e9, max: 1e9, noNaN: true });
  const tolerance = fc.constantFrom(0, 0.05, 0.1, 0.25, 1);

  function status(kind: "atLeast" | "atMost", v: number, target: number, tol: number, prior: number | null, improvement: boolean): number {
    const s = assessStatus({ value: v, target: { kind, value: target, percent: false }, tolerance: tol, priorYearActual: prior, improvementCountsAsPartial: improvement });
    const rank = RANK[s];
    if (rank === undefined) throw new Error(`unexpected status ${s}`);
    return rank;
  }

  it("a higher value never lowers an atLeast indicator's status; a lower value never lowers an atMost one", () => {
    fc.assert(
      fc.property(value, value, value, tolerance, fc.option(value, { nil: null }), fc.boolean(), (x, y, target, tol, prior, improvement) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        expect(status("atLeast", high, target, tol, prior, improvement)).toBeGreaterThanOrEqual(status("atLeast", low, target, tol, prior, improvement));
        expect(status("atMost", low, target, tol, prior, improvement)).toBeGreaterThanOrEqual(status("atMost", high, target, tol, prior, improvement));
      }),
      { numRuns: 2000 },
    );
  });

  it("the target itself is always met in full", () => {
    fc.assert(
      fc.property(value, tolerance, (target, tol) => {
        expect(status("atLeast", target, target, tol, null, false)).toBe(2);
        expect(status("atMost", target, target, tol, null, false)).toBe(2);
      }),
      RUNS,
    );
  });
});
