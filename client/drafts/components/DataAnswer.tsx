import type { Draft } from "../../../shared/draft";
import { td } from "../messages";

interface Props {
  draft: Draft;
  requirementId: string;
  /** Read as a date by an eligibility rule (a birth, a death, an event): a date picker, not free text. */
  isDate: boolean;
  edit: (action: string, change: (draft: Draft) => void) => unknown;
}

/** The cadre's answer to a data requirement that is not an applicant field. */
export function DataAnswer({ draft, requirementId: id, isDate, edit }: Props) {
  const onInput = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
    const value = event.currentTarget.value;
    edit(`data.${id}`, (d) => {
      d.data[id] = value;
    });
  };
  return (
    <div class="field">
      <label for={`data-${id}`}>{td(isDate ? "dataDate" : "dataAnswer")}</label>
      {isDate ? (
        <input id={`data-${id}`} type="date" value={draft.data[id] ?? ""} onInput={onInput} />
      ) : (
        <textarea id={`data-${id}`} rows={2} maxLength={500} value={draft.data[id] ?? ""} onInput={onInput} />
      )}
    </div>
  );
}
