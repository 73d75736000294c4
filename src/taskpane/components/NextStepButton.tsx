import { Button } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import type { Step } from "../store/state";
import { useStore } from "../store/StoreProvider";

export const tabId = (step: Step) => `foljsam-tab-${step}`;
export const panelId = (step: Step) => `foljsam-panel-${step}`;

/** Goes to the next step and puts keyboard focus on its tab, where the panel follows. */
export function NextStepButton({ step }: { step: Step }) {
  const t = useStrings();
  const { dispatch } = useStore();
  return (
    <Button
      onClick={() => {
        dispatch({ type: "goTo", step });
        // After React has rendered the new panel.
        setTimeout(() => document.getElementById(tabId(step))?.focus(), 0);
      }}
    >
      {t.app.next(t.steps[step])}
    </Button>
  );
}
