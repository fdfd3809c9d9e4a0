import type { Draft } from "../../../shared/draft";
import { td } from "../messages";
import { errorProps } from "./Field";

interface Props {
  draft: Draft;
  requirementId: string;
  /** Read as a date by an eligibility rule (a birth, a death, an event): a date picker, not free text. */
  isDate: boolean;
  /** What the pre-check says about the answer, once there is one (or at "Tandai siap diajukan"). */
  error?: string | undefined;
  edit: (action: string, change: (draft: Draft) => void) => unknown;
}

/** The cadre's answer to a data requirement that is not an applicant field. */
export function DataAnswer({ draft, requirementId: id, isDate, error, edit }: Props) {
  const onInput = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
    const value = event.currentTarget.value;
    edit(`data.${id}`, (d) => {
      d.data[id] = value;
    });
  };
  const inputId = `data-${id}`;
  const invalid = errorProps(inputId, error);
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={inputId}>{td(isDate ? "dataDate" : "dataAnswer")}</label>
      {isDate ? (
        <input id={inputId} type="date" value={draft.data[id] ?? ""} onInput={onInput} {...invalid} />
      ) : (
        <textarea id={inputId} rows={2} maxLength={500} value={draft.data[id] ?? ""} onInput={onInput} {...invalid} />
      )}
      {error && (
        <p class="field-error" id={`${inputId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
