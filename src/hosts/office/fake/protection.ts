/**
 * What "Skapa mall" asks of Excel besides cells: data validation per range (ExcelApi 1.8),
 * unlocked input ranges (RangeFormat.protection) and sheet protection without a password. The
 * fake records them on the sheet as data for tests to inspect; it does not enforce them.
 */
import { formatArea } from "./address";
import { FakeClientObject } from "./context";
import type { FakeDataValidation } from "./model";
import type { RangeProxy } from "./range";
import type { WorksheetProxy } from "./worksheet";

/** Fake `Excel.FormatProtection`: `locked = false` records the range as unlocked. */
export class FormatProtectionProxy extends FakeClientObject implements Pick<Excel.FormatProtection, "locked"> {
  constructor(private readonly range: RangeProxy) {
    super(range.ctx, `${range.path}.format.protection`, "FormatProtection");
  }
  defaultProperties(): string[] {
    return ["locked"];
  }
  protected override scalar(name: string): unknown {
    if (name !== "locked") return super.scalar(name);
    const { sheet, area } = this.range.resolution.require();
    return !sheet.unlockedRanges.includes(formatArea(area));
  }
  get locked(): boolean {
    return this.loaded("locked");
  }
  set locked(locked: boolean) {
    this.queue("set locked", [locked], () => {
      const { sheet, area } = this.range.resolution.require();
      const address = formatArea(area);
      sheet.unlockedRanges = sheet.unlockedRanges.filter((r) => r !== address);
      if (!locked) sheet.unlockedRanges.push(address);
    });
  }
}

type DataValidationKeys = "ignoreBlanks" | "rule" | "errorAlert" | "prompt";

/** Fake `Excel.DataValidation`: one record per range on the sheet, replaced by clear(). */
export class DataValidationProxy extends FakeClientObject implements Pick<Excel.DataValidation, DataValidationKeys> {
  constructor(private readonly range: RangeProxy) {
    super(range.ctx, `${range.path}.dataValidation`, "DataValidation");
  }
  defaultProperties(): string[] {
    return ["ignoreBlanks", "rule", "errorAlert", "prompt"];
  }
  private record(create: boolean): FakeDataValidation | undefined {
    const { sheet, area } = this.range.resolution.require();
    const address = formatArea(area);
    let found = sheet.dataValidations.find((v) => v.range === address);
    if (!found && create) {
      found = { range: address };
      sheet.dataValidations.push(found);
    }
    return found;
  }
  protected override scalar(name: string): unknown {
    const v = this.record(false);
    switch (name) {
      case "ignoreBlanks":
        return v?.ignoreBlanks ?? true;
      case "rule":
      case "errorAlert":
      case "prompt":
        return v?.[name] ?? null;
    }
    return super.scalar(name);
  }
  private set<K extends DataValidationKeys>(name: K, value: FakeDataValidation[K]): void {
    this.queue(`set ${name}`, [value], () => {
      this.record(true)![name] = value;
    });
  }
  clear(): void {
    this.queue("clear", [], () => {
      const { sheet, area } = this.range.resolution.require();
      const address = formatArea(area);
      sheet.dataValidations = sheet.dataValidations.filter((v) => v.range !== address);
    });
  }
  get ignoreBlanks(): boolean {
    return this.loaded("ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this.set("ignoreBlanks", value);
  }
  get rule(): Excel.DataValidationRule {
    return this.loaded("rule");
  }
  set rule(value: Excel.DataValidationRule) {
    this.set("rule", value);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.loaded("errorAlert");
  }
  set errorAlert(value: Excel.DataValidationErrorAlert) {
    this.set("errorAlert", value);
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.loaded("prompt");
  }
  set prompt(value: Excel.DataValidationPrompt) {
    this.set("prompt", value);
  }
}

/** Fake `Excel.WorksheetProtection`: protect() and unprotect() record the state on the sheet. */
export class WorksheetProtectionProxy extends FakeClientObject implements Pick<Excel.WorksheetProtection, "protected"> {
  constructor(private readonly sheet: WorksheetProxy) {
    super(sheet.ctx, `${sheet.path}.protection`, "WorksheetProtection");
  }
  defaultProperties(): string[] {
    return ["protected"];
  }
  protected override scalar(name: string): unknown {
    return name === "protected" ? this.sheet.resolution.require().protection !== null : super.scalar(name);
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
  protect(...[options, password]: Parameters<Excel.WorksheetProtection["protect"]>): void {
    this.queue("protect", [options ?? null, password === undefined ? null : "***"], () => {
      this.sheet.resolution.require().protection = { options: { ...(options ?? {}) }, password: password !== undefined };
    });
  }
  unprotect(): void {
    this.queue("unprotect", [], () => (this.sheet.resolution.require().protection = null));
  }
}
