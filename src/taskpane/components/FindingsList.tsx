import { Body1, Button, Caption1, Field, makeStyles, Subtitle2, ToggleButton, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Finding, Severity } from "../../engine/types";
import { findingAdvice, findingMessage, findingTitle } from "../../i18n/findings";
import { SEVERITY_ORDER } from "../../workbook/plans/labels.sv";
import { languageOf, useStrings, type Strings } from "../i18n";
import { useDerived } from "../store/derived";
import { useStore } from "../store/StoreProvider";
import { ChoiceDropdown } from "./ChoiceDropdown";
import { ProblemBar } from "./ProblemBar";
import { Value } from "./Value";
import { codesIn, commentColumns, pageOf, workList, type WorkEntry } from "./workList";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filter: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  entry: {
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
    gap: tokens.spacingVerticalXS,
  },
  subject: { fontWeight: tokens.fontWeightSemibold },
  message: { display: "block" },
  where: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  advice: { margin: 0, paddingInlineStart: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  pager: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  sheet: { margin: 0 },
});

/** Where a finding is, as the list shows it: "Drift!A15", "Bladet Drift" or the whole workbook. */
export function findingPlace(t: Strings, finding: Pick<Finding, "sheet" | "cell">): string {
  if (finding.sheet === null) return t.findings.noLocation;
  return finding.cell === null ? t.findings.sheetOnly(finding.sheet) : t.findings.location(finding.sheet, finding.cell);
}

const ALL_KINDS = "*";

function EntryButton({
  entry,
  tabIndex,
  onFocus,
  refCallback,
}: {
  entry: WorkEntry;
  tabIndex: number;
  onFocus: () => void;
  refCallback: (el: HTMLButtonElement | null) => void;
}) {
  const t = useStrings();
  const language = languageOf(t);
  const styles = useStyles();
  const { select } = useStore();
  const place = findingPlace(t, { sheet: entry.sheet, cell: entry.target });
  const sheet = entry.sheet;
  return (
    <Button
      appearance="subtle"
      className={styles.entry}
      ref={refCallback}
      tabIndex={tabIndex}
      onFocus={onFocus}
      disabledFocusable={sheet === null}
      aria-describedby={`${entryId(entry)}-advice`}
      onClick={() => {
        if (sheet !== null) void select(sheet, entry.target, place, entry.key);
      }}
    >
      {entry.subject !== null && <Value className={styles.subject}>{entry.subject}</Value>}
      {entry.findings.map((f, i) => (
        <span key={i} className={styles.message}>
          {t.findings.severity[f.severity]}: <Value>{findingMessage(f, language)}</Value>
        </span>
      ))}
      <span className={styles.where}>{sheet === null ? place : t.findings.goToCell(place)}</span>
    </Button>
  );
}

function entryId(entry: WorkEntry): string {
  return `foljsam-entry-${[...entry.key].map((c) => c.charCodeAt(0).toString(36)).join("")}`;
}

