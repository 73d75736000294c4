/**
 * Pseudo-localisation for tests (as in Script Lab): every string of the table wrapped in ⟦ ⟧, and
 * every function's result too. A text on the page that is not wrapped did not come from the table.
 */
export const OPEN = "⟦";
export const CLOSE = "⟧";

export function pseudoLocalise<T>(table: T): T {
  const wrap = (value: unknown): unknown => {
    if (typeof value === "string") return `${OPEN}${value}${CLOSE}`;
    if (typeof value === "function") return (...args: unknown[]) => `${OPEN}${(value as (...a: unknown[]) => unknown)(...args)}${CLOSE}`;
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrap(v)]));
    return value;
  };
  return wrap(table) as T;
}

/** Text left when every (nested) ⟦…⟧ is taken out; only spacing and punctuation may remain. */
export function outsideTable(text: string): string {
  let rest = text;
  for (;;) {
    const next = rest.replace(/⟦[^⟦⟧]*⟧/g, "");
    if (next === rest) break;
    rest = next;
  }
  return rest.replace(/[\s.,:;!?()[\]–—-]/g, "");
}

const VISIBLE_ATTRIBUTES = ["aria-label", "title", "placeholder", "alt", "aria-valuetext", "aria-description"];

/**
 * Every user-visible text under root that neither comes from the string table nor is data
 * (inside an element marked data-value): text nodes and the attributes a screen reader speaks.
 */
export function hardCodedTexts(root: HTMLElement): string[] {
  const found: string[] = [];
  const isData = (el: Element | null) => el?.closest("[data-value]") != null;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || ["STYLE", "SCRIPT"].includes(parent.tagName) || isData(parent)) continue;
    const text = node.textContent ?? "";
    if (outsideTable(text) !== "") found.push(text);
  }
  for (const el of root.querySelectorAll("*")) {
    if (isData(el)) continue;
    for (const name of VISIBLE_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value !== null && value.trim() !== "" && outsideTable(value) !== "") found.push(`${name}="${value}"`);
    }
  }
  return found;
}
