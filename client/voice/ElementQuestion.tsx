import type { SkmElement } from "../../shared/skm/questionnaire";
import { pick } from "../../shared/text";
import { locale } from "../i18n";
import { tv } from "./messages";

interface Props {
  element: SkmElement;
  index: number;
  total: number;
  value: number | undefined;
  error: boolean;
  onChange: (score: number) => void;
}

/** One of the nine questions: a radiogroup of four big answers, worst first, as the regulation prints them. */
export function ElementQuestion({ element, index, total, value, error, onChange }: Props) {
  const lang = locale.value;
  const name = `skm-${element.id}`;
  return (
    <fieldset
      id={`q-${element.id}`}
      class={`card skm-question${error ? " has-error" : ""}`}
      aria-describedby={error ? `${name}-error` : undefined}
      data-testid="skm-question"
    >
      <legend>
        <span class="skm-count">{tv("questionCount", { n: index + 1, total })}</span>
        <span class="skm-element">{pick(element.name, lang)}</span>
        <span class="skm-text">{pick(element.question, lang)}</span>
      </legend>
      <div class="skm-answers">
        {element.answers.map((answer, i) => (
          <label key={answer.id} class={`skm-answer${value === i + 1 ? " chosen" : ""}`}>
            <input
              type="radio"
              name={name}
              value={String(i + 1)}
              checked={value === i + 1}
              onChange={() => onChange(i + 1)}
            />
            <span>{pick(answer, lang)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p class="field-error" id={`${name}-error`}>
          {tv("unansweredOne")}
        </p>
      )}
    </fieldset>
  );
}
