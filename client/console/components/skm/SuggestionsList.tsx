import type { SkmSuggestion } from "../../../../shared/api/skm";
import { guidesById } from "../../../catalogue/store";
import { formatDay } from "../../../format";
import { locale } from "../../../i18n";
import { tv } from "../../voice-messages";

/** The citizens' open suggestions, newest first as the server lists them, with only the day and the service. */
export function SuggestionsList({ suggestions, more }: { suggestions: SkmSuggestion[]; more: boolean }) {
  const lang = locale.value;
  return (
    <section class="card" aria-labelledby="skm-suggestions-title">
      <h2 id="skm-suggestions-title">{tv("skmSuggestions")}</h2>
      {suggestions.length === 0 ? (
        <p class="muted">{tv("skmSuggestionsNone")}</p>
      ) : (
        <ul class="skm-suggestions" data-testid="skm-suggestions">
          {suggestions.map((item, index) => (
            <li key={`${item.answeredOn}-${index}`}>
              <p class="complaint-text">{item.text}</p>
              <p class="small muted">
                {formatDay(item.answeredOn, lang)}
                {item.guideId ? ` · ${guidesById.value.get(item.guideId)?.title[lang] ?? item.guideId}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      {more && <p class="muted small">{tv("skmSuggestionsMore")}</p>}
    </section>
  );
}
