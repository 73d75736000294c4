import { Area, MAX_COLUMNS, MAX_ROWS, areaColumns, areaRows, formatAddress, formatArea, parseAddress } from "./address";
import { FakeClientObject, FakeCollection, FakeRequestContext } from "./context";
import { FakeOfficeError, propertyNotLoaded } from "./errors";
import { FakeChart, FakeChartSeries, FakeSheet, FakeTable, FakeWorkbook } from "./model";
import { RangeProxy, RangeTarget } from "./range";
import { Resolution } from "./resolution";

const TAB_COLOR = /^#[0-9A-Fa-f]{6}$/;

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Resolves an address given as text or as a range proxy, relative to a sheet. */
export function resolveAddress(data: FakeWorkbook, reference: RangeProxy | string, sheet: FakeSheet | null): RangeTarget {
  if (reference instanceof RangeProxy) return reference.resolution.require();
  const parsed = parseAddress(reference);
  const target = parsed.sheet !== undefined ? data.findSheet(parsed.sheet) : sheet;
  if (!target) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. Address: ${reference}`);
  return { sheet: target, area: parsed.area };
}

type WorksheetKeys = "name" | "id" | "position" | "visibility" | "tabColor" | "isNullObject";

/** Fake `Excel.Worksheet`. */
export class WorksheetProxy extends FakeClientObject implements Pick<Excel.Worksheet, WorksheetKeys> {
  readonly resolution: Resolution<FakeSheet>;
  private chartsProxy: ChartCollectionProxy | undefined;
  private tablesProxy: TableCollectionProxy | undefined;
  private freezePanesProxy: FreezePanesProxy | undefined;
  private pageLayoutProxy: PageLayoutProxy | undefined;

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
    this.queue(path, args, () => range.resolution.get());
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
}

/** Fake `Excel.WorksheetCollection`. */
export class WorksheetCollectionProxy extends FakeCollection<WorksheetProxy> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook.worksheets", "WorksheetCollection");
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

/** Fake `Excel.WorksheetFreezePanes`: the frozen rows and columns are stored on the sheet. */
export class FreezePanesProxy extends FakeClientObject {
  constructor(private readonly sheet: WorksheetProxy) {
    super(sheet.ctx, `${sheet.path}.freezePanes`, "WorksheetFreezePanes");
  }
  defaultProperties(): string[] {
    return [];
  }
  freezeRows(...[count]: Parameters<Excel.WorksheetFreezePanes["freezeRows"]>): void {
    this.queue("freezeRows", [count], () => (this.sheet.resolution.require().freeze = { rows: count ?? 1, columns: 0 }));
  }
  freezeColumns(...[count]: Parameters<Excel.WorksheetFreezePanes["freezeColumns"]>): void {
    this.queue("freezeColumns", [count], () => (this.sheet.resolution.require().freeze = { rows: 0, columns: count ?? 1 }));
  }
  freezeAt(frozenRange: RangeProxy | string): void {
    this.queue("freezeAt", [frozenRange], () => {
      const sheet = this.sheet.resolution.require();
      const { area } = resolveAddress(this.ctx.data, frozenRange, sheet);
      const wholeRows = area.left === 0 && area.right === MAX_COLUMNS - 1;
      const wholeColumns = area.top === 0 && area.bottom === MAX_ROWS - 1;
      sheet.freeze = { rows: wholeColumns ? 0 : area.bottom + 1, columns: wholeRows ? 0 : area.right + 1 };
    });
  }
  unfreeze(): void {
    this.queue("unfreeze", [], () => (this.sheet.resolution.require().freeze = null));
  }
}

/** Fake `Excel.PageLayout` (ExcelApi 1.9). */
export class PageLayoutProxy extends FakeClientObject implements Pick<Excel.PageLayout, "orientation"> {
  constructor(private readonly sheet: WorksheetProxy) {
    super(sheet.ctx, `${sheet.path}.pageLayout`, "PageLayout");
  }
  defaultProperties(): string[] {
    return ["orientation"];
  }
  protected override scalar(name: string): unknown {
    return name === "orientation" ? this.sheet.resolution.require().pageLayout.orientation : super.scalar(name);
  }
  get orientation(): Excel.PageOrientation | "Portrait" | "Landscape" {
    return this.loaded("orientation");
  }
  set orientation(orientation: Excel.PageOrientation | "Portrait" | "Landscape") {
    this.queue("set orientation", [orientation], () => (this.sheet.resolution.require().pageLayout.orientation = String(orientation) as "Portrait" | "Landscape"));
  }
  setPrintTitleRows(printTitleRows: RangeProxy | string): void {
    this.queue("setPrintTitleRows", [printTitleRows], () => {
      const sheet = this.sheet.resolution.require();
      sheet.pageLayout.printTitleRows = typeof printTitleRows === "string" ? printTitleRows : formatAddress(sheet.name, printTitleRows.resolution.require().area);
    });
  }
}

/** One series per column ("Columns"), per row ("Rows"), or as Excel picks for "Auto". */
function seriesOf(target: RangeTarget, seriesBy: string): FakeChartSeries[] {
  const { sheet, area } = target;
  const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && areaRows(area) >= areaColumns(area));
  const series: FakeChartSeries[] = [];
  if (byColumns) {
    for (let c = area.left; c <= area.right; c++) series.push({ values: formatAddress(sheet.name, { ...area, left: c, right: c }) });
  } else {
    for (let r = area.top; r <= area.bottom; r++) series.push({ values: formatAddress(sheet.name, { ...area, top: r, bottom: r }) });
  }
  return series;
}

/** Fake `Excel.ChartCollection`; charts are recorded on the sheet as data. */
export class ChartCollectionProxy extends FakeCollection<ChartProxy> {
  constructor(private readonly sheet: WorksheetProxy) {
    super(sheet.ctx, `${sheet.path}.charts`, "ChartCollection");
  }

  protected currentItems(): ChartProxy[] {
    return this.sheet.resolution.require().charts.map((record, i) => {
      const proxy = new ChartProxy(this.ctx, `${this.path}.items[${i}]`);
      proxy.record = record;
      return proxy;
    });
  }

  add(type: Parameters<Excel.ChartCollection["add"]>[0], sourceData: RangeProxy, seriesBy?: Parameters<Excel.ChartCollection["add"]>[2]): ChartProxy {
    const proxy = new ChartProxy(this.ctx, `${this.path}.add(${type})`);
    this.queue("add", [type, sourceData, seriesBy], () => {
      const sheet = this.sheet.resolution.require();
      const source = sourceData.resolution.require();
      const by = String(seriesBy ?? "Auto");
      const record: FakeChart = {
        name: `Diagram ${sheet.charts.length + 1}`,
        type: String(type),
        source: formatAddress(source.sheet.name, source.area),
        seriesBy: by,
        series: seriesOf(source, by),
      };
      sheet.charts.push(record);
      proxy.record = record;
    });
    return proxy;
  }
}

export class ChartProxy extends FakeClientObject implements Pick<Excel.Chart, "name"> {
  record: FakeChart | undefined;
  readonly title: ChartTitleProxy;
  readonly legend: ChartLegendProxy;
  readonly series: ChartSeriesCollectionProxy;

  constructor(ctx: FakeRequestContext, path: string) {
    super(ctx, path, "Chart");
    this.title = new ChartTitleProxy(this);
    this.legend = new ChartLegendProxy(this);
    this.series = new ChartSeriesCollectionProxy(this);
  }
  defaultProperties(): string[] {
    return ["name", "chartType"];
  }
  requireRecord(): FakeChart {
    if (!this.record) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. ${this.path}`);
    return this.record;
  }
  protected override scalar(name: string): unknown {
    if (name === "name") return this.requireRecord().name;
    if (name === "chartType") return this.requireRecord().type;
    return super.scalar(name);
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(name: string) {
    this.queue("set name", [name], () => (this.requireRecord().name = name));
  }
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.queue("setPosition", [startCell, endCell], () => {
      const record = this.requireRecord();
      const text = (cell: RangeProxy | string) => formatArea(typeof cell === "string" ? parseAddress(cell).area : cell.resolution.require().area);
      record.position = endCell === undefined ? { from: text(startCell) } : { from: text(startCell), to: text(endCell) };
    });
  }
}

