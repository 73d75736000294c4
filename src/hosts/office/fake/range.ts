import { Area, areaColumns, areaRows, formatAddress, formatArea, parseAddress } from "./address";
import { FakeClientObject, FakeRequestContext } from "./context";
import { FakeOfficeError, dimensionMismatch, propertyNotLoaded } from "./errors";
import { FakeCell, FakeCellFormat, FakeConditionalFormat, FakeSheet, FakeWorkbook, writeInput } from "./model";
import { Resolution } from "./resolution";

export interface RangeTarget {
  sheet: FakeSheet;
  area: Area;
}

/** Excel refuses to return more than five million cells from one range. */
const MAX_CELLS_READ = 5_000_000;
/** Above this many cells a format is logged for the range instead of stored per cell. */
const MAX_CELLS_FORMATTED = 1_000_000;
const DEFAULT_COLUMN_WIDTH_POINTS = 48;
const DEFAULT_ROW_HEIGHT_POINTS = 15;

function cellCount(area: Area): number {
  return areaRows(area) * areaColumns(area);
}

function readValue(cell: FakeCell | undefined): unknown {
  if (!cell) return "";
  if (cell.error !== undefined) return cell.error;
  return cell.value === null ? "" : cell.value;
}

function readValueType(cell: FakeCell | undefined): string {
  if (!cell) return "Empty";
  if (cell.error !== undefined) return "Error";
  if (cell.value === null) return "Empty";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
}

type RangeKeys =
  | "address"
  | "addressLocal"
  | "rowIndex"
  | "columnIndex"
  | "rowCount"
  | "columnCount"
  | "cellCount"
  | "values"
  | "formulas"
  | "numberFormat"
  | "valueTypes"
  | "isNullObject";

