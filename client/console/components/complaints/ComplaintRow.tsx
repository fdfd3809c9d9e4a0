import type { ComplaintListItem } from "../../../../shared/api/complaints";
import { formatDateTime, formatRupiah } from "../../../format";
import { locale } from "../../../i18n";
import { onLinkClick } from "../../../router";
import { villageName } from "../../lookups";
import { consolePaths } from "../../routes";
import { tv } from "../../voice-messages";
import { ClockBadge } from "../review/ClockBadge";
import { categoryLabel, statusLabel } from "./complaint-words";

/** One complaint in the queue: number, category, status, the response clock and who handles it. */
export function ComplaintRow({ item }: { item: ComplaintListItem }) {
  const lang = locale.value;
  return (
    <li class="console-row" data-testid="complaint-row" data-id={item.id}>
      <a href={consolePaths.complaint(item.id)} onClick={onLinkClick} class="console-row-main">
        <strong class="tracking-number">{item.number}</strong>
        <span>{categoryLabel(item.category)}</span>
      </a>
      <span class={`status-tag complaint-${item.status}`}>{statusLabel(item.status)}</span>
      {item.confidential && <span class="status-tag tag-confidential">{tv("confidential")}</span>}
      <span class="small muted">
        {tv("complaintReceivedAt", { when: formatDateTime(new Date(item.receivedAt), lang) })}
        {item.kelurahanCode ? ` · ${villageName(item.kelurahanCode)}` : ""}
        {item.amountAsked !== null ? ` · ${tv("complaintAsked")} ${formatRupiah(item.amountAsked)}` : ""}
        {" · "}
        {item.assignee ? tv("complaintAssignedTo", { name: item.assignee.displayName }) : tv("complaintUnassigned")}
      </span>
      <ClockBadge clock={item.clockNow} />
    </li>
  );
}
