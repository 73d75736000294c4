#!/usr/bin/env node
"use strict";
/**
 * Builds the bundled sample workbook assets/foljsam-exempel.xlsx from the worked examples
 * (shared/examples: Socialnämndens verksamhetsberättelse 2019 and KF:s indikatorer 2020).
 *
 *   node scripts/build-sample.js [examples-folder] [output.xlsx]
 *
 * The folder defaults to ../shared/examples beside the repository, else test/fixtures/examples.
 * Amounts become real numbers (format #,##0.0, which a Swedish Excel shows as 1 297,1); the
 * indicator table stays text exactly as published ("86,4 %", "–"), since that is how it reads.
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_FOLDERS = [path.resolve(ROOT, "..", "shared", "examples"), path.join(ROOT, "test", "fixtures", "examples")];
const AMOUNT_FORMAT = "#,##0.0";

/** The four tables: which CSV, which sheet, whether amounts become numbers, a title above. */
const SHEETS = [
  { file: "socialnamnden-vb2019-drift.csv", sheet: "Drift", numbers: true, title: "Socialnämnden – verksamhetsberättelse 2019" },
  { file: "socialnamnden-vb2019-investeringar.csv", sheet: "Investeringar", numbers: true },
  { file: "socialnamnden-vb2019-kostnadsslag.csv", sheet: "Intäkts- och kostnadsslag", numbers: true },
  { file: "kf-indikatorer-2020.csv", sheet: "KF-indikatorer", numbers: false },
];

/** `;`-separated, with optional double quotes; the examples use none, but a re-export might. */
function parseCsv(text) {
  const rows = [];
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const cells = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') {
          quoted = false;
        } else {
          cell += ch;
        }
      } else if (ch === '"' && cell === "") {
        quoted = true;
      } else if (ch === ";") {
        cells.push(cell);
        cell = "";
      } else {
        cell += ch;
      }
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

/** "1 297,1", "-18,6", "−2,6" → number; anything else → null. */
function swedishNumber(text) {
  const t = text.trim().replace(/[\u00a0\u202f ]/g, "").replace(/\u2212/g, "-");
  if (!/^-?\d+(,\d+)?$/.test(t)) return null;
  return Number(t.replace(",", "."));
}

function addTable(wb, spec, rows) {
  const ws = wb.addWorksheet(spec.sheet);
  const [header, ...data] = rows;
  const width = header.length;
  if (spec.title) {
    ws.addRow([spec.title]).font = { bold: true, size: 14 };
    ws.addRow([]);
  }
  const headerRow = ws.addRow(header);
  headerRow.font = { bold: true };
  for (const cells of data) {
    const values = [];
    for (let c = 0; c < width; c++) {
      const text = (cells[c] ?? "").trim();
      const number = spec.numbers ? swedishNumber(text) : null;
      values.push(text === "" ? null : number ?? text);
    }
    const row = ws.addRow(values);
    row.eachCell((cell) => {
      if (typeof cell.value === "number") cell.numFmt = AMOUNT_FORMAT;
    });
  }
  // Widths that show the labels and a line of a comment; long text wraps.
  header.forEach((name, c) => {
    const longest = Math.max(name.length, ...data.map((r) => (r[c] ?? "").length));
    const column = ws.getColumn(c + 1);
    column.width = Math.min(60, Math.max(10, longest + 2));
    if (longest > 60) column.alignment = { wrapText: true, vertical: "top" };
  });
  ws.views = [{ state: "frozen", ySplit: headerRow.number }];
  return ws;
}

async function main() {
  const [folderArg, outArg] = process.argv.slice(2);
  const folder = folderArg ? path.resolve(folderArg) : DEFAULT_FOLDERS.find((f) => fs.existsSync(f));
  if (!folder || !fs.existsSync(folder)) {
    process.stderr.write(`build-sample: hittar inte exempelmappen (${folderArg ?? DEFAULT_FOLDERS.join(" eller ")}).\n`);
    return 2;
  }
  const out = outArg ? path.resolve(outArg) : path.join(ROOT, "assets", "foljsam-exempel.xlsx");

  const wb = new ExcelJS.Workbook();
  wb.creator = "Följsam";
  wb.title = "Följsam – exempel: Socialnämndens verksamhetsberättelse 2019 och KF:s indikatorer 2020";
  // Fixed dates, so that a rebuild differs from the last one only where the examples do.
  wb.created = new Date(Date.UTC(2020, 0, 1));
  wb.modified = wb.created;
  for (const spec of SHEETS) {
    const file = path.join(folder, spec.file);
    if (!fs.existsSync(file)) {
      process.stderr.write(`build-sample: ${spec.file} saknas i ${folder}.\n`);
      return 2;
    }
    addTable(wb, spec, parseCsv(fs.readFileSync(file, "utf8")));
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  process.stdout.write(`Skrev ${path.relative(process.cwd(), out) || out} (${wb.worksheets.map((w) => w.name).join(", ")}).\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`build-sample: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
