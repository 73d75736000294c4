import { columnLetters } from "../../../workbook/cells";

/**
 * The formula of a cell that shares its master's (`<f t="shared" si="0"/>`): the master's text with
 * each relative reference moved by the offset between the two cells, as Excel (and ExcelJS, whose
 * rule this is) reads it. A name followed by "(" is a function, and a "column" beyond XFD a name.
 */
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const REFERENCE = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function slideFormula(formula: string, rowOffset: number, colOffset: number): string {
  return formula.replace(CANDIDATE, (whole: string, sheet: string | undefined, _s: string | undefined, part: string, paren: string | undefined) => {
    if (paren) return whole;
    const m = REFERENCE.exec(part);
    if (!m) return whole;
    const col = m[2].toUpperCase();
    if (col.length > 3 || (col.length === 3 && col > "XFD")) return whole;
    let c = columnNumber(col);
    let r = parseInt(m[4], 10);
    if (!m[1]) c += colOffset;
    if (!m[3]) r += rowOffset;
    return `${sheet ?? ""}${m[1] ?? ""}${columnLetters(c - 1)}${m[3] ?? ""}${r}`;
  });
}
