/**
 * The workbook's change events (ExcelApi 1.7): a cell edited, a column inserted, a sheet added or
 * deleted. The task pane listens so that it can say that what it found and computed may no longer
 * hold. The handlers stay registered for the life of the task pane.
 */
export interface WorkbookChange {
  kind: "changed" | "added" | "deleted";
  worksheetId: string;
  /** For "changed": Excel's changeType ("RangeEdited", "ColumnInserted" …). */
  changeType?: string;
  address?: string;
}

interface ChangeArgs {
  worksheetId: string;
  changeType?: string;
  address?: string;
}

/** Registers the three worksheet-collection events in one sync. */
export async function watchWorksheets(context: Excel.RequestContext, onChange: (change: WorkbookChange) => void): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const forward = (kind: WorkbookChange["kind"]) => async (args: ChangeArgs) => {
    onChange({ kind, worksheetId: args.worksheetId, changeType: args.changeType, address: args.address });
    return Promise.resolve();
  };
  worksheets.onChanged.add(forward("changed"));
  worksheets.onAdded.add(forward("added"));
  worksheets.onDeleted.add(forward("deleted"));
  await context.sync();
}
