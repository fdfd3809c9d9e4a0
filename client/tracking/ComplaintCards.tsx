import type { PublicComplaintStatus } from "../../shared/api/complaints";
import { COMPLAINT_CATEGORY_LABELS } from "../../shared/complaints/categories";
import { clockText } from "../../shared/service-time/words";
import { pick } from "../../shared/text";
import { locale } from "../i18n";
import { type TrackingMessageKey, tt } from "./messages";
import { UpdatedAt } from "./UpdatedAt";
import { clockViewOf, stepTime } from "./view";

/** A complaint's status in the citizen's words (the server's when it sent them). */
export function complaintStatusWords(status: PublicComplaintStatus["status"]): string {
  return tt(`cstatus.${status}` as TrackingMessageKey);
}

interface StatusProps {
  status: PublicComplaintStatus;
  fetchedAt: string;
  now: Date;
  busy: boolean;
  onRefresh: () => void;
}

/** Where the complaint stands, what it is about, and when this phone last heard. Never the report's text. */
export function ComplaintStatusCard({ status, fetchedAt, now, busy, onRefresh }: StatusProps) {
  const lang = locale.value;
  return (
    <section class={`card lacak-status status-${status.status}`} aria-labelledby="lacak-status-title">
      <h2 id="lacak-status-title" class="visually-hidden">
        {tt("statusLabel")}
      </h2>
      <p class="lacak-state" data-testid="lacak-status" data-status={status.status}>
        {complaintStatusWords(status.status)}
      </p>
      <dl class="lacak-facts">
        <div>
          <dt>{tt("categoryLabel")}</dt>
          <dd data-testid="lacak-category">{pick(COMPLAINT_CATEGORY_LABELS[status.category], lang)}</dd>
        </div>
        <div>
          <dt>{tt("officeLabel")}</dt>
          <dd data-testid="lacak-office">
            {pick(status.office.name, lang)}
            {status.office.area && `, ${status.office.area}`}
          </dd>
        </div>
      </dl>
      <div class="lacak-refresh">
        <UpdatedAt at={fetchedAt} now={now} />
        <button
          type="button"
          class="button small"
          onClick={busy ? undefined : onRefresh}
          aria-disabled={busy ? "true" : undefined}
        >
          {busy ? tt("refreshing") : tt("refresh")}
        </button>
      </div>
    </section>
  );
}

/** The office's public answer, and for "bukan wewenang" where to go instead. */
export function ComplaintAnswerCard({ status }: { status: PublicComplaintStatus }) {
  return (
    <section class="card lacak-answer" aria-labelledby="lacak-answer-title" data-testid="lacak-answer">
      <h2 id="lacak-answer-title">{tt("answerTitle")}</h2>
      {status.answer ? <p class="lacak-answer-text">{status.answer}</p> : <p class="muted">{tt("noAnswerYet")}</p>}
      {status.referral && (
        <div class="notice lacak-referral" data-testid="lacak-referral">
          <h3>{tt("referralTitle")}</h3>
          <p>{tt("referralHelp")}</p>
          <p class="lacak-answer-text">{status.referral}</p>
        </div>
      )}
    </section>
  );
}

/** The office's response clock (working days, the same calendar as files), counted on the phone. */
export function ComplaintClockCard({ status, now }: { status: PublicComplaintStatus; now: Date }) {
  const view = clockViewOf(status, now);
  const urgency = view?.urgency ?? view?.state ?? "none";
  return (
    <section class={`card lacak-clock clock-${urgency}`} aria-labelledby="lacak-clock-title" data-testid="lacak-clock">
      <h2 id="lacak-clock-title">{tt("responseClockTitle")}</h2>
      <p>{view ? clockText(view, locale.value) : tt("responseClockNotStarted")}</p>
    </section>
  );
}

export function ComplaintStepsCard({ steps }: { steps: PublicComplaintStatus["steps"] }) {
  if (steps.length === 0) return null;
  return (
    <section class="card lacak-steps" aria-labelledby="lacak-steps-title">
      <h2 id="lacak-steps-title">{tt("complaintStepsTitle")}</h2>
      <ol data-testid="lacak-steps">
        {steps.map((step) => (
          <li key={`${step.status}-${step.at}`} data-kind={step.status}>
            <strong>{complaintStatusWords(step.status)}</strong>
            <time dateTime={step.at}>{stepTime(step.at, locale.value)}</time>
          </li>
        ))}
      </ol>
    </section>
  );
}
