import { FakeOfficeError } from "./errors";

/**
 * Late binding of a proxy to the data it stands for. Office resolves `getItem("X")`,
 * `getRange("A1")` and the like on the host, when the batch runs, and reports a missing item
 * then, not when the proxy is made. This does the same: the resolver runs during a sync, once;
 * later operations reuse the result, so a sheet renamed in the same batch is still found.
 */
export class Resolution<T> {
  private value: T | null | undefined;

  constructor(
    private readonly resolver: () => T | null,
    private readonly orNull: boolean,
    private readonly describe: string,
    private readonly isGone: (target: T) => boolean = () => false,
  ) {}

  /** True once a sync has resolved the proxy (so `isNullObject` can be read). */
  get known(): boolean {
    return this.value !== undefined;
  }

  get(): T | null {
    if (this.value === undefined) {
      const value = this.resolver();
      if (value === null && !this.orNull) {
        throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. ${this.describe}`);
      }
      this.value = value;
    }
    if (this.value !== null && this.isGone(this.value)) {
      throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (it was deleted). ${this.describe}`);
    }
    return this.value;
  }

  require(): T {
    const value = this.get();
    if (value === null) {
      throw new FakeOfficeError("InvalidOperation", `The operation is not allowed on a null object. ${this.describe}`);
    }
    return value;
  }

  /** The resolved value without resolving (for `isNullObject`). */
  peek(): T | null | undefined {
    return this.value;
  }
}
