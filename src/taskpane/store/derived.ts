import { useMemo } from "react";
import { defaultSettings, SettingsError } from "../../engine/settings";
import type { Settings } from "../../engine/types";
import { earmarksIn, effectiveSettings, findTables, hasCorrections, settingsSheetName, type FoundTables } from "../services/pipeline";
import type { State } from "./state";

export interface Derived {
  /** The settings in force (defaults, Inställningar sheet, the stored layer). */
  settings: Settings;
  /** Why the stored layer or the settings sheet cannot be used, when it cannot. */
  settingsProblem: string | null;
  settingsSheet: string | null;
  found: FoundTables | null;
  earmarks: string[];
}

function settingsOf(state: Pick<State, "grid" | "stored">): { settings: Settings; problem: string | null } {
  try {
    return { settings: effectiveSettings(state.grid, state.stored), problem: null };
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    // Show the rest of the pane with what can be used, and say what cannot.
    try {
      return { settings: effectiveSettings(state.grid, null), problem: e.message };
    } catch {
      return { settings: defaultSettings(), problem: e.message };
    }
  }
}

/** What the components show, computed from the state (memoised per input). */
export function useDerived(state: State): Derived {
  const { grid, stored, corrections } = state;
  const { settings, problem } = useMemo(() => settingsOf({ grid, stored }), [grid, stored]);
  const found = useMemo(() => (grid === null ? null : findTables(grid, settings, corrections)), [grid, settings, corrections]);
  const earmarks = useMemo(
    () => earmarksIn(grid, settings, found !== null && hasCorrections(corrections) ? found.tables : undefined),
    [grid, settings, found, corrections],
  );
  const settingsSheet = useMemo(() => settingsSheetName(grid), [grid]);
  return { settings, settingsProblem: problem, settingsSheet, found, earmarks };
}
