import { signal } from "@preact/signals";
import { parseTrackingNumber } from "../../shared/tracking/number";
import { locale } from "../i18n";
import { lookUpAny } from "../tracking/lookup";
import { saveLookup } from "../tracking/store";
import { flushOutbox } from "./send";

/** Bumped after every round: the screens showing an entry read it again. */
export const outboxRound = signal(0);

let running: Promise<number> | null = null;

/** Asks the browser to keep this site's storage under pressure: the outbox is the only copy until sent. */
export function keepStorage(): void {
  void navigator.storage?.persist?.().catch(() => false);
}

/** The new complaint's status goes into /lacak's list at once, so the citizen finds it there. */
async function keepInLacak(number: string): Promise<void> {
  const parsed = parseTrackingNumber(number);
  if (!parsed.ok) return;
  const result = await lookUpAny(parsed.number);
  if (result.ok) await saveLookup(result.status, new Date());
}

/**
 * Sends the voice outbox, once at a time in this tab and, with Web Locks,
 * across tabs (the server would store a twin once anyway: the id is its key).
 */
export function flushVoiceOutbox(force = false): Promise<number> {
  // A round already under way may have read the queue before this entry was saved: one more round after it.
  if (running) return running.then(() => flushVoiceOutbox(force));
  const round = (): Promise<number> => flushOutbox({ language: locale.value, onComplaintNumber: keepInLacak, force });
  const locked: Promise<number> = navigator.locks
    ? navigator.locks.request("masdarin-voice", round).then((count) => count)
    : round();
  const current = locked
    .catch(() => 0)
    .finally(() => {
      running = null;
      outboxRound.value += 1;
    });
  running = current;
  return current;
}

let started = false;

/** On the voice and /lacak screens: send now, and whenever the connection returns or the app comes back. */
export function startVoiceTriggers(): void {
  if (started) return;
  started = true;
  void flushVoiceOutbox();
  addEventListener("online", () => void flushVoiceOutbox());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && navigator.onLine) void flushVoiceOutbox();
  });
}
