import { Caption1, FluentProvider, makeStyles, Tab, TabList, Title2, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { StringsProvider, useStrings, type Strings } from "../i18n";
import type { TaskPaneServices } from "../services";
import { STEPS, type Step } from "../store/state";
import { StoreProvider, useStore } from "../store/StoreProvider";
import { FindStep } from "./FindStep";
import { panelId, tabId } from "./NextStepButton";
import { ErrorBoundary } from "./ErrorBoundary";
import { RequirementsBar } from "./ProblemBar";
import { RunStep } from "./RunStep";
import { SettingsStep } from "./SettingsStep";

const useStyles = makeStyles({
  // The theme's background over the whole frame (dark too), not only behind the content.
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  // On Office's 4 px grid, from the frame's edge (taskpane.html removes the browser's margin):
  // 20 px above, 12 px at the sides (the pane is 320–350 px wide by default), 12 px between
  // blocks; headings carry no margin of their own.
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalM}`,
    maxWidth: "44rem",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  panel: { outline: "none" },
});

const PANELS: Record<Step, (props: { headingId: string }) => JSX.Element> = {
  find: FindStep,
  settings: SettingsStep,
  run: RunStep,
};

function Steps() {
  const t = useStrings();
  const styles = useStyles();
  const { state, dispatch } = useStore();
  const Panel = PANELS[state.step];
  return (
    <>
      <TabList
        aria-label={t.app.stepsLabel}
        selectedValue={state.step}
        onTabSelect={(_, data) => dispatch({ type: "goTo", step: data.value as Step })}
      >
        {STEPS.map((step) => (
          <Tab key={step} id={tabId(step)} value={step} aria-controls={step === state.step ? panelId(step) : undefined}>
            {t.steps[step]}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={panelId(state.step)} aria-labelledby={tabId(state.step)} className={styles.panel}>
        <Panel headingId={`foljsam-heading-${state.step}`} />
      </div>
    </>
  );
}

/**
 * The whole task pane: Hitta, Inställningar and Kör as tabs, over the given services, in Office's
 * theme (`dark` when Office's theme is dark).
 */
export function TaskPane({ services, strings, dark = false }: { services: TaskPaneServices; strings: Strings; dark?: boolean }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.provider}>
      <StringsProvider strings={strings}>
        <main className={styles.root}>
          <header className={styles.header}>
            <Title2 as="h1" className={styles.heading}>
              {strings.app.title}
            </Title2>
            <Caption1>{strings.app.tagline}</Caption1>
          </header>
          <ErrorBoundary strings={strings}>
            <StoreProvider services={services}>
              <RequirementsBar />
              <Steps />
            </StoreProvider>
          </ErrorBoundary>
        </main>
      </StringsProvider>
    </FluentProvider>
  );
}