/**
 * The findings as a work list: one entry per row with all its findings and what to do, grouped
 * by sheet, filtered by severity and kind, PAGE_SIZE entries a page. The list is one tab stop
 * (roving tabindex): arrows, Home and End move within it, Page Up/Down and the arrows at its ends
 * turn the page; Enter takes the user to the cell to fix, and the confirmation appears beside it.
 */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const t = useStrings();
  const language = languageOf(t);
  const styles = useStyles();
  const { state, dispatch } = useStore();
  const { found } = useDerived(state);
  const comments = useMemo(() => commentColumns(found?.tables), [found]);
  const filter = useMemo(() => ({ visible: state.visible, code: state.kindFilter }), [state.visible, state.kindFilter]);
  const groups = useMemo(() => workList(findings, filter, comments), [findings, filter, comments]);
  const paged = useMemo(() => pageOf(groups, state.page), [groups, state.page]);
  const entries = paged.groups.flatMap((g) => g.entries);
  const total = groups.reduce((n, g) => n + g.entries.length, 0);
  const [active, setActive] = useState(0);
  const focusNext = useRef<number | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const activeIndex = Math.min(active, Math.max(0, entries.length - 1));

  useEffect(() => {
    if (focusNext.current === null) return;
    const i = Math.min(focusNext.current, entries.length - 1);
    focusNext.current = null;
    setActive(i);
    buttons.current[i]?.focus();
  });

  const bySeverity = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const kinds = codesIn(findings);

  const move = (to: number) => {
    if (to < 0 && paged.page > 0) {
      focusNext.current = Number.MAX_SAFE_INTEGER;
      dispatch({ type: "showPage", page: paged.page - 1 });
    } else if (to >= entries.length && paged.page < paged.pages - 1) {
      focusNext.current = 0;
      dispatch({ type: "showPage", page: paged.page + 1 });
    } else {
      const i = Math.min(Math.max(0, to), entries.length - 1);
      setActive(i);
      buttons.current[i]?.focus();
    }
  };
  const turn = (page: number, focus: boolean) => {
    if (focus) focusNext.current = 0;
    setActive(0);
    dispatch({ type: "showPage", page });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      Home: () => move(0),
      End: () => move(entries.length - 1),
      PageDown: () => paged.page < paged.pages - 1 && turn(paged.page + 1, true),
      PageUp: () => paged.page > 0 && turn(paged.page - 1, true),
    };
    const action = keys[e.key];
    if (action === undefined) return;
    e.preventDefault();
    action();
  };

  let index = -1;
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
              <ToggleButton key={severity} size="small" checked={state.visible[severity]} onClick={() => dispatch({ type: "toggleSeverity", severity })}>
                {t.findings.filterButton(t.findings.severity[severity], bySeverity(severity))}
              </ToggleButton>
            ))}
          </div>
          <Field label={t.findings.kindLabel}>
            <ChoiceDropdown<string>
              value={state.kindFilter ?? ALL_KINDS}
              options={[
                { value: ALL_KINDS, text: t.findings.allKinds(findings.length) },
                ...kinds.map((k) => ({ value: k.code, text: t.findings.filterButton(findingTitle(k.code, language), k.count) })),
              ]}
              onSelect={(code) => dispatch({ type: "filterKind", code: code === ALL_KINDS ? null : code })}
            />
          </Field>
          {total === 0 ? (
            <Body1>{SEVERITY_ORDER.every((s) => !state.visible[s]) ? t.findings.allHidden : t.findings.noneShown}</Body1>
          ) : (
            <>
              <Caption1 id="foljsam-worklist-help">{t.findings.keyboardHelp}</Caption1>
              <div onKeyDown={onKeyDown} aria-describedby="foljsam-worklist-help" className={styles.section}>
                {paged.groups.map((group) => (
                  <section key={group.sheet ?? "*"} className={styles.section} aria-label={group.sheet === null ? t.findings.noLocation : t.findings.sheetGroup(group.sheet)}>
                    <Subtitle2 as="h4" className={styles.sheet}>
                      {group.sheet === null ? t.findings.noLocation : t.findings.sheetGroup(group.sheet)}
                    </Subtitle2>
                    <ul className={styles.list}>
                      {group.entries.map((entry) => {
                        index += 1;
                        const i = index;
                        const id = entryId(entry);
                        const codes = [...new Set(entry.findings.map((f) => f.code))];
                        const here = state.selected?.entry === entry.key;
                        return (
                          <li key={entry.key} className={styles.item}>
                            <EntryButton
                              entry={entry}
                              tabIndex={i === activeIndex ? 0 : -1}
                              onFocus={() => setActive(i)}
                              refCallback={(el) => {
                                buttons.current[i] = el;
                              }}
                            />
                            <div id={`${id}-advice`}>
                              {codes.map((code) => (
                                <p key={code} className={styles.advice}>
                                  {t.findings.todo(findingAdvice(code, language))}
                                </p>
                              ))}
                            </div>
                            <div role="status">{here && state.selected !== null && <Body1>{t.findings.selected(state.selected.where)}</Body1>}</div>
                            <ProblemBar action="select" entry={entry.key} />
                          </li>
                        );
                      })}
                    </ul>
                  </section>
                ))}
              </div>
              {paged.pages > 1 && (
                <nav className={styles.pager} aria-label={t.findings.pagesLabel}>
                  <Button size="small" disabled={paged.page === 0} onClick={() => turn(paged.page - 1, false)}>
                    {t.findings.previousPage}
                  </Button>
                  <Body1 aria-live="polite">{t.findings.pageOf(paged.page + 1, paged.pages, total)}</Body1>
                  <Button size="small" disabled={paged.page >= paged.pages - 1} onClick={() => turn(paged.page + 1, false)}>
                    {t.findings.nextPage}
                  </Button>
                </nav>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
