import { basename } from "path";

/** A file's base name as it appears in a one-line message: control characters shown as "?". */
export function fileLabel(path: string): string {
  return basename(path).replace(/[\x00-\x1f\x7f]/g, "?") || path;
}

/** The first line of an error's message, shortened, for a one-line message. */
export function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const line = message.split(/\r?\n/)[0].trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line || "okänt fel";
}
