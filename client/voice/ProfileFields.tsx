import type { SkmProfile } from "../../shared/api/skm";
import { SKM_QUESTIONNAIRE } from "../../shared/skm/questionnaire";
import { pick } from "../../shared/text";
import { locale } from "../i18n";
import { tv } from "./messages";

/** The respondent's profile as the regulation lists it: bands only, every one optional. */
export function ProfileFields({ profile, onChange }: { profile: SkmProfile; onChange: (next: SkmProfile) => void }) {
  const lang = locale.value;
  return (
    <section class="card" aria-labelledby="skm-profile-title">
      <h2 id="skm-profile-title">{tv("profileTitle")}</h2>
      <p class="field-hint">{tv("profileHelp")}</p>
      {SKM_QUESTIONNAIRE.profile.map((question) => (
        <div class="field" key={question.id}>
          <label for={`skm-${question.id}`}>{pick(question.label, lang)}</label>
          <select
            id={`skm-${question.id}`}
            value={profile[question.id] ?? ""}
            onChange={(event) => {
              const value = event.currentTarget.value;
              const next = { ...profile };
              if (value) next[question.id] = value;
              else delete next[question.id];
              onChange(next);
            }}
          >
            <option value="">{tv("skip")}</option>
            {question.options.map((option) => (
              <option key={option.value} value={option.value}>
                {pick(option.label, lang)}
              </option>
            ))}
          </select>
        </div>
      ))}
    </section>
  );
}
