import type { Context } from "hono";

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

/**
 * Streams a CSV download. `batches` yields rows a batch at a time (one
 * database page each) and is pulled only as the client reads, so a
 * 100,000-row export never sits whole in memory and other requests are
 * served between batches. A plain pull stream rather than hono's stream()
 * helper: that one ends a failed stream normally, and a half-written file
 * must not look complete, so here a failure errors the stream and the
 * connection is cut.
 */
export function csvResponse(
  c: Context,
  filename: string,
  header: readonly string[],
  batches: () => Iterable<readonly (readonly CsvCell[])[]>,
): Response {
  const encoder = new TextEncoder();
  let rows: Iterator<readonly (readonly CsvCell[])[]> | undefined;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!rows) {
        rows = batches()[Symbol.iterator]();
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(header)));
        return;
      }
      const next = rows.next();
      if (next.done) {
        controller.close();
        return;
      }
      let text = "";
      for (const row of next.value) text += csvLine(row);
      if (text !== "") controller.enqueue(encoder.encode(text));
    },
    cancel() {
      rows?.return?.();
    },
  });
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  // The app's etag middleware would otherwise read the whole stream to hash it
  // (holding every byte in memory); a per-response tag never falsely matches.
  c.header("ETag", `W/"csv-${crypto.randomUUID()}"`);
  return c.body(body);
}
