/**
 * A byte-level XML tokenizer for the parts of an .xlsx package, fed chunk by chunk as a part
 * inflates: it never holds a part as one string, only the bytes of one unfinished tag or text
 * run between chunks. It checks what an XML parser must refuse in a workbook (a document cut
 * short, unbalanced tags, an unknown entity, a character XML does not allow) and reports it with
 * its line and column, as the ExcelJS path did. Names reach the handler as byte ranges with any
 * namespace prefix skipped, attributes as byte ranges walked once with the tag; strings are made
 * only when a handler asks for them.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOT = 0x22;
const APOS = 0x27;
const COLON = 0x3a;
const EQ = 0x3d;
const NL = 0x0a;

/** How many bytes of a new chunk are joined to an unfinished token first (see push). */
const JOIN_BYTES = 4096;

/** An unfinished tag or text run longer than this is not a workbook's (a cell holds 32 767 characters). */
export const MAX_TOKEN_BYTES = 16 * 1024 ** 2;

/** Not well-formed XML, at a byte offset of the buffer being scanned (turned into line and column). */
export class XmlError extends Error {
  constructor(
    readonly offset: number,
    readonly line = 0,
    readonly column = 0,
  ) {
    super(`XML error at ${line}:${column}`);
  }
}

/** Well-formed XML that is not laid out as a workbook part must be. */
export class StructureError extends Error {}

export interface XmlHandler {
  /**
   * A start tag, or an empty-element tag when `empty`; the local name is buf[name, nameEnd),
   * attributes buf[nameEnd, attrEnd), and their first `attrCount` byte ranges are in `attrs` as
   * [local name start, name end, value start, value end] each (values raw; valid during the call only).
   */
  open(buf: Buffer, name: number, nameEnd: number, attrEnd: number, empty: boolean, attrs: Int32Array, attrCount: number): void;
  close(buf: Buffer, name: number, nameEnd: number): void;
  /** Character data (entities not yet decoded unless `cdata`), given only while `wantText` is true. */
  text(buf: Buffer, start: number, end: number, cdata: boolean): void;
  wantText: boolean;
}

/**
 * The first `byte` in buf[from, n), or -1: a loop for the short runs between tags (Buffer's
 * indexOf costs more to call than to scan them), indexOf for the rest of a long one.
 */
function findByte(buf: Buffer, byte: number, from: number, n: number): number {
  const stop = Math.min(n, from + 64);
  for (let i = from; i < stop; i++) if (buf[i] === byte) return i;
  return stop < n ? buf.indexOf(byte, stop) : -1;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === NL || b === 0x09 || b === 0x0d;
}

/** Past a namespace prefix ("x:row" → "row"). */
function localStart(buf: Buffer, start: number, end: number): number {
  for (let i = start; i < end; i++) if (buf[i] === COLON) return i + 1;
  return start;
}

export class XmlScanner {
  private pending: Buffer | null = null;
  private depth = 0;
  private sawRoot = false;
  /** Newlines in the bytes already consumed, and bytes since the last of them: for error positions. */
  private lines = 0;
  private column = 0;
  /** The attribute ranges of the tag being handed over (see XmlHandler.open). */
  private readonly attrs = new Int32Array(4 * 32);

  constructor(private readonly handler: XmlHandler) {}

  push(chunk: Buffer): void {
    const pending = this.pending;
    if (pending !== null && chunk.length > JOIN_BYTES) {
      // The unfinished token ends within the chunk's first bytes as a rule: only those are
      // joined to it, and the rest of the chunk is scanned where it lies, not copied.
      const head = Buffer.concat([pending, chunk.subarray(0, JOIN_BYTES)]);
      const p = this.scanPart(head);
      // Short of the pending bytes, nothing was handled (they are one unfinished token): all of it is joined below.
      if (p >= pending.length) {
        this.pending = null;
        this.pushPart(chunk.subarray(p - pending.length));
        return;
      }
    }
    this.pushPart(pending ? Buffer.concat([pending, chunk]) : chunk);
  }

  private pushPart(buf: Buffer): void {
    const p = this.scanPart(buf);
    this.pending = p < buf.length ? buf.subarray(p) : null;
    if (this.pending && this.pending.length > MAX_TOKEN_BYTES) throw this.located(buf, p);
  }

  /** Scans what is complete in `buf`, with errors located; returns where the unfinished rest starts. */
  private scanPart(buf: Buffer): number {
    let p: number;
    try {
      p = this.scan(buf);
    } catch (e) {
      throw e instanceof XmlError ? this.located(buf, e.offset) : e;
    }
    this.consumed(buf, p);
    return p;
  }

