import { useState } from "preact/hooks";
import { MAX_COMPLAINT_TEXT } from "../../../../shared/api/complaints";
import { tv } from "../../voice-messages";
import type { ActionProps } from "./actions";

/** An internal note for the office's handlers; the reporter never sees it. */
export function ComplaintNoteForm({ busy, run }: Omit<ActionProps, "detail">) {
  const [text, setText] = useState("");
  return (
    <form
      class="card"
      aria-labelledby="complaint-note-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return;
        void run("notes", { text: text.trim() }, tv("noteAdded")).then((ok) => ok && setText(""));
      }}
    >
      <h2 id="complaint-note-title">{tv("notesTitle")}</h2>
      <div class="field">
        <label for="complaint-note">{tv("noteLabel")}</label>
        <textarea
          id="complaint-note"
          rows={3}
          maxLength={MAX_COMPLAINT_TEXT}
          required
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button small" disabled={busy}>
        {tv("noteAdd")}
      </button>
    </form>
  );
}
