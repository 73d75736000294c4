import { Body1, Button, Caption1, Field, makeStyles, ProgressBar, Subtitle1, tokens } from "@fluentui/react-components";
import { periodLabel } from "../../workbook/plans/labels.sv";
import { useStrings, type Strings } from "../i18n";
import type { RunMode, RunProgress } from "../services";
import { templateChoice } from "../services/pipeline";
import { useDerived } from "../store/derived";
import { useStore } from "../store/StoreProvider";
import { FindingsList } from "./FindingsList";
import { SummaryCards } from "./SummaryCards";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** Share of the bar each phase has reached; writing takes most of a run. */
export function progressValue(mode: RunMode | "template", progress: RunProgress | null): number {
  if (progress === null) return 0;
  switch (progress.phase) {
    case "read":
      return mode === "check" ? 0.2 : 0.05;
    case "compute":
      return mode === "check" ? 0.6 : 0.15;
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

/** Kör: runs (or only checks) the follow-up, shows the progress, the summary and the findings. */
export function RunStep({ headingId }: { headingId: string }) {
  const t = useStrings();
  const styles = useStyles();
  const { state, run, createTemplate, services } = useStore();
  const { settings, found } = useDerived(state);
  const template = templateChoice(settings, found, new Date().getFullYear());
  const supported = services.requirements().ok;
  // Busy buttons stay focusable, so that the keyboard user's place is kept while it runs.
  const busy = state.running !== null;
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

  return (
    <div className={styles.step}>
      <Subtitle1 as="h2" id={headingId}>
        {t.run.heading}
      </Subtitle1>
      <Body1>{t.run.intro}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!supported} disabledFocusable={busy} onClick={() => void run("run")}>
          {t.run.run}
        </Button>
        <Button disabled={!supported} disabledFocusable={busy} onClick={() => void run("check")}>
          {t.run.check}
        </Button>
        <Button disabled={!supported} disabledFocusable={busy} onClick={() => void createTemplate(template)}>
          {t.run.template}
        </Button>
      </div>
      <Caption1>{t.run.checkHelp}</Caption1>
      <Caption1>{t.run.templateHelp(periodLabel(template.period, template.year))}</Caption1>
      {state.running !== null && (
        <Field label={t.run.progressLabel} validationState="none">
          <ProgressBar value={progressValue(state.running, state.progress)} thickness="large" />
        </Field>
      )}
      <div role="status" aria-live="polite">
        {status !== "" && <Body1>{status}</Body1>}
      </div>
      {outcome !== null && state.running === null && state.templateSheets === null && (
        <>
          <SummaryCards result={outcome.result} />
          <FindingsList findings={outcome.result.findings} />
        </>
      )}
    </div>
  );
}
