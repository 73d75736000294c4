import type { Finding } from "../../engine/types";
import { findingAdvice, findingMessage } from "../../i18n/findings";
import { SEVERITY_LABELS } from "../../i18n/findings.sv";
import { parseA1 } from "../cells";
import type { SheetPlan } from "../plan";
import { Columns, RowBuffer, sheetPlan, text } from "./grid";
import { FINDINGS_TEXTS, SEVERITY_ORDER, SEVERITY_STYLES } from "./labels.sv";

type Key = "severity" | "sheet" | "cell" | "subject" | "code" | "message" | "advice";

export interface FindingAnchors {
  sheet: string;
  severityLetter: string;
  firstRow: number;
  lastRow: number;
}

/** Errors first, then warnings, then information; within each, by sheet and then row and column. */
export function sortFindings<F extends Pick<Finding, "severity" | "sheet" | "cell">>(findings: readonly F[]): F[] {
  // Keys once per finding, not per comparison: a large ledger has a hundred thousand findings.
  const collator = new Intl.Collator("sv");
  return findings
    .map((f, i) => ({ f, i, severity: SEVERITY_ORDER.indexOf(f.severity), pos: f.cell ? parseA1(f.cell) : null }))
    .sort((x, y) => {
      const s = x.severity - y.severity;
      if (s !== 0) return s;
      const sheet = x.f.sheet === y.f.sheet ? 0 : compareNullable(x.f.sheet, y.f.sheet, collator.compare);
      if (sheet !== 0) return sheet;
      const at = compareNullable(x.pos, y.pos, (a, b) => a.row - b.row || a.col - b.col);
      return at !== 0 ? at : x.i - y.i;
    })
    .map((x) => x.f);
}

function compareNullable<T>(a: T | null, b: T | null, cmp: (a: T, b: T) => number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return cmp(a, b);
}

/** Följsam Kontroller: every finding with where it is, what it says and what to do. */
export function buildFindingsSheet(findings: readonly Finding[], sheetName: string): { plan: SheetPlan; anchors: FindingAnchors } {
  const H = FINDINGS_TEXTS.headers;
  const cols = new Columns<Key>([
    { key: "severity", header: H.severity, width: 13 },
    { key: "sheet", header: H.sheet, width: 20 },
    { key: "cell", header: H.cell, width: 8 },
    { key: "subject", header: H.subject, width: 40 },
    { key: "code", header: H.code, width: 20 },
    { key: "message", header: H.message, width: 70 },
    { key: "advice", header: H.advice, width: 60 },
  ]);
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;

  const b = new RowBuffer();
  b.add([text(FINDINGS_TEXTS.title, "title")]);
  b.add([text(FINDINGS_TEXTS.note(count("error"), count("warning"), count("info")), "note")]);
  b.add([]);
  const headerRow = b.add(cols.headerRow());
  const firstRow = b.next;

  if (findings.length === 0) {
    b.add([text(FINDINGS_TEXTS.none, "note")]);
  }
  for (const f of sortFindings(findings)) {
    const row = cols.row();
    row[cols.index("severity")] = text(SEVERITY_LABELS[f.severity], SEVERITY_STYLES[f.severity]);
    row[cols.index("sheet")] = text(f.sheet);
    row[cols.index("cell")] = text(f.cell);
    row[cols.index("subject")] = text(f.subject, "wrap");
    row[cols.index("code")] = text(f.code);
    row[cols.index("message")] = text(findingMessage(f), "wrap");
    row[cols.index("advice")] = text(findingAdvice(f.code), "wrap");
    b.add(row);
  }

  const plan = sheetPlan("findings", sheetName, b.rows, cols.widths(), headerRow);
  return { plan, anchors: { sheet: sheetName, severityLetter: cols.letter("severity"), firstRow, lastRow: b.next - 1 } };
}
