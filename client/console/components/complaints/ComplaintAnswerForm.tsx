import { useState } from "preact/hooks";
import { MAX_COMPLAINT_TEXT } from "../../../../shared/api/complaints";
import { tv } from "../../voice-messages";
import type { ActionProps } from "./actions";

/**
 * "Jawab pelapor": the public answer without a status change, an interim
 * answer while the complaint is handled or a correction after it closed.
 * The reporter reads the latest on the tracking page.
 */
export function ComplaintAnswerForm({ detail, busy, run }: ActionProps) {
  const [answer, setAnswer] = useState(detail.answer ?? "");
  const [missing, setMissing] = useState(false);
  return (
    <form
      class="card"
      aria-labelledby="complaint-reply-title"
      noValidate
      data-testid="complaint-reply-form"
      onSubmit={(event) => {
        event.preventDefault();
        const text = answer.trim();
        setMissing(!text);
        if (!text) {
          document.getElementById("complaint-reply")?.focus();
          return;
        }
        void run("answer", { answer: text }, tv("replied"));
      }}
    >
      <h2 id="complaint-reply-title">{tv("replyTitle")}</h2>
      <div class={missing ? "field has-error" : "field"}>
        <label for="complaint-reply">{tv("replyLabel")}</label>
        <textarea
          id="complaint-reply"
          rows={4}
          maxLength={MAX_COMPLAINT_TEXT}
          value={answer}
          aria-describedby="complaint-reply-help"
          aria-invalid={missing ? true : undefined}
          onInput={(event) => setAnswer(event.currentTarget.value)}
        />
        <p id="complaint-reply-help" class={missing ? "field-error small" : "muted small"}>
          {missing ? tv("needReply") : tv("replyHelp")}
        </p>
      </div>
      <button type="submit" class="button small" disabled={busy}>
        {tv("replySave")}
      </button>
    </form>
  );
}
