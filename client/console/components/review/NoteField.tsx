import { tc } from "../../messages";

interface Props {
  note: string;
  onNote: (note: string) => void;
  notePublic: boolean;
  onNotePublic: (shown: boolean) => void;
}

/**
 * The operator's free-text note, and whether the citizen's public tracking
 * page may show it. Off by default: a note may name a person or a detail of
 * the file, so it stays internal unless the operator ticks the box.
 */
export function NoteField({ note, onNote, notePublic, onNotePublic }: Props) {
  return (
    <div class="field">
      <label for="overall-note">{tc("overallNote")}</label>
      <textarea
        id="overall-note"
        data-testid="overall-note"
        maxLength={1000}
        rows={3}
        value={note}
        onInput={(event) => onNote(event.currentTarget.value)}
      />
      <label class="choice note-public">
        <input
          type="checkbox"
          checked={notePublic}
          onChange={(event) => onNotePublic(event.currentTarget.checked)}
          aria-describedby="note-public-help"
          data-testid="note-public"
        />
        {tc("notePublic")}
      </label>
      <p id="note-public-help" class="muted small">
        {tc("notePublicHelp")}
      </p>
    </div>
  );
}
