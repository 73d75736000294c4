import { Dropdown, makeStyles, Option } from "@fluentui/react-components";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  // Fluent's Dropdown is 250 px at least; a task pane may be narrower.
  dropdown: { minWidth: "0", width: "100%", maxWidth: "22rem" },
  // Labels wrap between words only, never inside one ("Verksamhetsområde" stays whole at 320 px):
  // the table around a dropdown leaves it at least its longest word.
  button: { minWidth: "0", overflowWrap: "normal", wordBreak: "normal", hyphens: "manual" },
});

export interface Choice<T extends string> {
  value: T;
  text: string;
}

/** A Dropdown over a fixed set of choices; the accessible name comes from the Field around it or aria-label. */
export function ChoiceDropdown<T extends string>({
  value,
  options,
  onSelect,
  placeholder,
  ...aria
}: {
  value: T | null;
  options: readonly Choice<T>[];
  onSelect: (value: T) => void;
  placeholder?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
}) {
  const styles = useStyles();
  const t = useStrings();
  const selected = options.find((o) => o.value === value);
  return (
    <Dropdown
      className={styles.dropdown}
      button={{ className: styles.button }}
      // Never shown (not clearable), but Fluent renders it with an English name of its own.
      clearButton={{ "aria-label": t.app.clearSelection }}
      value={selected?.text ?? ""}
      selectedOptions={selected ? [selected.value] : []}
      placeholder={placeholder}
      onOptionSelect={(_, data) => {
        if (data.optionValue !== undefined) onSelect(data.optionValue as T);
      }}
      {...aria}
    >
      {options.map((o) => (
        <Option key={o.value} value={o.value} text={o.text}>
          {o.text}
        </Option>
      ))}
    </Dropdown>
  );
}
