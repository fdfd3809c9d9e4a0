import type { ApplicationDetail } from "../../../../shared/api/console";
import { clockText } from "../../../../shared/service-time/words";
import { locale } from "../../../i18n";
import { tc } from "../../messages";
import { ClockBadge } from "./ClockBadge";

/**
 * The file's tracking number (what the citizen holds) and its service-time
 * clock in a sentence: days used of the service time and the deadline, or
 * paused while the citizen fixes the file, or how the decision came.
 */
export function ClockCard({ app }: { app: Pick<ApplicationDetail, "trackingNumber" | "clock"> }) {
  const lang = locale.value;
  return (
    <section class="card clock-card" aria-labelledby="clock-title" data-testid="clock-card">
      <h2 id="clock-title">{tc("clockTitle")}</h2>
      <dl class="clock-facts">
        <dt>{tc("trackingNumber")}</dt>
        <dd>
          {app.trackingNumber ? (
            <span class="tracking-number" data-testid="tracking-number">
              {app.trackingNumber}
            </span>
          ) : (
            tc("noTrackingNumber")
          )}
        </dd>
      </dl>
      {app.clock ? (
        <>
          <ClockBadge clock={app.clock} detail={false} />
          <p class="clock-sentence" data-testid="clock-sentence">
            {clockText(app.clock, lang)}
          </p>
        </>
      ) : (
        <p class="muted" data-testid="clock-sentence">
          {tc("clockNotStarted")}
        </p>
      )}
    </section>
  );
}
