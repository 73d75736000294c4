/**
 * The demo output as it prints: LibreOffice converts it to PDF (as a user printing it would get),
 * poppler finds the words and renders the pages, and the test looks at the pixels. The chart of
 * deviation per area must be drawn on the page of its table, with bars in both series' colours,
 * deficits running left of the zero line and surpluses right of it; the chart of indicators per
 * status must show the "Helt" and "Delvis" bars in their colours. CI installs LibreOffice and
 * poppler (.ci/run); the test fails, it does not skip, when they are missing.
 */
import { spawnSync } from "child_process";
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { foljsam, tempDir } from "./helpers/cli";

const SOFFICE = ["soffice", "libreoffice"].find((b) => spawnSync("which", [b]).status === 0);

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of one PDF page with their boxes, in points. */
function words(pdf: string, page: number): Word[] {
  const r = spawnSync("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", pdf, "-"], { encoding: "utf8" });
  expect(r.status).toBe(0);
  return [...r.stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5].replace(/&amp;/g, "&"),
  }));
}

interface Image {
  width: number;
  height: number;
  rgb: Buffer;
}

/** One page rendered at 72 dpi, so that a pixel is a point: a binary PPM (P6), parsed here. */
function render(pdf: string, page: number, dir: string): Image {
  const base = join(dir, `page-${page}`);
  const r = spawnSync("pdftoppm", ["-r", "72", "-f", String(page), "-l", String(page), "-singlefile", pdf, base]);
  expect(r.status).toBe(0);
  const data = readFileSync(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString("latin1"))!;
  return { width: Number(header[1]), height: Number(header[2]), rgb: data.subarray(header[0].length) };
}

/** Pixels within a few levels of `hex`, counted in the box. */
function count(img: Image, hex: string, box: { x0: number; x1: number; y0: number; y1: number }): number {
  const want = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(img.height, box.y1); y++) {
    for (let x = Math.max(0, Math.floor(box.x0)); x < Math.min(img.width, box.x1); x++) {
      const at = 3 * (y * img.width + x);
      if (want.every((v, i) => Math.abs(img.rgb[at + i] - v) <= 10)) n++;
    }
  }
  return n;
}

it("prints the demo's charts with the right bars on the pages of their tables", () => {
  expect(SOFFICE).toBeDefined();
  const dir = tempDir("foljsam-charts-");
  expect(foljsam(["demo", "-o", "demo"], dir).code).toBe(0);
  const profile = join(dir, "lo-profile");
  mkdirSync(profile);
  const lo = spawnSync(
    SOFFICE!,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, join(dir, "demo", "foljsam-exempel-uppfoljning.xlsx")],
    { encoding: "utf8", timeout: 180_000 },
  );
  expect(lo.status).toBe(0);
  const pdf = join(dir, "foljsam-exempel-uppfoljning.pdf");
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
  const all = Array.from({ length: pages }, (_, i) => ({ page: i + 1, words: words(pdf, i + 1) }));
  const text = (p: { words: Word[] }) => p.words.map((w) => w.text).join(" ");

  // The deviation chart: on the page of the table "Avvikelse per verksamhetsområde", below it.
  const areaPage = all.find((p) => text(p).includes("Justerad avvikelse") && p.words.filter((w) => w.text === "Omstrukturering").length === 2);
  expect(areaPage).toBeDefined();
  const [tableRow, chartLabel] = areaPage!.words.filter((w) => w.text === "Omstrukturering");
  expect(chartLabel.yMin).toBeGreaterThan(tableRow.yMax);
  // The value axis is labelled ... −5.0, 0.0, 5.0 ...: the zero line is under its "0.0".
  const zero = areaPage!.words.find((w) => w.text === "0.0" && w.yMin > tableRow.yMax)!;
  expect(zero).toBeDefined();
  const zeroX = (zero.xMin + zero.xMax) / 2;
  const img = render(pdf, areaPage!.page, dir);
  const chart = { y0: zero.yMax, y1: chartLabel.yMax + 4 };
  const left = { ...chart, x0: 0, x1: zeroX - 2 };
  const right = { ...chart, x0: zeroX + 2, x1: img.width };
  // Avvikelse (blue) and Justerad avvikelse (orange): three deficits left of zero, seven
  // surpluses (largest 31,6) right of it.
  const blueLeft = count(img, "4472C4", left);
  const blueRight = count(img, "4472C4", right);
  const orangeLeft = count(img, "ED7D31", left);
  const orangeRight = count(img, "ED7D31", right);
  expect(blueLeft).toBeGreaterThan(20);
  expect(orangeLeft).toBeGreaterThan(20);
  expect(blueRight).toBeGreaterThan(5 * blueLeft);
  expect(orangeRight).toBeGreaterThan(orangeLeft);

  // The status chart: 7 Helt (green) and 7 Delvis (yellow) bars of the same length, no Ej bar.
  const statusPage = all.find((p) => text(p).includes("Indikatorer per måluppfyllelse"));
  expect(statusPage).toBeDefined();
  const title = statusPage!.words.find((w) => w.text === "måluppfyllelse" && text(statusPage!).includes("per måluppfyllelse"))!;
  const status = render(pdf, statusPage!.page, dir);
  const below = { x0: 0, x1: status.width, y0: title.yMax, y1: status.height };
  const green = count(status, "00B050", below);
  const yellow = count(status, "FFC000", below);
  expect(green).toBeGreaterThan(500);
  expect(Math.abs(green - yellow)).toBeLessThan(0.15 * green);
  expect(count(status, "C00000", below)).toBeLessThan(20);
}, 240_000);
