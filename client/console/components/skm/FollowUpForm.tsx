import { useState } from "preact/hooks";
import type { SkmElementResult } from "../../../../shared/api/skm";
import { locale } from "../../../i18n";
import { tc } from "../../messages";
import { tv } from "../../voice-messages";

export interface FollowUpValues {
  elementId: string;
  action: string;
  owner: string;
  dueDate: string;
}

/**
 * What, who, by when: a new plan (with the element, weakest offered first)
 * or an existing one's edit (its element fixed).
 */
export function FollowUpForm({
  idPrefix,
  elements,
  initial,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  elements: SkmElementResult[] | null;
  initial: FollowUpValues;
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: FollowUpValues) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const lang = locale.value;
  const [values, setValues] = useState(initial);
  const set = (key: keyof FollowUpValues) => (event: Event) =>
    setValues({ ...values, [key]: (event.currentTarget as HTMLInputElement).value });
  return (
    <form
      class="follow-up-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(values).then((ok) => ok && !onCancel && setValues({ ...initial }));
      }}
    >
      {elements && (
        <div class="field">
          <label for={`${idPrefix}-element`}>{tv("followUpElement")}</label>
          <select id={`${idPrefix}-element`} value={values.elementId} onChange={set("elementId")}>
            {elements.map((element) => (
              <option key={element.elementId} value={element.elementId}>
                {element.elementId} {element.name[lang]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for={`${idPrefix}-action`}>{tv("followUpAction")}</label>
        <textarea
          id={`${idPrefix}-action`}
          rows={2}
          maxLength={500}
          required
          value={values.action}
          onInput={set("action")}
        />
      </div>
      <div class="filter-row">
        <div class="field">
          <label for={`${idPrefix}-owner`}>{tv("followUpOwner")}</label>
          <input id={`${idPrefix}-owner`} maxLength={120} required value={values.owner} onInput={set("owner")} />
        </div>
        <div class="field">
          <label for={`${idPrefix}-due`}>{tv("followUpDue")}</label>
          <input id={`${idPrefix}-due`} type="date" required value={values.dueDate} onInput={set("dueDate")} />
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="button primary small" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="button small" onClick={onCancel}>
            {tc("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
