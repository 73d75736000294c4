import { formatArea } from "./address";
import { FakeClientObject, FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { FakeConditionalFormat } from "./model";
import type { RangeProxy } from "./range";

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
