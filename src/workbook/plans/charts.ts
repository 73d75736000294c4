import type { ChartPlan } from "../plan";
import { at, type RowBuffer } from "./grid";

/**
 * Charts placed below their tables, on rows left empty for them, so that a chart prints on its
 * table's page: a section that would not fit on one page gets a page break before the chart.
 */

/** Rows a chart below its table takes: room for its title, axis and legend, and per bar. */
function chartRows(bars: number): number {
  return Math.min(18, Math.max(12, Math.ceil(bars * 0.6) + 5));
}

/** Rows of 15 points on a landscape A4 page inside its margins, header and footer. */
const ROWS_PER_PAGE = 30;
/** The chart spans the label, value and remark columns (A–C). */
const CHART_LAST_COLUMN = "D";

/**
 * A bar chart of the table rows first..last, placed on empty rows added below the table (so
 * that it prints on the table's page); each series is a column of the table with its header cell.
 */
export function chartBelow(
  b: RowBuffer,
  breaks: number[],
  title: string,
  categories: string,
  columns: { col: string; headerRow: number; name: string }[],
  first: number,
  last: number,
  extra: Partial<ChartPlan> = {},
): ChartPlan {
  const gap = b.add([]);
  const top = b.next;
  const rows = chartRows((last - first + 1) * columns.length);
  for (let i = 0; i < rows; i++) b.add([]);
  // A table too long to share its page with the chart: the chart gets the next page to itself.
  const sectionStart = Math.max(...breaks.filter((r) => r <= first), 0);
  if (b.next - sectionStart > ROWS_PER_PAGE) breaks.push(gap + 1);
  const series = columns.map((c) => ({ values: `${at(c.col, first)}:${at(c.col, last)}`, nameCell: at(c.col, c.headerRow), name: c.name }));
  return {
    type: "barClustered",
    title,
    categories,
    values: `${at(columns[0].col, first)}:${at(columns[columns.length - 1].col, last)}`,
    seriesName: columns[0].name,
    series,
    from: at("A", top),
    to: at(CHART_LAST_COLUMN, top + rows),
    ...extra,
  };
}
