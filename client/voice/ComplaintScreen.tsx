import "../tracking-styles.css";
import "./voice-styles.css";
import { useEffect, useState } from "preact/hooks";
import { jakartaDate } from "../../shared/jakarta-time";
import { parseTrackingNumber } from "../../shared/tracking/number";
import { account } from "../account/session";
import { ComplaintDone } from "./ComplaintDone";
import { ComplaintForm } from "./ComplaintForm";
import { flushVoiceOutbox, keepStorage, startVoiceTriggers } from "./flush";
import { tv } from "./messages";
import { enqueue, type VoiceItem } from "./outbox";
import { UnsentList } from "./UnsentList";
import { buildComplaint, type ComplaintDraft } from "./validate";

/** Where a new complaint starts: today (Jakarta), at the cadre's kecamatan office when a cadre fills it in. */
function initialDraft(number: string | null, today: string): ComplaintDraft {
  const parsed = number ? parseTrackingNumber(number) : null;
  return {
    description: "",
    happenedOn: today,
    placeKind: "office",
    kecamatanCode: account.value?.kecamatanCode ?? "",
    kelurahanCode: "",
    guideId: "",
    trackingNumber: parsed?.ok ? parsed.number : (number ?? ""),
    category: "",
    amount: "",
    anonymous: false,
    confidential: false,
    name: "",
    contact: "",
    evidence: [],
  };
}

/**
 * A complaint (pengaduan) by a citizen or a cadre, with no account needed:
 * saved on the phone at once, sent when there is a signal; the number the
 * office gives is shown big and kept in /lacak's list.
 */
export function ComplaintScreen({ number }: { number: string | null }) {
  const today = jakartaDate(new Date());
  const [item, setItem] = useState<VoiceItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    document.title = `${tv("complaintTitle")} — Masdarin`;
    startVoiceTriggers();
  }, []);

  const submit = async (draft: ComplaintDraft) => {
    setBusy(true);
    setFailed(false);
    try {
      const body = buildComplaint(draft, {
        id: crypto.randomUUID(),
        channel: account.value ? "cadre-phone" : "citizen-phone",
        now: new Date(),
      });
      // Anonymous: no photos are queued or uploaded (their uploader would name the sender).
      setItem(await enqueue("complaint", body, new Date(), undefined, draft.anonymous ? [] : draft.evidence));
      window.scrollTo(0, 0);
      keepStorage();
      void flushVoiceOutbox();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="voice">
      <h1>{tv("complaintTitle")}</h1>
      <UnsentList except={item?.id} />
      {item ? (
        <ComplaintDone item={item} onDiscarded={() => setItem(null)} />
      ) : (
        <>
          <p class="lead">{tv("complaintIntro")}</p>
          {failed && (
            <p class="card error-banner" role="alert">
              {tv("saveFailed")}
            </p>
          )}
          <ComplaintForm
            initial={initialDraft(number, today)}
            today={today}
            busy={busy}
            onSubmit={(d) => void submit(d)}
          />
        </>
      )}
    </div>
  );
}
