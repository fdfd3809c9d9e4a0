import { useEffect, useState } from "preact/hooks";
import { online } from "../connectivity";
import { flushVoiceOutbox, outboxRound } from "./flush";
import { tv } from "./messages";
import { discard, getItem, type VoiceItem } from "./outbox";
import { retryRefused } from "./send";

/** The entry's latest state on the phone, read again after every send round. */
export function useVoiceItem(id: string | null): VoiceItem | null | undefined {
  const [item, setItem] = useState<VoiceItem | null | undefined>(undefined);
  const round = outboxRound.value;
  useEffect(() => {
    let live = true;
    if (!id) {
      setItem(null);
      return;
    }
    void getItem(id)
      .catch(() => undefined)
      .then((row) => {
        if (live) setItem(row ?? null);
      });
    return () => {
      live = false;
    };
  }, [id, round]);
  return item;
}

/** "Tersimpan di HP, akan dikirim saat ada sinyal" / sent / the office's refusal with what to do. */
export function QueuedNotice({ item, onDiscarded }: { item: VoiceItem; onDiscarded?: () => void }) {
  const [working, setWorking] = useState(false);
  const sendNow = async () => {
    setWorking(true);
    await flushVoiceOutbox(true);
    setWorking(false);
  };
  if (item.state === "sent") {
    return (
      <p class="card voice-state sent" role="status" data-testid="voice-state" data-state="sent">
        {tv("sent")}
      </p>
    );
  }
  if (item.state === "refused") {
    return (
      <div class="card error-banner voice-state" role="alert" data-testid="voice-state" data-state="refused">
        <p>{tv("refused", { message: item.refusal?.message ?? "" })}</p>
        <div class="actions">
          <button
            type="button"
            class="button small"
            onClick={() => void retryRefused(item.id).then(() => flushVoiceOutbox(true))}
          >
            {tv("retry")}
          </button>
          <button
            type="button"
            class="button small ghost danger"
            onClick={() => void discard(item.id).then(() => onDiscarded?.())}
          >
            {tv("discard")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="card notice voice-state" role="status" data-testid="voice-state" data-state="pending">
      <p>{working ? tv("sending") : tv("queued")}</p>
      {online.value && !working && (
        <button type="button" class="button small" onClick={() => void sendNow()}>
          {tv("sendNow")}
        </button>
      )}
    </div>
  );
}
