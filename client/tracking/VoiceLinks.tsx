import { onLinkClick } from "../router";
import { tt } from "./messages";

/**
 * The citizen's voice from the status page: the satisfaction survey once the
 * office has decided the file, and a complaint from any status page.
 */
export function VoiceLinks({ number, decided }: { number: string | null; decided: boolean }) {
  const tail = number ? `/${encodeURIComponent(number)}` : "";
  return (
    <section class="card lacak-voice no-print" data-testid="lacak-voice">
      {decided && (
        <p>
          <a class="button primary wide" href={`/survei${tail}`} onClick={onLinkClick} data-testid="survey-link">
            {tt("surveyLink")}
          </a>
          <span class="field-hint">{tt("surveyHelp")}</span>
        </p>
      )}
      <p>
        <a class="button wide" href={`/pengaduan${tail}`} onClick={onLinkClick} data-testid="complaint-link">
          {tt("complaintLink")}
        </a>
        <span class="field-hint">{tt("complaintHelp")}</span>
      </p>
      {/* On the landing page (no number): the offices' published index, as PermenPANRB 14/2017 asks. */}
      {!number && (
        <p>
          <a class="button wide" href="/skm" onClick={onLinkClick} data-testid="skm-link">
            {tt("skmLink")}
          </a>
          <span class="field-hint">{tt("skmHelp")}</span>
        </p>
      )}
    </section>
  );
}
