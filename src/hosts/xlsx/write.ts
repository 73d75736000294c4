import type * as ExcelJS from "exceljs";
import { randomBytes } from "crypto";
import { promises as fs } from "fs";
import { basename, dirname, join, resolve } from "path";
import { FoljsamError } from "../../workbook/errors";
import type { SheetPlan } from "../../workbook/plan";
import { addMark, markedSheets, removeMarks } from "./marks";
import { WRITE_REASONS, XLSX_MESSAGES } from "./messages.sv";
import { fileLabel, firstLine } from "./oneLine";
import { addChartParts } from "./chartPackage";
import { restoreScopedNames } from "./scopedNames";
import { entryData, readCentralDirectory } from "./zipCheck";
import { canDefer, type DeferredSheet, executeDeferred, writeWithDeferredCells } from "./deferredCells";
import { packagePieces } from "./packageWrite";
import { loadWorkbook } from "./read";
import { executePlan } from "./planSheet";
import { checkPlanNames, PlanError } from "./sheetNames";

/**
 * Writes the follow-up sheets into an ExcelJS workbook and saves it as outPath. The command line
 * uses writeFollowUpFile, which keeps the user's file as it is; this is its fallback for a package
 * laid out unusually, and the way for a workbook built in memory.
 *
 * What survives for the user's own sheets is what ExcelJS 4.4 round-trips: values, formulas
 * (shared and array formulas too), cached results, styles and number formats, merged cells,
 * column widths, hidden rows and columns, frozen panes, data validation, most conditional
 * formats, notes, hyperlinks, images, Excel tables, print set-up. Lost on the way: charts,
 * pivot tables, slicers, sparklines, form controls, threaded comments, VBA macros, external
 * links, custom XML parts, the add-in's own stored settings (web extension parts), chart
 * sheets, defined names that are formulas, constants, whole rows or columns (see
 * dropDanglingNames), and the sheet scope of sheet-level names (ExcelJS keeps names as
 * workbook-wide ranges). Print areas and print titles of a sheet whose name holds an apostrophe
 * come out malformed (ExcelJS does not double the apostrophe). The workbook's default font
 * becomes Calibri 11 (ExcelJS writes its own style sheet).
 */
export async function writeFollowUp(workbook: ExcelJS.Workbook, plans: SheetPlan[], outPath: string, original?: Buffer): Promise<void> {
  // The follow-up sheets' cells go straight into the file (deferredCells.ts); afterwards the
  // workbook object holds those sheets' layout only.
  const deferred: DeferredSheet[] = [];
  replaceFollowUpSheets(workbook, plans, (ws, plan) => {
    if (canDefer(plan)) deferred.push(executeDeferred(ws, plan));
    else executePlan(ws, plan);
  });
  await saveAtomically(workbook, outPath, deferred, plans, original);
}

/**
 * Writes the follow-up sheets into a copy of the workbook file whose bytes are `original` (what
 * readXlsx read), keeping every part of the user's workbook as it is (packageWrite.ts): nothing
 * listed at writeFollowUp is lost and the user's sheets are not saved again. A package laid out in
 * a way packageWrite.ts does not edit is loaded and saved through ExcelJS, as writeFollowUp does.
 */
export async function writeFollowUpFile(original: Buffer, plans: SheetPlan[], outPath: string): Promise<void> {
  const file = fileLabel(outPath);
  let bytes: Buffer[] | null;
  try {
    bytes = await packagePieces(original, plans, file);
  } catch (e) {
    if (e instanceof PlanError || e instanceof FoljsamError) throw e;
    throw new FoljsamError(XLSX_MESSAGES.cannotWrite(file, `arbetsboken kunde inte sparas (${firstLine(e)})`));
  }
  if (bytes !== null) return saveBytesAtomically(bytes, outPath);
  return writeFollowUp(await loadWorkbook(original, file), plans, outPath, original);
}

/** The names of the sheets Följsam wrote earlier, in workbook order. */
export function followUpSheetNames(workbook: ExcelJS.Workbook): string[] {
  return markedSheets(workbook).map((ws) => ws.name);
}

/**
 * Removes every sheet Följsam made before (and its mark), never another sheet, then adds the
 * plan's sheets after the remaining ones, in plan order, each with its mark.
 */
