import { createContext, ReactNode, useContext } from "react";
import { en } from "./en";
import { sv, type Strings } from "./sv";

export type { Strings } from "./sv";
export { sv } from "./sv";
export { en } from "./en";

/** Swedish unless Office's display language is something else ("en-US", "de-DE" …). */
export function pickStrings(displayLanguage: string | undefined | null): Strings {
  if (!displayLanguage) return sv;
  return displayLanguage.toLowerCase().startsWith("sv") ? sv : en;
}

/** The language tag for <html lang> and Intl, from the table in use. */
export function languageOf(strings: Strings): "sv" | "en" {
  return strings === en ? "en" : "sv";
}

const StringsContext = createContext<Strings>(sv);

export function StringsProvider({ strings, children }: { strings: Strings; children: ReactNode }) {
  return <StringsContext.Provider value={strings}>{children}</StringsContext.Provider>;
}

export function useStrings(): Strings {
  return useContext(StringsContext);
}
