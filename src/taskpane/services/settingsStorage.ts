import type { RawSettings, SettingsStorage } from "./types";

/** The key under which the add-in's settings live in the document's settings. */
export const SETTINGS_KEY = "foljsam";

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
      return new Promise((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
          else reject(new Error(result.error?.message ?? String(result.status)));
        });
      });
    },
  };
}

/** Settings kept in memory, for tests and the browser test harness. */
export function memoryStorage(initial: RawSettings | null = null): SettingsStorage & { saved: RawSettings | null; saves: number } {
  const store = {
    saved: initial === null ? null : structuredClone(initial),
    saves: 0,
    load: () => (store.saved === null ? null : structuredClone(store.saved)),
    save: async (raw: RawSettings | null) => {
      store.saves++;
      store.saved = raw === null ? null : structuredClone(raw);
    },
  };
  return store;
}
