import { REQUEST_ENVELOPE_BYTES, operationBytes, resultBytes } from "../wire";
import { FakeOfficeError, propertyNotLoaded } from "./errors";
import { FakeWorkbook, SyncRecord } from "./model";

interface PendingOperation {
  bytes: number;
  /** Runs the operation against the workbook; returns the response bytes it produced. */
  run: () => number;
}

/**
 * The fake's `Excel.RequestContext`: proxies queue operations here, and `sync()` sends them as
 * one request: it measures the request's serialised size, refuses it when it exceeds the
 * workbook's payload limit (as Excel on the web does, code RequestPayloadSizeLimitExceeded),
 * then runs the operations in order. An operation that fails stops the batch; the ones before it
 * have taken effect, as in Excel.
 */
export class FakeRequestContext {
  private queue: PendingOperation[] = [];

  constructor(readonly data: FakeWorkbook) {}

  /** Queues an action (a property set or a method call); it produces no response data. */
  enqueue(path: string, action: string, args: readonly unknown[], run: () => unknown): void {
    this.push(path, action, args, () => {
      run();
      return 0;
    });
  }

  /** Queues a load; `load` returns the size of the data it brings back. */
  enqueueLoad(path: string, properties: readonly string[], load: () => number): void {
    this.push(path, "load", properties, load);
  }

  private push(_path: string, action: string, args: readonly unknown[], run: () => number): void {
    // A proxy passed as an argument travels as a reference to its object path; the object's own
    // path is counted in operationBytes (every operation as if it made one).
    const described = args.map((a) => (a instanceof FakeClientObject ? { ObjectPathId: 9_999_999 } : a));
    this.queue.push({ bytes: operationBytes(action, described), run });
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const operations = this.queue;
    this.queue = [];
    const record: SyncRecord = {
      index: this.data.syncs.length + 1,
      operations: operations.length,
      requestBytes: REQUEST_ENVELOPE_BYTES + operations.reduce((sum, op) => sum + op.bytes, 0),
      responseBytes: 0,
    };
    this.data.syncs.push(record);
    if (operations.length === 0) {
      record.requestBytes = 0;
      return;
    }
    this.data.beforeSync();
    if (record.requestBytes > this.data.payloadLimitBytes) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${record.requestBytes} > ${this.data.payloadLimitBytes} bytes). ` +
          "Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
      );
    }
    try {
      for (const op of operations) record.responseBytes += op.run();
    } finally {
      this.data.afterSync();
    }
    if (this.data.responseLimitBytes !== null && record.responseBytes > this.data.responseLimitBytes) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${record.responseBytes} > ${this.data.responseLimitBytes} bytes). ` +
          "Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
      );
    }
  }

  get pendingOperations(): number {
    return this.queue.length;
  }
}

export type LoadArgument = string | string[] | { select?: string | string[] };

function loadPaths(argument: LoadArgument | undefined): string[] | undefined {
  if (argument === undefined) return undefined;
  const list = typeof argument === "string" || Array.isArray(argument) ? argument : argument.select;
  if (list === undefined) return undefined;
  return (Array.isArray(list) ? list : list.split(","))
    .flatMap((p) => p.split(","))
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * Base of every proxy: `load()` queues a load, the sync fills the snapshot, and reading a
 * property that was not loaded throws PropertyNotLoaded, as Office.js does.
 */
export abstract class FakeClientObject {
  private readonly snapshot = new Map<string, unknown>();

  protected constructor(
    readonly ctx: FakeRequestContext,
    readonly path: string,
    protected readonly typeName: string,
  ) {}

  /** Live value of a scalar property, read while a sync runs. */
  protected scalar(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `The property '${name}' does not exist on ${this.typeName}.`);
  }

  /** A navigation property (a child proxy), for load paths such as "worksheet/name". */
  protected navigation(_name: string): FakeClientObject | undefined {
    return undefined;
  }

  /** The properties `load()` without arguments brings back. */
  abstract defaultProperties(): string[];

  load(argument?: LoadArgument): this {
    const paths = loadPaths(argument) ?? this.defaultProperties();
    this.ctx.enqueueLoad(this.path, paths, () => this.loadNow(paths));
    return this;
  }

  /** Runs a load during a sync; returns the response bytes. */
  loadNow(paths: string[]): number {
    let bytes = 0;
    for (const path of paths) {
      const slash = path.indexOf("/");
      if (slash > 0) {
        const child = this.navigation(path.slice(0, slash));
        if (!child) throw new FakeOfficeError("InvalidArgument", `The property '${path}' does not exist on ${this.typeName}.`);
        bytes += child.loadNow([path.slice(slash + 1)]);
        continue;
      }
      const child = this.navigation(path);
      if (child) {
        bytes += child.loadNow(child.defaultProperties());
        continue;
      }
      const value = this.scalar(path);
      this.snapshot.set(path, value);
      bytes += resultBytes(path, value);
    }
    return bytes;
  }

  protected loaded<T>(name: string): T {
    if (!this.snapshot.has(name)) throw propertyNotLoaded(name, this.typeName);
    return this.snapshot.get(name) as T;
  }

  protected queue(action: string, args: readonly unknown[], run: () => unknown): void {
    this.ctx.enqueue(this.path, action, args, run);
  }
}

/** A collection proxy: `items` is available after a load and a sync. */
export abstract class FakeCollection<TItem extends FakeClientObject> extends FakeClientObject {
  private loadedItems: TItem[] | undefined;

  /** Proxies for the collection's current members, built while a sync runs. */
  protected abstract currentItems(): TItem[];

  defaultProperties(): string[] {
    return ["items"];
  }

  get items(): TItem[] {
    if (!this.loadedItems) throw propertyNotLoaded("items", this.typeName);
    return this.loadedItems;
  }

  override loadNow(paths: string[]): number {
    const items = this.currentItems();
    this.loadedItems = items;
    const itemPaths = paths
      .map((p) => (p === "items" ? "" : p.startsWith("items/") ? p.slice("items/".length) : p))
      .filter((p) => p.length > 0);
    let bytes = 2;
    for (const item of items) {
      bytes += item.loadNow(itemPaths.length ? itemPaths : item.defaultProperties());
    }
    return bytes;
  }
}
