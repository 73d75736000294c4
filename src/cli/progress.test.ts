import { Progress, progressLine } from "./progress";

describe("the progress line", () => {
  it("draws a bar with the share done when the fraction is known", () => {
    expect(progressLine("Läser 9 av 30: a.xlsx", 0.3, "4")).toBe("[██████░░░░░░░░░░░░░░]  30 % Läser 9 av 30: a.xlsx (4 s)");
    expect(progressLine("Sammanställer", 1, "12")).toBe("[████████████████████] 100 % Sammanställer (12 s)");
    expect(progressLine("Beräknar", null, "2")).toBe("Beräknar (2 s)");
    expect(progressLine("x".repeat(80), 0, "1")).toBe(`[░░░░░░░░░░░░░░░░░░░░]   0 % ${"x".repeat(59)}… (1 s)`);
  });

  it("writes nothing when standard error is not a terminal", () => {
    const written: string[] = [];
    const stream = { isTTY: false, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const p = new Progress(stream);
    p.set("Läser 1 av 2: a.xlsx", 0);
    p.done();
    expect(written).toEqual([]);
  });
});
