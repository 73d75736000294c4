/**
 * The zip writer's compressor: chunks pushed as they are written come out as one deflate stream
 * whose CRC and size are those of all the chunks; a chunk's buffer is given back only once zlib
 * has taken it in, so writing into it again cannot change what is compressed.
 */
import { inflateRawSync } from "zlib";
import { crc32, Deflater, writeZip } from "./zipWrite";
import { entryData, readCentralDirectory } from "./zipCheck";

function text(n: number, seed: number): Buffer {
  let s = "";
  for (let i = 0; i < n; i++) s += `<row r="${i + seed}"><c r="A${i + seed}"><v>${(i * 7919 + seed) % 100_003}</v></c></row>`;
  return Buffer.from(s, "latin1");
}

describe("Deflater", () => {
  it("compresses chunks pushed one after the other into one stream, with their CRC and size", async () => {
    const chunks = [text(20_000, 1), text(1, 9), text(50_000, 3)];
    const d = new Deflater(1);
    chunks.forEach((c, i) => d.push(c, i === chunks.length - 1));
    const whole = Buffer.concat(chunks);
    const body = Buffer.concat(await d.body());
    expect(inflateRawSync(body).equals(whole)).toBe(true);
    expect(d.size).toBe(whole.length);
    expect(d.crc).toBe(crc32(whole));
  });

  it("gives a chunk's buffer back only after zlib took it in, so it can be written again", async () => {
    const d = new Deflater(1);
    const buffer = Buffer.alloc(1 << 20);
    const expected: Buffer[] = [];
    let current: Buffer | undefined = buffer;
    for (let k = 0; k < 6; k++) {
      if (!current) {
        await d.settle(0);
        current = d.spare();
      }
      expect(current).toBeDefined();
      const piece = text(10_000, k * 10_000);
      piece.copy(current!);
      const chunk = current!.subarray(0, piece.length);
      expected.push(Buffer.from(chunk));
      d.push(chunk, false, current!);
      current = undefined;
    }
    const body = Buffer.concat(await d.body());
    expect(inflateRawSync(body).equals(Buffer.concat(expected))).toBe(true);
  });

  it("makes a zip whose parts read back as written", async () => {
    const d = new Deflater(4);
    d.push(text(3_000, 5), true);
    const zip = await writeZip([
      { name: "a.xml", chunks: [Buffer.from("<a/>")] },
      { name: "b.xml", deflater: d },
      { name: "tom.xml", chunks: [] },
    ]);
    const entries = readCentralDirectory(zip, "t.zip");
    expect(entries.map((e) => e.name)).toEqual(["a.xml", "b.xml", "tom.xml"]);
    expect(entryData(zip, entries[0], "t.zip").toString()).toBe("<a/>");
    expect(entryData(zip, entries[1], "t.zip").equals(text(3_000, 5))).toBe(true);
    expect(entryData(zip, entries[2], "t.zip").length).toBe(0);
  });
});
