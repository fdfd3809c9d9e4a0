import { tc } from "../messages";

/** `href` with `sep=semicolon` added to its query. */
export function semicolonHref(href: string): string {
  return `${href}${href.includes("?") ? "&" : "?"}sep=semicolon`;
}

/**
 * Two downloads of one table: the standard comma CSV, and the semicolon one
 * that Excel opens in columns under Indonesian regional settings (where the
 * comma is the decimal mark).
 */
export function CsvLinks({ href, testId }: { href: string; testId: string }) {
  return (
    <p class="csv-links">
      <a class="button small" href={href} download data-testid={`${testId}-csv`}>
        {tc("downloadCsv")}
      </a>
      <a
        class="button small"
        href={semicolonHref(href)}
        download
        data-testid={`${testId}-csv-excel`}
        title={tc("csvExcelHelp")}
      >
        {tc("downloadCsvExcel")}
      </a>
    </p>
  );
}
