import { useEffect, useState } from "preact/hooks";
import type { ComplaintDetail } from "../../../shared/api/complaints";
import { mayHandleComplaint } from "../../../shared/complaints/access";
import { isComplaintClosed } from "../../../shared/complaints/workflow";
import { onLinkClick } from "../../router";
import { ActionError } from "../components/ActionError";
import type { RunAction } from "../components/complaints/actions";
import { ComplaintAnswerForm } from "../components/complaints/ComplaintAnswerForm";
import { ComplaintAssignForm } from "../components/complaints/ComplaintAssignForm";
import { ComplaintHandover } from "../components/complaints/ComplaintHandover";
import { ComplaintHistory } from "../components/complaints/ComplaintHistory";
import { ComplaintMoveForm } from "../components/complaints/ComplaintMoveForm";
import { ComplaintNoteForm } from "../components/complaints/ComplaintNoteForm";
import { ComplaintReportCard } from "../components/complaints/ComplaintReportCard";
import { complaintAction, loadComplaint } from "../components/complaints/complaint-api";
import { statusLabel } from "../components/complaints/complaint-words";
import { ErrorNote, Status } from "../components/Notice";
import { ClockBadge } from "../components/review/ClockBadge";
import { tc } from "../messages";
import { consolePaths } from "../routes";
import { currentUser } from "../session";
import { useLoad } from "../use-load";
import { tv } from "../voice-messages";

/** One complaint: the report, its history, and (for handlers) assign, move with the answer, notes and the hand-over text. */
export function ComplaintScreen({ id }: { id: string }) {
  const user = currentUser();
  const loaded = useLoad(`complaint-${id}`, () => loadComplaint(id));
  const [detail, setDetail] = useState<ComplaintDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => setDetail(loaded.data), [loaded.data]);

  const run: RunAction = async (action, body, done) => {
    if (!detail) return false;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      setDetail(await complaintAction(id, action, { ...body, version: detail.version }));
      setStatus(done);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <a class="back-link" href={consolePaths.complaints} onClick={onLinkClick}>
      ← {tv("backToComplaints")}
    </a>
  );
  if (!detail) {
    return (
      <section aria-labelledby="complaint-title">
        {back}
        <h1 id="complaint-title">{tv("complaintsTitle")}</h1>
        {loaded.error !== null && <ErrorNote error={loaded.error} onRetry={loaded.reload} />}
        {loaded.loading && <p class="muted">{tc("loading")}</p>}
      </section>
    );
  }
  const handler = mayHandleComplaint(user, { kecamatanCode: detail.kecamatanCode, confidential: detail.confidential });
  const closed = isComplaintClosed(detail.status);
  return (
    <section aria-labelledby="complaint-title" class="complaint-screen">
      {back}
      <h1 id="complaint-title">{tv("complaintTitle", { number: detail.number })}</h1>
      <p class="complaint-tags">
        <span class={`status-tag complaint-${detail.status}`} data-testid="complaint-status">
          {statusLabel(detail.status)}
        </span>
        {detail.anonymous && <span class="status-tag">{tv("anonymous")}</span>}
        {detail.confidential && (
          <span class="status-tag tag-confidential" title={tv("confidentialHelp")}>
            {tv("confidential")}
          </span>
        )}
        <ClockBadge clock={detail.clockNow} />
      </p>
      {error !== null && (
        <ActionError
          error={error}
          conflict={tv("conflictComplaint")}
          onReload={() => {
            setError(null);
            loaded.reload();
          }}
        />
      )}
      <Status text={status} />
      <div class="complaint-columns">
        <div>
          <ComplaintReportCard detail={detail} />
          {(detail.answer || detail.referral) && (
            <section class="card" aria-labelledby="complaint-answer-title" data-testid="complaint-answer-shown">
              <h2 id="complaint-answer-title">{tv("complaintAnswerShown")}</h2>
              {detail.answer && <p class="complaint-text">{detail.answer}</p>}
              {detail.referral && (
                <p class="complaint-text">
                  <strong>{tv("complaintReferralShown")}:</strong> {detail.referral}
                </p>
              )}
            </section>
          )}
          <ComplaintHistory events={detail.events} />
        </div>
        <div>
          {handler && closed && <p class="card muted">{tv("closedNote")}</p>}
          {handler && !closed && (
            <ComplaintAssignForm key={`a${detail.version}`} detail={detail} busy={busy} run={run} />
          )}
          {handler && !closed && <ComplaintMoveForm key={`m${detail.version}`} detail={detail} busy={busy} run={run} />}
          {handler && <ComplaintAnswerForm key={`r${detail.version}`} detail={detail} busy={busy} run={run} />}
          {handler && <ComplaintNoteForm busy={busy} run={run} />}
          <ComplaintHandover detail={detail} />
        </div>
      </div>
    </section>
  );
}
