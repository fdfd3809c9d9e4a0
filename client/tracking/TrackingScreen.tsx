import { parseTrackingNumber } from "../../shared/tracking/number";
import { LookupForm } from "./LookupForm";
import { tt } from "./messages";
import { NumberPage } from "./NumberPage";
import { SavedList } from "./SavedList";

/**
 * The public /lacak page, for a citizen on their own phone with no account:
 * a number from the summary sheet (typed, or its QR's link) and its status,
 * the numbers checked before kept on the phone for offline use.
 */
export function TrackingScreen({ number }: { number: string | null }) {
  const parsed = number === null ? null : parseTrackingNumber(number);
  if (parsed?.ok) return <NumberPage number={parsed.number} />;
  return (
    <div class="lacak">
      <h1>{tt("title")}</h1>
      <p class="lead">{tt("intro")}</p>
      {/* A link or QR that carried a broken number: it shows in the form with what is wrong with it. */}
      <LookupForm initial={number ?? ""} />
      <SavedList />
    </div>
  );
}
