import { Body1, Button, Field, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle1, tokens } from "@fluentui/react-components";
import type { Period } from "../../engine/types";
import { useStrings } from "../i18n";
import { PERIODS } from "../services/pipeline";
import { useDerived } from "../store/derived";
import { useStore } from "../store/StoreProvider";
import { ChoiceDropdown } from "./ChoiceDropdown";
import { NextStepButton } from "./NextStepButton";
import { ProblemBar } from "./ProblemBar";
import { TableCard } from "./TableCard";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** Hitta: reads the open workbook and lists the tables it recognised, with corrections. */
export function FindStep({ headingId }: { headingId: string }) {
  const t = useStrings();
  const styles = useStyles();
  const { state, dispatch, readWorkbook, services } = useStore();
  const { settings, found } = useDerived(state);
  const canRun = services.requirements().ok;
  const period: Period | null = settings.period ?? found?.workbookPeriod ?? null;
  const corrected = Object.keys(state.corrections).length > 0;

  return (
    <div className={styles.step}>
      <Subtitle1 as="h2" id={headingId}>
        {t.find.heading}
      </Subtitle1>
      <Body1>{t.find.intro}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!canRun} disabledFocusable={state.reading} onClick={() => void readWorkbook()}>
          {state.grid === null ? t.find.read : t.find.reread}
        </Button>
        {state.reading && <Spinner size="tiny" label={t.find.reading} />}
      </div>
      <ProblemBar action="read" />

      {found !== null && (
        <>
          <div role="status">
            <Body1>{found.tables.length === 0 ? t.find.none : t.find.found(found.tables.length)}</Body1>
          </div>
          {found.tables.length > 0 && (
            <Field
              label={t.find.periodLabel}
              hint={`${found.workbookPeriod === null ? t.find.periodUnknown : t.find.periodFound(found.workbookPeriod)} ${t.find.periodHelp}`}
            >
              <ChoiceDropdown
                value={period}
                options={PERIODS.map((p) => ({ value: p, text: t.periods[p] }))}
                onSelect={(p) => dispatch({ type: "setSetting", path: ["period"], value: p })}
              />
            </Field>
          )}
          {found.tables.map((table) => (
            <TableCard key={`${table.kind}@${table.sheet}`} table={table} />
          ))}
          {corrected && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t.find.corrected}</MessageBarBody>
            </MessageBar>
          )}
          {corrected && (
            <div className={styles.actions}>
              <Button onClick={() => dispatch({ type: "clearCorrections" })}>{t.find.undo}</Button>
            </div>
          )}
          <div className={styles.actions}>
            <NextStepButton step="settings" />
          </div>
        </>
      )}
    </div>
  );
}
