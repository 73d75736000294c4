import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { languageOf, useStrings } from "../i18n";
import type { ProblemAction } from "../store/state";
import { useStore } from "../store/StoreProvider";
import { Value } from "./Value";

/**
 * What stopped an action, shown beside that action's button (not at the top of the pane, where
 * nobody looks): the pipeline's message, an Office error as one sentence with a next step, or an
 * unexpected error with what to try.
 */
export function ProblemBar({ action, entry }: { action: ProblemAction; entry?: string }) {
  const t = useStrings();
  const { state, dispatch } = useStore();
  const problem = state.problem;
  if (problem === null || problem.action !== action) return null;
  if (entry !== undefined && problem.entry !== entry) return null;
  const sentence = languageOf(t) === "en" && problem.en !== undefined ? problem.en : problem.message;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.app.errorTitle}</MessageBarTitle>
        {problem.unexpected ? t.app.unexpected(problem.message) : <Value>{sentence}</Value>}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => dispatch({ type: "dismissProblem" })}>
          {t.app.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** Shown instead of the steps' buttons when this is not an Excel that can run Följsam. */
export function RequirementsBar() {
  const t = useStrings();
  const { services } = useStore();
  const check = services.requirements();
  if (check.ok) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{check.inExcel ? t.app.tooOld(check.missing.join(", ")) : t.app.notInExcel}</MessageBarBody>
    </MessageBar>
  );
}
