/**
 * The JSON report of CONTRACT.md (schemaVersion 1). Amounts are in the report's unit, as the
 * nearest number to the exact decimal; ratios are fractions; what does not exist is null.
 * Field names are a public interface: add, never rename.
 */
import { toNumberOrNull } from "./amount";
import type { AmountFields, DriftNodeResult, DriftRowResult, Finding, FollowUpResult, InvestmentRowResult, CostTypeRowResult } from "./types";

const n = toNumberOrNull;

function amountFields(f: AmountFields) {
  return {
    budget: n(f.budget),
    actual: n(f.actual),
    forecast: n(f.forecast),
    previousForecast: n(f.previousForecast),
    priorYearActual: n(f.priorYearActual),
    base: n(f.base),
    deviation: n(f.deviation),
    deviationPct: f.deviationPct,
    resultTransfer: n(f.resultTransfer),
    returnedFunds: n(f.returnedFunds),
    adjustedDeviation: n(f.adjustedDeviation),
    forecastChange: n(f.forecastChange),
    priorYearChange: n(f.priorYearChange),
  };
}

function rowJson(r: DriftRowResult) {
  return {
    name: r.name,
    path: r.path,
    ...amountFields(r),
    forecastSubstituted: r.forecastSubstituted,
    resultUnit: r.resultUnit,
    earmark: r.earmark,
    comment: r.comment,
    sheet: r.ref.sheet,
    row: r.ref.row,
  };
}

function nodeJson(node: DriftNodeResult): Record<string, unknown> {
  const rows = node.rows.map(rowJson).concat(node.children.flatMap((c) => c.rows.map(rowJson)));
  return {
    name: node.name,
    ...amountFields(node),
    needsComment: node.needsComment,
    rows,
    ...(node.children.length ? { units: node.children.map(nodeJson) } : {}),
  };
}

function investmentJson(r: InvestmentRowResult) {
  return {
    name: r.name,
    budget: n(r.budget),
    actual: n(r.actual),
    forecast: n(r.forecast),
    previousForecast: n(r.previousForecast),
    base: n(r.base),
    deviation: n(r.deviation),
    deviationVsForecast: n(r.deviationVsForecast),
    reBudgetProposal: n(r.reBudgetProposal),
    multiYear: r.multiYear,
  };
}

function costTypeJson(r: CostTypeRowResult) {
  return { name: r.name, kind: r.kind, priorYearActual: n(r.priorYearActual), actual: n(r.actual), change: n(r.change) };
}

/**
 * `messageOf` renders a finding's `message` (Swedish, CONTRACT.md): the engine holds no language,
 * so its caller passes src/i18n's findingMessage.
 */
export function toJsonReport(result: FollowUpResult, extra: { source?: string; messageOf: (f: Finding) => string }) {
  const op = result.operating;
  return {
    schemaVersion: 1,
    ...(extra.source ? { source: extra.source } : {}),
    period: result.period,
    year: result.year,
    unit: result.unit,
    operating: op
      ? {
          areas: op.areas.map(nodeJson),
          total: nodeJson(op.total),
          budgetAdherenceBefore: op.budgetAdherenceBefore,
          budgetAdherenceAfter: op.budgetAdherenceAfter,
          forecastAccuracy: op.forecastAccuracy,
          forecastAccuracyMet: op.forecastAccuracyMet,
        }
      : null,
    resultUnits: (op?.resultUnits ?? []).map((u) => ({
      name: u.name,
      area: u.area,
      deviation: n(u.deviation),
      resultTransfer: n(u.resultTransfer),
      openingFund: n(u.openingFund),
      closingFund: n(u.closingFund),
      cap: n(u.cap),
      capped: u.capped,
    })),
    earmarks: (op?.earmarks ?? []).map((e) => ({
      name: e.name,
      mode: e.mode,
      budget: n(e.budget),
      base: n(e.base),
      deviation: n(e.deviation),
      returnedFunds: n(e.returnedFunds),
    })),
    investments: result.investments
      ? { rows: result.investments.rows.map(investmentJson), total: investmentJson(result.investments.total) }
      : null,
    costTypes: result.costTypes
      ? {
          rows: result.costTypes.rows.map(costTypeJson),
          totals: {
            revenues: costTypeJson(result.costTypes.totals.revenues),
            costs: costTypeJson(result.costTypes.totals.costs),
            net: costTypeJson(result.costTypes.totals.net),
          },
        }
      : null,
    indicators: result.indicators
      ? {
          rows: result.indicators.rows.map((r) => ({
            name: r.name,
            goal: r.goal,
            value: r.value,
            actual: r.actual,
            actualWomen: r.actualWomen,
            actualMen: r.actualMen,
            priorYearActual: r.priorYearActual,
            forecast: r.forecast,
            target: r.target,
            kfTarget: r.kfTarget,
            targetKind: r.targetKind,
            direction: r.direction,
            percent: r.percent,
            tolerance: r.tolerance,
            status: r.status,
            genderGap: r.genderGap,
          })),
          summary: result.indicators.summary,
          goals: result.indicators.goals.map((g) => ({ name: g.name, proposedStatus: g.proposedStatus, summary: g.summary })),
          summarySentence: result.indicators.summarySentence,
          notAssessedSentence: result.indicators.notAssessedSentence,
        }
      : null,
    findings: result.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      sheet: f.sheet,
      cell: f.cell,
      subject: f.subject,
      message: extra.messageOf(f),
    })),
    tables: result.tables ?? [],
    ...(result.sources ? { sources: result.sources } : {}),
  };
}

export type JsonReport = ReturnType<typeof toJsonReport>;

