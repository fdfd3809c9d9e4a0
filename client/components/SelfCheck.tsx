import type { Answers, AnswerValue } from "../../shared/conditions";
import type { Guide } from "../../shared/guide";
import { locale, t } from "../i18n";

interface Props {
  guide: Guide;
  answers: Answers;
  onAnswer: (questionId: string, value: AnswerValue) => void;
  onReset: () => void;
  /** The drafts screen asks the same questions under its own heading. */
  title?: string;
}

/** The citizen's self-check: the guide's own questions, no account needed. */
export function SelfCheck({ guide, answers, onAnswer, onReset, title }: Props) {
  if (guide.questions.length === 0) return null;
  const lang = locale.value;
  const answered = Object.values(answers).some((value) => value !== undefined);
  return (
    <section class="card self-check" aria-labelledby="self-check-title">
      <h2 id="self-check-title">{title ?? t("selfCheckTitle")}</h2>
      {!title && <p class="muted">{t("selfCheckHelp")}</p>}
      {guide.questions.map((question) => {
        const options =
          question.kind === "yes-no"
            ? [
                { value: true as AnswerValue, label: t("yes") },
                { value: false as AnswerValue, label: t("no") },
              ]
            : question.options.map((option) => ({ value: option.value as AnswerValue, label: option.label[lang] }));
        return (
          <fieldset key={question.id} class="question">
            <legend>{question.text[lang]}</legend>
            {question.help && <p class="muted small">{question.help[lang]}</p>}
            <div class="segmented">
              {options.map((option) => (
                <label key={String(option.value)}>
                  <input
                    type="radio"
                    name={`q-${question.id}`}
                    checked={answers[question.id] === option.value}
                    onChange={() => onAnswer(question.id, option.value)}
                  />
                  <span>{option.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      {answered && (
        <button type="button" class="button ghost small" onClick={onReset}>
          {t("resetAnswers")}
        </button>
      )}
    </section>
  );
}
