/**
 * Whether a locale-invariant number format code (as Office.js `numberFormat` returns it) shows
 * a date or time. Quoted literals, escaped characters and bracketed parts ([Red], [$-41D], [h])
 * are ignored, and only the first section (positive numbers) decides. "åå" and "dd" cover a
 * code that came through in Swedish form.
 */
export function isDateFormat(code: string | null | undefined): boolean {
  if (!code || code === "General" || code === "@") return false;
  const section = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "")
    .split(";")[0];
  return /[dmyåh]/i.test(section);
}
