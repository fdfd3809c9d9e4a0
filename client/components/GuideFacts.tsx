import { formatRupiah } from "../format";
import { t } from "../i18n";

/** "Gratis" for Rp 0: saying it plainly is what stops illegal levies. */
export function FeeText({ amount }: { amount: number }) {
  return <>{amount === 0 ? t("free") : formatRupiah(amount)}</>;
}

/** The service time as its standard counts it: working days (hari kerja) unless it says calendar days. */
export function ServiceTimeText({ days, unit }: { days: number; unit?: "working" | "calendar" | undefined }) {
  if (days === 0) return <>{t("sameDay")}</>;
  return <>{t(unit === "calendar" ? "calendarDays" : "workingDays", { count: days })}</>;
}
