import { areaColumns, areaRows, formatAddress, formatArea, parseAddress } from "./address";
import { FakeClientObject, FakeCollection, FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { FakeChart, FakeChartSeries } from "./model";
import { RangeProxy, RangeTarget } from "./range";
import type { WorksheetProxy } from "./worksheet";

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

