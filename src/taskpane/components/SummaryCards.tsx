import { Body1, Caption1, Card, InfoLabel, Link, makeStyles, mergeClasses, Subtitle2, Title3, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { type Amount, sign, toNumber } from "../../engine/amount";
import { displayDecimals } from "../../engine/format";
import { formatPercent, formatSwedish } from "../../engine/swedishNumber";
import type { FollowUpResult, Unit } from "../../engine/types";
import { periodLabel, STATUS_ORDER } from "../../workbook/plans/labels.sv";
import { useStrings, type Strings } from "../i18n";
import { useDerived } from "../store/derived";
import { useStore } from "../store/StoreProvider";
import { ProblemBar } from "./ProblemBar";
import type { FigureKey, SummaryCells } from "./summaryCells";
import { Value } from "./Value";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Two columns from the narrowest pane (320 px) up; a wide card spans both.
  grid: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: tokens.spacingHorizontalS },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  wide: { gridColumn: "1 / -1" },
  figure: { margin: 0, fontVariantNumeric: "tabular-nums", overflowWrap: "normal" },
  label: { margin: 0, fontWeight: tokens.fontWeightRegular },
  statuses: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  count: { textAlign: "end", fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  status: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  bridge: { fontVariantNumeric: "tabular-nums" },
});

function amountText(a: Amount | null, unit: Unit): string | null {
  return a === null ? null : formatSwedish(toNumber(a), displayDecimals(unit));
}

/** "Visa i arbetsboken": selects the figure's cell on Följsam Sammanfattning; the confirmation stays in its card. */
function ShowInWorkbook({ figure, label, cells }: { figure: FigureKey; label: string; cells: SummaryCells }) {
  const t = useStrings();
  const { state, select } = useStore();
  const at = cells[figure];
  if (at === undefined) return null;
  const where = t.findings.location(at.sheet, at.cell);
  const key = `figure:${figure}`;
  return (
    <>
      <Link as="button" aria-label={t.run.showInWorkbookLabel(label)} onClick={() => void select(at.sheet, at.cell, where, key)}>
        {t.run.showInWorkbook}
      </Link>
      <div role="status">{state.selected?.entry === key && <Caption1>{t.findings.selected(where)}</Caption1>}</div>
      <ProblemBar action="select" entry={key} />
    </>
  );
}

