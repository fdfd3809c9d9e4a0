import { useState } from "preact/hooks";
import { trackingPath } from "../../shared/tracking/number";
import { onLinkClick } from "../router";
import { shareText } from "../share";
import { tv } from "./messages";
import type { VoiceItem } from "./outbox";
import { QueuedNotice, useVoiceItem } from "./QueuedNotice";

/** After submitting: queued, or accepted with its number big, to copy, share and follow on /lacak. */
export function ComplaintDone({ item, onDiscarded }: { item: VoiceItem; onDiscarded: () => void }) {
  const latest = useVoiceItem(item.id) ?? item;
  const [note, setNote] = useState("");
  const number = latest.number;
  const copy = async () => {
    if (!number) return;
    try {
      await navigator.clipboard.writeText(number);
      setNote(tv("copied"));
    } catch {
      setNote("");
    }
  };
  const share = async () => {
    if (!number) return;
    const text = tv("shareText", { number, link: `${location.origin}${trackingPath(number)}` });
    if ((await shareText(tv("complaintNumber"), text)) === "copied") setNote(tv("copied"));
  };
  return (
    <section class="voice-thanks" aria-labelledby="voice-thanks-title" data-testid="complaint-done">
      <h2 id="voice-thanks-title">{tv(latest.state === "refused" ? "unsentTitle" : "thanksTitle")}</h2>
      {number ? (
        <div class="card voice-number">
          <p class="lead">{tv("thanksComplaint")}</p>
          <p class="muted">{tv("complaintNumber")}</p>
          <p class="voice-big-number tracking-number" translate={false} data-testid="complaint-number">
            {number}
          </p>
          <p class="field-hint">{tv("complaintNumberHelp")}</p>
          <div class="actions">
            <button type="button" class="button" onClick={() => void copy()}>
              {tv("copy")}
            </button>
            <button type="button" class="button" onClick={() => void share()}>
              {tv("share")}
            </button>
          </div>
          <p>
            <a
              class="button primary wide"
              href={trackingPath(number)}
              onClick={onLinkClick}
              data-testid="track-complaint"
            >
              {tv("track")}
            </a>
          </p>
          <p role="status" class="muted small">
            {note}
          </p>
        </div>
      ) : (
        <>
          <QueuedNotice item={latest} onDiscarded={onDiscarded} />
          {latest.state === "pending" && <p class="field-hint">{tv("complaintWaiting")}</p>}
        </>
      )}
    </section>
  );
}
