import { ElementScores } from "../../skm/ElementScores";
import { IkmFigure } from "../../skm/IkmFigure";
import "../../skm/skm.css";
import { periodLabel } from "../../../shared/skm/period";
import { locale } from "../../i18n";
import { onLinkClick } from "../../router";
import { ErrorNote } from "../components/Notice";
import { FollowUpPlans } from "../components/skm/FollowUpPlans";
import { SkmControls } from "../components/skm/SkmControls";
import { SuggestionsList } from "../components/skm/SuggestionsList";
import { loadSkmReport, selectionQuery, skmSelection } from "../components/skm/skm-api";
import { tc } from "../messages";
import { consolePaths } from "../routes";
import { currentUser } from "../session";
import { useLoad } from "../use-load";
import { tv } from "../voice-messages";

/**
 * The satisfaction survey's report: the IKM with its category, respondents
 * against the minimum sample, each element weakest first, the suggestions,
 * the follow-up plans, and links to the printable notice and the CSV.
 */
export function SkmScreen() {
  const user = currentUser();
  const ownOffice = user.role === "operator" ? user.kecamatanCode : null;
  const selection = skmSelection.value;
  const query = selectionQuery(selection);
  const report = useLoad(`skm${query}`, () => loadSkmReport(selection));
  const data = report.data;
  const results = data?.results;
  return (
    <section aria-labelledby="skm-title" class="skm-screen">
      <h1 id="skm-title">{tv("skmTitle")}</h1>
      <p class="muted small">{tv("skmHelp")}</p>
      <SkmControls
        selection={selection}
        ownOffice={ownOffice}
        onChange={(next) => {
          skmSelection.value = next;
        }}
      />
      {report.error !== null && <ErrorNote error={report.error} onRetry={report.reload} />}
      {report.loading && !data && <p class="muted">{tc("loading")}</p>}
      {results && data && (
        <div aria-live="polite">
          <section class="card" aria-labelledby="skm-figure-title">
            <h2 id="skm-figure-title">
              {results.office[locale.value]} · {periodLabel(results.period, locale.value)}
            </h2>
            <IkmFigure results={results} />
            <p class="actions">
              <a
                class="button primary small"
                href={`${consolePaths.skmNotice}${query}`}
                onClick={onLinkClick}
                data-testid="skm-print-link"
              >
                {tv("skmPrint")}
              </a>
              <a class="button small" href={`/api/console/skm/responses.csv${query}`} download>
                {tv("skmCsv")}
              </a>
            </p>
          </section>
          <section class="card">
            <ElementScores elements={results.elements} weakest />
          </section>
          <FollowUpPlans
            period={results.period}
            kecamatanCode={results.kecamatanCode}
            elements={results.elements}
            followUps={results.followUps}
            onChanged={report.reload}
          />
          <SuggestionsList suggestions={data.suggestions} more={data.moreSuggestions} />
        </div>
      )}
    </section>
  );
}
