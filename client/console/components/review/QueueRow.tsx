import type { QueueItem } from "../../../../shared/api/console";
import { formatDateTime } from "../../../format";
import { locale } from "../../../i18n";
import { onLinkClick } from "../../../router";
import { villageName } from "../../lookups";
import { type ConsoleMessageKey, tc } from "../../messages";
import { consolePaths } from "../../routes";
import { ClockBadge } from "./ClockBadge";

/**
 * One file in the queue; a file back after a send-back says so, with how
 * many times. Its tracking number and its service-time clock as of today.
 */
export function QueueRow({ item }: { item: QueueItem }) {
  const lang = locale.value;
  return (
    <li class="console-row" data-testid="queue-row" data-id={item.id}>
      <a href={consolePaths.application(item.id)} onClick={onLinkClick} class="console-row-main">
        <strong>{item.applicantName || "—"}</strong>
        <span>{item.guideTitle}</span>
      </a>
      {item.submitCount > 1 && (
        <span class="status-tag tag-resubmitted" data-testid="queue-resubmitted">
          {tc("resubmitted", { count: item.submitCount - 1 })}
        </span>
      )}
      <span class={`status-tag status-${item.status}`}>{tc(`status.${item.status}` as ConsoleMessageKey)}</span>
      <span class="small muted">
        {item.submittedAt ? tc("submittedAt", { when: formatDateTime(new Date(item.submittedAt), lang) }) : ""}
        {" · "}
        {tc("byCadre", { name: item.cadreName })}
        {item.villageCode ? ` · ${villageName(item.villageCode)}` : ""}
        {" · "}
        {item.trackingNumber ? (
          <span class="tracking-number" data-testid="queue-tracking">
            {item.trackingNumber}
          </span>
        ) : (
          <span class="file-number">{item.id.slice(0, 8)}</span>
        )}
      </span>
      <ClockBadge clock={item.clock} />
    </li>
  );
}
