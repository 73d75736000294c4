import { wrappedLines, wrappedRowHeights } from "./grid";

describe("row heights for wrapped text", () => {
  // A column 60 wide holds 62 letters a line (60 × 1,05, less one for the cell's margin).
  const word = "aaaaaaaaa"; // 9 letters
  it("breaks at spaces: ten 9-letter words take 6 + 4 words on two lines of a 60-wide column", () => {
    expect(wrappedLines(Array(10).fill(word).join(" "), 60)).toBe(2);
    expect(wrappedLines(Array(6).fill(word).join(" "), 60)).toBe(1);
  });

  it("counts the text's own line breaks, and splits a word longer than the line", () => {
    expect(wrappedLines("rad 1\nrad 2\nrad 3", 60)).toBe(3);
    // Width 10 holds 9 letters: a 20-letter word takes 9 + 9 + 2.
    expect(wrappedLines("x".repeat(20), 10)).toBe(3);
  });

  it("gives 15 points a line to rows whose wrapped cells need more than one, and nothing to the rest", () => {
    const long = Array(10).fill(word).join(" ");
    const heights = wrappedRowHeights(
      [
        [{ v: "Kort", styles: ["wrap"] }],
        [{ v: long, styles: ["wrap"] }],
        [{ v: long }],
        [{ v: `${long} ${long}`, styles: ["header"] }],
      ],
      [60],
    )!;
    expect([heights[0], heights[1], heights[2], heights[3]]).toEqual([undefined, 30, undefined, 60]);
  });
});