function KeyFigure({
  figure,
  label,
  info,
  value,
  note,
  cells,
  wide = false,
  children,
}: {
  figure: FigureKey;
  label: string;
  info: string;
  value: string | null;
  note: string | null;
  cells: SummaryCells;
  wide?: boolean;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const t = useStrings();
  return (
    <Card className={mergeClasses(styles.card, wide && styles.wide)} size="small">
      <Caption1 as="h4" className={styles.label}>
        <InfoLabel size="small" info={info} infoButton={{ "aria-label": t.run.infoAbout(label) }}>
          {label}
        </InfoLabel>
      </Caption1>
      <Title3 as="p" className={styles.figure}>
        {value === null ? t.run.notAvailable : <Value>{value}</Value>}
      </Title3>
      {note !== null && <Body1>{note}</Body1>}
      {children}
      <ShowInWorkbook figure={figure} label={label} cells={cells} />
    </Card>
  );
}

/** Why prognossäkerhet has no figure, saying exactly what is missing. */
function accuracyMissing(t: Strings, result: FollowUpResult, previousForecastHeader: string | null | undefined): string {
  if (result.period !== "VB") return t.run.accuracyLater;
  const total = result.operating?.total ?? null;
  if (previousForecastHeader === undefined) return t.run.accuracyNoColumn;
  if (total === null || total.previousForecast === null) return t.run.accuracyEmptyColumn(previousForecastHeader ?? t.fields.previousForecast);
  if (total.budget === null || sign(total.budget) === 0) return t.run.accuracyNoBudget;
  return t.run.accuracyNoRows(previousForecastHeader ?? t.fields.previousForecast);
}

/**
 * The key figures of the run as a bridge, Budget → Utfall (or Prognos) → Avvikelse →
 * Resultatöverföringar → Återredovisning → Justerad avvikelse, then budgetföljsamhet,
 * prognossäkerhet and the indicators per status. Each figure explains itself (InfoLabel) and links
 * to its cell on Följsam Sammanfattning; every judgement is a symbol and a word, never colour alone.
 */
export function SummaryCards({ result, cells }: { result: FollowUpResult; cells: SummaryCells }) {
  const t = useStrings();
  const styles = useStyles();
  const { state } = useStore();
  const { found } = useDerived(state);
  const op = result.operating;
  const total = op?.total ?? null;
  const unit = result.unit;
  const band = formatPercent(result.settings.forecastAccuracyBand, 1);
  const deviationNote = (a: Amount | null) => (a === null ? null : sign(a) > 0 ? t.run.surplus : sign(a) < 0 ? t.run.deficit : t.run.balanced);
  const adherenceNote = (x: number | null) => (x === null ? null : x <= 1 ? t.run.withinTarget : t.run.overTarget);
  const summary = result.indicators?.summary ?? null;
  const drift = found?.tables.find((x) => x.kind === "drift");
  const prevCol = drift?.columns.previousForecast;
  const prevHeader = drift === undefined || prevCol === undefined ? undefined : (drift.headers.find((h) => h.col === prevCol)?.text ?? null);
  const base = t.run.cards.base(result.period);
  const bridge =
    total === null || total.deviation === null || total.adjustedDeviation === null
      ? null
      : t.run.bridge(
          [amountText(total.deviation, unit)!, `(${amountText(total.resultTransfer, unit) ?? "0"})`, `(${amountText(total.returnedFunds, unit) ?? "0"})`].join(" + "),
          amountText(total.adjustedDeviation, unit)!,
        );

  return (
    <section className={styles.section} aria-labelledby="foljsam-summary">
      <Subtitle2 as="h3" id="foljsam-summary">
        {t.run.summaryHeading(periodLabel(result.period, result.year), t.units[unit])}
      </Subtitle2>
      {op === null && <Body1>{t.run.noOperating}</Body1>}
      <div className={styles.grid}>
        {total !== null && (
          <>
            <KeyFigure figure="budget" label={t.run.cards.budget} info={t.run.info.budget} value={amountText(total.budget, unit)} note={null} cells={cells} />
            <KeyFigure figure="base" label={base} info={t.run.info.base(result.period)} value={amountText(total.base, unit)} note={null} cells={cells} />
            <KeyFigure
              figure="deviation"
              label={t.run.cards.deviation}
              info={t.run.info.deviation(base)}
              value={amountText(total.deviation, unit)}
              note={deviationNote(total.deviation)}
              cells={cells}
            />
            <KeyFigure
              figure="resultTransfer"
              label={t.run.cards.resultTransfers}
              info={t.run.info.resultTransfers}
              value={amountText(total.resultTransfer, unit)}
              note={null}
              cells={cells}
            />
            <KeyFigure
              figure="returnedFunds"
              label={t.run.cards.returnedFunds}
              info={t.run.info.returnedFunds}
              value={amountText(total.returnedFunds, unit)}
              note={null}
              cells={cells}
            />
            <KeyFigure
              figure="adjustedDeviation"
              label={t.run.cards.adjustedDeviation}
              info={t.run.info.adjustedDeviation}
              value={amountText(total.adjustedDeviation, unit)}
              note={deviationNote(total.adjustedDeviation)}
              cells={cells}
            >
              {bridge !== null && (
                <Caption1 className={styles.bridge}>
                  <Value>{bridge}</Value>
                </Caption1>
              )}
            </KeyFigure>
          </>
        )}
        {op !== null && (
          <>
            <KeyFigure
              figure="adherenceBefore"
              label={t.run.cards.adherenceBefore}
              info={t.run.info.adherenceBefore(base)}
              value={op.budgetAdherenceBefore === null ? null : formatPercent(op.budgetAdherenceBefore)}
              note={adherenceNote(op.budgetAdherenceBefore)}
              cells={cells}
            />
            <KeyFigure
              figure="adherenceAfter"
              label={t.run.cards.adherenceAfter}
              info={t.run.info.adherenceAfter(base)}
              value={op.budgetAdherenceAfter === null ? null : formatPercent(op.budgetAdherenceAfter)}
              note={adherenceNote(op.budgetAdherenceAfter)}
              cells={cells}
            />
            <KeyFigure
              figure="forecastAccuracy"
              label={t.run.cards.forecastAccuracy}
              info={t.run.info.forecastAccuracy(band)}
              value={op.forecastAccuracy === null ? null : formatPercent(op.forecastAccuracy)}
              note={
                op.forecastAccuracy === null
                  ? accuracyMissing(t, result, prevHeader)
                  : op.forecastAccuracyMet === null
                    ? null
                    : op.forecastAccuracyMet
                      ? t.run.accuracyMet(band)
                      : t.run.accuracyNotMet(band)
              }
              cells={cells}
              wide
            />
          </>
        )}
        <Card className={mergeClasses(styles.card, styles.wide)} size="small">
          <Caption1 as="h4" className={styles.label}>
            <InfoLabel size="small" info={t.run.info.indicators} infoButton={{ "aria-label": t.run.infoAbout(t.run.cards.indicators) }}>
              {t.run.cards.indicators}
            </InfoLabel>
          </Caption1>
          {summary === null ? (
            <Body1>{t.run.noIndicators}</Body1>
          ) : (
            <ul className={styles.statuses}>
              {STATUS_ORDER.map((status) => (
                <li key={status} className={styles.status}>
                  <Body1>{t.status[status]}</Body1>
                  <Body1 className={styles.count}>
                    <Value>{summary[status]}</Value>
                  </Body1>
                </li>
              ))}
            </ul>
          )}
          {summary !== null && <ShowInWorkbook figure={`status:${STATUS_ORDER[0]}`} label={t.run.cards.indicators} cells={cells} />}
        </Card>
      </div>
    </section>
  );
}
