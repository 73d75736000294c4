import { isPercentFormat } from "../../../workbook/cells";
import { attributes, decodeText, isTrue, latin1, nameIs, type XmlHandler } from "./xmlScan";
import type { Package } from "./parts";

/** What xl/workbook.xml says: its sheets in order, the date system and the defined names. */
export interface BookInfo {
  sheets: { name: string; rId: string }[];
  date1904: boolean;
  definedNames: { name: string; text: string }[];
}

export async function readBook(pkg: Package, part: string): Promise<BookInfo> {
  const book: BookInfo = { sheets: [], date1904: false, definedNames: [] };
  let inNames = false;
  let nameOf: string | null = null;
  let text = "";
  const h: XmlHandler = {
    wantText: false,
    open(buf, name, nameEnd, attrEnd, empty) {
      if (nameIs(buf, name, nameEnd, "sheet")) {
        const a = attributes(buf, nameEnd, attrEnd);
        book.sheets.push({ name: a.get("name") ?? "", rId: a.get("id") ?? "" });
      } else if (nameIs(buf, name, nameEnd, "workbookPr")) {
        book.date1904 = isTrue(attributes(buf, nameEnd, attrEnd).get("date1904"));
      } else if (nameIs(buf, name, nameEnd, "definedNames")) {
        inNames = !empty;
      } else if (inNames && nameIs(buf, name, nameEnd, "definedName")) {
        nameOf = attributes(buf, nameEnd, attrEnd).get("name") ?? "";
        text = "";
        h.wantText = !empty;
        if (empty) book.definedNames.push({ name: nameOf, text: "" });
      }
    },
    close(buf, name, nameEnd) {
      if (nameIs(buf, name, nameEnd, "definedNames")) inNames = false;
      else if (h.wantText && nameIs(buf, name, nameEnd, "definedName")) {
        book.definedNames.push({ name: nameOf ?? "", text });
        h.wantText = false;
      }
    },
    text(buf, start, end, cdata) {
      text += decodeText(buf, start, end, cdata);
    },
  };
  await pkg.scan(part, h);
  return book;
}

/** A cell style (an xf of cellXfs) as the reader needs it. */
export interface XfInfo {
  /** 1: a percent format, 2: a date format, 0: neither. */
  format: 0 | 1 | 2;
  indent: number;
  bold: boolean;
}

/** Number formats Excel does not write into styles.xml (ids as ExcelJS knows them). */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A format that shows a number as a date or time (the rule ExcelJS applies when it reads a cell). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

function formatKind(code: string | undefined): 0 | 1 | 2 {
  if (!code) return 0;
  if (isDateFormat(code)) return 2;
  return isPercentFormat(code) ? 1 : 0;
}

/** xl/styles.xml: each cellXfs entry's format kind, indent and bold, by style index. */
export async function readStyles(pkg: Package, part: string): Promise<XfInfo[]> {
  const formats = new Map<number, string>();
  const bold: boolean[] = [];
  const xfs: { numFmtId: number; fontId: number; indent: number }[] = [];
  let section = "";
  let inFont = false;
  let inXf = false;
  await pkg.scan(part, {
    wantText: false,
    open(buf, name, nameEnd, attrEnd, empty) {
      const tag = latin1(buf, name, nameEnd);
      switch (tag) {
        case "numFmts":
        case "fonts":
        case "cellXfs":
          if (!empty) section = tag;
          return;
        case "numFmt":
          if (section === "numFmts") {
            const a = attributes(buf, nameEnd, attrEnd);
            formats.set(parseInt(a.get("numFmtId") ?? "", 10), a.get("formatCode") ?? "");
          }
          return;
        case "font":
          if (section === "fonts") {
            bold.push(false);
            inFont = !empty;
          }
          return;
        case "b":
          // <b/> or <b val="1"/>; val="0" turns it off.
          if (inFont) {
            const val = attributes(buf, nameEnd, attrEnd).get("val");
            bold[bold.length - 1] = val !== "0" && val !== "false";
          }
          return;
        case "xf":
          if (section === "cellXfs") {
            const a = attributes(buf, nameEnd, attrEnd);
            xfs.push({ numFmtId: parseInt(a.get("numFmtId") ?? "0", 10), fontId: parseInt(a.get("fontId") ?? "", 10), indent: 0 });
            inXf = !empty;
          }
          return;
        case "alignment":
          if (inXf) xfs[xfs.length - 1].indent = parseInt(attributes(buf, nameEnd, attrEnd).get("indent") ?? "0", 10) || 0;
          return;
        default:
      }
    },
    close(buf, name, nameEnd) {
      const tag = latin1(buf, name, nameEnd);
      if (tag === section) section = "";
      else if (tag === "font") inFont = false;
      else if (tag === "xf") inXf = false;
    },
    text() {},
  });
  return xfs.map((x) => ({
    // Format 0 ("General") is no format, as for ExcelJS.
    format: x.numFmtId ? formatKind(formats.get(x.numFmtId) ?? BUILT_IN_FORMATS[x.numFmtId]) : 0,
    indent: x.indent > 0 ? x.indent : 0,
    bold: bold[x.fontId] === true,
  }));
}

/** Excel's escape of a character XML cannot hold ("_x0001_"), as ExcelJS undoes it in shared strings. */
export function unescapeExcel(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/** xl/sharedStrings.xml: each string item's text, rich runs joined, phonetic runs left out. */
export async function readSharedStrings(pkg: Package, part: string): Promise<string[]> {
  const strings: string[] = [];
  let depthInPhonetic = 0;
  let item = "";
  let run = "";
  let inItem = false;
  const h: XmlHandler = {
    wantText: false,
    open(buf, name, nameEnd, _attrEnd, empty) {
      if (empty) {
        if (nameIs(buf, name, nameEnd, "si")) strings.push("");
        return;
      }
      if (nameIs(buf, name, nameEnd, "si")) {
        inItem = true;
        item = "";
      } else if (nameIs(buf, name, nameEnd, "rPh")) depthInPhonetic++;
      else if (inItem && depthInPhonetic === 0 && nameIs(buf, name, nameEnd, "t")) {
        run = "";
        h.wantText = true;
      }
    },
    close(buf, name, nameEnd) {
      if (nameIs(buf, name, nameEnd, "t")) {
        if (h.wantText) item += unescapeExcel(run);
        h.wantText = false;
      } else if (nameIs(buf, name, nameEnd, "rPh")) depthInPhonetic--;
      else if (nameIs(buf, name, nameEnd, "si")) {
        strings.push(item);
        inItem = false;
      }
    },
    text(buf, start, end, cdata) {
      run += decodeText(buf, start, end, cdata);
    },
  };
  await pkg.scan(part, h);
  return strings;
}
