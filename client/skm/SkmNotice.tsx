import "./skm.css";
import type { SkmResults } from "../../shared/api/skm";
import { periodLabel } from "../../shared/skm/period";
import { formatDateTime } from "../format";
import { locale } from "../i18n";
import { ElementScores } from "./ElementScores";
import { FollowUpTable } from "./FollowUpTable";
import { IkmFigure } from "./IkmFigure";
import { ts } from "./skm-words";

/**
 * The public notice of the index, as offices post it (one A4 page): the
 * office, period, IKM and category, respondents against the minimum sample,
 * each element's score and the follow-up plans. The console prints it and the
 * public /skm page shows the very same component, so both say the same thing.
 */
export function SkmNotice({
  results,
  serviceName,
  headingLevel = 2,
}: {
  results: SkmResults;
  serviceName?: string | null;
  headingLevel?: 1 | 2;
}) {
  const lang = locale.value;
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const Sub = headingLevel === 1 ? "h2" : "h3";
  return (
    <article class="skm-notice" aria-labelledby="skm-notice-title" data-testid="skm-notice">
      <header class="skm-notice-head">
        <p class="skm-kicker">{ts("noticeSubtitle")}</p>
        <Heading id="skm-notice-title">{ts("noticeTitle")}</Heading>
        <dl class="skm-meta">
          <div>
            <dt>{ts("office")}</dt>
            <dd data-testid="skm-office">{results.office[lang]}</dd>
          </div>
          <div>
            <dt>{ts("period")}</dt>
            <dd data-testid="skm-period">{periodLabel(results.period, lang)}</dd>
          </div>
          <div>
            <dt>{ts("service")}</dt>
            <dd>{serviceName ?? results.guideId ?? ts("allServices")}</dd>
          </div>
        </dl>
      </header>
      <IkmFigure results={results} />
      <ElementScores elements={results.elements} />
      <section class="skm-notice-follow-ups" aria-labelledby="skm-follow-ups-title">
        <Sub id="skm-follow-ups-title">{ts("followUpsTitle")}</Sub>
        <FollowUpTable followUps={results.followUps} elements={results.elements} />
      </section>
      <footer class="skm-notice-foot small muted">
        <p>{ts("basis")}</p>
        <p>{ts("asOf", { date: formatDateTime(new Date(results.asOf), lang) })}</p>
      </footer>
    </article>
  );
}
