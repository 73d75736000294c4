import { Body1, Button, Caption1, Field, Link, makeStyles, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Subtitle1, Subtitle2, tokens } from "@fluentui/react-components";
import { periodLabel } from "../../workbook/plans/labels.sv";
import { useStrings, type Strings } from "../i18n";
import type { RunMode, RunProgress } from "../services";
import { templateChoice } from "../services/pipeline";
import { useDerived } from "../store/derived";
import { pathKey, SETTING_FIELDS } from "../store/settingsForm";
import type { State } from "../store/state";
import { problemOf, useStore } from "../store/StoreProvider";
import { FindingsList } from "./FindingsList";
import { ProblemBar } from "./ProblemBar";
import { summaryCells } from "./summaryCells";
import { SummaryCards } from "./SummaryCards";
import { Value } from "./Value";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  sheets: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  stale: { opacity: 0.72 },
});

/** Share of the bar each phase has reached; writing takes most of a run. */
export function progressValue(mode: RunMode | "template", progress: RunProgress | null): number {
  if (progress === null) return 0;
  switch (progress.phase) {
    case "read":
      return mode === "check" ? 0.2 : 0.05;
    case "compute": {
      // Through the compute steps, when the run reports them.
      const share = progress.total ? (progress.done ?? 0) / progress.total : 0;
      return mode === "check" ? 0.6 : 0.08 + 0.12 * share;
    }
    case "write": {
      const share = progress.done / Math.max(1, progress.total);
      return mode === "template" ? share : 0.2 + 0.8 * share;
    }
  }
}

function progressText(t: Strings, mode: RunMode | "template", progress: RunProgress | null): string {
  if (progress === null && mode === "template") return t.run.phases.template;
  if (progress === null || progress.phase === "read") return t.run.phases.read;
  if (progress.phase === "compute") return t.run.phases.compute;
  return t.run.phases.write(progress.done, progress.total);
}

/** Följsam's sheets a run would replace: those the workbook marks as Följsam's, and those it wrote last. */
export function sheetsToReplace(state: Pick<State, "grid" | "outcome">): string[] {
  const names = new Set<string>();
  for (const s of state.grid?.sheets ?? []) if (s.followUp) names.add(s.name);
  for (const s of state.outcome?.sheets ?? []) names.add(s);
  return [...names];
}

/** The settings that stop a run, named as the settings panel names them. */
function invalidSettings(t: Strings, state: State, settingsProblem: string | null): string[] {
  const named = SETTING_FIELDS.filter((f) => state.fieldErrors[pathKey(f.path)] !== undefined).map((f) => t.settings.fields[f.key].label);
  if (named.length === 0 && Object.keys(state.fieldErrors).length > 0) named.push(t.settings.heading);
  if (named.length === 0 && settingsProblem !== null) named.push(t.run.storedSettings);
  return named;
}

