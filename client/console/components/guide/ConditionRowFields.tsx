import { type ConditionRow, type Operator, withOperator, withQuestion } from "../../condition-form";
import { type ConsoleMessageKey, tc } from "../../messages";
import { answerKey, answerOf, type QuestionOption } from "./condition-questions";

const OPERATOR_KEYS: Record<Operator, ConsoleMessageKey> = { is: "opIs", isNot: "opIsNot", oneOf: "opOneOf" };

/** One "question · operator · answer" row; every part is a list to pick from. */
export function RowFields({
  row,
  questions,
  idBase,
  onChange,
  onRemove,
}: {
  row: ConditionRow;
  questions: QuestionOption[];
  idBase: string;
  onChange: (next: ConditionRow) => void;
  onRemove: () => void;
}) {
  const question = questions.find((q) => q.id === row.q);
  const operators: Operator[] = question?.kind === "choice" ? ["is", "isNot", "oneOf"] : ["is", "isNot"];
  const ids = { q: `${idBase}-q`, op: `${idBase}-op`, value: `${idBase}-value` };
  const [value] = row.values;
  // An answer the question no longer offers (options renamed, kind changed) stays visible, flagged.
  const strayValue = value !== undefined && !question?.answers.some((a) => a.answer === value);
  return (
    <div class="condition-row" data-testid="condition-row">
      <div class="field">
        <label for={ids.q}>{tc("condQuestion")}</label>
        <select
          id={ids.q}
          value={row.q}
          onChange={(event) => {
            const next = questions.find((q) => q.id === event.currentTarget.value);
            if (next) onChange(withQuestion(row, next));
          }}
        >
          {!question && <option value={row.q}>{tc("unknownValue", { value: row.q })}</option>}
          {questions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field condition-op">
        <label for={ids.op}>{tc("condOperator")}</label>
        <select
          id={ids.op}
          value={row.op}
          onChange={(event) => onChange(withOperator(row, event.currentTarget.value as Operator))}
        >
          {operators.map((op) => (
            <option key={op} value={op}>
              {tc(OPERATOR_KEYS[op])}
            </option>
          ))}
        </select>
      </div>
      {row.op === "oneOf" ? (
        <fieldset class="field condition-values">
          <legend>{tc("condAnswers")}</legend>
          {question?.answers.map((answer) => {
            const checked = row.values.includes(answer.answer);
            return (
              <label key={answer.value} class="choice">
                <input
                  type="checkbox"
                  checked={checked}
                  // The last answer stays: "one of nothing" is no condition an office means.
                  disabled={checked && row.values.length === 1}
                  onChange={() =>
                    onChange({
                      ...row,
                      values: checked ? row.values.filter((v) => v !== answer.answer) : [...row.values, answer.answer],
                    })
                  }
                />
                {answer.label}
              </label>
            );
          })}
        </fieldset>
      ) : (
        <div class="field">
          <label for={ids.value}>{tc("condAnswer")}</label>
          <select
            id={ids.value}
            value={value === undefined ? "" : answerKey(value)}
            onChange={(event) => onChange({ ...row, values: [answerOf(question, event.currentTarget.value)] })}
          >
            {strayValue && <option value={answerKey(value)}>{tc("unknownValue", { value: answerKey(value) })}</option>}
            {question?.answers.map((answer) => (
              <option key={answer.value} value={answer.value}>
                {answer.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="button" class="button small ghost danger condition-remove" onClick={onRemove}>
        {tc("condRemove")}
      </button>
    </div>
  );
}