  /** The part has ended: anything unfinished is a document cut short. */
  end(): void {
    const rest = this.pending;
    if (rest) {
      for (let i = 0; i < rest.length; i++) if (!isSpace(rest[i])) throw this.located(rest, i);
    }
    if (this.depth !== 0 || !this.sawRoot) throw this.located(rest ?? Buffer.alloc(0), rest?.length ?? 0);
  }

  private consumed(buf: Buffer, p: number): void {
    let nl = buf.indexOf(NL);
    if (nl < 0 || nl >= p) {
      this.column += p;
      return;
    }
    let last = nl;
    while (nl >= 0 && nl < p) {
      this.lines++;
      last = nl;
      nl = buf.indexOf(NL, nl + 1);
    }
    this.column = p - last - 1;
  }

  private located(buf: Buffer, offset: number): XmlError {
    let line = this.lines;
    let column = this.column;
    for (let i = 0; i < offset && i < buf.length; i++) {
      if (buf[i] === NL) {
        line++;
        column = 0;
      } else column++;
    }
    return new XmlError(offset, line + 1, column + 1);
  }

  /** Scans complete tokens from the start of `buf`; returns where the first unfinished one starts. */
  private scan(buf: Buffer): number {
    const h = this.handler;
    const n = buf.length;
    let p = 0;
    while (p < n) {
      if (buf[p] !== LT) {
        const q = findByte(buf, LT, p, n);
        if (q < 0) return p;
        if (h.wantText) h.text(buf, p, q, false);
        else if (this.depth === 0) for (let i = p; i < q; i++) if (!isSpace(buf[i])) throw new XmlError(i);
        p = q;
        continue;
      }
      if (p + 1 >= n) return p;
      const c1 = buf[p + 1];
      if (c1 === SLASH) {
        const gt = findByte(buf, GT, p + 2, n);
        if (gt < 0) return p;
        let ne = gt;
        while (ne > p + 2 && isSpace(buf[ne - 1])) ne--;
        if (ne === p + 2 || this.depth === 0) throw new XmlError(p);
        h.close(buf, localStart(buf, p + 2, ne), ne);
        this.depth--;
        p = gt + 1;
      } else if (c1 === QUESTION) {
        const end = buf.indexOf("?>", p + 2, "latin1");
        if (end < 0) return p;
        p = end + 2;
      } else if (c1 === BANG) {
        if (n - p < 9) return p;
        if (buf[p + 2] === 0x2d && buf[p + 3] === 0x2d) {
          const end = buf.indexOf("-->", p + 4, "latin1");
          if (end < 0) return p;
          p = end + 3;
        } else if (latin1(buf, p, p + 9) === "<![CDATA[") {
          const end = buf.indexOf("]]>", p + 9, "latin1");
          if (end < 0) return p;
          if (this.depth === 0) throw new XmlError(p);
          if (h.wantText) h.text(buf, p + 9, end, true);
          p = end + 3;
        } else {
          // A document type declaration: skipped (an internal subset to its "]>"); entities in it are not expanded.
          const gt = buf.indexOf(GT, p + 2);
          const bracket = buf.indexOf(0x5b, p + 2);
          const end = bracket >= 0 && (gt < 0 || bracket < gt) ? buf.indexOf("]>", bracket, "latin1") : gt;
          if (end < 0) return p;
          p = end + (buf[end] === GT ? 1 : 2);
        }
      } else {
        let i = p + 1;
        // The local name starts after the first colon of the name, if any (as localStart finds it).
        let local = -1;
        while (i < n) {
          const b = buf[i];
          if (b === GT || b === SLASH || b <= 0x20) {
            if (b === GT || b === SLASH || isSpace(b)) break;
          } else if (b === COLON && local < 0) local = i + 1;
          i++;
        }
        if (i >= n) return p;
        const nameEnd = i;
        if (nameEnd === p + 1) throw new XmlError(p);
        // The attributes, walked once: their byte ranges go to the handler with the tag.
        const at = this.attrs;
        let count = 0;
        let empty = false;
        for (;;) {
          while (i < n && isSpace(buf[i])) i++;
          if (i >= n) return p;
          const b = buf[i];
          if (b === GT) break;
          if (b === SLASH) {
            if (i + 1 >= n) return p;
            if (buf[i + 1] !== GT) throw new XmlError(i);
            empty = true;
            i++;
            break;
          }
          const ns = i;
          let localName = ns;
          for (; i < n; i++) {
            const c = buf[i];
            if (c === EQ || c === GT || c === LT || isSpace(c)) break;
            if (c === COLON && localName === ns) localName = i + 1;
          }
          if (i >= n) return p;
          const ne = i;
          while (i < n && isSpace(buf[i])) i++;
          if (i >= n) return p;
          if (buf[i] !== EQ || ne === ns) throw new XmlError(i);
          i++;
          while (i < n && isSpace(buf[i])) i++;
          if (i >= n) return p;
          const quote = buf[i];
          if (quote !== QUOT && quote !== APOS) throw new XmlError(i);
          const vs = i + 1;
          let ve = vs;
          while (ve < n && buf[ve] !== quote) {
            if (buf[ve] === LT) throw new XmlError(ve);
            ve++;
          }
          if (ve >= n) return p;
          if (count * 4 < at.length) {
            at[count * 4] = localName;
            at[count * 4 + 1] = ne;
            at[count * 4 + 2] = vs;
            at[count * 4 + 3] = ve;
            count++;
          }
          i = ve + 1;
          const after = buf[i];
          if (i < n && after !== GT && after !== SLASH && !isSpace(after)) throw new XmlError(i);
        }
        if (this.depth === 0 && this.sawRoot) throw new XmlError(p);
        this.sawRoot = true;
        h.open(buf, local < 0 ? p + 1 : local, nameEnd, empty ? i - 1 : i, empty, at, count);
        if (!empty) this.depth++;
        p = i + 1;
      }
    }
    return p;
  }
}

