import { Body1, Caption1, Card, makeStyles, mergeClasses, Subtitle2, Title3, tokens } from "@fluentui/react-components";
import { type Amount, sign, toNumber } from "../../engine/amount";
import { displayDecimals } from "../../engine/format";
import { formatPercent, formatSwedish } from "../../engine/swedishNumber";
import type { FollowUpResult, Unit } from "../../engine/types";
import { periodLabel, STATUS_ORDER } from "../../workbook/plans/labels.sv";
import { useStrings } from "../i18n";
import { Value } from "./Value";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(9.5rem, 1fr))", gap: tokens.spacingHorizontalS },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  wide: { gridColumn: "1 / -1" },
  figure: { margin: 0, fontVariantNumeric: "tabular-nums" },
  label: { margin: 0 },
  statuses: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  count: { textAlign: "end", fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  status: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
});

function amountText(a: Amount, unit: Unit): string {
  return formatSwedish(toNumber(a), displayDecimals(unit));
}

function KeyFigure({ label, value, note }: { label: string; value: string | null; note: string | null }) {
  const styles = useStyles();
  const t = useStrings();
  return (
    <Card className={styles.card} size="small">
      <Caption1 as="h4" className={styles.label}>
        {label}
      </Caption1>
      <Title3 as="p" className={styles.figure}>{value === null ? t.run.notAvailable : <Value>{value}</Value>}</Title3>
      {note !== null && <Body1>{note}</Body1>}
    </Card>
  );
}

/** The key figures of the run, as cards; every judgement is a symbol and a word, never colour alone. */
export function SummaryCards({ result }: { result: FollowUpResult }) {
  const t = useStrings();
  const styles = useStyles();
  const op = result.operating;
  const total = op?.total ?? null;
  const band = formatPercent(result.settings.forecastAccuracyBand, 1);
  const deviationNote = (a: Amount | null) => (a === null ? null : sign(a) > 0 ? t.run.surplus : sign(a) < 0 ? t.run.deficit : t.run.balanced);
  const adherenceNote = (x: number | null) => (x === null ? null : x <= 1 ? t.run.withinTarget : t.run.overTarget);
  const summary = result.indicators?.summary ?? null;

  return (
    <section className={styles.section} aria-labelledby="foljsam-summary">
      <Subtitle2 as="h3" id="foljsam-summary">
        {t.run.summaryHeading(periodLabel(result.period, result.year), t.units[result.unit])}
      </Subtitle2>
      {op === null && <Body1>{t.run.noOperating}</Body1>}
      <div className={styles.grid}>
        {total !== null && (
          <>
            <KeyFigure label={t.run.cards.deviation} value={total.deviation === null ? null : amountText(total.deviation, result.unit)} note={deviationNote(total.deviation)} />
            <KeyFigure
              label={t.run.cards.adjustedDeviation}
              value={total.adjustedDeviation === null ? null : amountText(total.adjustedDeviation, result.unit)}
              note={deviationNote(total.adjustedDeviation)}
            />
          </>
        )}
        {op !== null && (
          <>
            <KeyFigure
              label={t.run.cards.adherenceBefore}
              value={op.budgetAdherenceBefore === null ? null : formatPercent(op.budgetAdherenceBefore)}
              note={adherenceNote(op.budgetAdherenceBefore)}
            />
            <KeyFigure
              label={t.run.cards.adherenceAfter}
              value={op.budgetAdherenceAfter === null ? null : formatPercent(op.budgetAdherenceAfter)}
              note={adherenceNote(op.budgetAdherenceAfter)}
            />
            <KeyFigure
              label={t.run.cards.forecastAccuracy}
              value={op.forecastAccuracy === null ? null : formatPercent(op.forecastAccuracy)}
              note={op.forecastAccuracyMet === null ? t.run.accuracyNone : op.forecastAccuracyMet ? t.run.accuracyMet(band) : t.run.accuracyNotMet(band)}
            />
          </>
        )}
        <Card className={mergeClasses(styles.card, styles.wide)} size="small">
          <Caption1 as="h4" className={styles.label}>
            {t.run.cards.indicators}
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
        </Card>
      </div>
    </section>
  );
}
