import { guidesById } from "../../catalogue/store";
import { locale } from "../../i18n";
import { onLinkClick } from "../../router";
import { SkmNotice } from "../../skm/SkmNotice";
import { ErrorNote } from "../components/Notice";
import { loadSkmReport, selectionFrom, selectionQuery } from "../components/skm/skm-api";
import { tc } from "../messages";
import { consolePaths } from "../routes";
import { useLoad } from "../use-load";
import { tv } from "../voice-messages";

/** The printable public notice (one A4 page); printing leaves out everything but the notice. */
export function SkmNoticeScreen() {
  const selection = selectionFrom(window.location.search);
  const query = selectionQuery(selection);
  const report = useLoad(`skm-notice${query}`, () => loadSkmReport(selection));
  const results = report.data?.results;
  const service = results?.guideId ? guidesById.value.get(results.guideId)?.title[locale.value] : null;
  return (
    <section class="skm-notice-screen">
      <div class="no-print skm-notice-tools">
        <a class="back-link" href={consolePaths.skm} onClick={onLinkClick}>
          ← {tv("noticeBack")}
        </a>
        <p class="muted small">{tv("noticeHelp")}</p>
        <button type="button" class="button primary" onClick={() => window.print()} disabled={!results}>
          {tv("noticePrint")}
        </button>
      </div>
      {report.error !== null && <ErrorNote error={report.error} onRetry={report.reload} />}
      {report.loading && !results && <p class="muted">{tc("loading")}</p>}
      {results && <SkmNotice results={results} serviceName={service ?? null} headingLevel={1} />}
    </section>
  );
}
