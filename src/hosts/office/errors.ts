/**
 * STAND-IN (task-pane half of issue 9), to be replaced by the Office host's own module with the
 * same signature: Office errors as one sentence, Swedish and English, with a next step.
 * `RichApi.Error` carries a `code` from Excel.ErrorCodes; anything else is "other".
 */
export type OfficeErrorKind = "payloadTooLarge" | "protected" | "editMode" | "sheetGone" | "busy" | "other";

export interface DescribedOfficeError {
  kind: OfficeErrorKind;
  sv: string;
  en: string;
}

function codeOf(e: unknown): string | null {
  if (typeof e !== "object" || e === null) return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

const TEXTS: Record<OfficeErrorKind, { sv: string; en: string }> = {
  payloadTooLarge: {
    sv: "Excel vägrade ta emot så mycket data på en gång. Stäng andra tillägg, spara arbetsboken och försök igen; hjälper det inte, flytta stora blad som inte hör till uppföljningen till en annan arbetsbok.",
    en: "Excel refused to transfer that much data at once. Close other add-ins, save the workbook and try again; if that does not help, move large sheets that are not part of the follow-up to another workbook.",
  },
  protected: {
    sv: "Ett blad eller arbetsboken är skyddad, så Följsam kan inte skriva. Ta bort skyddet (Granska > Ta bort skydd) och försök igen.",
    en: "A sheet or the workbook is protected, so Följsam cannot write. Remove the protection (Review > Unprotect) and try again.",
  },
  editMode: {
    sv: "Excel redigerar en cell just nu. Tryck Enter eller Esc i cellen och försök igen.",
    en: "Excel is editing a cell right now. Press Enter or Esc in the cell and try again.",
  },
  sheetGone: {
    sv: "Ett blad har bytt namn eller tagits bort under tiden. Läs arbetsboken igen under Hitta och försök sedan igen.",
    en: "A sheet was renamed or deleted meanwhile. Read the workbook again under Hitta, then try again.",
  },
  busy: {
    sv: "Excel är upptaget just nu. Vänta en stund och försök igen.",
    en: "Excel is busy right now. Wait a moment and try again.",
  },
  other: {
    sv: "Excel kunde inte utföra åtgärden. Spara arbetsboken, stäng och öppna tillägget och försök igen.",
    en: "Excel could not carry out the action. Save the workbook, close and reopen the add-in, and try again.",
  },
};

const KINDS: Record<string, OfficeErrorKind> = {
  RequestPayloadSizeLimitExceeded: "payloadTooLarge",
  ResponsePayloadSizeLimitExceeded: "payloadTooLarge",
  AccessDenied: "protected",
  InvalidOperationInCellEditMode: "editMode",
  ItemNotFound: "sheetGone",
  InvalidReference: "sheetGone",
  ActivityLimitReached: "busy",
  RequestAborted: "busy",
  ServiceNotAvailable: "busy",
  Conflict: "busy",
};

/** Whether `e` came from Excel (a RichApi.Error / OfficeExtension.Error) rather than from Följsam. */
export function isOfficeError(e: unknown): boolean {
  return codeOf(e) !== null && e instanceof Error && (e.name === "RichApi.Error" || e.name === "OfficeExtension.Error" || "debugInfo" in e);
}

export function describeOfficeError(e: unknown): DescribedOfficeError {
  const code = codeOf(e);
  const kind = (code !== null ? KINDS[code] : undefined) ?? "other";
  return { kind, ...TEXTS[kind] };
}
