import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import { useStore } from "../store/StoreProvider";
import { Value } from "./Value";

/** What stopped the last action: the pipeline's own message, never a crash. */
export function ProblemBar() {
  const t = useStrings();
  const { state, dispatch } = useStore();
  const problem = state.problem;
  if (problem === null) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.app.errorTitle}</MessageBarTitle>
        {problem.unexpected ? t.app.unexpected(problem.message) : <Value>{problem.message}</Value>}
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
