import { checklistFor } from "../../shared/applicability";
import type { Answers } from "../../shared/conditions";
import type { Guide, RequirementKind } from "../../shared/guide";
import { describeCondition, describeRequirement } from "../guide/describe";
import { locale, t } from "../i18n";

const KIND_KEYS: Record<RequirementKind, "kindDocument" | "kindData" | "kindStatement"> = {
  document: "kindDocument",
  data: "kindData",
  statement: "kindStatement",
};

interface Props {
  guide: Guide;
  answers: Answers;
  ticked: ReadonlySet<string>;
  onToggle: (requirementId: string) => void;
}

export function Checklist({ guide, answers, ticked, onToggle }: Props) {
  const lang = locale.value;
  const items = checklistFor(guide, answers);
  const shown = items.filter((item) => item.applicability !== "not-applicable");
  const hidden = items.filter((item) => item.applicability === "not-applicable");
  const done = shown.filter((item) => ticked.has(item.requirement.id)).length;
  return (
    <section class="card checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t("checklistTitle")}</h2>
      <p class="progress-text" aria-live="polite">
        {t("checklistProgress", { done, total: shown.length })}
      </p>
      <progress max={shown.length} value={done} aria-hidden="true" />
      <ul class="requirements">
        {shown.map(({ requirement, applicability }) => {
          const detail = describeRequirement(requirement, lang);
          const inputId = `req-${requirement.id}`;
          return (
            <li key={requirement.id} class={applicability === "maybe" ? "maybe" : undefined}>
              <input
                id={inputId}
                type="checkbox"
                checked={ticked.has(requirement.id)}
                onChange={() => onToggle(requirement.id)}
              />
              <label for={inputId}>
                <span class="requirement-label">{requirement.label[lang]}</span>
                <span class="requirement-meta">
                  <span class="kind">{t(KIND_KEYS[requirement.kind])}</span>
                  {detail && <span> · {detail}</span>}
                </span>
                {requirement.when && (
                  <span class="condition">
                    {applicability === "maybe" && <span class="tag maybe-tag">{t("maybeNeeded")}</span>}{" "}
                    {t("onlyIf", { condition: describeCondition(requirement.when, guide, lang) })}
                  </span>
                )}
              </label>
            </li>
          );
        })}
      </ul>
      {hidden.length > 0 && (
        <details class="not-needed">
          <summary>{t("notNeededTitle", { count: hidden.length })}</summary>
          <ul>
            {hidden.map(({ requirement }) => (
              <li key={requirement.id}>{requirement.label[lang]}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
