import type { Condition } from "../../shared/conditions";
import type { Acceptance, Guide, Requirement } from "../../shared/guide";
import type { Locale } from "../../shared/text";
import { t } from "../i18n";

/** A condition in words, built from the guide's own question texts. */
export function describeCondition(condition: Condition, guide: Guide, locale: Locale): string {
  if ("q" in condition) {
    const question = guide.questions.find((q) => q.id === condition.q);
    if (!question) return condition.q;
    const text = question.text[locale];
    if (question.kind === "yes-no") return `“${text}” → ${condition.is ? t("yes") : t("no")}`;
    const option = question.options.find((o) => o.value === condition.is);
    return `“${text}” → ${option ? option.label[locale] : String(condition.is)}`;
  }
  const joiner =
    locale === "id" ? { all: " dan ", any: " atau ", not: "bukan " } : { all: " and ", any: " or ", not: "not " };
  if ("all" in condition) return condition.all.map((c) => describeCondition(c, guide, locale)).join(joiner.all);
  if ("any" in condition) return condition.any.map((c) => describeCondition(c, guide, locale)).join(joiner.any);
  return `${joiner.not}(${describeCondition(condition.not, guide, locale)})`;
}

const FORM_KEYS = {
  original: "formOriginal",
  copy: "formCopy",
  "original-and-copy": "formOriginalAndCopy",
  digital: "formDigital",
} as const;

/** "Fotokopi · 2 lembar · dilegalisir · berlaku maks. 30 hari" */
export function describeAcceptance(acceptance: Acceptance, locale: Locale): string {
  const parts: string[] = [];
  if (acceptance.form) parts.push(t(FORM_KEYS[acceptance.form]));
  if (acceptance.copies && acceptance.copies > 1) parts.push(t("copies", { count: acceptance.copies }));
  if (acceptance.legalised) parts.push(t("legalised"));
  if (acceptance.stamped) parts.push(t("stamped"));
  if (acceptance.maxAgeDays) parts.push(t("maxAge", { days: acceptance.maxAgeDays }));
  if (acceptance.formats) parts.push(t("formats", { formats: acceptance.formats.join("/").toUpperCase() }));
  if (acceptance.note) parts.push(acceptance.note[locale]);
  return parts.join(" · ");
}

/** "min. 2 halaman (depan dan belakang)" or "semua halaman yang berisi catatan": the page rule as the checklist shows it. */
export function describePages(requirement: Requirement, locale: Locale): string {
  const parts: string[] = [];
  if (requirement.allPagesWithEntries) parts.push(t("pagesAllWithEntries"));
  else if (requirement.minPages && requirement.minPages > 1)
    parts.push(t("pagesAtLeast", { count: requirement.minPages }));
  if (requirement.pagesNote) parts.push(requirement.pagesNote[locale]);
  return parts.join(": ");
}

/** Everything the checklist says about how a requirement is accepted: form, copies, age, formats, pages. */
export function describeRequirement(requirement: Requirement, locale: Locale): string {
  return [describeAcceptance(requirement.acceptance, locale), describePages(requirement, locale)]
    .filter(Boolean)
    .join(" · ");
}
