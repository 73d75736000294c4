import { MAX_COLUMNS, MAX_ROWS, formatAddress } from "./address";
import { FakeClientObject } from "./context";
import { RangeProxy, resolveAddress } from "./range";
import type { WorksheetProxy } from "./worksheet";

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