export function replaceFollowUpSheets(
  workbook: ExcelJS.Workbook,
  plans: SheetPlan[],
  execute: (ws: ExcelJS.Worksheet, plan: SheetPlan) => void = executePlan,
): void {
  const marked = markedSheets(workbook);
  // Check everything before changing anything.
  checkPlanNames(
    workbook.worksheets.filter((ws) => !marked.includes(ws)).map((ws) => ws.name),
    plans,
  );

  // The active and first tabs are indices: remember their sheets, to find them again afterwards.
  const before = workbook.worksheets;
  const views = (workbook.views ?? []) as { activeTab?: number; firstSheet?: number }[];
  const remembered = views.map((v) => ({ active: before[v.activeTab ?? 0], first: v.firstSheet === undefined ? undefined : before[v.firstSheet] }));

  for (const ws of marked) workbook.removeWorksheet(ws.id);
  removeMarks(workbook);

  let activeSheet: ExcelJS.Worksheet | null = null;
  plans.forEach((plan, i) => {
    const ws = workbook.addWorksheet(plan.name);
    execute(ws, plan);
    addMark(workbook, plan.name, i + 1);
    if (plan.active && activeSheet === null) activeSheet = ws;
  });
  dropDanglingNames(workbook);

  const after = workbook.worksheets;
  const indexOf = (ws: ExcelJS.Worksheet | undefined) => (ws === undefined ? -1 : after.indexOf(ws));
  if (activeSheet !== null) {
    // The workbook opens on the active plan's sheet, and only that sheet is selected.
    for (const ws of after) for (const v of ws.views ?? []) (v as { tabSelected?: boolean }).tabSelected = ws === activeSheet;
    const own = activeSheet as ExcelJS.Worksheet;
    if ((own.views ?? []).length === 0) own.views = [{ state: "normal", tabSelected: true } as unknown as ExcelJS.WorksheetView];
    if (views.length === 0) workbook.views = [{ activeTab: indexOf(activeSheet) } as ExcelJS.WorkbookView];
  }
  views.forEach((v, i) => {
    const active = activeSheet ?? remembered[i].active;
    if (v.activeTab !== undefined || activeSheet !== null) v.activeTab = Math.max(0, indexOf(active));
    if (v.firstSheet !== undefined) v.firstSheet = Math.max(0, Math.min(indexOf(remembered[i].first), v.activeTab ?? 0));
  });
}

/**
 * ExcelJS reads every defined name as if it were a plain range, so a named formula
 * (=SUM(Data!$A$1:$A$3)) comes back as a range on a sheet called "SUM(Data", and a broken name
 * (#REF!$A$1) as one on a sheet called "#REF"; written like that, Excel would have to repair the
 * file. Such a name (or the part of it) that points at no sheet of the workbook is left out.
 */
function dropDanglingNames(workbook: ExcelJS.Workbook): void {
  const sheets = new Set(workbook.worksheets.map((ws) => ws.name.toLowerCase()));
  const dangling: { name: string; cell: { sheetName?: string } }[] = [];
  workbook.definedNames.forEach((name, cell) => {
    const sheetName = (cell as unknown as { sheetName?: string }).sheetName;
    if (sheetName !== undefined && !sheets.has(sheetName.replace(/''/g, "'").toLowerCase())) dangling.push({ name, cell });
  });
  for (const { name, cell } of dangling) workbook.definedNames.removeEx(cell as unknown as Parameters<ExcelJS.DefinedNames["removeEx"]>[0], name);
}

/**
 * Writes to a temporary file in the target's folder and renames it over the target, so that a
 * failure leaves neither a half-written file nor the temporary one behind.
 */
export async function saveAtomically(
  workbook: ExcelJS.Workbook,
  outPath: string,
  deferred: readonly DeferredSheet[] = [],
  plans: readonly SheetPlan[] = [],
  /** The workbook's file as it was read, whose sheet-scoped names ExcelJS would make workbook-wide. */
  original?: Buffer,
): Promise<void> {
  const file = fileLabel(outPath);
  let bytes: Buffer;
  try {
    // ExcelJS's typings declare their own Buffer; at run time in Node it is Node's.
    bytes = deferred.length > 0 ? await writeWithDeferredCells(workbook, deferred) : ((await workbook.xlsx.writeBuffer()) as unknown as Buffer);
    // The plans' charts, which ExcelJS cannot write, go into the saved package.
    bytes = await addChartParts(bytes, plans, file);
    if (original) {
      const entry = readCentralDirectory(original, file).find((e) => e.name === "xl/workbook.xml");
      if (entry) bytes = await restoreScopedNames(bytes, entryData(original, entry, file).toString("utf8"), file);
    }
  } catch (e) {
    throw new FoljsamError(XLSX_MESSAGES.cannotWrite(file, `arbetsboken kunde inte sparas (${firstLine(e)})`));
  }
  await saveBytesAtomically(bytes, outPath);
}

/** `bytes` (in pieces, written one after the other) into `outPath`, by way of a temporary file. */
async function saveBytesAtomically(bytes: Buffer | readonly Buffer[], outPath: string): Promise<void> {
  const file = fileLabel(outPath);
  const target = resolve(outPath);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    // fs.writeFile writes an iterable of pieces one after the other.
    await fs.writeFile(tmp, bytes, { flag: "wx" });
    await keepMode(target, tmp);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const why = code === "ENOENT" || code === "ENOTDIR" ? `mappen ${dirname(outPath).replace(/[\x00-\x1f\x7f]/g, "?")} finns inte` : (WRITE_REASONS[code] ?? (code || firstLine(e)));
    throw new FoljsamError(XLSX_MESSAGES.cannotWrite(file, why));
  }
}

/** Writing in place replaces the file: keep its permissions. */
async function keepMode(target: string, tmp: string): Promise<void> {
  try {
    const { mode } = await fs.stat(target);
    await fs.chmod(tmp, mode & 0o777);
  } catch {
    // No earlier file, or a file system without modes: nothing to keep.
  }
}
