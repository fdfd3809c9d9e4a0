import type { Context } from "hono";
import { stream } from "hono/streaming";

/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, quotes doubled, fields with
 * a comma, quote, CR or LF quoted, UTF-8 with a BOM so Excel reads the
 * Indonesian names right. Text that a spreadsheet would run as a formula gets
 * a leading apostrophe (CSV injection); numbers are written as numbers.
 */

export type CsvCell = string | number | null | undefined;

export const CSV_BOM = "\uFEFF";

/** Characters that make a spreadsheet treat a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A whole CSV document as one string (small tables and tests). */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = CSV_BOM + csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
}

/**
 * Streams a CSV download. `batches` yields rows a batch at a time (one
 * database page each), so a 100,000-row export never sits whole in memory,
 * and the event loop serves other requests between batches.
 */
export function csvResponse(
  c: Context,
  filename: string,
  header: readonly string[],
  batches: () => Iterable<readonly (readonly CsvCell[])[]>,
): Response {
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  // The app's etag middleware would otherwise read the whole stream to hash it
  // (holding every byte in memory); a per-response tag never falsely matches.
  c.header("ETag", `W/"csv-${crypto.randomUUID()}"`);
  return stream(
    c,
    async (out) => {
      await out.write(CSV_BOM + csvLine(header));
      for (const batch of batches()) {
        if (out.aborted) return;
        let text = "";
        for (const row of batch) text += csvLine(row);
        await out.write(text);
      }
    },
    // A failure half-way must not look like a complete file: cut the connection.
    async (_error, out) => {
      await out.abort();
    },
  );
}
