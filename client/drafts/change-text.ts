import type { DocumentForm, GovernmentLevel, Guide } from "../../shared/guide";
import {
  type GuideChangeDetail,
  guideChanges,
  type InfoChange,
  infoChanges,
  type RequirementDetail,
  type ResidencyChange,
} from "../../shared/guide-changes";
import { formatNumber, formatRupiah } from "../format";
import { describeCondition } from "../guide/describe";
import { interpolate, locale, t } from "../i18n";
import { td } from "./messages";

/**
 * "What changed" between two guide versions, in the cadre's language and in
 * words with the values before and after ("Masa berlaku Surat pengantar RT
 * dan RW: 30 → 14 hari"): requirements, eligibility rules, who may apply
 * (residency), questions, then the fee and the service time. Kept apart from
 * messages.ts so the list grows with shared/guide-changes.ts in one place.
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
  "req.label": "Nama syarat berubah: {before} → {label}",
  "req.maxAgeDays": "Masa berlaku {label}: {change}",
  "req.minPages": "Jumlah halaman foto {label}: {change}",
  "req.copies": "Jumlah lembar {label}: {change}",
  "req.form": "Bentuk {label}: {change}",
  "req.legalised.on": "{label} kini harus dilegalisir",
  "req.legalised.off": "{label} tidak perlu dilegalisir lagi",
  "req.stamped.on": "{label} kini harus bermeterai",
  "req.stamped.off": "{label} tidak perlu bermeterai lagi",
  "req.allPagesWithEntries.on": "{label}: kini semua halaman yang berisi catatan harus difoto",
  "req.allPagesWithEntries.off": "{label}: tidak perlu lagi memotret semua halaman yang berisi catatan",
  "req.when.always": "{label} kini selalu diperlukan",
  "req.when.only": "{label} kini hanya diperlukan jika {condition}",
  "req.other": "Keterangan lain pada {label} berubah",
  days: "{count} hari",
  noLimit: "tanpa batas",
  notSet: "tidak ditentukan",
  "info.fee": "Biaya: {from} → {to}",
  "info.workingDays": "Lama layanan: {from} → {to}",
  workingDays: "{count} hari kerja",
  sameDay: "selesai hari itu juga",
  changesHeading: "Yang berubah:",
  noteHeading: "Catatan perubahan dari kantor:",
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
  "req.label": "Requirement renamed: {before} → {label}",
  "req.maxAgeDays": "{label} valid for: {change}",
  "req.minPages": "Pages to photograph of {label}: {change}",
  "req.copies": "Copies of {label}: {change}",
  "req.form": "Form of {label}: {change}",
  "req.legalised.on": "{label} must now be legalised",
  "req.legalised.off": "{label} no longer needs to be legalised",
  "req.stamped.on": "{label} must now carry a duty stamp",
  "req.stamped.off": "{label} no longer needs a duty stamp",
  "req.allPagesWithEntries.on": "{label}: every page with entries must now be photographed",
  "req.allPagesWithEntries.off": "{label}: no longer every page with entries",
  "req.when.always": "{label} is now always needed",
  "req.when.only": "{label} is now needed only if {condition}",
  "req.other": "Other details of {label} changed",
  days: "{count, plural, one {# day} other {# days}}",
  noLimit: "no limit",
  notSet: "not set",
  "info.fee": "Fee: {from} → {to}",
  "info.workingDays": "Processing time: {from} → {to}",
  workingDays: "{count, plural, one {# working day} other {# working days}}",
  sameDay: "same day",
  changesHeading: "What changed:",
  noteHeading: "The office's note on this change:",
};

function tc(key: ChangeMessageKey, params?: Record<string, string | number>): string {
  return interpolate((locale.value === "en" ? en : id)[key], params);
}

export function changeHeading(): string {
  return tc("changesHeading");
}

export function noteHeading(): string {
  return tc("noteHeading");
}

const REQUIREMENT_KEYS = { added: "reqAdded", removed: "reqRemoved", changed: "reqChanged" } as const;
const FORM_KEYS: Record<DocumentForm, "formOriginal" | "formCopy" | "formOriginalAndCopy" | "formDigital"> = {
  original: "formOriginal",
  copy: "formCopy",
  "original-and-copy": "formOriginalAndCopy",
  digital: "formDigital",
};

/** A stable key for lists. */
export function changeKey(change: GuideChangeDetail): string {
  if ("requirement" in change) return `${change.kind}-requirement-${change.requirement.id}`;
  if ("rule" in change) return `${change.kind}-rule-${change.rule.id}`;
  if ("question" in change) return `${change.kind}-question-${change.question.id}`;
  return "changed-residency";
}