/** Kör: runs (or only checks) the follow-up, shows the progress, the summary and the findings. */
export function RunStep({ headingId }: { headingId: string }) {
  const t = useStrings();
  const styles = useStyles();
  const { state, dispatch, run, cancelRun, createTemplate, select, services } = useStore();
  const { settings, found, settingsProblem } = useDerived(state);
  const template = templateChoice(settings, found, new Date().getFullYear());
  const supported = services.requirements().ok;
  // Busy buttons stay focusable, so that the keyboard user's place is kept while it runs.
  const busy = state.running !== null;
  const blockedBy = invalidSettings(t, state, settingsProblem);
  const blocked = blockedBy.length > 0;
  const replace = sheetsToReplace(state);
  const outcome = state.outcome;
  const status =
    state.running !== null
      ? progressText(t, state.running, state.progress)
      : state.templateSheets !== null
        ? t.run.templateDone(state.templateSheets.length)
        : outcome === null
          ? ""
          : outcome.mode === "check"
            ? t.run.checked
            : t.run.done(outcome.sheets.length);
  const cancellable = state.running === "run" || state.running === "check" ? state.progress?.phase !== "write" : false;

  // Before replacing Följsam's sheets the pane names them; it reads the workbook first when Hitta has not.
  const startRun = async () => {
    let grid = state.grid;
    if (grid === null) {
      try {
        grid = await services.readWorkbook();
      } catch (e) {
        dispatch({ type: "failed", problem: problemOf(e, "run") });
        return;
      }
      dispatch({ type: "readDone", grid });
    }
    if (sheetsToReplace({ grid, outcome }).length > 0 && !state.confirmingReplace) dispatch({ type: "confirmReplace", asking: true });
    else void run("run");
  };

  return (
    <div className={styles.step}>
      <Subtitle1 as="h2" id={headingId}>
        {t.run.heading}
      </Subtitle1>
      <Body1>{t.run.intro}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!supported || blocked} disabledFocusable={busy} onClick={() => void startRun()} aria-describedby={blocked ? "foljsam-blocked" : undefined}>
          {t.run.run}
        </Button>
        <Button disabled={!supported || blocked} disabledFocusable={busy} onClick={() => void run("check")}>
          {t.run.check}
        </Button>
        <Button disabled={!supported} disabledFocusable={busy} onClick={() => void createTemplate(template)}>
          {t.run.template}
        </Button>
      </div>
      {blocked && (
        <MessageBar intent="warning" layout="multiline" id="foljsam-blocked">
          <MessageBarBody>{t.run.blocked(blockedBy.join(", "))}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => dispatch({ type: "goTo", step: "settings" })}>
              {t.run.toSettings}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.confirmingReplace && !busy && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t.run.replaceQuestion}
            <ul className={styles.sheets}>
              {replace.map((s) => (
                <li key={s}>
                  <Value>{s}</Value>
                </li>
              ))}
            </ul>
            {t.run.replaceNote}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void run("run")}>
              {t.run.replaceConfirm}
            </Button>
            <Button size="small" onClick={() => dispatch({ type: "confirmReplace", asking: false })}>
              {t.run.replaceCancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ProblemBar action="run" />
      <ProblemBar action="template" />
      <Caption1>{t.run.checkHelp}</Caption1>
      <Caption1>{t.run.templateHelp(periodLabel(template.period, template.year))}</Caption1>
      {state.running !== null && (
        <div className={styles.actions}>
          <Field label={t.run.progressLabel} validationState="none" style={{ flexGrow: 1 }}>
            <ProgressBar value={progressValue(state.running, state.progress)} thickness="large" />
          </Field>
          {cancellable && <Button onClick={cancelRun}>{t.run.cancel}</Button>}
        </div>
      )}
      <div role="status" aria-live="polite">
        {status !== "" && <Body1>{status}</Body1>}
      </div>
      {outcome !== null && state.running === null && outcome.sheets.length > 0 && state.templateSheets === null && (
        <section aria-labelledby="foljsam-written">
          <Subtitle2 as="h3" id="foljsam-written">
            {t.run.writtenHeading}
          </Subtitle2>
          <ul className={styles.sheets}>
            {outcome.sheets.map((sheet) => (
              <li key={sheet}>
                <Link as="button" onClick={() => void select(sheet, null, t.findings.sheetOnly(sheet), `sheet:${sheet}`)}>
                  <Value>{sheet}</Value>
                </Link>
                <span role="status">{state.selected?.entry === `sheet:${sheet}` && <Caption1> {t.run.opened}</Caption1>}</span>
                <ProblemBar action="select" entry={`sheet:${sheet}`} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {outcome !== null && state.templateSheets === null && (
        <div className={busy ? styles.stale : undefined} aria-busy={busy}>
          {busy && <Body1>{t.run.stale}</Body1>}
          <div className={styles.step}>
            <SummaryCards result={outcome.result} cells={summaryCells(outcome.summaryPlan, outcome.result.period)} />
            <FindingsList findings={outcome.result.findings} />
          </div>
        </div>
      )}
    </div>
  );
}
