import type { Draft } from "../../shared/draft";
import type { Guide } from "../../shared/guide";
import type { PrecheckResult } from "../../shared/precheck";
import type { Locale } from "../../shared/text";
import { formatRupiah } from "../format";
import { td } from "./messages";

/**
 * The summary a cadre leaves with the resident: what is complete, what is
 * still missing and why, the official fee, the office and its hours, and
 * once submitted the tracking number and its status link. Plain
 * text so it works in WhatsApp, SMS or on paper.
 */
export function handoverText(
  guide: Guide,
  draft: Draft,
  result: PrecheckResult,
  locale: Locale,
  tracking?: { number: string; link: string },
): string {
  const labels = new Map(guide.requirements.map((r) => [r.id, r.label[locale]]));
  const sources = new Map(guide.requirements.map((r) => [r.id, r.obtainFrom?.[locale]]));
  const complete = result.requirements.filter((r) => r.status === "ok");
  const missing = result.requirements.filter((r) => r.status === "missing" || r.status === "invalid");
  const lines = [`*${guide.title[locale]}*`];
  if (draft.applicant.fullName.trim()) lines.push(draft.applicant.fullName.trim());
  // Once submitted, the number and the link are what the resident needs most: first, once.
  if (tracking) {
    lines.push(`${td("trackingNumberLabel")}: ${tracking.number}`);
    lines.push(`${td("statusLinkLabel")}: ${tracking.link}`);
  }
  lines.push("");
  if (complete.length > 0) {
    lines.push(`${td("summaryComplete")}:`);
    for (const item of complete) lines.push(`✔ ${labels.get(item.requirementId) ?? item.requirementId}`);
    lines.push("");
  }
  const applicantIssues = result.applicant.map((reason) => `✘ ${reason.message[locale]}`);
  if (missing.length > 0 || applicantIssues.length > 0) {
    lines.push(`${td("summaryMissing")}:`);
    lines.push(...applicantIssues);
    for (const item of missing) {
      const why = item.reasons[0]?.message[locale];
      lines.push(`✘ ${labels.get(item.requirementId) ?? item.requirementId}${why ? ` — ${why}` : ""}`);
      const source = sources.get(item.requirementId);
      if (source) lines.push(`   ${td("summaryObtain")}: ${source}`);
    }
    lines.push("");
  }
  lines.push(
    `${td("summaryFee")}: ${guide.fee.amount === 0 ? (locale === "id" ? "Gratis" : "Free") : formatRupiah(guide.fee.amount)}`,
  );
  lines.push(`${td("summaryOffice")}: ${guide.office.name[locale]} — ${guide.submission.where[locale]}`);
  if (guide.submission.hours) lines.push(`${td("summaryHours")}: ${guide.submission.hours[locale]}`);
  return lines.join("\n");
}