/** Fake `Excel.Range`. Values, formulas and number formats are 2-D arrays the size of the range. */
export class RangeProxy extends FakeClientObject implements Pick<Excel.Range, RangeKeys> {
  readonly resolution: Resolution<RangeTarget>;
  private formatProxy: RangeFormatProxy | undefined;
  private conditionalFormatsProxy: ConditionalFormatCollectionProxy | undefined;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeTarget | null, orNull = false) {
    super(ctx, path, "Range");
    this.resolution = new Resolution(resolver, orNull, `Range ${path}`, (t) => t.sheet.deleted);
  }

  get data(): FakeWorkbook {
    return this.ctx.data;
  }

  defaultProperties(): string[] {
    return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount", "values", "formulas", "numberFormat", "valueTypes"];
  }

  protected override scalar(name: string): unknown {
    const target = this.resolution.get();
    if (!target) return null;
    const { sheet, area } = target;
    switch (name) {
      case "address":
      case "addressLocal":
        return formatAddress(sheet.name, area);
      case "rowIndex":
        return area.top;
      case "columnIndex":
        return area.left;
      case "rowCount":
        return areaRows(area);
      case "columnCount":
        return areaColumns(area);
      case "cellCount":
        return cellCount(area);
      case "values":
        return this.grid(target, readValue);
      case "formulas":
        return this.grid(target, (cell) => (cell?.formula !== undefined ? cell.formula : readValue(cell)));
      case "numberFormat":
        return this.grid(target, (cell) => cell?.numberFormat ?? "General");
      case "valueTypes":
        return this.grid(target, readValueType);
    }
    return super.scalar(name);
  }

  private grid(target: RangeTarget, read: (cell: FakeCell | undefined) => unknown): unknown[][] {
    const { sheet, area } = target;
    if (cellCount(target.area) > MAX_CELLS_READ) {
      throw new FakeOfficeError("InvalidArgument", `The range is too large to read (${cellCount(area)} cells). ${this.path}`);
    }
    const rows: unknown[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row: unknown[] = [];
      for (let c = area.left; c <= area.right; c++) row.push(read(this.data.getCell(sheet, r, c)));
      rows.push(row);
    }
    return rows;
  }

  get isNullObject(): boolean {
    if (!this.resolution.known) throw propertyNotLoaded("isNullObject", this.typeName);
    return this.resolution.peek() === null;
  }

  get address(): string {
    return this.loaded("address");
  }
  get addressLocal(): string {
    return this.loaded("addressLocal");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get cellCount(): number {
    return this.loaded("cellCount");
  }
  get values(): unknown[][] {
    return this.loaded("values");
  }
  set values(input: unknown[][]) {
    this.queueWrite("values", input, (cell, value, location) => writeInput(cell, value, location));
  }
  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }
  set formulas(input: unknown[][]) {
    this.queueWrite("formulas", input, (cell, value, location) => writeInput(cell, value, location));
  }
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    this.queueWrite("numberFormat", input, (cell, value, location) => {
      if (value === null || value === undefined) return;
      if (typeof value !== "string") throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. ${location}`);
      if (value === "General") delete cell.numberFormat;
      else cell.numberFormat = value;
    });
  }
  get valueTypes(): Excel.RangeValueType[][] {
    // The strings the fake stores are the values of Office's string enum.
    return this.loaded<Excel.RangeValueType[][]>("valueTypes");
  }

  private queueWrite(property: string, input: unknown, apply: (cell: FakeCell, value: unknown, location: string) => void): void {
    this.queue(`set ${property}`, [input], () => {
      const { sheet, area } = this.resolution.require();
      const rows = areaRows(area);
      const columns = areaColumns(area);
      const location = `${this.path}.${property}`;
      if (!Array.isArray(input) || input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== columns)) {
        throw dimensionMismatch(location);
      }
      const grid = input as unknown[][];
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          apply(this.data.cellForWrite(sheet, area.top + r, area.left + c), grid[r][c], `${location} ${formatArea({ top: area.top + r, left: area.left + c, bottom: area.top + r, right: area.left + c })}`);
        }
      }
    });
  }

  get format(): RangeFormatProxy {
    this.formatProxy ??= new RangeFormatProxy(this);
    return this.formatProxy;
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.conditionalFormatsProxy ??= new ConditionalFormatCollectionProxy(this);
    return this.conditionalFormatsProxy;
  }

  /** Selects the range (the task pane takes the user to a finding's cell). */
  select(): void {
    this.queue("select", [], () => {
      const { sheet, area } = this.resolution.require();
      this.data.activeSheet = sheet;
      this.data.selection = formatAddress(sheet.name, area);
    });
  }

  /** Applies a cell format to every cell of the range (or logs it, for whole rows and columns). */
  applyFormat(property: string, value: unknown, apply: (format: FakeCellFormat, row: number, col: number, area: Area) => void): void {
    this.queue(`set format.${property}`, [value], () => {
      const { sheet, area } = this.resolution.require();
      if (cellCount(area) > MAX_CELLS_FORMATTED) {
        sheet.rangeFormats.push({ range: formatArea(area), property, value });
        return;
      }
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          const cell = this.data.cellForWrite(sheet, r, c);
          cell.format ??= {};
          apply(cell.format, r, c, area);
        }
      }
    });
  }
}

type RangeFormatKeys = "columnWidth" | "rowHeight" | "wrapText" | "horizontalAlignment";

export class RangeFormatProxy extends FakeClientObject implements Pick<Excel.RangeFormat, RangeFormatKeys> {
  readonly font: RangeFontProxy;
  readonly fill: RangeFillProxy;
  readonly borders: RangeBorderCollectionProxy;

  constructor(readonly range: RangeProxy) {
    super(range.ctx, `${range.path}.format`, "RangeFormat");
    this.font = new RangeFontProxy(range);
    this.fill = new RangeFillProxy(range);
    this.borders = new RangeBorderCollectionProxy(range);
  }

  defaultProperties(): string[] {
    return ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment"];
  }

  protected override navigation(name: string): FakeClientObject | undefined {
    return name === "font" ? this.font : name === "fill" ? this.fill : undefined;
  }

  protected override scalar(name: string): unknown {
    const { sheet, area } = this.range.resolution.require();
    const first = this.range.data.getCell(sheet, area.top, area.left)?.format;
    switch (name) {
      case "columnWidth":
        return sheet.columnWidths.get(area.left) ?? DEFAULT_COLUMN_WIDTH_POINTS;
      case "rowHeight":
        return sheet.rowHeights.get(area.top) ?? DEFAULT_ROW_HEIGHT_POINTS;
      case "wrapText":
        return first?.wrap ?? false;
      case "horizontalAlignment":
        return first?.horizontal ?? "General";
    }
    return super.scalar(name);
  }

  get columnWidth(): number {
    return this.loaded("columnWidth");
  }
  set columnWidth(points: number) {
    this.queue("set columnWidth", [points], () => {
      const { sheet, area } = this.range.resolution.require();
      if (!(points >= 0)) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. columnWidth ${points}`);
      for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get rowHeight(): number {
    return this.loaded("rowHeight");
  }
  set rowHeight(points: number) {
    this.queue("set rowHeight", [points], () => {
      const { sheet, area } = this.range.resolution.require();
      for (let r = area.top; r <= area.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
  get wrapText(): boolean {
    return this.loaded("wrapText");
  }
  set wrapText(wrap: boolean) {
    this.range.applyFormat("wrapText", wrap, (f) => (f.wrap = wrap));
  }
  get horizontalAlignment(): Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed" {
    return this.loaded("horizontalAlignment");
  }
  set horizontalAlignment(alignment: Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed") {
    this.range.applyFormat("horizontalAlignment", alignment, (f) => (f.horizontal = alignment));
  }
}

export class RangeFontProxy extends FakeClientObject implements Pick<Excel.RangeFont, "bold" | "italic" | "size" | "color"> {
  constructor(private readonly range: RangeProxy) {
    super(range.ctx, `${range.path}.format.font`, "RangeFont");
  }
  defaultProperties(): string[] {
    return ["bold", "italic", "size", "color"];
  }
  protected override scalar(name: string): unknown {
    const { sheet, area } = this.range.resolution.require();
    const f = this.range.data.getCell(sheet, area.top, area.left)?.format;
    switch (name) {
      case "bold":
        return f?.bold ?? false;
      case "italic":
        return f?.italic ?? false;
      case "size":
        return f?.fontSize ?? 11;
      case "color":
        return f?.fontColor ?? "#000000";
    }
    return super.scalar(name);
  }
  get bold(): boolean {
    return this.loaded("bold");
  }
  set bold(bold: boolean) {
    this.range.applyFormat("font.bold", bold, (f) => (f.bold = bold));
  }
  get italic(): boolean {
    return this.loaded("italic");
  }
  set italic(italic: boolean) {
    this.range.applyFormat("font.italic", italic, (f) => (f.italic = italic));
  }
  get size(): number {
    return this.loaded("size");
  }
  set size(size: number) {
    this.range.applyFormat("font.size", size, (f) => (f.fontSize = size));
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(color: string) {
    this.range.applyFormat("font.color", color, (f) => (f.fontColor = color));
  }
}

export class RangeFillProxy extends FakeClientObject implements Pick<Excel.RangeFill, "color"> {
  constructor(private readonly range: RangeProxy) {
    super(range.ctx, `${range.path}.format.fill`, "RangeFill");
  }
  defaultProperties(): string[] {
    return ["color"];
  }
  protected override scalar(name: string): unknown {
    if (name !== "color") return super.scalar(name);
    const { sheet, area } = this.range.resolution.require();
    return this.range.data.getCell(sheet, area.top, area.left)?.format?.fill ?? "#FFFFFF";
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(color: string) {
    this.range.applyFormat("fill.color", color, (f) => (f.fill = color));
  }
}

type BorderIndex = Parameters<Excel.RangeBorderCollection["getItem"]>[0];

export class RangeBorderCollectionProxy extends FakeClientObject {
  constructor(private readonly range: RangeProxy) {
    super(range.ctx, `${range.path}.format.borders`, "RangeBorderCollection");
  }
  defaultProperties(): string[] {
    return [];
  }
  getItem(index: BorderIndex): RangeBorderProxy {
    return new RangeBorderProxy(this.range, String(index));
  }
}

/** A border of a range; its style is stored on the cells along that edge. */
export class RangeBorderProxy extends FakeClientObject {
  constructor(
    private readonly range: RangeProxy,
    private readonly index: string,
  ) {
    super(range.ctx, `${range.path}.format.borders.getItem(${index})`, "RangeBorder");
  }
  defaultProperties(): string[] {
    return [];
  }
  set style(style: Excel.BorderLineStyle | "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot") {
    const value = style === "None" ? undefined : String(style);
    const index = this.index;
    this.range.applyFormat(`borders.${index}.style`, style, (f, row, col, area) => {
      const top = row === area.top;
      const bottom = row === area.bottom;
      const left = col === area.left;
      const right = col === area.right;
      if ((index === "EdgeTop" && top) || (index === "InsideHorizontal" && !top)) f.borderTop = value;
      if ((index === "EdgeBottom" && bottom) || (index === "InsideHorizontal" && !bottom)) f.borderBottom = value;
      if ((index === "EdgeLeft" && left) || (index === "InsideVertical" && !left)) f.borderLeft = value;
      if ((index === "EdgeRight" && right) || (index === "InsideVertical" && !right)) f.borderRight = value;
    });
  }
  set color(color: string) {
    this.queue("set color", [color], () => {
      const { sheet, area } = this.range.resolution.require();
      sheet.rangeFormats.push({ range: formatArea(area), property: `borders.${this.index}.color`, value: color });
    });
  }
}

export class ConditionalFormatCollectionProxy extends FakeClientObject {
  constructor(private readonly range: RangeProxy) {
    super(range.ctx, `${range.path}.conditionalFormats`, "ConditionalFormatCollection");
  }
  defaultProperties(): string[] {
    return [];
  }
  add(...[type]: Parameters<Excel.ConditionalFormatCollection["add"]>): ConditionalFormatProxy {
    const proxy = new ConditionalFormatProxy(this.ctx, `${this.path}.add(${type})`);
    this.queue("add", [type], () => {
      const { sheet, area } = this.range.resolution.require();
      const record: FakeConditionalFormat = { type: String(type), range: formatArea(area) };
      if (record.type === "DataBar") record.dataBar = {};
      sheet.conditionalFormats.push(record);
      proxy.record = record;
    });
    return proxy;
  }
}

export class ConditionalFormatProxy extends FakeClientObject implements Pick<Excel.ConditionalFormat, "type"> {
  record: FakeConditionalFormat | undefined;
  readonly dataBar: DataBarProxy;

  constructor(ctx: FakeRequestContext, path: string) {
    super(ctx, path, "ConditionalFormat");
    this.dataBar = new DataBarProxy(this);
  }
  defaultProperties(): string[] {
    return ["type"];
  }
  protected override scalar(name: string): unknown {
    return name === "type" ? this.requireRecord().type : super.scalar(name);
  }
  get type(): Excel.ConditionalFormatType | "Custom" | "DataBar" | "ColorScale" | "IconSet" | "TopBottom" | "PresetCriteria" | "ContainsText" | "CellValue" {
    return this.loaded("type");
  }
  requireRecord(): FakeConditionalFormat {
    if (!this.record) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. ${this.path}`);
    return this.record;
  }
}

export class DataBarProxy extends FakeClientObject implements Pick<Excel.DataBarConditionalFormat, "barDirection" | "showDataBarOnly"> {
  readonly positiveFormat: DataBarPositiveFormatProxy;

  constructor(private readonly format: ConditionalFormatProxy) {
    super(format.ctx, `${format.path}.dataBar`, "DataBarConditionalFormat");
    this.positiveFormat = new DataBarPositiveFormatProxy(this);
  }
  defaultProperties(): string[] {
    return ["barDirection", "showDataBarOnly"];
  }
  protected override scalar(name: string): unknown {
    const bar = this.requireBar();
    if (name === "barDirection") return bar.barDirection ?? "Context";
    if (name === "showDataBarOnly") return bar.showDataBarOnly ?? false;
    return super.scalar(name);
  }
  requireBar(): NonNullable<FakeConditionalFormat["dataBar"]> {
    const record = this.format.requireRecord();
    if (!record.dataBar) throw new FakeOfficeError("InvalidOperation", `The conditional format is not a data bar. ${this.path}`);
    return record.dataBar;
  }
  get barDirection(): Excel.ConditionalDataBarDirection | "Context" | "LeftToRight" | "RightToLeft" {
    return this.loaded("barDirection");
  }
  set barDirection(direction: Excel.ConditionalDataBarDirection | "Context" | "LeftToRight" | "RightToLeft") {
    this.queue("set barDirection", [direction], () => (this.requireBar().barDirection = String(direction)));
  }
  get showDataBarOnly(): boolean {
    return this.loaded("showDataBarOnly");
  }
  set showDataBarOnly(only: boolean) {
    this.queue("set showDataBarOnly", [only], () => (this.requireBar().showDataBarOnly = only));
  }
}

export class DataBarPositiveFormatProxy extends FakeClientObject implements Pick<Excel.ConditionalDataBarPositiveFormat, "fillColor" | "borderColor" | "gradientFill"> {
  constructor(private readonly bar: DataBarProxy) {
    super(bar.ctx, `${bar.path}.positiveFormat`, "ConditionalDataBarPositiveFormat");
  }
  defaultProperties(): string[] {
    return ["fillColor", "borderColor", "gradientFill"];
  }
  protected override scalar(name: string): unknown {
    const bar = this.bar.requireBar();
    if (name === "fillColor") return bar.fillColor ?? "#638EC6";
    if (name === "borderColor") return bar.borderColor ?? "";
    if (name === "gradientFill") return bar.gradientFill ?? true;
    return super.scalar(name);
  }
  get fillColor(): string {
    return this.loaded("fillColor");
  }
  set fillColor(color: string) {
    this.queue("set fillColor", [color], () => (this.bar.requireBar().fillColor = color));
  }
  get borderColor(): string {
    return this.loaded("borderColor");
  }
  set borderColor(color: string) {
    this.queue("set borderColor", [color], () => (this.bar.requireBar().borderColor = color));
  }
  get gradientFill(): boolean {
    return this.loaded("gradientFill");
  }
  set gradientFill(gradient: boolean) {
    this.queue("set gradientFill", [gradient], () => (this.bar.requireBar().gradientFill = gradient));
  }
}

/** Resolves an address given as text or as a range proxy, relative to a sheet. */
export function resolveAddress(data: FakeWorkbook, reference: RangeProxy | string, sheet: FakeSheet | null): RangeTarget {
  if (reference instanceof RangeProxy) return reference.resolution.require();
  const parsed = parseAddress(reference);
  const target = parsed.sheet !== undefined ? data.findSheet(parsed.sheet) : sheet;
  if (!target) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. Address: ${reference}`);
  return { sheet: target, area: parsed.area };
}
