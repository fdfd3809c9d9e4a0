import { useState } from "preact/hooks";
import type { ApplicationDetail } from "../../../../shared/api/console";
import { allowedDecisions } from "../../../../shared/review/workflow";
import { navigate } from "../../../router";
import { ApiFailure, api } from "../../api";
import { deskNotice, nextFile } from "../../desk";
import { type ConsoleMessageKey, tc } from "../../messages";
import { consolePaths } from "../../routes";
import { ErrorNote, Status } from "../Notice";
import { DecisionPanel } from "./DecisionPanel";
import { RequirementReview } from "./RequirementReview";
import { BLANK_REVIEW, buildVerdict, type Decision, initialReviews, type ReqReview } from "./review-state";

interface Props {
  app: ApplicationDetail;
  requirementIds: string[];
  labelOf: (id: string) => string;
  reload: () => void;
}

/**
 * The requirements with the operator's marks and the decision. Deciding on a
 * submitted file receives it too (one trip); after a decision the next file
 * of the queue the operator was working through opens.
 */
export function ReviewForm({ app, requirementIds, labelOf, reload }: Props) {
  const [reviews, setReviews] = useState<Record<string, ReqReview>>(() => initialReviews(app, requirementIds));
  const [decision, setDecision] = useState<Decision | "">("");
  const [reasonCode, setReasonCode] = useState("");
  const [note, setNote] = useState("");
  const [notePublic, setNotePublic] = useState(false);
  const [problem, setProblem] = useState<ConsoleMessageKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decisions = allowedDecisions(app.status);
  const flagged = Object.values(reviews).filter((review) => review.status === "needs-fix").length;

  function update(reqId: string, change: Partial<ReqReview>) {
    setReviews({ ...reviews, [reqId]: { ...(reviews[reqId] ?? BLANK_REVIEW), ...change } });
    // Marking a requirement for a fix is a send-back, unless the operator already chose to reject.
    if (change.status === "needs-fix" && decision !== "rejected" && decisions.includes("needs-fix")) {
      setDecision("needs-fix");
    }
  }

  async function receive() {
    setBusy(true);
    setError(null);
    try {
      await api("POST", `/api/console/applications/${app.id}/receive`, { expectedVersion: app.version });
      setStatus(tc("received"));
      reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    const built = buildVerdict(app, decision, reviews, reasonCode, note, notePublic);
    setProblem(built.ok ? null : built.problem);
    if (!built.ok) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await api("POST", `/api/console/applications/${app.id}/verdict`, built.body);
      const next = await nextFile(app).catch(() => null);
      if (next) {
        deskNotice.value = tc("nextFileNotice");
        navigate(consolePaths.application(next));
        return;
      }
      setStatus(`${tc("verdictSent")} ${tc("queueDone")}`);
      reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const conflict = error instanceof ApiFailure && error.code === "version_conflict";
  return (
    <form class="review-form" onSubmit={submit} aria-labelledby="requirements-title">
      <section class="card">
        <h2 id="requirements-title">{tc("requirementsTitle")}</h2>
        {app.status === "submitted" && (
          <p class="receive-row small">
            {tc("receiveHelp")}{" "}
            <button
              type="button"
              class="button small"
              disabled={busy}
              data-testid="receive-button"
              onClick={() => void receive()}
            >
              {tc("receive")}
            </button>
          </p>
        )}
        <ol class="review-requirements">
          {requirementIds.map((reqId) => (
            <RequirementReview
              key={reqId}
              app={app}
              reqId={reqId}
              label={labelOf(reqId)}
              review={reviews[reqId] ?? BLANK_REVIEW}
              decidable={decisions.length > 0}
              onChange={(change) => update(reqId, change)}
            />
          ))}
        </ol>
      </section>
      {decisions.length > 0 && (
        <DecisionPanel
          decisions={decisions}
          decision={decision}
          onDecision={(d) => {
            setDecision(d);
            setReasonCode("");
          }}
          flagged={flagged}
          reasonCode={reasonCode}
          onReason={setReasonCode}
          note={note}
          onNote={setNote}
          notePublic={notePublic}
          onNotePublic={setNotePublic}
          receives={app.status === "submitted"}
          problem={problem}
          busy={busy}
        />
      )}
      {error !== null && <ErrorNote error={error} onRetry={conflict ? reload : undefined} />}
      <Status text={status} />
    </form>
  );
}
