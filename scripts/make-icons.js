#!/usr/bin/env node
"use strict";
/**
 * Draws Följsam's add-in icons (16, 32, 64, 80 px) as PNG files in assets/.
 * No image library: the PNG is written by hand (IHDR, one zlib-compressed IDAT, IEND), so the
 * icons can be regenerated anywhere with plain Node. Run: node scripts/make-icons.js
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const BACKGROUND = [0x1e, 0x6b, 0x52]; // deep green
const FOREGROUND = [0xff, 0xff, 0xff];
const ACCENT = [0xf4, 0xb9, 0x42]; // amber: the "follow-up" line

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** What covers the point (u, v) in the unit square: null (transparent) or an RGB colour. */
function paint(u, v) {
  const radius = 0.18;
  const dx = Math.max(radius - u, 0, u - (1 - radius));
  const dy = Math.max(radius - v, 0, v - (1 - radius));
  if (dx * dx + dy * dy > radius * radius) return null;
  // Three rising bars: budget follow-up at a glance.
  const bars = [
    [0.2, 0.36, 0.56],
    [0.42, 0.58, 0.4],
    [0.64, 0.8, 0.24],
  ];
  for (const [left, right, top] of bars) {
    if (u >= left && u <= right && v >= top && v <= 0.8) return FOREGROUND;
  }
  // A thin amber line across the top of the bars: the target being followed.
  if (v >= 0.14 && v <= 0.2 && u >= 0.2 && u <= 0.8) return ACCENT;
  return BACKGROUND;
}

function drawIcon(size) {
  const samples = 4; // 4×4 supersampling for smooth edges
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return encodePng(size, rgba);
}

function main() {
  const dir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    process.stdout.write(`Skrev ${path.relative(process.cwd(), file)}\n`);
  }
}

if (require.main === module) main();

module.exports = { drawIcon, encodePng };
