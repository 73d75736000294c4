import { formatAddress } from "./address";
import { FakeClientObject } from "./context";
import { propertyNotLoaded } from "./errors";
import type { RangeProxy } from "./range";
import { requireApi } from "./requirements";
import { wireBytes } from "../wire";

/** The part of Excel.CellPropertiesLoadOptions the fake answers: indent and bold. */
export interface CellPropertiesQuery {
  address?: boolean;
  format?: { indentLevel?: boolean; font?: { bold?: boolean } };
}

export interface FakeCellProperties {
  address?: string;
  format?: { indentLevel?: number; font?: { bold?: boolean } };
}

/** `OfficeExtension.ClientResult`: its value is there after the sync. */
export class FakeClientResult<T> {
  private result: { value: T } | null = null;
  set(value: T): void {
    this.result = { value };
  }
  get value(): T {
    if (!this.result) throw propertyNotLoaded("value", "ClientResult");
    return this.result.value;
  }
}

/** `Range.getCellProperties` (ExcelApi 1.9): one object per cell with what was asked. */
export function getCellProperties(range: RangeProxy, query: CellPropertiesQuery): FakeClientResult<FakeCellProperties[][]> {
  const result = new FakeClientResult<FakeCellProperties[][]>();
  range.ctx.enqueueLoad(range.path, ["getCellProperties"], () => {
    requireApi(range.data, 9, "Range.getCellProperties");
    const { sheet, area } = range.resolution.require();
    range.checkReadSize(area);
    const rows: FakeCellProperties[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row: FakeCellProperties[] = [];
      for (let c = area.left; c <= area.right; c++) {
        const format = range.data.getCell(sheet, r, c)?.format;
        const cell: FakeCellProperties = {};
        if (query.address) cell.address = formatAddress(sheet.name, { top: r, left: c, bottom: r, right: c });
        if (query.format) {
          cell.format = {};
          if (query.format.indentLevel) cell.format.indentLevel = format?.indentLevel ?? 0;
          if (query.format.font?.bold) cell.format.font = { bold: format?.bold ?? false };
        }
        row.push(cell);
      }
      rows.push(row);
    }
    result.set(rows);
    return wireBytes({ ActionId: 9_999_999, Value: rows });
  });
  return result;
}

/**
 * `Range.getMergedAreasOrNullObject` (ExcelApi 1.13) as a RangeAreas with `address` ("Drift!A1:B1,Drift!C1:D1")
 * and `areaCount`; a null object when no merged cell meets the range.
 */
export class MergedAreasProxy extends FakeClientObject {
  private found: string[] | null | undefined;

  constructor(private readonly range: RangeProxy) {
    super(range.ctx, `${range.path}.getMergedAreasOrNullObject()`, "RangeAreas");
    this.ctx.enqueue(range.path, "getMergedAreasOrNullObject", [], () => {
      requireApi(range.data, 13, "Range.getMergedAreasOrNullObject");
      this.resolve();
    });
  }

  private resolve(): string[] | null {
    if (this.found === undefined) {
      const { sheet, area } = this.range.resolution.require();
      const merges = (this.range.data.merges.get(sheet.id) ?? []).filter(
        (m) => m.top <= area.bottom && m.bottom >= area.top && m.left <= area.right && m.right >= area.left,
      );
      this.found = merges.length ? merges.map((m) => formatAddress(sheet.name, m)) : null;
    }
    return this.found;
  }

  defaultProperties(): string[] {
    return ["address", "areaCount"];
  }

  protected override scalar(name: string): unknown {
    const found = this.resolve();
    if (name === "address") return found ? found.join(",") : null;
    if (name === "areaCount") return found ? found.length : 0;
    return super.scalar(name);
  }

  get isNullObject(): boolean {
    if (this.found === undefined) throw propertyNotLoaded("isNullObject", this.typeName);
    return this.found === null;
  }
  get address(): string {
    return this.loaded("address");
  }
  get areaCount(): number {
    return this.loaded("areaCount");
  }
}
