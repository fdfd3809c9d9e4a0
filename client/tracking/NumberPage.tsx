import { useEffect } from "preact/hooks";
import { CITIZEN_STATUS } from "../../shared/service-time/words";
import { type TrackingNumber, trackingPath } from "../../shared/tracking/number";
import { isComplaintNumber } from "../../shared/tracking/prefix";
import { locale } from "../i18n";
import { currentPath, onLinkClick } from "../router";
import { ClockCard } from "./ClockCard";
import {
  ComplaintAnswerCard,
  ComplaintClockCard,
  ComplaintStatusCard,
  ComplaintStepsCard,
  complaintStatusWords,
} from "./ComplaintCards";
import { FixesCard } from "./FixesCard";
import { failureText } from "./failure-text";
import { LookupPage } from "./LookupPage";
import { tt } from "./messages";
import { SavedList } from "./SavedList";
import { StatusCard } from "./StatusCard";
import { StepsCard } from "./StepsCard";
import { isComplaintStatus, type SavedLookup } from "./store";
import { useNow } from "./use-now";
import { useTracked } from "./use-tracked";
import { VoiceLinks } from "./VoiceLinks";

/** /lacak/<number>: the phone's copy at once, the office's answer when it comes. */
export function NumberPage({ number }: { number: TrackingNumber }) {
  const { saved, failure, retryAfter, busy, refreshedByHand, changedFrom, refresh } = useTracked(number);
  const now = useNow();

  // A number typed into the address bar in lower case or without dashes: the address shows it as printed.
  useEffect(() => {
    const canonical = trackingPath(number);
    if (location.pathname !== canonical) {
      history.replaceState(null, "", canonical);
      currentPath.value = canonical;
    }
  }, [number]);
  const lang = locale.value;
  useEffect(() => {
    document.title = `${tt("title")} ${number} — Masdarin`;
  }, [number, lang]);

  const problem = failure ? failureText(failure, !!saved, retryAfter) : null;
  const complaint = isComplaintNumber(number);
  const offline = failure === "offline";
  // Nothing on the phone and the office did not answer with a status: back to the form, the number in it.
  if (saved === null && problem && !offline && !busy) {
    return <LookupPage initial={number} problem={problem} onRetry={() => refresh(true)} />;
  }
  return (
    <div class="lacak">
      <p class="no-print">
        <a class="back-link" href="/lacak" onClick={onLinkClick}>
          ← {tt("otherNumber")}
        </a>
      </p>
      <h1>
        {tt(complaint ? "complaintNumberLabel" : "numberLabel")}{" "}
        <span class="tracking-number" translate={false}>
          {number}
        </span>
      </h1>
      {saved === undefined && <p class="muted">{tt("checking")}</p>}
      {saved && problem && (
        <p
          class={`card ${offline ? "notice" : "error-banner"}`}
          role={offline ? "status" : "alert"}
          data-testid="lacak-problem"
        >
          {problem}
        </p>
      )}
      {saved && changedFrom && changedFrom !== saved.status.status && (
        <p class="card notice" role="status" data-testid="lacak-changed">
          {tt("changed", {
            before: isComplaintStatus(saved.status)
              ? complaintStatusWords(changedFrom as typeof saved.status.status)
              : CITIZEN_STATUS[changedFrom as typeof saved.status.status][lang],
          })}
        </p>
      )}
      <p role="status" class="visually-hidden">
        {refreshedByHand ? tt("refreshed") : ""}
      </p>
      {saved ? (
        <SavedCards saved={saved} now={now} busy={busy} onRefresh={() => refresh(true)} />
      ) : saved === null && busy ? (
        <p class="muted">{tt("checking")}</p>
      ) : saved === null && problem ? (
        <>
          <p class="card notice" role="status" data-testid="lacak-problem">
            {problem}
          </p>
          <SavedList />
        </>
      ) : null}
    </div>
  );
}

/** The cards for what the phone holds: a file's, or a complaint's (status, answer, response clock). */
function SavedCards({
  saved,
  now,
  busy,
  onRefresh,
}: {
  saved: SavedLookup;
  now: Date;
  busy: boolean;
  onRefresh: () => void;
}) {
  const status = saved.status;
  if (isComplaintStatus(status)) {
    return (
      <>
        <ComplaintStatusCard status={status} fetchedAt={saved.fetchedAt} now={now} busy={busy} onRefresh={onRefresh} />
        <ComplaintAnswerCard status={status} />
        {status.status !== "not-authority" && <ComplaintClockCard status={status} now={now} />}
        <ComplaintStepsCard steps={status.steps} />
        <VoiceLinks number={null} decided={false} />
      </>
    );
  }
  const decided = status.status === "approved" || status.status === "rejected";
  return (
    <>
      <StatusCard status={status} fetchedAt={saved.fetchedAt} now={now} busy={busy} onRefresh={onRefresh} />
      <FixesCard status={status} />
      <ClockCard status={status} now={now} />
      <StepsCard steps={status.steps} />
      <VoiceLinks number={status.number} decided={decided} />
    </>
  );
}
