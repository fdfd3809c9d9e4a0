import type { CadreActivity } from "../../../shared/api/console";
import { formatDateTime } from "../../format";
import { locale } from "../../i18n";
import { api } from "../api";
import { type ConsoleMessageKey, tc } from "../messages";
import { useLoad } from "../use-load";

/** What a cadre has submitted lately and what became of it. */
export function CadreActivityList({ userId }: { userId: string }) {
  const activity = useLoad(`activity-${userId}`, () => api<CadreActivity>("GET", `/api/users/${userId}/activity`));
  const lang = locale.value;
  return (
    <>
      <h3>{tc("activityTitle")}</h3>
      {activity.data ? (
        <>
          <p class="small">{tc("activitySubmitted", { count: activity.data.submitted })}</p>
          {activity.data.recent.length === 0 ? (
            <p class="muted small">{tc("noActivity")}</p>
          ) : (
            <ul class="plain-list small">
              {activity.data.recent.map((event, index) => (
                <li key={index}>
                  {formatDateTime(new Date(event.at), lang)} · {tc(`event.${event.kind}` as ConsoleMessageKey)} ·{" "}
                  {event.guideId}
                  {event.status ? ` → ${tc(`status.${event.status}` as ConsoleMessageKey)}` : ""}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        activity.error !== null && <p class="muted small">{tc("noActivity")}</p>
      )}
    </>
  );
}
