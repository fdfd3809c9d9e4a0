import type { GovernmentLevel } from "../../shared/guide";
import type { GuideChangeDetail, ResidencyChange } from "../../shared/guide-changes";
import { interpolate, locale } from "../i18n";
import { td } from "./messages";

/**
 * One line of "what changed" between two guide versions, in the cadre's
 * language: requirements (the drafts screens' own words), eligibility rules,
 * who may apply (residency) and questions. Kept apart from messages.ts so the
 * list grows with shared/guide-changes.ts in one place.
 */

const id = {
  "rule.added": "Aturan baru: {label}",
  "rule.removed": "Aturan tidak berlaku lagi: {label}",
  "rule.changed": "Aturan berubah: {label}",
  "question.added": "Pertanyaan baru: {label}",
  "question.removed": "Pertanyaan tidak ditanyakan lagi: {label}",
  "question.changed": "Pertanyaan berubah: {label}",
  "residency.set": "Kini hanya untuk warga yang tinggal di {area} kantor.",
  "residency.moved": "Kini untuk warga yang tinggal di {area} kantor (sebelumnya {before}).",
  "residency.lifted": "Tidak lagi dibatasi tempat tinggal pemohon.",
  "area.kelurahan": "kelurahan",
  "area.kecamatan": "kecamatan",
  "area.kota": "kota",
  "area.provinsi": "provinsi",
} as const;

type ChangeMessageKey = keyof typeof id;

const en: Record<ChangeMessageKey, string> = {
  "rule.added": "New rule: {label}",
  "rule.removed": "Rule no longer applies: {label}",
  "rule.changed": "Rule changed: {label}",
  "question.added": "New question: {label}",
  "question.removed": "Question no longer asked: {label}",
  "question.changed": "Question changed: {label}",
  "residency.set": "Now only for residents of the office's {area}.",
  "residency.moved": "Now for residents of the office's {area} (before: {before}).",
  "residency.lifted": "No longer limited to residents of the office's area.",
  "area.kelurahan": "kelurahan",
  "area.kecamatan": "kecamatan",
  "area.kota": "city",
  "area.provinsi": "province",
};

function tc(key: ChangeMessageKey, params?: Record<string, string>): string {
  return interpolate((locale.value === "en" ? en : id)[key], params);
}

const REQUIREMENT_KEYS = { added: "reqAdded", removed: "reqRemoved", changed: "reqChanged" } as const;

/** A stable key for lists. */
export function changeKey(change: GuideChangeDetail): string {
  if ("requirement" in change) return `${change.kind}-requirement-${change.requirement.id}`;
  if ("rule" in change) return `${change.kind}-rule-${change.rule.id}`;
  if ("question" in change) return `${change.kind}-question-${change.question.id}`;
  return "changed-residency";
}

export function changeLine(change: GuideChangeDetail): string {
  const lang = locale.value;
  if ("requirement" in change) return td(REQUIREMENT_KEYS[change.kind], { label: change.requirement.label[lang] });
  // A rule's message says what the office requires: the clearest name it has.
  if ("rule" in change) return tc(`rule.${change.kind}` as const, { label: change.rule.message[lang] });
  if ("question" in change) {
    return tc(`question.${change.kind}` as const, { label: change.question.text[lang] });
  }
  return residencyLine(change.residency);
}

function residencyLine({ from, to }: ResidencyChange): string {
  const area = (level: GovernmentLevel) => tc(`area.${level}`);
  if (!to) return tc("residency.lifted");
  if (!from) return tc("residency.set", { area: area(to) });
  return tc("residency.moved", { area: area(to), before: area(from) });
}
