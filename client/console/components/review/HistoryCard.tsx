import type { ApplicationEvent } from "../../../../shared/api/console";
import { formatDateTime } from "../../../format";
import { locale } from "../../../i18n";
import { type ConsoleMessageKey, tc } from "../../messages";

/** A submission after a send-back (its event records what changed). */
function resubmitted(event: ApplicationEvent): boolean {
  return event.kind === "submitted" && event.detail?.resubmission === true;
}

export function HistoryCard({ history }: { history: ApplicationEvent[] }) {
  const lang = locale.value;
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">{tc("historyTitle")}</h2>
      <ol class="console-history small">
        {history.map((event, index) => (
          <li key={index}>
            <time dateTime={event.at}>{formatDateTime(new Date(event.at), lang)}</time>{" "}
            {tc(resubmitted(event) ? "event.resubmitted" : (`event.${event.kind}` as ConsoleMessageKey))}
            {event.status ? ` → ${tc(`status.${event.status}` as ConsoleMessageKey)}` : ""}
            {event.actorName ? ` (${event.actorName})` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
