/**
 * Test-only: fill a template made by `foljsam template` the way a person does in Excel: values
 * typed into the input cells under the headers and into Inställningar's Värde column, nothing else
 * changed. Writing into a locked cell (a header, a title, a label) fails the test, because a
 * person could not do it on the protected sheet.
 */
import ExcelJS from "exceljs";

export type Typed = string | number | null;

export interface TemplateFill {
  /** Inställningar: label in column A → value for column B. */
  settings?: Record<string, Typed>;
  /** Sheet name → rows from the first input row, each as header → value. */
  sheets?: Record<string, Record<string, Typed>[]>;
}

/** 1-based row of the headers on every input sheet (title, note, headers). */
export const TEMPLATE_HEADER_EXCEL_ROW = 3;

function typeInto(ws: ExcelJS.Worksheet, row: number, col: number, value: Typed): void {
  const cell = ws.getCell(row, col);
  if (cell.protection?.locked !== false) throw new Error(`${ws.name}!${cell.address} is locked; a person cannot type there`);
  cell.value = value;
}

export async function fillTemplate(path: string, fill: TemplateFill, out = path): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  if (fill.settings) {
    const ws = wb.getWorksheet("Inställningar");
    if (!ws) throw new Error("no Inställningar sheet");
    for (const [label, value] of Object.entries(fill.settings)) {
      let row = 0;
      ws.eachRow((r, n) => {
        if (r.getCell(1).value === label) row = n;
      });
      if (row === 0) throw new Error(`no setting ${label}`);
      typeInto(ws, row, 2, value);
    }
  }
  for (const [name, rows] of Object.entries(fill.sheets ?? {})) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const columns = new Map<string, number>();
    ws.getRow(TEMPLATE_HEADER_EXCEL_ROW).eachCell((cell, col) => columns.set(String(cell.value), col));
    rows.forEach((values, i) => {
      for (const [header, value] of Object.entries(values)) {
        const col = columns.get(header);
        if (col === undefined) throw new Error(`${name}: no column ${header} (has ${[...columns.keys()].join(", ")})`);
        if (value !== null && value !== "") typeInto(ws, TEMPLATE_HEADER_EXCEL_ROW + 1 + i, col, value);
      }
    });
  }
  await wb.xlsx.writeFile(out);
}
