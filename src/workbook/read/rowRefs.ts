/**
 * The RowRefs of one table, without a record of addresses per row: a table of 200 000 rows with
 * a dozen columns would hold 2.4 million address strings that almost no one reads (a finding
 * names one cell). Each RowRef's `cells` is a view of the row: a Proxy, shared handler per
 * table, that gives every field's address from the row number and the table's column letters
 * when asked, and otherwise behaves as the plain record it stands for (its keys in the table's
 * field order, enumerable, Object.prototype behind it). It is read-only: nothing changes a
 * row's addresses once read.
 */
import type { RowRef } from "../../engine/types";

export class RowRefs {
  private readonly letterOf = new Map<string, string>();
  private readonly fields: string[];
  private readonly handler: ProxyHandler<RowRef>;
  private readonly firstLetters: string;

  /** `letters`: field → column letters, in the order the record lists them. */
  constructor(
    private readonly sheet: string,
    letters: readonly (readonly [string, string])[],
  ) {
    for (const [field, l] of letters) this.letterOf.set(field, l);
    this.fields = [...this.letterOf.keys()];
    this.firstLetters = letters[0]?.[1] ?? "A";
    const letterOf = this.letterOf;
    const fields = this.fields;
    const proto = Object.prototype as Record<PropertyKey, unknown>;
    // The target is the RowRef itself (its `row` is the row number); no trap hands it out.
    this.handler = {
      get(ref, key) {
        const l = typeof key === "string" ? letterOf.get(key) : undefined;
        return l !== undefined ? l + ref.row : proto[key];
      },
      has(_ref, key) {
        return (typeof key === "string" && letterOf.has(key)) || key in proto;
      },
      ownKeys() {
        return fields;
      },
      getOwnPropertyDescriptor(ref, key) {
        const l = typeof key === "string" ? letterOf.get(key) : undefined;
        return l === undefined ? undefined : { value: l + ref.row, writable: true, enumerable: true, configurable: true };
      },
      getPrototypeOf() {
        return Object.prototype;
      },
      set() {
        return false;
      },
      defineProperty() {
        return false;
      },
      deleteProperty() {
        return false;
      },
    };
  }

  /** The RowRef of a 1-based row, its label in `labelField`'s column (else the first column's). */
  make(n: number, labelField: string): RowRef {
    const l = this.letterOf.get(labelField);
    const ref: RowRef = { sheet: this.sheet, row: n, labelCell: (l ?? this.firstLetters) + n, cells: EMPTY };
    ref.cells = new Proxy(ref, this.handler) as unknown as Record<string, string>;
    return ref;
  }
}

const EMPTY: Record<string, string> = Object.freeze({}) as Record<string, string>;
