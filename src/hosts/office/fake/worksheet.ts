import { Area, MAX_COLUMNS, MAX_ROWS, parseAddress } from "./address";
import { ChartCollectionProxy } from "./chart";
import { FakeClientObject, FakeCollection, FakeRequestContext } from "./context";
import { FakeOfficeError, propertyNotLoaded } from "./errors";
import { FreezePanesProxy, PageLayoutProxy } from "./layout";
import { FakeEventArgs, FakeEventKind, FakeSheet, FakeTable, FakeWorkbook } from "./model";
import { WorksheetProtectionProxy } from "./protection";
import { RangeProxy, RangeTarget, resolveAddress } from "./range";
import { requireApi } from "./requirements";
import { Resolution } from "./resolution";

const TAB_COLOR = /^#[0-9A-Fa-f]{6}$/;

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

type WorksheetKeys = "name" | "id" | "position" | "visibility" | "tabColor" | "isNullObject";

/** Fake `Excel.Worksheet`. */
export class WorksheetProxy extends FakeClientObject implements Pick<Excel.Worksheet, WorksheetKeys> {
  readonly resolution: Resolution<FakeSheet>;
  private chartsProxy: ChartCollectionProxy | undefined;
  private tablesProxy: TableCollectionProxy | undefined;
  private freezePanesProxy: FreezePanesProxy | undefined;
  private pageLayoutProxy: PageLayoutProxy | undefined;
  private protectionProxy: WorksheetProtectionProxy | undefined;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => FakeSheet | null, orNull = false) {
    super(ctx, path, "Worksheet");
    this.resolution = new Resolution(resolver, orNull, `Worksheet ${path}`, (s) => s.deleted);
  }

  get data(): FakeWorkbook {
    return this.ctx.data;
  }

  defaultProperties(): string[] {
    return ["name", "id", "position", "visibility", "tabColor"];
  }

  protected override scalar(name: string): unknown {
    const sheet = this.resolution.get();
    if (!sheet) return null;
    switch (name) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.data.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      case "tabColor":
        return sheet.tabColor;
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
  set name(name: string) {
    this.queue("set name", [name], () => this.data.renameSheet(this.resolution.require(), name));
  }
  get id(): string {
    return this.loaded("id");
  }
  get position(): number {
    return this.loaded("position");
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.loaded("visibility");
  }
  set visibility(visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.queue("set visibility", [visibility], () => {
      const sheet = this.resolution.require();
      const value = String(visibility) as FakeSheet["visibility"];
      if (value !== "Visible" && !this.data.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      sheet.visibility = value;
    });
  }
  get tabColor(): string {
    return this.loaded("tabColor");
  }
  set tabColor(color: string) {
    this.queue("set tabColor", [color], () => {
      if (color !== "" && !TAB_COLOR.test(color)) {
        throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. tabColor ${color}`);
      }
      this.resolution.require().tabColor = color.toUpperCase();
    });
  }

  delete(): void {
    this.queue("delete", [], () => this.data.deleteSheet(this.resolution.require()));
  }

  activate(): void {
    this.queue("activate", [], () => (this.data.activeSheet = this.resolution.require()));
  }

  private range(path: string, args: unknown[], resolver: () => RangeTarget | null, orNull = false): RangeProxy {
    const range = new RangeProxy(this.ctx, `${this.path}.${path}`, resolver, orNull);
    // On the wire the action is named by its method; the address travels once, as an argument.
    this.queue(path.slice(0, path.indexOf("(")), args, () => range.resolution.get());
    return range;
  }

  getRange(...[address]: Parameters<Excel.Worksheet["getRange"]>): RangeProxy {
    return this.range(`getRange(${JSON.stringify(address ?? "")})`, [address], () => {
      const sheet = this.resolution.require();
      if (address === undefined || address === "") return { sheet, area: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } };
      const parsed = parseAddress(address);
      if (parsed.sheet !== undefined && !sameName(parsed.sheet, sheet.name)) {
        throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. Address ${address} is not on ${sheet.name}.`);
      }
      return { sheet, area: parsed.area };
    });
  }

  /** Several areas as one RangeAreas (ExcelApi 1.9): formats set on it apply to each area. */
  getRanges(...[address]: Parameters<Excel.Worksheet["getRanges"]>): RangeProxy {
    return this.range(`getRanges(${JSON.stringify(address ?? "")})`, [address], () => {
      requireApi(this.data, 9, "Worksheet.getRanges");
      const sheet = this.resolution.require();
      const areas = (address ?? "").split(",").map((part) => {
        const parsed = parseAddress(part.trim());
        if (parsed.sheet !== undefined && !sameName(parsed.sheet, sheet.name)) {
          throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. Address ${part} is not on ${sheet.name}.`);
        }
        return parsed.area;
      });
      const box = areas.reduce((b, a) => ({ top: Math.min(b.top, a.top), left: Math.min(b.left, a.left), bottom: Math.max(b.bottom, a.bottom), right: Math.max(b.right, a.right) }));
      return { sheet, area: box, areas };
    });
  }

  getRangeByIndexes(...[startRow, startColumn, rowCount, columnCount]: Parameters<Excel.Worksheet["getRangeByIndexes"]>): RangeProxy {
    return this.range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, [startRow, startColumn, rowCount, columnCount], () => {
      const area: Area = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      if (rowCount < 1 || columnCount < 1 || area.top < 0 || area.left < 0 || area.bottom >= MAX_ROWS || area.right >= MAX_COLUMNS) {
        throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. getRangeByIndexes");
      }
      return { sheet: this.resolution.require(), area };
    });
  }

  getUsedRange(...[valuesOnly]: Parameters<Excel.Worksheet["getUsedRange"]>): RangeProxy {
    return this.range(`getUsedRange(${valuesOnly ?? false})`, [valuesOnly], () => {
      const sheet = this.resolution.require();
      // An empty sheet's used range is A1, as in Excel.
      return { sheet, area: this.data.usedArea(sheet, valuesOnly ?? false) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(...[valuesOnly]: Parameters<Excel.Worksheet["getUsedRangeOrNullObject"]>): RangeProxy {
    return this.range(
      `getUsedRangeOrNullObject(${valuesOnly ?? false})`,
      [valuesOnly],
      () => {
        const sheet = this.resolution.require();
        const area = this.data.usedArea(sheet, valuesOnly ?? false);
        return area ? { sheet, area } : null;
      },
      true,
    );
  }

  get charts(): ChartCollectionProxy {
    this.chartsProxy ??= new ChartCollectionProxy(this);
    return this.chartsProxy;
  }
  get tables(): TableCollectionProxy {
    this.tablesProxy ??= new TableCollectionProxy(this.ctx, `${this.path}.tables`, () => [this.resolution.require()], () => this.resolution.require());
    return this.tablesProxy;
  }
  get freezePanes(): FreezePanesProxy {
    this.freezePanesProxy ??= new FreezePanesProxy(this);
    return this.freezePanesProxy;
  }
  get pageLayout(): PageLayoutProxy {
    this.pageLayoutProxy ??= new PageLayoutProxy(this);
    return this.pageLayoutProxy;
  }
  get protection(): WorksheetProtectionProxy {
    this.protectionProxy ??= new WorksheetProtectionProxy(this);
    return this.protectionProxy;
  }
}

/** `OfficeExtension.EventHandlerResult`: removing the handler is queued like any other call. */
export class FakeEventHandlerResult {
  private removeHandler: (() => void) | null = null;
  constructor(private readonly ctx: FakeRequestContext) {}
  registered(remove: () => void): void {
    this.removeHandler = remove;
  }
  remove(): void {
    this.ctx.enqueue("eventHandlers", "remove", [], () => this.removeHandler?.());
  }
}

/** `OfficeExtension.EventHandlers` of one worksheet-collection event (ExcelApi 1.7). */
export class FakeEventHandlers {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly kind: FakeEventKind,
  ) {}
  add(handler: (args: FakeEventArgs) => Promise<unknown> | void): FakeEventHandlerResult {
    const result = new FakeEventHandlerResult(this.ctx);
    this.ctx.enqueue(`workbook.worksheets.on${this.kind}`, "add", [], () => {
      requireApi(this.ctx.data, 7, `WorksheetCollection.on${this.kind}`);
      result.registered(this.ctx.data.addHandler(this.kind, handler));
    });
    return result;
  }
}

/** Fake `Excel.WorksheetCollection`. */
export class WorksheetCollectionProxy extends FakeCollection<WorksheetProxy> {
  readonly onChanged: FakeEventHandlers;
  readonly onAdded: FakeEventHandlers;
  readonly onDeleted: FakeEventHandlers;

  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook.worksheets", "WorksheetCollection");
    this.onChanged = new FakeEventHandlers(ctx, "changed");
    this.onAdded = new FakeEventHandlers(ctx, "added");
    this.onDeleted = new FakeEventHandlers(ctx, "deleted");
  }

  protected currentItems(): WorksheetProxy[] {
    return this.ctx.data.sheets.map((sheet, i) => {
      const proxy = new WorksheetProxy(this.ctx, `${this.path}.items[${i}]`, () => sheet);
      proxy.resolution.get();
      return proxy;
    });
  }

  add(...[name]: Parameters<Excel.WorksheetCollection["add"]>): WorksheetProxy {
    let created: FakeSheet | null = null;
    const proxy = new WorksheetProxy(this.ctx, `${this.path}.add(${JSON.stringify(name ?? "")})`, () => created);
    this.queue("add", [name], () => {
      created = this.ctx.data.addSheet(name);
      proxy.resolution.get();
    });
    return proxy;
  }

  private find(key: string): FakeSheet | null {
    return this.ctx.data.findSheet(key) ?? this.ctx.data.sheets.find((s) => s.id === key) ?? null;
  }

  getItem(...[key]: Parameters<Excel.WorksheetCollection["getItem"]>): WorksheetProxy {
    const proxy = new WorksheetProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(key)})`, () => this.find(key));
    this.queue("getItem", [key], () => proxy.resolution.get());
    return proxy;
  }

  getItemOrNullObject(...[key]: Parameters<Excel.WorksheetCollection["getItemOrNullObject"]>): WorksheetProxy {
    const proxy = new WorksheetProxy(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this.find(key), true);
    this.queue("getItemOrNullObject", [key], () => proxy.resolution.get());
    return proxy;
  }

  getActiveWorksheet(): WorksheetProxy {
    const proxy = new WorksheetProxy(this.ctx, `${this.path}.getActiveWorksheet()`, () => this.ctx.data.activeSheet ?? null);
    this.queue("getActiveWorksheet", [], () => proxy.resolution.get());
    return proxy;
  }
}

interface TableRef {
  sheet: FakeSheet;
  table: FakeTable;
}

/** Fake `Excel.TableCollection`, for one sheet or (with `sheets` returning all) the workbook. */
export class TableCollectionProxy extends FakeCollection<TableProxy> {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly sheets: () => FakeSheet[],
    private readonly home: (() => FakeSheet) | null,
  ) {
    super(ctx, path, "TableCollection");
  }

  private refs(): TableRef[] {
    return this.sheets().flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  protected currentItems(): TableProxy[] {
    return this.refs().map((ref, i) => new TableProxy(this.ctx, `${this.path}.items[${i}]`, () => ref));
  }

  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let created: TableRef | null = null;
    const proxy = new TableProxy(this.ctx, `${this.path}.add(${typeof address === "string" ? address : address.path})`, () => created);
    this.queue("add", [address, hasHeaders], () => {
      const { sheet, area } = resolveAddress(this.ctx.data, address, this.home ? this.home() : null);
      const all = this.ctx.data.sheets.flatMap((s) => s.tables);
      let n = all.length + 1;
      while (all.some((t) => sameName(t.name, `Tabell${n}`))) n++;
      const table: FakeTable = { name: `Tabell${n}`, area };
      sheet.tables.push(table);
      created = { sheet, table };
      proxy.resolution.get();
    });
    return proxy;
  }

  private find(key: string): TableRef | null {
    return this.refs().find((ref) => sameName(ref.table.name, key)) ?? null;
  }

  getItem(...[key]: Parameters<Excel.TableCollection["getItem"]>): TableProxy {
    const proxy = new TableProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(key)})`, () => this.find(key));
    this.queue("getItem", [key], () => proxy.resolution.get());
    return proxy;
  }

  getItemOrNullObject(...[key]: Parameters<Excel.TableCollection["getItemOrNullObject"]>): TableProxy {
    const proxy = new TableProxy(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this.find(key), true);
    this.queue("getItemOrNullObject", [key], () => proxy.resolution.get());
    return proxy;
  }
}

export class TableProxy extends FakeClientObject implements Pick<Excel.Table, "name" | "isNullObject"> {
  readonly resolution: Resolution<TableRef>;
  private worksheetProxy: WorksheetProxy | undefined;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => TableRef | null, orNull = false) {
    super(ctx, path, "Table");
    this.resolution = new Resolution(resolver, orNull, `Table ${path}`, (ref) => ref.sheet.deleted || !ref.sheet.tables.includes(ref.table));
  }
  defaultProperties(): string[] {
    return ["name"];
  }
  protected override navigation(name: string): FakeClientObject | undefined {
    return name === "worksheet" ? this.worksheet : undefined;
  }
  protected override scalar(name: string): unknown {
    const ref = this.resolution.get();
    if (!ref) return null;
    return name === "name" ? ref.table.name : super.scalar(name);
  }
  get isNullObject(): boolean {
    if (!this.resolution.known) throw propertyNotLoaded("isNullObject", this.typeName);
    return this.resolution.peek() === null;
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(name: string) {
    this.queue("set name", [name], () => (this.resolution.require().table.name = name));
  }
  get worksheet(): WorksheetProxy {
    this.worksheetProxy ??= new WorksheetProxy(this.ctx, `${this.path}.worksheet`, () => this.resolution.require().sheet);
    return this.worksheetProxy;
  }
  private rangeOf(path: string, pick: (area: Area) => Area | null): RangeProxy {
    const range = new RangeProxy(this.ctx, `${this.path}.${path}`, () => {
      const { sheet, table } = this.resolution.require();
      const area = pick(table.area);
      if (!area) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. ${this.path}.${path}`);
      return { sheet, area };
    });
    this.queue(path, [], () => range.resolution.get());
    return range;
  }
  getRange(): RangeProxy {
    return this.rangeOf("getRange()", (area) => area);
  }
  getHeaderRowRange(): RangeProxy {
    return this.rangeOf("getHeaderRowRange()", (area) => ({ ...area, bottom: area.top }));
  }
  getDataBodyRange(): RangeProxy {
    return this.rangeOf("getDataBodyRange()", (area) => (area.bottom > area.top ? { ...area, top: area.top + 1 } : null));
  }
}
