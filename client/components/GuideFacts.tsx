import { formatRupiah } from "../format";
import { t } from "../i18n";

/** "Gratis" for Rp 0: saying it plainly is what stops illegal levies. */
export function FeeText({ amount }: { amount: number }) {
  return <>{amount === 0 ? t("free") : formatRupiah(amount)}</>;
}

export function ServiceTimeText({ days }: { days: number }) {
  return <>{days === 0 ? t("sameDay") : t("workingDays", { count: days })}</>;
}
