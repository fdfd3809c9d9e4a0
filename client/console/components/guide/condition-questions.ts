import type { AnswerValue } from "../../../../shared/conditions";
import { locale, t } from "../../../i18n";
import type { QuestionChoice } from "../../condition-form";

export interface QuestionOption extends QuestionChoice {
  /** The question's text in the UI language, or its id while it has none. */
  label: string;
  answers: { value: string; label: string; answer: AnswerValue }[];
}

type Localized = { id?: string; en?: string } | undefined;
type DraftQuestion = {
  id?: unknown;
  kind?: unknown;
  text?: Localized;
  options?: { value?: unknown; label?: Localized }[];
};

function textOf(text: Localized, fallback: string): string {
  const lang = locale.value;
  return text?.[lang]?.trim() || text?.id?.trim() || fallback;
}

/**
 * The draft's questions as the condition form lists them. A draft may be
 * half written: questions without an id are left out until they have one.
 */
export function questionOptions(raw: unknown): QuestionOption[] {
  if (!Array.isArray(raw)) return [];
  const options: QuestionOption[] = [];
  for (const question of raw as DraftQuestion[]) {
    if (typeof question?.id !== "string" || question.id === "") continue;
    const label = textOf(question.text, question.id);
    if (question.kind === "choice") {
      const answers = (question.options ?? [])
        .filter((o): o is { value: string; label?: Localized } => typeof o?.value === "string" && o.value !== "")
        .map((o) => ({ value: o.value, label: textOf(o.label, o.value), answer: o.value }));
      options.push({ id: question.id, kind: "choice", label, answers, values: answers.map((a) => a.answer) });
    } else {
      const answers = [
        { value: "true", label: t("yes"), answer: true },
        { value: "false", label: t("no"), answer: false },
      ];
      options.push({ id: question.id, kind: "yes-no", label, answers, values: [true, false] });
    }
  }
  return options;
}

/** An answer as a select's value: "true"/"false" for yes-no, the option's own value otherwise. */
export function answerKey(value: AnswerValue): string {
  return String(value);
}

export function answerOf(question: QuestionOption | undefined, key: string): AnswerValue {
  return question?.answers.find((a) => a.value === key)?.answer ?? key;
}
