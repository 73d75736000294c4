import { Dropdown, makeStyles, Option } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Fluent's Dropdown is 250 px at least; a task pane may be narrower.
  dropdown: { minWidth: "0", width: "100%", maxWidth: "22rem" },
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
  const selected = options.find((o) => o.value === value);
  return (
    <Dropdown
      className={styles.dropdown}
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
