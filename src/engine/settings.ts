import type { Period, Settings, SignField, Unit } from "./types";

/** The defaults of DOMAIN.md. */
export function defaultSettings(): Settings {
  return {
    period: null,
    year: null,
    unit: null,
    commentThreshold: { mnkr: 1.0, share: 0.05 },
    resultUnits: { capShare: 0.05, carryDeficits: true },
    earmarks: {},
    indicators: { tolerance: 0.1, improvementCountsAsPartial: false, genderGapPoints: 5, genderGapShare: 0.1 },
    runRateShare: 0.05,
    forecastAccuracyBand: 0.01,
    costsNegative: false,
    signs: {},
  };
}

const SIGN_FIELDS: SignField[] = ["budget", "actual", "forecast", "previousForecast", "priorYearActual"];

export class SettingsError extends Error {}

const PERIODS: Period[] = ["T1", "T2", "VB"];
const UNITS: Unit[] = ["kr", "tkr", "mnkr"];

/**
 * Merges a settings object (from a settings file, a settings sheet or the add-in) over the
 * defaults. Unknown keys are refused so that a misspelt setting is not silently ignored.
 * Messages are Swedish and name the key.
 */
export function mergeSettings(base: Settings, raw: unknown, source = "inställningarna"): Settings {
  if (raw === null || raw === undefined) return base;
  if (typeof raw !== "object" || Array.isArray(raw)) throw new SettingsError(`${source}: förväntade ett JSON-objekt.`);
  const o = raw as Record<string, unknown>;
  const out: Settings = structuredClone(base);
  for (const [key, value] of Object.entries(o)) {
    switch (key) {
      case "period":
        if (value === null) out.period = null;
        else if (typeof value === "string" && PERIODS.includes(value.toUpperCase() as Period)) out.period = value.toUpperCase() as Period;
        else throw new SettingsError(`${source}: "period" ska vara T1, T2 eller VB, inte ${JSON.stringify(value)}.`);
        break;
      case "year":
        if (value === null) out.year = null;
        else if (Number.isInteger(value) && (value as number) > 1900 && (value as number) < 3000) out.year = value as number;
        else throw new SettingsError(`${source}: "year" ska vara ett årtal, inte ${JSON.stringify(value)}.`);
        break;
      case "unit":
        if (value === null) out.unit = null;
        else if (typeof value === "string" && UNITS.includes(value.toLowerCase() as Unit)) out.unit = value.toLowerCase() as Unit;
        else throw new SettingsError(`${source}: "unit" ska vara kr, tkr eller mnkr, inte ${JSON.stringify(value)}.`);
        break;
      case "commentThreshold": {
        const t = obj(value, key, source);
        for (const [k, v] of Object.entries(t)) {
          if (k === "mnkr") out.commentThreshold.mnkr = nonNegative(v, `${key}.${k}`, source);
          else if (k === "share") out.commentThreshold.share = share(v, `${key}.${k}`, source);
          else unknown(`${key}.${k}`, source);
        }
        break;
      }
      case "resultUnits": {
        const t = obj(value, key, source);
        for (const [k, v] of Object.entries(t)) {
          if (k === "capShare") out.resultUnits.capShare = share(v, `${key}.${k}`, source);
          else if (k === "carryDeficits") out.resultUnits.carryDeficits = bool(v, `${key}.${k}`, source);
          else unknown(`${key}.${k}`, source);
        }
        break;
      }
      case "earmarks": {
        const t = obj(value, key, source);
        for (const [name, v] of Object.entries(t)) {
          const e = obj(v, `${key}.${name}`, source);
          const mode = e.mode ?? "surplusOnly";
          if (mode !== "surplusOnly" && mode !== "both")
            throw new SettingsError(`${source}: "${key}.${name}.mode" ska vara "surplusOnly" eller "both", inte ${JSON.stringify(mode)}.`);
          for (const k of Object.keys(e)) if (k !== "mode") unknown(`${key}.${name}.${k}`, source);
          out.earmarks[name] = { mode };
        }
        break;
      }
      case "indicators": {
        const t = obj(value, key, source);
        for (const [k, v] of Object.entries(t)) {
          if (k === "tolerance") out.indicators.tolerance = share(v, `${key}.${k}`, source);
          else if (k === "improvementCountsAsPartial") out.indicators.improvementCountsAsPartial = bool(v, `${key}.${k}`, source);
          else if (k === "genderGapPoints") out.indicators.genderGapPoints = nonNegative(v, `${key}.${k}`, source);
          else if (k === "genderGapShare") out.indicators.genderGapShare = share(v, `${key}.${k}`, source);
          else unknown(`${key}.${k}`, source);
        }
        break;
      }
      case "runRateShare":
        out.runRateShare = share(value, key, source);
        break;
      case "forecastAccuracyBand":
        out.forecastAccuracyBand = share(value, key, source);
        break;
      case "costsNegative":
        out.costsNegative = bool(value, key, source);
        break;
      case "signs": {
        const t = obj(value, key, source);
        for (const [k, v] of Object.entries(t)) {
          if (!SIGN_FIELDS.includes(k as SignField)) unknown(`${key}.${k}`, source);
          if (v !== "flip" && v !== "keep") throw new SettingsError(`${source}: "${key}.${k}" ska vara "flip" eller "keep", inte ${JSON.stringify(v)}.`);
          out.signs[k as SignField] = v;
        }
        break;
      }
      default:
        unknown(key, source);
    }
  }
  return out;
}

function obj(v: unknown, key: string, source: string): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new SettingsError(`${source}: "${key}" ska vara ett objekt.`);
  return v as Record<string, unknown>;
}
function nonNegative(v: unknown, key: string, source: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new SettingsError(`${source}: "${key}" ska vara ett tal ≥ 0, inte ${JSON.stringify(v)}.`);
  return v;
}
function share(v: unknown, key: string, source: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 10)
    throw new SettingsError(`${source}: "${key}" ska vara en andel som 0.05 (för 5 %), inte ${JSON.stringify(v)}.`);
  return v;
}
function bool(v: unknown, key: string, source: string): boolean {
  if (typeof v !== "boolean") throw new SettingsError(`${source}: "${key}" ska vara true eller false, inte ${JSON.stringify(v)}.`);
  return v;
}
function unknown(key: string, source: string): never {
  throw new SettingsError(`${source}: okänd inställning "${key}".`);
}
