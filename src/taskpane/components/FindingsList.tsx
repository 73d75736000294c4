import { Body1, Button, makeStyles, Subtitle2, ToggleButton, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../engine/types";
import { SEVERITY_ORDER } from "../../workbook/plans/labels.sv";
import { findingMessage } from "../../i18n/findings";
import { languageOf, useStrings, type Strings } from "../i18n";
import { useStore } from "../store/StoreProvider";
import { Value } from "./Value";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filter: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  finding: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    width: "100%",
    height: "auto",
    minHeight: "auto",
    textAlign: "start",
    whiteSpace: "normal",
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    gap: tokens.spacingVerticalXXS,
  },
  subject: { fontWeight: tokens.fontWeightSemibold },
  where: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** Where a finding is, as the list shows it: "Drift!A15", "Bladet Drift" or the whole workbook. */
export function findingPlace(t: Strings, finding: Finding): string {
  if (finding.sheet === null) return t.findings.noLocation;
  return finding.cell === null ? t.findings.sheetOnly(finding.sheet) : t.findings.location(finding.sheet, finding.cell);
}

function FindingItem({ finding }: { finding: Finding }) {
  const t = useStrings();
  const styles = useStyles();
  const { select } = useStore();
  const place = findingPlace(t, finding);
  const content = (
    <>
      {finding.subject !== null && <Value className={styles.subject}>{finding.subject}</Value>}
      <Value>{findingMessage(finding, languageOf(t))}</Value>
      <span className={styles.where}>{place}</span>
    </>
  );
  if (finding.sheet === null) return <div className={styles.finding}>{content}</div>;
  const sheet = finding.sheet;
  return (
    <Button appearance="subtle" className={styles.finding} title={t.findings.goTo} onClick={() => void select(sheet, finding.cell, place)}>
      {content}
    </Button>
  );
}

/** The findings grouped by severity (Fel, Varning, Information), filterable; each takes the user to its cell. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const t = useStrings();
  const styles = useStyles();
  const { state, dispatch } = useStore();
  const bySeverity = (severity: Severity) => findings.filter((f) => f.severity === severity);
  const shown = SEVERITY_ORDER.filter((s) => state.visible[s] && bySeverity(s).length > 0);

  return (
    <section className={styles.section} aria-labelledby="foljsam-findings">
      <Subtitle2 as="h3" id="foljsam-findings">
        {t.findings.heading(findings.length)}
      </Subtitle2>
      {findings.length === 0 ? (
        <Body1>{t.findings.none}</Body1>
      ) : (
        <>
          <div role="group" aria-label={t.findings.filterLabel} className={styles.filter}>
            {SEVERITY_ORDER.map((severity) => (
              <ToggleButton
                key={severity}
                size="small"
                checked={state.visible[severity]}
                onClick={() => dispatch({ type: "toggleSeverity", severity })}
              >
                {t.findings.filterButton(t.findings.severity[severity], bySeverity(severity).length)}
              </ToggleButton>
            ))}
          </div>
          <div role="status">{state.selected !== null && <Body1>{t.findings.selected(state.selected)}</Body1>}</div>
          {SEVERITY_ORDER.every((s) => !state.visible[s]) && <Body1>{t.findings.allHidden}</Body1>}
          {shown.map((severity) => (
            <section key={severity} aria-labelledby={`foljsam-findings-${severity}`} className={styles.section}>
              <Subtitle2 as="h4" id={`foljsam-findings-${severity}`}>
                {t.findings.filterButton(t.findings.severity[severity], bySeverity(severity).length)}
              </Subtitle2>
              <ul className={styles.list}>
                {bySeverity(severity).map((finding, i) => (
                  <li key={i}>
                    <FindingItem finding={finding} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
