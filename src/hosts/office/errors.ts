/**
 * Office's errors as the user should hear of them. Excel rejects a sync with an
 * `OfficeExtension.Error` (name "RichApi.Error") whose `code` is one of `Excel.ErrorCodes` or
 * OfficeExtension's own; this turns it into a kind and one sentence, in Swedish and in English,
 * that says what happened and what to do next. The task pane shows that sentence beside the action
 * that failed.
 */

export type OfficeErrorKind = "payloadTooLarge" | "protectedSheet" | "editMode" | "sheetMissing" | "other";

export interface OfficeErrorDescription {
  kind: OfficeErrorKind;
  /** Office's code ("AccessDenied" …), or null for an error that did not come from Office. */
  code: string | null;
  sv: string;
  en: string;
}

const KIND_BY_CODE: Record<string, OfficeErrorKind> = {
  RequestPayloadSizeLimitExceeded: "payloadTooLarge",
  ResponsePayloadSizeLimitExceeded: "payloadTooLarge",
  PayloadTooLarge: "payloadTooLarge",
  AccessDenied: "protectedSheet",
  InvalidOperationInCellEditMode: "editMode",
  ItemNotFound: "sheetMissing",
};

const SENTENCES: Record<Exclude<OfficeErrorKind, "other">, { sv: string; en: string }> = {
  payloadTooLarge: {
    sv: "Excel tog inte emot så mycket data i ett anrop (Excel på webben tar högst 5 MB). Försök igen; hjälper det inte, flytta stora blad som inte hör till uppföljningen till en annan arbetsbok.",
    en: "Excel refused to move that much data in one call (Excel on the web takes at most 5 MB). Try again; if that does not help, move large sheets that are not part of the follow-up to another workbook.",
  },
  protectedSheet: {
    sv: "Ett blad eller arbetsbokens struktur är skyddat, så Följsam får inte ändra det. Ta bort skyddet (Granska > Ta bort skydd) och försök igen.",
    en: "A sheet or the workbook structure is protected, so Följsam may not change it. Remove the protection (Review > Unprotect) and try again.",
  },
  editMode: {
    sv: "Excel redigerar en cell just nu. Tryck Enter eller Esc för att lämna cellen och försök igen.",
    en: "Excel is editing a cell right now. Press Enter or Esc to leave the cell and try again.",
  },
  sheetMissing: {
    sv: "Ett blad som Följsam använder har bytt namn eller tagits bort under tiden. Läs arbetsboken igen under Hitta och försök sedan igen.",
    en: "A sheet Följsam uses was renamed or deleted meanwhile. Read the workbook again under Find and then try again.",
  },
};

/** Office's error code when `e` is an Office error (a RichApi.Error or the fake's equivalent). */
export function officeErrorCode(e: unknown): string | null {
  if (typeof e !== "object" || e === null) return null;
  const { code, name } = e as { code?: unknown; name?: unknown };
  if (typeof code !== "string" || code === "") return null;
  return name === "RichApi.Error" || name === "OfficeExtension.Error" || "debugInfo" in e ? code : null;
}

/** Whether `e` is an Office error, optionally with this code. */
export function isOfficeError(e: unknown, code?: string): boolean {
  const found = officeErrorCode(e);
  return found !== null && (code === undefined || found === code);
}

/** The kind of an Office error and the sentence for it; "other" for anything else Office says. */
export function describeOfficeError(e: unknown): OfficeErrorDescription {
  const code = officeErrorCode(e);
  const kind = code === null ? "other" : (KIND_BY_CODE[code] ?? "other");
  if (kind !== "other") return { kind, code, ...SENTENCES[kind] };
  const detail = e instanceof Error ? e.message : String(e);
  const said = code === null ? detail : `${code}: ${detail}`;
  return {
    kind,
    code,
    sv: `Excel kunde inte utföra åtgärden (${said}). Försök igen; kvarstår felet, spara arbetsboken, öppna den på nytt och försök igen.`,
    en: `Excel could not carry out the action (${said}). Try again; if the error remains, save the workbook, open it again and try once more.`,
  };
}

/** An Office error as the host hands it on: typed, with its sentences, the original as `cause`. */
export class OfficeHostError extends Error {
  readonly kind: OfficeErrorKind;
  readonly code: string | null;
  readonly sv: string;
  readonly en: string;
  readonly cause: unknown;

  constructor(description: OfficeErrorDescription, cause: unknown) {
    super(description.sv);
    this.name = "OfficeHostError";
    this.kind = description.kind;
    this.code = description.code;
    this.sv = description.sv;
    this.en = description.en;
    this.cause = cause;
  }
}

/** Wraps an Office error in OfficeHostError; any other error is returned as it is. */
export function toHostError(e: unknown): unknown {
  if (e instanceof OfficeHostError || !isOfficeError(e)) return e;
  return new OfficeHostError(describeOfficeError(e), e);
}
