import { useState } from "preact/hooks";
import { MAX_COMPLAINT_TEXT } from "../../../../shared/api/complaints";
import {
  type ComplaintStatus,
  closingProblem,
  isComplaintClosed,
  nextComplaintStatuses,
} from "../../../../shared/complaints/workflow";
import { tv } from "../../voice-messages";
import type { ActionProps } from "./actions";
import { statusLabel } from "./complaint-words";

/**
 * Move the complaint on, with the public answer the reporter reads on the
 * tracking page; "bukan wewenang" also says where to report instead. The
 * statuses offered are those the workflow allows (shared/complaints/workflow.ts).
 */
export function ComplaintMoveForm({ detail, busy, run }: ActionProps) {
  const next = nextComplaintStatuses(detail.status);
  const [status, setStatus] = useState<ComplaintStatus>(next[0] ?? detail.status);
  const [answer, setAnswer] = useState(detail.answer ?? "");
  const [referral, setReferral] = useState(detail.referral ?? "");
  const [problem, setProblem] = useState<"answer" | "referral" | null>(null);
  if (isComplaintClosed(detail.status)) return null;
  const closing = isComplaintClosed(status);
  return (
    <form
      class="card"
      aria-labelledby="complaint-move-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const missing = closingProblem(status, answer, referral);
        setProblem(missing);
        if (missing) {
          document.getElementById(missing === "answer" ? "complaint-answer" : "complaint-referral")?.focus();
          return;
        }
        const body: Record<string, unknown> = { status };
        if (answer.trim()) body.answer = answer.trim();
        if (status === "not-authority" && referral.trim()) body.referral = referral.trim();
        void run("move", body, tv("moved", { status: statusLabel(status) }));
      }}
    >
      <h2 id="complaint-move-title">{tv("moveTitle")}</h2>
      <div class="field">
        <label for="complaint-status">{tv("moveTo")}</label>
        <select
          id="complaint-status"
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as ComplaintStatus)}
        >
          {next.map((option) => (
            <option key={option} value={option}>
              {statusLabel(option)}
            </option>
          ))}
        </select>
      </div>
      <div class={problem === "answer" ? "field has-error" : "field"}>
        <label for="complaint-answer">{tv("answerLabel")}</label>
        <textarea
          id="complaint-answer"
          rows={4}
          maxLength={MAX_COMPLAINT_TEXT}
          value={answer}
          aria-describedby="complaint-answer-help"
          aria-invalid={problem === "answer" ? true : undefined}
          onInput={(event) => setAnswer(event.currentTarget.value)}
        />
        <p id="complaint-answer-help" class={problem === "answer" ? "field-error small" : "muted small"}>
          {problem === "answer" ? tv("needAnswer") : closing ? tv("answerHelp") : ""}
        </p>
      </div>
      {status === "not-authority" && (
        <div class={problem === "referral" ? "field has-error" : "field"}>
          <label for="complaint-referral">{tv("referralLabel")}</label>
          <textarea
            id="complaint-referral"
            rows={2}
            maxLength={1000}
            value={referral}
            aria-invalid={problem === "referral" ? true : undefined}
            aria-describedby={problem === "referral" ? "complaint-referral-error" : undefined}
            onInput={(event) => setReferral(event.currentTarget.value)}
          />
          {problem === "referral" && (
            <p id="complaint-referral-error" class="field-error small">
              {tv("needReferral")}
            </p>
          )}
        </div>
      )}
      <button type="submit" class="button primary small" disabled={busy}>
        {tv("moveSave")}
      </button>
    </form>
  );
}