/** Node's own slice methods, without toString's argument checks (this runs for every cell). */
interface FastSlices {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

export function utf8(buf: Buffer, start: number, end: number): string {
  return (buf as unknown as FastSlices).utf8Slice(start, end);
}

export function latin1(buf: Buffer, start: number, end: number): string {
  return (buf as unknown as FastSlices).latin1Slice(start, end);
}

/** Whether buf[start, end) is the ASCII name `name`. */
export function nameIs(buf: Buffer, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (buf[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

// Characters XML 1.0 does not allow (a lone surrogate is already U+FFFD after UTF-8 decoding).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z]+));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(s: string, at: number): string {
  const out = s.replace(ENTITY, (_whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) {
      const c = NAMED[name];
      if (c === undefined) throw new XmlError(at);
      return c;
    }
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (!(code <= 0x10ffff)) throw new XmlError(at);
    return String.fromCodePoint(code);
  });
  // An "&" that starts no reference is not allowed; after the replacement, only decoded ones remain.
  if (s.replace(ENTITY, "").includes("&")) throw new XmlError(at);
  return out;
}

/** Text or an attribute value as a string: UTF-8, line ends normalised, references decoded, checked. */
export function decodeText(buf: Buffer, start: number, end: number, cdata = false): string {
  let s = utf8(buf, start, end);
  if (s.includes("\r")) s = s.replace(/\r\n?/g, "\n");
  if (NOT_XML.test(s)) throw new XmlError(start);
  if (!cdata && s.includes("&")) {
    s = decodeEntities(s, start);
    if (NOT_XML.test(s)) throw new XmlError(start);
  }
  return s;
}

/** The attributes of a tag by local name (a prefix such as "r:" is dropped), decoded. */
export function attributes(buf: Buffer, start: number, end: number): Map<string, string> {
  const out = new Map<string, string>();
  let i = start;
  while (i < end) {
    while (i < end && isSpace(buf[i])) i++;
    if (i >= end) break;
    const nameStart = i;
    while (i < end && buf[i] !== EQ && !isSpace(buf[i])) i++;
    const nameEnd = i;
    while (i < end && isSpace(buf[i])) i++;
    if (buf[i] !== EQ || nameEnd === nameStart) throw new XmlError(nameStart);
    i++;
    while (i < end && isSpace(buf[i])) i++;
    const quote = buf[i];
    if (quote !== QUOT && quote !== APOS) throw new XmlError(i);
    const close = buf.indexOf(quote, i + 1);
    if (close < 0 || close >= end) throw new XmlError(i);
    const value = decodeText(buf, i + 1, close);
    out.set(latin1(buf, localStart(buf, nameStart, nameEnd), nameEnd), value.replace(/[\t\n]/g, " "));
    i = close + 1;
  }
  return out;
}

/** An XML boolean attribute as ExcelJS and Excel take it. */
export function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}
