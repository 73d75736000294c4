import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { makeFinding } from "../engine/finding";
import type { FindingParams } from "../engine/types";
import { findingAdvice, findingMessage, findingTitle, severityLabel } from "./findings";
import { FINDING_TEXTS_EN } from "./findings.en";
import { FINDING_TEXTS } from "./findings.sv";

const where = { sheet: "Drift", cell: "A15", subject: "Stöd till utomstående organisationer" };

describe("the finding string tables", () => {
  it("give every code a Swedish and an English text", () => {
    expect(Object.keys(FINDING_TEXTS_EN).sort()).toEqual(Object.keys(FINDING_TEXTS).sort());
    for (const table of [FINDING_TEXTS, FINDING_TEXTS_EN]) {
      for (const text of Object.values(table)) {
        expect(text.title).not.toBe("");
        expect(text.advice).not.toBe("");
        // Any params, even none, give a sentence with nothing left unfilled.
        const samples: FindingParams[] = [{}, { deviation: "X", status: "Delvis", statusCode: "partial", value: "1", target: "2", column: "Budget" }];
        for (const params of samples) {
          expect(text.message(params)).not.toMatch(/undefined|null|\$\{|NaN/);
        }
      }
    }
  });

  it("render a finding in the language asked for, Swedish by default", () => {
    const f = makeFinding("COMMENT_REQUIRED", "warning", where, { deviation: "-3,2 mnkr" });
    expect(f).not.toHaveProperty("message");
    expect(findingMessage(f)).toBe("Avvikelsen -3,2 mnkr kräver en förklaring.");
    expect(findingMessage(f, "en")).toBe("The deviation -3,2 mnkr requires an explanation.");
    expect(findingTitle("NUMBER_PARSE", "en")).toBe("Not a number");
    expect(findingAdvice("NUMBER_PARSE")).toBe("Skriv ett tal, t.ex. 1 297,1, eller lämna cellen tom.");
    expect(severityLabel("warning", "en")).toBe("Warning");
    expect(severityLabel("warning")).toBe("Varning");
  });

  it("word an indicator's status in the finding's language", () => {
    const params = { status: "Delvis", statusCode: "partial", basis: "actual", valueLabel: "utfall", value: "68,6 %", target: "75 %" };
    const f = makeFinding("COMMENT_REQUIRED", "warning", where, params);
    expect(findingMessage(f)).toBe("Måluppfyllelse Delvis (utfall 68,6 %, årsmål 75 %): en kommentar krävs.");
    expect(findingMessage(f, "en")).toBe("Goal attainment Partial (outcome 68,6 %, annual target 75 %): a comment is required.");
  });
});

describe("the engine", () => {
  it("imports no language: no string table, no Swedish labels", () => {
    const dir = join(__dirname, "..", "engine");
    const sources = readdirSync(dir).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f));
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const imports = readFileSync(join(dir, file), "utf8").match(/from\s+"[^"]+"/g) ?? [];
      expect([file, imports.filter((i) => /i18n|\.sv"|\.en"|labels/.test(i))]).toEqual([file, []]);
    }
  });
});
