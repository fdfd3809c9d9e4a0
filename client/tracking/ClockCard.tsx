import type { PublicStatus } from "../../shared/api/tracking";
import { clockText } from "../../shared/service-time/words";
import { locale } from "../i18n";
import { tt } from "./messages";
import { clockViewOf } from "./view";

/** The service-time clock as it stands today, computed on the phone (it keeps counting offline). */
export function ClockCard({ status, now }: { status: PublicStatus; now: Date }) {
  const view = clockViewOf(status, now);
  const urgency = view?.urgency ?? view?.state ?? "none";
  return (
    <section class={`card lacak-clock clock-${urgency}`} aria-labelledby="lacak-clock-title" data-testid="lacak-clock">
      <h2 id="lacak-clock-title">{tt("clockTitle")}</h2>
      <p>{view ? clockText(view, locale.value) : tt("clockNotStarted")}</p>
    </section>
  );
}
