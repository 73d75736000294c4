/**
 * The Swedish text of every problem the .xlsx host reports, written once as data. Each message
 * is one line that names the file (its base name) and says what is wrong and, where there is
 * one, what to do.
 */
export const XLSX_MESSAGES = {
  missing: (file: string) => `${file} finns inte.`,
  notAFile: (file: string) => `${file} är en mapp, inte en arbetsbok.`,
  notRegular: (file: string) => `${file} är ingen vanlig fil; spara arbetsboken som en fil och ange den.`,
  unreadable: (file: string, why: string) => `${file} kan inte läsas (${why}).`,
  empty: (file: string) => `${file} är tom (0 byte).`,
  tooLarge: (file: string, size: string) => `${file} är för stor (${size}); Följsam läser arbetsböcker upp till 1 GiB.`,
  encrypted: (file: string) => `${file} är krypterad med lösenord; spara en kopia utan lösenord och försök igen.`,
  oldXls: (file: string) => `${file} är en gammal .xls-fil; spara den som .xlsx i Excel (Spara som > Excel-arbetsbok).`,
  ole: (file: string) =>
    `${file} är antingen krypterad med lösenord eller en gammal .xls-fil; spara en kopia som .xlsx utan lösenord.`,
  notXlsx: (file: string, what: string) => `${file} är ingen .xlsx-fil (${what}).`,
  corrupt: (file: string, what: string) => `${file} är skadad eller ofullständig (${what}); spara om den i Excel.`,
  zipBomb: (file: string, what: string) => `${file} vägrar läsas: ${what}; filen kan vara en så kallad zip-bomb.`,
  notLoadable: (file: string, why: string) => `${file} kan inte läsas som Excel-arbetsbok (${why}); öppna den i Excel och spara om den.`,
  cannotWrite: (file: string, why: string) => `Kan inte skriva ${file}: ${why}.`,
} as const;

/** What a file looks like when it is not a zip, for the notXlsx message. */
export const LOOKS_LIKE = {
  text: "den ser ut som text, kanske CSV; öppna den i Excel och spara som .xlsx",
  xml: "den ser ut som XML, kanske Excel 2003 XML; öppna den i Excel och spara som .xlsx",
  html: "den ser ut som en webbsida (HTML); öppna den i Excel och spara som .xlsx",
  pdf: "den är en PDF-fil",
  unknown: "okänt filformat",
  ods: "den är en OpenDocument-fil (.ods); spara den som .xlsx",
  xlsb: "den är en binär arbetsbok (.xlsb); spara den som .xlsx",
  word: "den är ett Word-dokument",
  powerpoint: "den är en PowerPoint-presentation",
  otherZip: "zip-filen saknar xl/workbook.xml",
} as const;

/** Why a write failed, by Node's error code. */
export const WRITE_REASONS: Record<string, string> = {
  ENOENT: "mappen finns inte",
  ENOTDIR: "mappen finns inte",
  EACCES: "behörighet saknas",
  EPERM: "behörighet saknas, eller filen är öppen i ett annat program",
  EBUSY: "filen är öppen i ett annat program",
  EROFS: "mappen är skrivskyddad",
  ENOSPC: "disken är full",
  EDQUOT: "diskkvoten är slut",
  EISDIR: "det finns en mapp med det namnet",
  ENAMETOOLONG: "sökvägen är för lång",
};

/** Why a read failed, by Node's error code. */
export const READ_REASONS: Record<string, string> = {
  EACCES: "behörighet saknas",
  EPERM: "behörighet saknas",
  EBUSY: "filen är låst av ett annat program",
  EISDIR: "det är en mapp",
  ELOOP: "för många symboliska länkar",
  ENAMETOOLONG: "sökvägen är för lång",
  EIO: "in-/utmatningsfel",
};

/** Why ExcelJS could not load a file that passed the zip checks, by the kind of error it gave. */
export const LOAD_REASONS = {
  xml: (line: string, column: string) => `en del av filen är inte giltig XML, rad ${line}, tecken ${column}`,
  structure: "innehållet är inte uppbyggt som Excel sparar det",
} as const;
