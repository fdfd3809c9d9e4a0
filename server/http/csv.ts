import type { Context } from "hono";

/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, quotes doubled, fields with
 * the separator, a quote, CR or LF quoted, UTF-8 with a BOM so Excel reads
 * the Indonesian names right. Text that a spreadsheet would run as a formula
 * gets a leading apostrophe (CSV injection); numbers are written as numbers.
 *
 * Two dialects. The comma one is the standard. The semicolon one is what
 * Excel expects where the comma is the decimal mark (Indonesian regional
 * settings): a comma-separated file opens there as one column per line, and
 * "66.7" is read as text or a date. So it separates with ";" and writes
 * decimals with a comma ("66,7").
 */

export type CsvCell = string | number | null | undefined;

export interface CsvDialect {
  separator: "," | ";";
  decimalComma: boolean;
}

export const COMMA_CSV: CsvDialect = { separator: ",", decimalComma: false };
export const SEMICOLON_CSV: CsvDialect = { separator: ";", decimalComma: true };

/** The dialect a request asked for with `?sep=` (see CsvSeparator in shared/api/console.ts). */
export function csvDialect(separator: "comma" | "semicolon" | undefined): CsvDialect {
  return separator === "semicolon" ? SEMICOLON_CSV : COMMA_CSV;
}

export const CSV_BOM = "\uFEFF";

/** Characters that make a spreadsheet treat a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES: Record<CsvDialect["separator"], RegExp> = { ",": /[",\r\n]/, ";": /[";\r\n]/ };

export function csvCell(value: CsvCell, dialect: CsvDialect = COMMA_CSV): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    const text = String(value);
    return dialect.decimalComma ? text.replace(".", ",") : text;
  }
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES[dialect.separator].test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvLine(cells: readonly CsvCell[], dialect: CsvDialect = COMMA_CSV): string {
  return `${cells.map((cell) => csvCell(cell, dialect)).join(dialect.separator)}\r\n`;
}

type CsvBatch = readonly (readonly CsvCell[])[];

/**
 * Streams a CSV download. `batches` yields rows a batch at a time (one
 * database page each; an async generator when the page is read with await)
 * and is pulled only as the client reads, so a
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
  batches: () => Iterable<CsvBatch> | AsyncIterable<CsvBatch>,
  dialect: CsvDialect = COMMA_CSV,
): Response {
  const encoder = new TextEncoder();
  let rows: Iterator<CsvBatch> | AsyncIterator<CsvBatch> | undefined;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!rows) {
        const source = batches();
        rows = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(header, dialect)));
        return;
      }
      // An empty batch enqueues nothing, and a pull that enqueues nothing is not called again
      // while a read waits: go on to the next batch until there is text or the end.
      for (;;) {
        const next = await rows.next();
        if (next.done) {
          controller.close();
          return;
        }
        let text = "";
        for (const row of next.value) text += csvLine(row, dialect);
        if (text !== "") {
          controller.enqueue(encoder.encode(text));
          return;
        }
      }
    },
    async cancel() {
      await rows?.return?.();
    },
  });
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  return c.body(body);
}
