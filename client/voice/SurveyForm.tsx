import { useRef, useState } from "preact/hooks";
import { MAX_SUGGESTION_LENGTH } from "../../shared/api/skm";
import { SKM_QUESTIONNAIRE } from "../../shared/skm/questionnaire";
import { ElementQuestion } from "./ElementQuestion";
import { tv } from "./messages";
import { DistrictSelect, ServiceSelect } from "./Pickers";
import { ProfileFields } from "./ProfileFields";
import { emptySurvey, type SurveyDraft, type SurveyProblems, surveyProblems } from "./validate";

interface Props {
  /** Without a file the citizen names the office (and may name the service). */
  needsOffice: boolean;
  busy: boolean;
  onSubmit: (draft: SurveyDraft) => void;
}

/** The nine questions, the optional profile and a suggestion; checked before anything is saved. */
export function SurveyForm({ needsOffice, busy, onSubmit }: Props) {
  const [draft, setDraft] = useState<SurveyDraft>(emptySurvey);
  // Whether to show the problems: computed on each render, so they follow the draft and the language.
  const [checked, setChecked] = useState(false);
  const found = surveyProblems(draft, needsOffice);
  const problems: SurveyProblems | null = checked && found.summary ? found : null;
  const summary = useRef<HTMLParagraphElement>(null);
  const total = SKM_QUESTIONNAIRE.elements.length;

  const change = (next: SurveyDraft) => setDraft(next);

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setChecked(true);
    if (found.summary) {
      // The first thing to fix gets the focus (and scrolls into view); the summary names them all.
      const first = found.office
        ? document.getElementById("skm-office")
        : document.querySelector<HTMLInputElement>(`#q-${found.missing[0]} input`);
      first?.focus();
      first?.scrollIntoView({ block: "center" });
      return;
    }
    onSubmit(draft);
  };

  return (
    <form class="voice-form" onSubmit={submit} noValidate>
      {needsOffice && (
        <section class="card">
          <div class={`field${problems?.office ? " has-error" : ""}`}>
            <label for="skm-office">{tv("surveyOfficeLabel")}</label>
            <DistrictSelect
              id="skm-office"
              value={draft.kecamatanCode}
              error={problems?.office}
              onChange={(kecamatanCode) => change({ ...draft, kecamatanCode })}
            />
            {problems?.office && (
              <p class="field-error" id="skm-office-error">
                {problems.office}
              </p>
            )}
          </div>
          <div class="field">
            <label for="skm-service">{tv("surveyServiceLabel")}</label>
            <ServiceSelect
              id="skm-service"
              value={draft.guideId}
              onChange={(guideId) => change({ ...draft, guideId })}
            />
          </div>
        </section>
      )}
      {SKM_QUESTIONNAIRE.elements.map((element, index) => (
        <ElementQuestion
          key={element.id}
          element={element}
          index={index}
          total={total}
          value={draft.answers[element.id]}
          error={!!problems?.missing.includes(element.id)}
          onChange={(score) => change({ ...draft, answers: { ...draft.answers, [element.id]: score } })}
        />
      ))}
      <ProfileFields profile={draft.profile} onChange={(profile) => change({ ...draft, profile })} />
      <section class="card">
        <div class="field">
          <label for="skm-suggestion">{tv("suggestionLabel")}</label>
          <textarea
            id="skm-suggestion"
            rows={4}
            maxLength={MAX_SUGGESTION_LENGTH}
            value={draft.suggestion}
            aria-describedby="skm-suggestion-hint"
            onInput={(event) => change({ ...draft, suggestion: event.currentTarget.value })}
          />
          <p class="field-hint" id="skm-suggestion-hint">
            {tv("suggestionHint")}
          </p>
        </div>
      </section>
      <p class="voice-anonymous">{tv("anonymousNote")}</p>
      <p
        ref={summary}
        class={problems?.summary ? "card error-banner" : "visually-hidden"}
        role="alert"
        data-testid="skm-problems"
      >
        {problems?.summary ?? ""}
      </p>
      <button type="submit" class="button primary wide voice-submit" aria-disabled={busy ? "true" : undefined}>
        {tv("submitSurvey")}
      </button>
    </form>
  );
}
