import type { StyleName } from "./plan";

/**
 * The look of each named style, once, as data. Hosts translate this into ExcelJS styles or
 * Office.js range formats. Colours are RRGGBB. A cell with several styles applies them in order.
 */
export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  borderTop?: boolean;
  borderBottom?: boolean;
  horizontal?: "left" | "center" | "right";
}

export const STYLES: Record<StyleName, StyleSpec> = {
  title: { bold: true, fontSize: 14 },
  note: { italic: true, fontColor: "595959" },
  header: { bold: true, fill: "DDEBF7", wrap: true, borderBottom: true },
  text: {},
  wrap: { wrap: true },
  total: { bold: true, borderTop: true },
  subtotal: { bold: true },
  deficit: { fontColor: "C00000" },
  needsComment: { fill: "FFF2CC" },
  statusFull: { fill: "C6EFCE", fontColor: "006100" },
  statusPartial: { fill: "FFEB9C", fontColor: "7F6000" },
  statusNone: { fill: "FFC7CE", fontColor: "9C0006" },
  statusNotMeasured: { fill: "EDEDED", fontColor: "3A3A3A" },
  statusNotAssessable: { fill: "EDEDED", fontColor: "3A3A3A" },
  severityError: { fill: "FFC7CE", fontColor: "9C0006", bold: true },
  severityWarning: { fill: "FFEB9C", fontColor: "7F6000" },
  severityInfo: { fontColor: "1F4E79" },
  goal: { bold: true, fill: "F2F2F2" },
};

/**
 * Number format for deviations: deficits (negative) in red, as in the published tables, and
 * marked "▼" so that they still stand out in black-and-white print.
 */
export function deviationNumberFormat(amountFormat: string): string {
  return `${amountFormat};[Red]"${DEFICIT_MARK} "-${amountFormat}`;
}

export const DEFICIT_MARK = "▼";
