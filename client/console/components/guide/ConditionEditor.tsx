import { useState } from "preact/hooks";
import type { Condition } from "../../../../shared/conditions";
import type { Guide } from "../../../../shared/guide";
import { describeCondition } from "../../../guide/describe";
import { locale } from "../../../i18n";
import { type ConditionGroup, fromForm, toForm } from "../../condition-form";
import { fieldId, type Path } from "../../guide-editing";
import { tc } from "../../messages";
import type { Editor } from "../GuideFields";
import { GroupFields } from "./ConditionGroupFields";
import { questionOptions } from "./condition-questions";

/**
 * When a requirement applies (or a rule is checked), chosen from the guide's
 * own questions and answers, never typed. The form keeps its own rows while
 * they stand for what the draft holds (a one-row "any" group is the same
 * condition as the row alone), and starts over from the draft when that
 * changes under it (a discarded draft, a reordered list).
 */
export function ConditionEditor({
  ed,
  path,
  legend,
  empty,
}: {
  ed: Editor;
  path: Path;
  legend: string;
  /** What no condition means here ("Selalu diperlukan."). */
  empty: string;
}) {
  const current = ed.get(path) as Condition | undefined;
  const key = JSON.stringify(current ?? null);
  const [state, setState] = useState(() => ({ key, form: toForm(current) }));
  const form = state.key === key ? state.form : toForm(current);
  const questions = questionOptions(ed.get(["questions"]));
  const error = ed.error(path);
  const id = fieldId(path);

  const update = (next: ConditionGroup) => {
    const condition = fromForm(next);
    setState({ key: JSON.stringify(condition ?? null), form: next });
    ed.set(path, condition);
  };

  return (
    <fieldset
      class={error ? "condition-editor has-error" : "condition-editor"}
      data-testid={`condition-${id}`}
      aria-describedby={`${id}-summary`}
    >
      <legend>{legend}</legend>
      <GroupFields group={form} onChange={update} questions={questions} idBase={id} depth={0} />
      <p class="field-hint condition-summary" id={`${id}-summary`}>
        {current ? tc("conditionReads", { words: conditionWords(current, questions) }) : empty}
      </p>
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}

/** The condition in the words the phone uses, from the draft's questions (which may still be incomplete). */
function conditionWords(condition: Condition, questions: ReturnType<typeof questionOptions>): string {
  const lang = locale.value;
  const asGuide = {
    questions: questions.map((q) =>
      q.kind === "yes-no"
        ? { id: q.id, kind: "yes-no" as const, text: { id: q.label, en: q.label } }
        : {
            id: q.id,
            kind: "choice" as const,
            text: { id: q.label, en: q.label },
            options: q.answers.map((a) => ({ value: a.value, label: { id: a.label, en: a.label } })),
          },
    ),
  } as unknown as Guide;
  return describeCondition(condition, asGuide, lang);
}
