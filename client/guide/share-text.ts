import { checklistFor } from "../../shared/applicability";
import type { Answers } from "../../shared/conditions";
import type { Guide } from "../../shared/guide";
import type { Locale } from "../../shared/text";
import { formatRupiah } from "../format";
import { t } from "../i18n";
import { describeRequirement } from "./describe";

/** Plain text a cadre can paste into WhatsApp: what to bring, what it costs, where to go. */
export function guideShareText(guide: Guide, answers: Answers, locale: Locale, url: string): string {
  const fee = guide.fee.amount === 0 ? t("free") : formatRupiah(guide.fee.amount);
  const { workingDays: days, unit } = guide.serviceTime;
  const time = days === 0 ? t("sameDay") : t(unit === "calendar" ? "calendarDays" : "workingDays", { count: days });
  const items = checklistFor(guide, answers)
    .filter((item) => item.applicability !== "not-applicable")
    .map(({ requirement }) => {
      const detail = describeRequirement(requirement, locale);
      return `☐ ${requirement.label[locale]}${detail ? ` (${detail})` : ""}`;
    });
  return [
    `*${guide.title[locale]}*`,
    `${t("shareFee")}: ${fee}`,
    `${t("shareTime")}: ${time}`,
    "",
    `${t("shareRequirements")}:`,
    ...items,
    "",
    `${t("shareWhere")}: ${guide.submission.where[locale]}`,
    url,
  ].join("\n");
}
