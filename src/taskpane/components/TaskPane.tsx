import { Caption1, FluentProvider, makeStyles, Tab, TabList, Title2, tokens, webLightTheme } from "@fluentui/react-components";
import { StringsProvider, useStrings, type Strings } from "../i18n";
import type { TaskPaneServices } from "../services";
import { STEPS, type Step } from "../store/state";
import { StoreProvider, useStore } from "../store/StoreProvider";
import { FindStep } from "./FindStep";
import { panelId, tabId } from "./NextStepButton";
import { ProblemBar, RequirementsBar } from "./ProblemBar";
import { RunStep } from "./RunStep";
import { SettingsStep } from "./SettingsStep";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "44rem",
  },
  header: { display: "flex", flexDirection: "column" },
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

/** The whole task pane: Hitta, Inställningar and Kör as tabs, over the given services. */
export function TaskPane({ services, strings }: { services: TaskPaneServices; strings: Strings }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <StringsProvider strings={strings}>
        <StoreProvider services={services}>
          <main className={styles.root}>
            <header className={styles.header}>
              <Title2 as="h1">{strings.app.title}</Title2>
              <Caption1>{strings.app.tagline}</Caption1>
            </header>
            <RequirementsBar />
            <ProblemBar />
            <Steps />
          </main>
        </StoreProvider>
      </StringsProvider>
    </FluentProvider>
  );
}
