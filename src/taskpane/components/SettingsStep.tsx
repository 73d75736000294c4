import { Body1, Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle1, Subtitle2, Switch, tokens } from "@fluentui/react-components";
import type { Period, Settings, Unit } from "../../engine/types";
import { useStrings } from "../i18n";
import { PERIODS, UNITS } from "../services/pipeline";
import { useDerived } from "../store/derived";
import {
  earmarkPath,
  inputText,
  parseInput,
  pathKey,
  SETTING_FIELDS,
  SETTING_GROUPS,
  validateStored,
  valueAt,
  withValue,
  type SettingField,
} from "../store/settingsForm";
import { useStore } from "../store/StoreProvider";
import { ChoiceDropdown } from "./ChoiceDropdown";
import { NextStepButton } from "./NextStepButton";
import { Value } from "./Value";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, border: "none", margin: 0, padding: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  input: { maxWidth: "12rem" },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** "From the workbook" in the period and unit dropdowns. */
const FROM_WORKBOOK = "";

/** Inställningar: every setting, validated as typed, saved in the workbook. */
export function SettingsStep({ headingId }: { headingId: string }) {
  const t = useStrings();
  const styles = useStyles();
  const { state, dispatch } = useStore();
  const { settings, settingsProblem, settingsSheet, earmarks } = useDerived(state);

  const saveText =
    state.save.status === "saving"
      ? t.settings.saving
      : state.save.status === "saved"
        ? t.settings.saved
        : state.save.status === "reset"
          ? t.settings.resetDone
          : state.save.status === "failed"
            ? t.settings.saveFailed(state.save.detail)
            : "";

  return (
    <div className={styles.step}>
      <Subtitle1 as="h2" id={headingId}>
        {t.settings.heading}
      </Subtitle1>
      <Body1>{t.settings.intro}</Body1>
      {settingsSheet !== null && <Body1>{t.settings.sheetNote(settingsSheet)}</Body1>}
      {settingsProblem !== null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t.settings.invalidStored} <Value>{settingsProblem}</Value>
          </MessageBarBody>
        </MessageBar>
      )}

      {SETTING_GROUPS.map((group) => (
        <fieldset key={group} className={styles.group}>
          <legend className={styles.legend}>
            <Subtitle2 as="h3">{t.settings.groups[group]}</Subtitle2>
          </legend>
          {SETTING_FIELDS.filter((f) => f.group === group).map((field) => (
            <SettingInput key={field.key} field={field} settings={settings} />
          ))}
        </fieldset>
      ))}

      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Subtitle2 as="h3">{t.settings.groups.earmarks}</Subtitle2>
        </legend>
        {earmarks.length === 0 && <Body1>{t.settings.noEarmarks}</Body1>}
        {earmarks.map((name) => (
          <Field key={name} label={t.settings.earmarkLabel(name)} hint={t.settings.earmarkHelp}>
            <ChoiceDropdown
              value={settings.earmarks[name]?.mode ?? "surplusOnly"}
              options={(["surplusOnly", "both"] as const).map((m) => ({ value: m, text: t.settings.earmarkModes[m] }))}
              onSelect={(mode) => dispatch({ type: "setSetting", path: earmarkPath(name), value: mode })}
            />
          </Field>
        ))}
      </fieldset>

      <div className={styles.actions}>
        <Button onClick={() => dispatch({ type: "resetSettings" })}>{t.settings.reset}</Button>
        <NextStepButton step="run" />
      </div>
      <div role="status">{saveText !== "" && <Body1>{saveText}</Body1>}</div>
    </div>
  );
}

function SettingInput({ field, settings }: { field: SettingField; settings: Settings }) {
  const t = useStrings();
  const styles = useStyles();
  const { state, dispatch } = useStore();
  const { label, help } = t.settings.fields[field.key];
  const key = pathKey(field.path);
  const error = state.fieldErrors[key];
  const set = (value: unknown) => dispatch({ type: "setSetting", path: field.path, value });

  switch (field.input) {
    case "period":
    case "unit": {
      const choices = field.input === "period" ? PERIODS.map((p: Period) => ({ value: p, text: t.periods[p] })) : UNITS.map((u: Unit) => ({ value: u, text: t.units[u] }));
      const current = valueAt(settings, field.path);
      return (
        <Field label={label} hint={help}>
          <ChoiceDropdown<string>
            value={typeof current === "string" ? current : FROM_WORKBOOK}
            options={[{ value: FROM_WORKBOOK, text: t.settings.fromWorkbook }, ...choices]}
            onSelect={(v) => set(v === FROM_WORKBOOK ? undefined : v)}
          />
        </Field>
      );
    }
    case "boolean":
      return (
        <Field hint={help}>
          <Switch
            label={label}
            checked={valueAt(settings, field.path) === true}
            onChange={(_, data) => set(data.checked)}
          />
        </Field>
      );
    default: {
      const text = state.drafts[key] ?? inputText(field, settings);
      return (
        <Field label={label} hint={help} validationState={error ? "error" : "none"} validationMessage={error ? <Value>{error}</Value> : undefined}>
          <Input
            className={styles.input}
            value={text}
            inputMode={field.input === "year" ? "numeric" : "decimal"}
            contentAfter={field.input === "percent" ? <span aria-hidden="true">{t.settings.percentSign}</span> : undefined}
            onChange={(_, data) => {
              const parsed = parseInput(field, data.value);
              if (!parsed.ok) {
                dispatch({ type: "typeSetting", path: field.path, text: data.value, value: undefined, error: t.settings[parsed.error] });
                return;
              }
              const problem = validateStored(withValue(state.stored, field.path, parsed.value));
              dispatch({ type: "typeSetting", path: field.path, text: data.value, value: parsed.value, error: problem });
            }}
          />
        </Field>
      );
    }
  }
}
