import { formatAbsoluteArea, parseAddress } from "./address";
import { FakeClientObject, FakeCollection, FakeRequestContext } from "./context";
import { FakeOfficeError, propertyNotLoaded } from "./errors";
import { FakeName, FakeNameTarget, FakeWorkbook, nameFormula } from "./model";
import { RangeProxy } from "./range";
import { Resolution } from "./resolution";
import { quoteSheetName } from "../../../workbook/cells";
import { TableCollectionProxy, WorksheetCollectionProxy } from "./worksheet";

function nameTarget(data: FakeWorkbook, reference: RangeProxy | string): FakeNameTarget {
  if (reference instanceof RangeProxy) return reference.resolution.require();
  const text = reference.startsWith("=") ? reference.slice(1) : reference;
  try {
    const parsed = parseAddress(text);
    const sheet = parsed.sheet !== undefined ? data.findSheet(parsed.sheet) : undefined;
    if (sheet) return { sheet, area: parsed.area };
  } catch {
    // Not a range reference: a constant or formula name, kept as written.
  }
  return { formula: `=${text}` };
}

type NamedItemKeys = "name" | "type" | "value" | "formula" | "visible" | "comment" | "isNullObject";

/** Fake `Excel.NamedItem`: a workbook-scoped defined name. */
export class NamedItemProxy extends FakeClientObject implements Pick<Excel.NamedItem, NamedItemKeys> {
  readonly resolution: Resolution<FakeName>;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => FakeName | null, orNull = false) {
    super(ctx, path, "NamedItem");
    this.resolution = new Resolution(resolver, orNull, `NamedItem ${path}`, (item) => !ctx.data.names.includes(item));
  }
  defaultProperties(): string[] {
    return ["name", "type", "value", "formula", "visible", "comment"];
  }
  protected override scalar(name: string): unknown {
    const item = this.resolution.get();
    if (!item) return null;
    switch (name) {
      case "name":
        return item.name;
      case "type":
        return "sheet" in item.target ? "Range" : item.target.formula.includes("#REF!") ? "Error" : "String";
      case "value":
        return "sheet" in item.target ? `${quoteSheetName(item.target.sheet.name)}!${formatAbsoluteArea(item.target.area)}` : item.target.formula.slice(1);
      case "formula":
        return nameFormula(item);
      case "visible":
        return item.visible;
      case "comment":
        return item.comment;
    }
    return super.scalar(name);
  }
  get isNullObject(): boolean {
    if (!this.resolution.known) throw propertyNotLoaded("isNullObject", this.typeName);
    return this.resolution.peek() === null;
  }
  get name(): string {
    return this.loaded("name");
  }
  get type(): Excel.NamedItemType | "String" | "Integer" | "Double" | "Boolean" | "Range" | "Error" | "Array" {
    return this.loaded("type");
  }
  get value(): unknown {
    return this.loaded("value");
  }
  get formula(): string {
    return this.loaded("formula");
  }
  get visible(): boolean {
    return this.loaded("visible");
  }
  get comment(): string {
    return this.loaded("comment");
  }
  delete(): void {
    this.queue("delete", [], () => this.ctx.data.deleteName(this.resolution.require()));
  }
  getRange(): RangeProxy {
    const range = new RangeProxy(this.ctx, `${this.path}.getRange()`, () => {
      const item = this.resolution.require();
      if (!("sheet" in item.target)) throw new FakeOfficeError("InvalidReference", `The name ${item.name} does not refer to a range.`);
      return item.target;
    });
    this.queue("getRange", [], () => range.resolution.get());
    return range;
  }
}

/** Fake `Excel.NamedItemCollection` (workbook scope). */
export class NamedItemCollectionProxy extends FakeCollection<NamedItemProxy> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook.names", "NamedItemCollection");
  }
  protected currentItems(): NamedItemProxy[] {
    return this.ctx.data.names.map((item, i) => {
      const proxy = new NamedItemProxy(this.ctx, `${this.path}.items[${i}]`, () => item);
      proxy.resolution.get();
      return proxy;
    });
  }
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    let created: FakeName | null = null;
    const proxy = new NamedItemProxy(this.ctx, `${this.path}.add(${JSON.stringify(name)})`, () => created);
    this.queue("add", [name, reference, comment], () => {
      created = this.ctx.data.addName(name, nameTarget(this.ctx.data, reference), comment ?? "");
      proxy.resolution.get();
    });
    return proxy;
  }
  getItem(...[name]: Parameters<Excel.NamedItemCollection["getItem"]>): NamedItemProxy {
    const proxy = new NamedItemProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, () => this.ctx.data.findName(name) ?? null);
    this.queue("getItem", [name], () => proxy.resolution.get());
    return proxy;
  }
  getItemOrNullObject(...[name]: Parameters<Excel.NamedItemCollection["getItemOrNullObject"]>): NamedItemProxy {
    const proxy = new NamedItemProxy(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`, () => this.ctx.data.findName(name) ?? null, true);
    this.queue("getItemOrNullObject", [name], () => proxy.resolution.get());
    return proxy;
  }
}

/** Fake `Excel.Application`: counts calculation suspensions. */
export class ApplicationProxy extends FakeClientObject implements Pick<Excel.Application, "calculationMode"> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "application", "Application");
  }
  defaultProperties(): string[] {
    return ["calculationMode"];
  }
  protected override scalar(name: string): unknown {
    return name === "calculationMode" ? "Automatic" : super.scalar(name);
  }
  get calculationMode(): Excel.CalculationMode | "Automatic" | "AutomaticExceptTables" | "Manual" {
    return this.loaded("calculationMode");
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queue("suspendApiCalculationUntilNextSync", [], () => {
      this.ctx.data.suspendCalculationCalls++;
    });
  }
}

/** Fake `Excel.Workbook`. */
export class WorkbookProxy extends FakeClientObject implements Pick<Excel.Workbook, "name"> {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly application: ApplicationProxy;

  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook", "Workbook");
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, "workbook.tables", () => ctx.data.sheets, null);
    this.application = new ApplicationProxy(ctx);
  }
  defaultProperties(): string[] {
    return ["name"];
  }
  protected override scalar(name: string): unknown {
    return name === "name" ? this.ctx.data.name : super.scalar(name);
  }
  get name(): string {
    return this.loaded("name");
  }
}

/** The fake request context: `context.workbook` and `context.application`, as in Excel. */
export class FakeExcelContext extends FakeRequestContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;

  constructor(data: FakeWorkbook) {
    super(data);
    this.workbook = new WorkbookProxy(this);
    this.application = this.workbook.application;
  }
}

/**
 * `Excel.run` over a fake workbook: runs the batch with a fresh context, then sends what is
 * still queued, as Excel.run does when the batch's promise resolves.
 */
export async function fakeExcelRun<T>(workbook: FakeWorkbook, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const context = new FakeExcelContext(workbook);
  // The one place the fake stands in for Office's type. Each proxy implements, checked by the
  // compiler through Pick<Excel.X, …> and Parameters<Excel.X[…]>, the subset the host uses.
  const result = await batch(context as unknown as Excel.RequestContext);
  if (context.pendingOperations > 0) await context.sync();
  return result;
}
