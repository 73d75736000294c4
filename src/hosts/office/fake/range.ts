import { Area, areaColumns, areaRows, formatAddress, formatArea, parseAddress } from "./address";
import { FakeClientObject, FakeRequestContext } from "./context";
import { FakeOfficeError, dimensionMismatch, propertyNotLoaded } from "./errors";
import { ConditionalFormatCollectionProxy } from "./conditionalFormat";
import { RangeFormatProxy } from "./format";
import { writeInput } from "./input";
import { DataValidationProxy } from "./protection";
import { CellPropertiesQuery, FakeCellProperties, FakeClientResult, MergedAreasProxy, getCellProperties } from "./cellProperties";
import { FakeCell, FakeCellFormat, FakeSheet, FakeWorkbook, MAX_CELLS_READ } from "./model";
import { Resolution } from "./resolution";

export interface RangeTarget {
  sheet: FakeSheet;
  area: Area;
  /** The areas of a RangeAreas (worksheet.getRanges("A1:B2,D5")); `area` is then their bounding box. */
  areas?: Area[];
}

/** Above this many cells a format is logged for the range instead of stored per cell. */
const MAX_CELLS_FORMATTED = 1_000_000;

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
  private dataValidationProxy: DataValidationProxy | undefined;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeTarget | null, orNull = false) {
    super(ctx, path, "Range");
    ctx.data.rangeProxies++;
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

  /** Excel refuses to return more than five million cells from one range. */
  checkReadSize(area: Area): void {
    if (cellCount(area) > MAX_CELLS_READ) {
      throw new FakeOfficeError("InvalidArgument", `The range is too large to read (${cellCount(area)} cells). ${this.path}`);
    }
  }

  private grid(target: RangeTarget, read: (cell: FakeCell | undefined) => unknown): unknown[][] {
    const { sheet, area } = target;
    this.checkReadSize(area);
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
  set values(input: unknown[][] | string | number | boolean) {
    this.queueWrite("values", input, (cell, value, location) => writeInput(cell, value, location));
  }
  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }
  set formulas(input: unknown[][] | string | number | boolean) {
    this.queueWrite("formulas", input, (cell, value, location) => writeInput(cell, value, location));
  }
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(input: unknown[][] | string) {
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
      // A single value (not an array) goes to every cell of the range, as Office.js documents
      // ("Update all cells in a range").
      const single = !Array.isArray(input);
      if (!single && (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== columns))) {
        throw dimensionMismatch(location);
      }
      refuseIfProtected(sheet, location);
      const grid = single ? Array.from({ length: rows }, () => new Array<unknown>(columns).fill(input)) : (input as unknown[][]);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          apply(this.data.cellForWrite(sheet, area.top + r, area.left + c), grid[r][c], `${location} ${formatArea({ top: area.top + r, left: area.left + c, bottom: area.top + r, right: area.left + c })}`);
        }
      }
      this.data.raise("changed", { source: "Local", worksheetId: sheet.id, changeType: "RangeEdited", address: formatArea(area) });
    });
  }

  /** Indent and bold per cell (ExcelApi 1.9); the value is there after the sync. */
  getCellProperties(query: CellPropertiesQuery): FakeClientResult<FakeCellProperties[][]> {
    return getCellProperties(this, query);
  }

  /** The merged areas that meet the range (ExcelApi 1.13), or a null object. */
  getMergedAreasOrNullObject(): MergedAreasProxy {
    return new MergedAreasProxy(this);
  }

  get format(): RangeFormatProxy {
    this.formatProxy ??= new RangeFormatProxy(this);
    return this.formatProxy;
  }

  get dataValidation(): DataValidationProxy {
    this.dataValidationProxy ??= new DataValidationProxy(this);
    return this.dataValidationProxy;
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.conditionalFormatsProxy ??= new ConditionalFormatCollectionProxy(this);
    return this.conditionalFormatsProxy;
  }

  /** Office.js: lets Excel release the object (counted, so tests can see that writes do it). */
  untrack(): this {
    this.data.untrackedRanges++;
    return this;
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
      const target = this.resolution.require();
      refuseIfProtected(sheet, `${this.path}.format.${property}`);
      for (const each of target.areas ?? [area]) {
        if (cellCount(each) > MAX_CELLS_FORMATTED) {
          sheet.rangeFormats.push({ range: formatArea(each), property, value });
          continue;
        }
        for (let r = each.top; r <= each.bottom; r++) {
          for (let c = each.left; c <= each.right; c++) {
            const cell = this.data.cellForWrite(sheet, r, c);
            cell.format ??= {};
            apply(cell.format, r, c, each);
          }
        }
      }
    });
  }
}

/** A protected sheet refuses changes to its cells, as Excel does (AccessDenied). */
function refuseIfProtected(sheet: FakeSheet, location: string): void {
  if (sheet.protection !== null) {
    throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet. ${location}`);
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
