import {
  Caption1,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { Unit } from "../../engine/types";
import { columnLetters } from "../../workbook/cells";
import { useStrings, type Strings } from "../i18n";
import { fieldsFor, tableKey, UNITS, type DetectedTable, type TableKind } from "../services/pipeline";
import { useStore } from "../store/StoreProvider";
import { ChoiceDropdown, type Choice } from "./ChoiceDropdown";
import { Value } from "./Value";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  header: { overflowWrap: "break-word" },
  fieldCell: { minWidth: "9rem" },
  // Auto layout, so that the dropdown column is at least as wide as its longest word. In a pane
  // narrower than 26rem (the default 320–350 px) header and dropdown stack, each the card's width,
  // so no dropdown is clipped and no header is cut inside a word.
  mapping: {
    tableLayout: "auto",
    "@media (max-width: 26rem)": {
      display: "block",
      "& thead": { display: "none" },
      "& tbody, & tr, & td": { display: "block", width: "100%", boxSizing: "border-box" },
      "& tr": { paddingBlock: tokens.spacingVerticalXS },
      "& td": { paddingInline: 0, height: "auto" },
    },
  },
});

/** The value of a mapping dropdown that means "not used". */
const IGNORED = "";

export function fieldLabel(t: Strings, kind: TableKind, field: string): string {
  return field === "name" ? t.nameField[kind] : (t.fields[field] ?? field);
}

/** One recognised table: where it is, what each header is read as, its unit and year. */
export function TableCard({ table }: { table: DetectedTable }) {
  const t = useStrings();
  const styles = useStyles();
  const { state, dispatch } = useStore();
  const key = tableKey(table);
  const correction = state.corrections[key];
  const fieldChoices: Choice<string>[] = [
    { value: IGNORED, text: t.find.ignored },
    ...fieldsFor(table.kind).map((f) => ({ value: f, text: fieldLabel(t, table.kind, f) })),
  ];
  // Fields the reader gave this table that no dropdown lists (a `Justering <name>` column).
  for (const h of table.headers) {
    if (h.field !== null && !fieldChoices.some((c) => c.value === h.field)) {
      const name = h.field.startsWith("returnedFunds:") ? h.field.slice("returnedFunds:".length) : null;
      fieldChoices.push({ value: h.field, text: name !== null ? t.returnedField(name) : fieldLabel(t, table.kind, h.field) });
    }
  }
  const unitSource = correction?.unit !== undefined ? t.find.unitSource.corrected : t.find.unitSource[table.unitSource];
  const missing = table.missing ?? [];
  const notRead = table.headers.filter((h) => h.field === null && h.text !== "").length;
  const unnamed = (table.unrecognised ?? []).filter((u) => u.text === "").map((u) => columnLetters(u.col));

  return (
    <Card className={styles.card}>
      <Subtitle2 as="h3">{t.find.tableHeading(table.sheet, t.kinds[table.kind])}</Subtitle2>
      <Caption1>{t.find.rows(table.headerRow + 1, table.lastDataRow + 1)}</Caption1>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t.find.year}</dt>
        <dd className={styles.detail}>{table.year === null ? t.find.yearUnknown : <Value>{table.year}</Value>}</dd>
        {table.periodHint !== null && (
          <>
            <dt className={styles.term}>{t.find.period}</dt>
            <dd className={styles.detail}>{t.periods[table.periodHint]}</dd>
          </>
        )}
      </dl>
      {table.kind !== "indicators" && (
        <Field label={t.find.unitLabel(table.sheet)} hint={unitSource}>
          <ChoiceDropdown<Unit>
            value={table.unit}
            options={UNITS.map((u) => ({ value: u, text: t.units[u] }))}
            onSelect={(unit) => dispatch({ type: "correctUnit", table: key, unit })}
          />
        </Field>
      )}
      {missing.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.find.missing(missing.join(", "))}</MessageBarBody>
        </MessageBar>
      )}
      {(notRead > 0 || unnamed.length > 0) && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {notRead > 0 ? t.find.notRead(notRead) : null}
            {notRead > 0 && unnamed.length > 0 ? " " : null}
            {unnamed.length > 0 ? t.find.unnamedColumns(unnamed.join(", ")) : null}
          </MessageBarBody>
        </MessageBar>
      )}
      <Table size="small" className={styles.mapping} aria-label={t.find.tableHeading(table.sheet, t.kinds[table.kind])}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.find.headerColumn}</TableHeaderCell>
            <TableHeaderCell className={styles.fieldCell}>{t.find.fieldColumn}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.headers.map((h) => {
            const text = h.text === "" ? null : h.text;
            const shown = text ?? t.find.emptyHeader(columnLetters(h.col));
            return (
              <TableRow key={h.col}>
                <TableCell className={styles.header}>{text === null ? shown : <Value>{text}</Value>}</TableCell>
                <TableCell className={styles.fieldCell}>
                  <ChoiceDropdown
                    aria-label={t.find.mappingLabel(shown)}
                    value={h.field ?? IGNORED}
                    options={fieldChoices}
                    onSelect={(field) => dispatch({ type: "correctColumn", table: key, col: h.col, header: h.text, field: field === IGNORED ? null : field })}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Card>
  );
}