/** One line naming the change (a changed requirement by its name only; see `changeLines` for its values). */
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

/**
 * A change's lines: a changed requirement gets one per part that changed,
 * with its values; `latest` names the questions of a new condition.
 */
export function changeLines(change: GuideChangeDetail, latest: Guide): string[] {
  if (!("requirement" in change) || change.kind !== "changed" || !change.details?.length) return [changeLine(change)];
  const label = change.requirement.label[locale.value];
  const named = change.details.filter((detail) => detail.field !== "other");
  // Only wording or other details changed: the generic line says it best.
  if (named.length === 0) return [changeLine(change)];
  return change.details.map((detail) => detailLine(detail, label, latest));
}

/** Every line of the notice, with a key each: the changes that decide a file, then the fee and time. */
export function noticeLines(pinned: Guide, latest: Guide): { key: string; text: string }[] {
  const lines: { key: string; text: string }[] = [];
  for (const change of guideChanges(pinned, latest)) {
    changeLines(change, latest).forEach((text, index) => {
      lines.push({ key: `${changeKey(change)}-${index}`, text });
    });
  }
  for (const change of infoChanges(pinned, latest)) {
    lines.push({ key: "fee" in change ? "fee" : "working-days", text: infoLine(change) });
  }
  return lines;
}

export function infoLine(change: InfoChange): string {
  if ("fee" in change) {
    return tc("info.fee", { from: formatRupiah(change.fee.from), to: formatRupiah(change.fee.to) });
  }
  const days = (n: number) => (n === 0 ? tc("sameDay") : tc("workingDays", { count: n }));
  const { from, to } = change.workingDays;
  // "3 → 5 hari kerja" reads better than the unit twice; a same-day end says so in words.
  const fromText = from === 0 || to === 0 ? days(from) : formatNumber(from);
  return tc("info.workingDays", { from: fromText, to: days(to) });
}

function detailLine(detail: RequirementDetail, label: string, latest: Guide): string {
  const lang = locale.value;
  switch (detail.field) {
    case "label":
      return tc("req.label", { before: detail.from[lang], label });
    case "maxAgeDays":
      return tc("req.maxAgeDays", { label, change: fromTo(detail.from, detail.to, "days", "noLimit") });
    case "minPages":
      return tc("req.minPages", { label, change: fromTo(detail.from, detail.to, null, "notSet") });
    case "copies":
      return tc("req.copies", { label, change: fromTo(detail.from, detail.to, null, "notSet") });
    case "form": {
      const form = (value: DocumentForm | null) => (value ? t(FORM_KEYS[value]) : tc("notSet"));
      return tc("req.form", { label, change: `${form(detail.from)} → ${form(detail.to)}` });
    }
    case "legalised":
    case "stamped":
    case "allPagesWithEntries":
      return tc(`req.${detail.field}.${detail.to ? "on" : "off"}` as const, { label });
    case "when":
      return detail.to
        ? tc("req.when.only", { label, condition: describeCondition(detail.to, latest, lang) })
        : tc("req.when.always", { label });
    case "other":
      return tc("req.other", { label });
  }
}

/** "30 → 14 hari"; an absent value in words ("tanpa batas → 14 hari"). */
function fromTo(from: number | null, to: number | null, unit: "days" | null, absent: "noLimit" | "notSet"): string {
  const withUnit = (n: number) => (unit ? tc(unit, { count: formatNumber(n) }) : formatNumber(n));
  if (from !== null && to !== null) return `${formatNumber(from)} → ${withUnit(to)}`;
  const side = (n: number | null) => (n === null ? tc(absent) : withUnit(n));
  return `${side(from)} → ${side(to)}`;
}

function residencyLine({ from, to }: ResidencyChange): string {
  const area = (level: GovernmentLevel) => tc(`area.${level}`);
  if (!to) return tc("residency.lifted");
  if (!from) return tc("residency.set", { area: area(to) });
  return tc("residency.moved", { area: area(to), before: area(from) });
}
