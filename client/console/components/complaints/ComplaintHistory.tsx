import type { ComplaintEvent } from "../../../../shared/api/complaints";
import { formatDateTime } from "../../../format";
import { locale } from "../../../i18n";
import { tv } from "../../voice-messages";
import { statusLabel } from "./complaint-words";

function eventTitle(event: ComplaintEvent): string {
  if (event.kind === "status" && event.status) return tv("event.status", { status: statusLabel(event.status) });
  return tv(`event.${event.kind}`);
}

/** What happened to the complaint, oldest first: received, assigned, moved, answered, and the internal notes. */
export function ComplaintHistory({ events }: { events: ComplaintEvent[] }) {
  const lang = locale.value;
  return (
    <section class="card" aria-labelledby="complaint-history-title">
      <h2 id="complaint-history-title">{tv("complaintHistory")}</h2>
      <ol class="history-list" data-testid="complaint-history">
        {events.map((event, index) => (
          <li key={`${event.at}-${index}`} class={`history-${event.kind}`}>
            <p>
              <strong>{eventTitle(event)}</strong>
              <span class="small muted">
                {" · "}
                {formatDateTime(new Date(event.at), lang)}
                {" · "}
                {event.actor?.displayName ?? tv("eventBySystem")}
              </span>
            </p>
            {event.text && <p class="complaint-text">{event.text}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
