import { formatArea } from "./address";
import { FakeClientObject } from "./context";
import { FakeOfficeError } from "./errors";
import { FormatProtectionProxy } from "./protection";
import type { RangeProxy } from "./range";

const DEFAULT_COLUMN_WIDTH_POINTS = 48;
const DEFAULT_ROW_HEIGHT_POINTS = 15;

type RangeFormatKeys = "columnWidth" | "rowHeight" | "wrapText" | "horizontalAlignment";

export class RangeFormatProxy extends FakeClientObject implements Pick<Excel.RangeFormat, RangeFormatKeys> {
  readonly font: RangeFontProxy;
  readonly fill: RangeFillProxy;
  readonly borders: RangeBorderCollectionProxy;
  readonly protection: FormatProtectionProxy;

  constructor(readonly range: RangeProxy) {
    super(range.ctx, `${range.path}.format`, "RangeFormat");
    this.font = new RangeFontProxy(range);
    this.fill = new RangeFillProxy(range);
    this.borders = new RangeBorderCollectionProxy(range);
    this.protection = new FormatProtectionProxy(range);
  }

  defaultProperties(): string[] {
    return ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment"];
  }

  protected override navigation(name: string): FakeClientObject | undefined {
    return name === "font" ? this.font : name === "fill" ? this.fill : name === "protection" ? this.protection : undefined;
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