export class ChartTitleProxy extends FakeClientObject implements Pick<Excel.ChartTitle, "text"> {
  constructor(private readonly chart: ChartProxy) {
    super(chart.ctx, `${chart.path}.title`, "ChartTitle");
  }
  defaultProperties(): string[] {
    return ["text"];
  }
  protected override scalar(name: string): unknown {
    return name === "text" ? (this.chart.requireRecord().title ?? "") : super.scalar(name);
  }
  get text(): string {
    return this.loaded("text");
  }
  set text(text: string) {
    this.queue("set text", [text], () => (this.chart.requireRecord().title = text));
  }
}

export class ChartLegendProxy extends FakeClientObject implements Pick<Excel.ChartLegend, "visible"> {
  constructor(private readonly chart: ChartProxy) {
    super(chart.ctx, `${chart.path}.legend`, "ChartLegend");
  }
  defaultProperties(): string[] {
    return ["visible"];
  }
  protected override scalar(name: string): unknown {
    return name === "visible" ? (this.chart.requireRecord().legendVisible ?? true) : super.scalar(name);
  }
  get visible(): boolean {
    return this.loaded("visible");
  }
  set visible(visible: boolean) {
    this.queue("set visible", [visible], () => (this.chart.requireRecord().legendVisible = visible));
  }
}

export class ChartSeriesCollectionProxy extends FakeClientObject {
  constructor(private readonly chart: ChartProxy) {
    super(chart.ctx, `${chart.path}.series`, "ChartSeriesCollection");
  }
  defaultProperties(): string[] {
    return [];
  }
  getItemAt(...[index]: Parameters<Excel.ChartSeriesCollection["getItemAt"]>): ChartSeriesProxy {
    const proxy = new ChartSeriesProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => {
      const series = this.chart.requireRecord().series[index];
      if (!series) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. ${this.path}.getItemAt(${index})`);
      return series;
    });
    return proxy;
  }
}

export class ChartSeriesProxy extends FakeClientObject implements Pick<Excel.ChartSeries, "name"> {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly seriesOfChart: () => FakeChartSeries,
  ) {
    super(ctx, path, "ChartSeries");
  }
  defaultProperties(): string[] {
    return ["name"];
  }
  protected override scalar(name: string): unknown {
    return name === "name" ? (this.seriesOfChart().name ?? "") : super.scalar(name);
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(name: string) {
    this.queue("set name", [name], () => (this.seriesOfChart().name = name));
  }
  setXAxisValues(sourceData: RangeProxy): void {
    this.queue("setXAxisValues", [sourceData], () => {
      const { sheet, area } = sourceData.resolution.require();
      this.seriesOfChart().xAxisValues = formatAddress(sheet.name, area);
    });
  }
  setValues(sourceData: RangeProxy): void {
    this.queue("setValues", [sourceData], () => {
      const { sheet, area } = sourceData.resolution.require();
      this.seriesOfChart().values = formatAddress(sheet.name, area);
    });
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
