import type { Corrections } from "./pipeline";
import type { RawSettings, SettingsStorage } from "./types";

/** The key under which the add-in's settings live in the document's settings. */
export const SETTINGS_KEY = "foljsam";
/** The key of the corrections made under Hitta (a separate entry: they are not settings). */
export const CORRECTIONS_KEY = "foljsam.corrections";

/** Corrections as stored: per table key an object; anything else is dropped. */
function asCorrections(value: unknown): Corrections {
  if (!isRecord(value)) return {};
  const out: Corrections = {};
  for (const [key, correction] of Object.entries(value)) {
    if (!isRecord(correction)) continue;
    const columns = isRecord(correction.columns)
      ? Object.fromEntries(Object.entries(correction.columns).filter(([, f]) => f === null || typeof f === "string") as [string, string | null][])
      : undefined;
    const unit = correction.unit === "kr" || correction.unit === "tkr" || correction.unit === "mnkr" ? correction.unit : undefined;
    out[key] = { ...(columns ? { columns } : {}), ...(unit ? { unit } : {}) };
  }
  return out;
}

function saveSettings(settings: Office.Settings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(new Error(result.error?.message ?? String(result.status)));
    });
  });
}

function isRecord(value: unknown): value is RawSettings {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Office document settings: saved inside the workbook file (a web extension part). */
export function officeDocumentStorage(settings: Office.Settings): SettingsStorage {
  return {
    load() {
      const value: unknown = settings.get(SETTINGS_KEY);
      return isRecord(value) ? value : null;
    },
    save(raw) {
      if (raw === null) settings.remove(SETTINGS_KEY);
      else settings.set(SETTINGS_KEY, raw);
      return saveSettings(settings);
    },
    loadCorrections: () => asCorrections(settings.get(CORRECTIONS_KEY)),
    saveCorrections(corrections) {
      if (Object.keys(corrections).length === 0) settings.remove(CORRECTIONS_KEY);
      else settings.set(CORRECTIONS_KEY, corrections);
      return saveSettings(settings);
    },
  };
}

/** Settings kept in memory, for tests and the browser test harness. */
export function memoryStorage(
  initial: RawSettings | null = null,
  corrections: Corrections = {},
): SettingsStorage & { saved: RawSettings | null; saves: number; corrections: Corrections } {
  const store = {
    saved: initial === null ? null : structuredClone(initial),
    saves: 0,
    corrections: structuredClone(corrections),
    load: () => (store.saved === null ? null : structuredClone(store.saved)),
    save: async (raw: RawSettings | null) => {
      store.saves++;
      store.saved = raw === null ? null : structuredClone(raw);
    },
    loadCorrections: () => asCorrections(structuredClone(store.corrections)),
    saveCorrections: async (next: Corrections) => {
      store.corrections = structuredClone(next);
    },
  };
  return store;
}
