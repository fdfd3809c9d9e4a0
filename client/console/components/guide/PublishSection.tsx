import type { GuideAdminDetail } from "../../../../shared/api/console";
import { tc } from "../../messages";
import { Section } from "./Section";

export interface PublishState {
  changeNote: string;
  binding: boolean;
}

/** A note the server takes: 3 to 500 characters once trimmed (shared/api/console.ts, PublishGuideRequest). */
export function noteReady(note: string): boolean {
  const length = note.trim().length;
  return length >= 3 && length <= 500;
}

/**
 * Publishing, the editor's last section: the office's note on the change
 * (stored with the version and shown on cadres' phones beside the list of
 * changes), whether drafts not yet submitted must move to it, and taking a
 * published guide out of the catalogue or back.
 */
export function PublishSection({
  state,
  onChange,
  detail,
  publishedVersion,
  busy,
  onPublish,
  onAvailability,
}: {
  state: PublishState;
  onChange: (next: PublishState) => void;
  detail: GuideAdminDetail | null;
  publishedVersion: number | null;
  busy: boolean;
  onPublish: () => void;
  onAvailability: (action: "withdraw" | "restore") => void;
}) {
  const length = state.changeNote.trim().length;
  return (
    <Section id="sec-publish">
      <div class="field">
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
      {publishedVersion !== null && (
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
      <div class="publish-actions">
        <button
          type="button"
          class="button primary"
          disabled={busy || !noteReady(state.changeNote)}
          data-testid="publish"
          onClick={onPublish}
        >
          {tc("publish")}
        </button>
        {publishedVersion !== null &&
          (detail?.withdrawn ? (
            <button type="button" class="button" disabled={busy} onClick={() => onAvailability("restore")}>
              {tc("restore")}
            </button>
          ) : (
            <button type="button" class="button danger" disabled={busy} onClick={() => onAvailability("withdraw")}>
              {tc("withdraw")}
            </button>
          ))}
      </div>
    </Section>
  );
}
