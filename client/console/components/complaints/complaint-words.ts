import { COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from "../../../../shared/complaints/categories";
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "../../../../shared/complaints/workflow";
import { formatRupiah } from "../../../format";
import { locale } from "../../../i18n";
import { tv } from "../../voice-messages";

export function categoryLabel(category: ComplaintCategory): string {
  return COMPLAINT_CATEGORY_LABELS[category][locale.value];
}

export function statusLabel(status: ComplaintStatus): string {
  return COMPLAINT_STATUS_LABELS[status][locale.value];
}

/** An official fee as the office states it: "Gratis (Rp 0)" for free services, which most are. */
export function officialFeeText(fee: number | null): string {
  if (fee === null) return tv("complaintFeeUnknown");
  return fee === 0 ? tv("complaintFeeFree") : formatRupiah(fee);
}
