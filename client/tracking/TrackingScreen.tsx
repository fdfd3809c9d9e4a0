import "../tracking-styles.css";
import "../voice/voice-styles.css";
import { useEffect } from "preact/hooks";
import { parseTrackingNumber } from "../../shared/tracking/number";
import { LookupPage } from "./LookupPage";
import { NumberPage } from "./NumberPage";

/**
 * The public /lacak page, for a citizen on their own phone with no account:
 * a number from the summary sheet (typed, or its QR's link) and its status,
 * the numbers checked before kept on the phone for offline use. A link that
 * carried a broken number shows it in the form with what is wrong with it.
 */
export function TrackingScreen({ number }: { number: string | null }) {
  useEffect(() => {
    // A survey or complaint still queued on this phone goes out while the citizen is here.
    if (hasQueuedVoice()) void import("../voice/flush").then(({ startVoiceTriggers }) => startVoiceTriggers());
  }, []);
  const parsed = number === null ? null : parseTrackingNumber(number);
  if (parsed?.ok) return <NumberPage number={parsed.number} />;
  return <LookupPage initial={number ?? ""} />;
}

function hasQueuedVoice(): boolean {
  try {
    return localStorage.getItem("masdarin.voice-pending") !== null;
  } catch {
    return false;
  }
}
