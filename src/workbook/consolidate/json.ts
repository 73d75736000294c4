/**
 * The consolidation's JSON report: CONTRACT.md's fields where they apply to a city (schemaVersion,
 * period, year, unit, operating.total and the ratios, indicators, findings) plus `kind` and a
 * `units` list with one entry per nämnd. Amounts are in the consolidation's unit; a value that
 * does not exist is null. Findings carry the file and nämnd they come from.
 */
import { toNumberOrNull } from "../../engine/amount";
import type { Consolidation } from "./consolidate";
import type { OperatingTotals } from "./unit";
import { CITY_TEXTS } from "./labels.sv";

const n = toNumberOrNull;

function amounts(a: OperatingTotals) {
  return {
    budget: n(a.budget),
    actual: n(a.actual),
    forecast: n(a.forecast),
    previousForecast: n(a.previousForecast),
    base: n(a.base),
    deviation: n(a.deviation),
    resultTransfer: n(a.resultTransfer),
    returnedFunds: n(a.returnedFunds),
    adjustedDeviation: n(a.adjustedDeviation),
  };
}

export function consolidationJson(c: Consolidation) {
  return {
    schemaVersion: 1,
    kind: "consolidation",
    period: c.period,
    year: c.year,
    unit: c.unit,
    operating: {
      total: { name: CITY_TEXTS.total, ...amounts(c.total) },
      budgetAdherenceBefore: c.budgetAdherenceBefore,
      budgetAdherenceAfter: c.budgetAdherenceAfter,
      forecastAccuracy: c.forecastAccuracy,
      forecastAccuracyMet: c.forecastAccuracyMet,
    },
    indicators:
      c.indicators === null
        ? null
        : {
            summary: c.indicators,
            summarySentence: c.indicatorSentence,
            goals: c.goals.map((g) => ({
              name: g.name,
              full: g.full,
              partial: g.partial,
              none: g.none,
              notAssessable: g.notAssessable,
              sentence: g.sentence,
              units: g.units,
            })),
          },
    findings: c.units.flatMap((u) =>
      u.findings.map((f) => ({ severity: f.severity, code: f.code, sheet: f.sheet, cell: f.cell, subject: f.subject, message: f.message, file: u.file, unitName: u.name })),
    ),
    units: c.units.map((u) => ({
      name: u.name,
      nameSource: u.nameSource,
      file: u.file,
      sourceUnit: u.sourceUnit,
      ...amounts(u),
      budgetAdherenceBefore: u.budgetAdherenceBefore,
      budgetAdherenceAfter: u.budgetAdherenceAfter,
      forecastAccuracy: u.forecastAccuracy,
      indicators: u.indicators,
      findings: u.findings.length,
      errors: u.findings.filter((f) => f.severity === "error").length,
    })),
  };
}

export type ConsolidationJson = ReturnType<typeof consolidationJson>;
