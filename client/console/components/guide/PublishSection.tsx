import { tc } from "../../messages";

export interface PublishState {
  changeNote: string;
  binding: boolean;
}

/**
 * Publishing: the office's note on the change (stored with the version and
 * shown on cadres' phones beside the list of changes) and, for a guide
 * already published, whether drafts not yet submitted must move to it.
 */
export function PublishFields({
  state,
  onChange,
  published,
}: {
  state: PublishState;
  onChange: (next: PublishState) => void;
  published: boolean;
}) {
  const length = state.changeNote.trim().length;
  return (
    <>
      <div class="field change-note-field">
        <label for="change-note">{tc("changeNote")}</label>
        <textarea
          id="change-note"
          rows={2}
          value={state.changeNote}
          maxLength={500}
          aria-describedby="change-note-hint"
          onInput={(event) => onChange({ ...state, changeNote: event.currentTarget.value })}
        />
        <p class="field-hint" id="change-note-hint">
          {tc("changeNoteHint", { count: length })}
        </p>
      </div>
      {published && (
        <fieldset class="field binding-choice">
          <legend>{tc("bindingLegend")}</legend>
          <label>
            <input
              type="radio"
              name="binding"
              checked={state.binding}
              onChange={() => onChange({ ...state, binding: true })}
              data-testid="binding-true"
            />{" "}
            {tc("bindingYes")}
          </label>
          <label>
            <input
              type="radio"
              name="binding"
              checked={!state.binding}
              onChange={() => onChange({ ...state, binding: false })}
              data-testid="binding-false"
            />{" "}
            {tc("bindingNo")}
          </label>
        </fieldset>
      )}
    </>
  );
}

/** A note the server takes: 3 to 500 characters once trimmed (shared/api/console.ts, PublishGuideRequest). */
export function noteReady(note: string): boolean {
  const length = note.trim().length;
  return length >= 3 && length <= 500;
}
