import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useReducer, useRef } from "react";
import { SettingsError } from "../../engine/settings";
import { describeOfficeError, isOfficeError, OfficeHostError, type OfficeErrorDescription } from "../../hosts/office/errors";
import { FoljsamError } from "../../workbook/errors";
import { RunCancelled, type RunMode, type TaskPaneServices } from "../services";
import type { TemplateChoice } from "../services/pipeline";
import { initialState, reducer, type Action, type Problem, type ProblemAction, type State } from "./state";

/** How long settings wait after the last change before they are saved in the workbook. */
export const SAVE_DELAY_MS = 400;

export interface Store {
  state: State;
  dispatch: (action: Action) => void;
  services: TaskPaneServices;
  readWorkbook(): Promise<void>;
  run(mode: RunMode): Promise<void>;
  /** Stops the run under way before it writes (reading and computing can be cancelled). */
  cancelRun(): void;
  createTemplate(choice: TemplateChoice): Promise<void>;
  /** Takes the user to a cell; `where` is how the page names the place, `entry` the work-list entry asking. */
  select(sheet: string, cell: string | null, where: string, entry?: string | null): Promise<void>;
}

const StoreContext = createContext<Store | null>(null);

/**
 * A pipeline message is shown as it is; an Office error as one sentence with a next step, in
 * both languages (`office` keeps the kind and the code); anything else is an unexpected error.
 */
export function problemOf(error: unknown, action: ProblemAction = "run"): Problem {
  if (error instanceof FoljsamError || error instanceof SettingsError) return { action, message: error.message, unexpected: false };
  if (error instanceof OfficeHostError || isOfficeError(error)) {
    const office: OfficeErrorDescription =
      error instanceof OfficeHostError ? { kind: error.kind, code: error.code, sv: error.sv, en: error.en } : describeOfficeError(error);
    return { action, message: office.sv, en: office.en, unexpected: false, office };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { action, message, unexpected: true };
}

export function StoreProvider({ services, children }: { services: TaskPaneServices; children: ReactNode }) {
  const [state, dispatch] = useReducer(reducer, null, () => initialState(services.storedSettings(), services.storedCorrections()));
  const latest = useRef(state);
  latest.current = state;

  // The corrections are kept in the workbook too, so that they survive a reload.
  useEffect(() => {
    if (state.correctionsVersion === 0) return;
    const corrections = state.corrections;
    const timer = setTimeout(() => {
      services.saveCorrections(corrections).catch((e: unknown) => dispatch({ type: "saveState", save: { status: "failed", detail: problemOf(e).message } }));
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [services, state.corrections, state.correctionsVersion]);

  // A change to the workbook makes what Hitta found, and the last results, stale.
  useEffect(() => {
    let stop: (() => void) | null = null;
    let unmounted = false;
    services
      .watchWorkbook(() => {
        if (latest.current.running === null) dispatch({ type: "workbookChanged" });
      })
      .then((unwatch) => {
        if (unmounted) unwatch();
        else stop = unwatch;
      })
      // Without events (an Excel that lacks them), the pane still works; Kör reads afresh anyway.
      .catch(() => undefined);
    return () => {
      unmounted = true;
      stop?.();
    };
  }, [services]);

  // Save the user's settings in the workbook, once they have stopped typing.
  useEffect(() => {
    if (state.storedVersion === 0) return;
    const stored = state.stored;
    const timer = setTimeout(() => {
      dispatch({ type: "saveState", save: { status: "saving" } });
      services
        .saveSettings(stored)
        .then(() => dispatch({ type: "saveState", save: { status: stored === null ? "reset" : "saved" } }))
        .catch((e: unknown) => dispatch({ type: "saveState", save: { status: "failed", detail: problemOf(e).message } }));
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [services, state.stored, state.storedVersion]);

  const readWorkbook = useCallback(async () => {
    dispatch({ type: "readStart" });
    try {
      dispatch({ type: "readDone", grid: await services.readWorkbook() });
    } catch (e) {
      dispatch({ type: "failed", problem: problemOf(e, "read") });
    }
  }, [services]);

  const running = useRef<AbortController | null>(null);

  const run = useCallback(
    async (mode: RunMode) => {
      const { stored, corrections } = latest.current;
      dispatch({ type: "runStart", mode });
      const controller = new AbortController();
      running.current = controller;
      try {
        const outcome = await services.run({ mode, stored, corrections }, (progress) => dispatch({ type: "runProgress", progress }), controller.signal);
        dispatch({ type: "runDone", outcome });
      } catch (e) {
        if (e instanceof RunCancelled) dispatch({ type: "runCancelled" });
        else dispatch({ type: "failed", problem: problemOf(e, "run") });
      } finally {
        if (running.current === controller) running.current = null;
      }
    },
    [services],
  );

  const cancelRun = useCallback(() => running.current?.abort(), []);

  const createTemplate = useCallback(
    async (choice: TemplateChoice) => {
      dispatch({ type: "runStart", mode: "template" });
      try {
        const sheets = await services.createTemplate(choice, (progress) => dispatch({ type: "runProgress", progress }));
        dispatch({ type: "templateDone", sheets });
      } catch (e) {
        dispatch({ type: "failed", problem: problemOf(e, "template") });
      }
    },
    [services],
  );

  const select = useCallback(
    async (sheet: string, cell: string | null, where: string, entry: string | null = null) => {
      try {
        await services.selectCell(sheet, cell);
        dispatch({ type: "selected", where, entry });
      } catch (e) {
        dispatch({ type: "failed", problem: { ...problemOf(e, "select"), entry } });
      }
    },
    [services],
  );

  const store = useMemo<Store>(
    () => ({ state, dispatch, services, readWorkbook, run, cancelRun, createTemplate, select }),
    [state, services, readWorkbook, run, cancelRun, createTemplate, select],
  );
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (store === null) throw new Error("useStore utanför StoreProvider");
  return store;
}
