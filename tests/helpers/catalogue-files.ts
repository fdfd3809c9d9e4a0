import { requirementApplicability } from "../../shared/applicability";
import type { Answers } from "../../shared/conditions";
import { Draft, type PageMime } from "../../shared/draft";
import type { Guide } from "../../shared/guide";
import { checkEligibility } from "../../shared/precheck/eligibility";

/**
 * Fully prepared files for seeded guides under any answers, for the catalogue
 * rule tests: every requirement that applies is photographed to its page rule,
 * every statement signed, every data field filled, and every date an
 * eligibility rule reads (the applicant's birth, a child's birth, an event)
 * set to a day the rules accept, found by asking the rules themselves.
 */

export const TODAY = "2026-02-15";
const AT = "2026-02-10T08:00:00.000Z";
export const DRAFT_ID = "0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f";
/** Cideng, Kecamatan Gambir: the applicant's home and the office, so every residency rule holds. */
export const HOME = "31.71.01.1002";

const MIME: Record<string, PageMime> = { jpg: "image/jpeg", png: "image/png", pdf: "application/pdf" };

/** YYYY-MM-DD moved by whole days (UTC arithmetic; tests only). */
export function shiftDate(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** The date `years` whole years before `day`, then `extraDays` earlier still. */
export function yearsBefore(day: string, years: number, extraDays = 0): string {
  const y = Number(day.slice(0, 4)) - years;
  return shiftDate(`${String(y).padStart(4, "0")}${day.slice(4)}`, -extraDays);
}

/** A NIK registered in Kecamatan Gambir that agrees with the birth date (DDMMYY, day + 40 for women). */
export function nikFor(birthDate: string, sex: "male" | "female" = "male"): string {
  const day = Number(birthDate.slice(8, 10)) + (sex === "female" ? 40 : 0);
  return `317101${String(day).padStart(2, "0")}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}0001`;
}

const DAYS_AGO = [0, 1, 30, 61, 400, 3 * 365 + 2, 6 * 365 + 2, 10 * 365 + 3, 18 * 365 + 5, -30, -60];
const BIRTH_YEARS = [36, 25, 20, 18, 16, 15, 10];

/** A birth date for the applicant that every rule reading it accepts under these answers. */
export function applicantBirthDate(guide: Guide, answers: Answers): string {
  for (const years of BIRTH_YEARS) {
    const birthDate = yearsBefore(TODAY, years, 20);
    const probe = { applicant: { birthDate }, data: {} };
    if (!checkEligibility(guide, probe, answers, TODAY).some((r) => r.field === "applicant.birthDate"))
      return birthDate;
  }
  throw new Error(`${guide.id}: no applicant birth date satisfies the rules`);
}

/** A date for a data requirement that every rule reading it accepts; undefined when no rule reads it. */
export function ruleDateFor(guide: Guide, requirementId: string, answers: Answers): string | undefined {
  const field = `data.${requirementId}`;
  if (!(guide.eligibility ?? []).some((rule) => rule.date === field)) return undefined;
  for (const daysAgo of DAYS_AGO) {
    const date = shiftDate(TODAY, -daysAgo);
    const probe = { applicant: {}, data: { [requirementId]: date } };
    if (!checkEligibility(guide, probe, answers, TODAY).some((r) => r.field === field)) return date;
  }
  throw new Error(`${guide.id}: no date satisfies the rules on ${field}`);
}

/** Every question answered "no" or with its first option, then `overrides`. */
export function baselineAnswers(guide: Guide, overrides: Record<string, boolean | string> = {}) {
  const answers: Record<string, boolean | string> = {};
  for (const q of guide.questions) answers[q.id] = q.kind === "yes-no" ? false : (q.options[0]?.value ?? "");
  return { ...answers, ...overrides };
}

export const page = (mime: PageMime, n: number) => ({
  blobId: `blob-${n}`,
  mime,
  bytes: 120_000,
  ...(mime === "application/pdf" ? {} : { width: 1600, height: 1200 }),
  addedAt: AT,
});

/** A complete file for the guide under these answers (the baseline answers where none are given). */
export function preparedFile(guide: Guide, answerOverrides: Record<string, boolean | string> = {}): Draft {
  const answers = baselineAnswers(guide, answerOverrides);
  const birthDate = applicantBirthDate(guide, answers);
  const documents: Record<string, unknown> = {};
  const data: Record<string, string> = {};
  for (const r of guide.requirements) {
    if (requirementApplicability(r, answers) === "not-applicable") continue;
    if (r.kind === "data") {
      if (!r.field) data[r.id] = ruleDateFor(guide, r.id, answers) ?? "Diisi sesuai formulir";
      continue;
    }
    const format = r.acceptance.formats?.[0] ?? "jpg";
    const pages = Array.from({ length: r.minPages ?? 1 }, (_, i) => page(MIME[format] ?? "image/jpeg", i + 1));
    documents[r.id] = {
      pages,
      issuedOn: shiftDate(TODAY, -5),
      // Signed the day the pages were photographed: a photo older than the signature would show a blank form.
      ...(r.kind === "statement" ? { signedOn: AT.slice(0, 10) } : {}),
      ...(r.allPagesWithEntries ? { pagesWithEntries: pages.length } : {}),
    };
  }
  return Draft.parse({
    id: DRAFT_ID,
    guideId: guide.id,
    guideVersion: guide.version,
    applicant: {
      fullName: "Budi Santoso",
      nik: nikFor(birthDate),
      kk: "3171011501200003",
      birthDate,
      sex: "male",
      phone: "081234567890",
      address: { street: "Jl. Kebon Kelapa No. 7", rt: "3", rw: "11", villageCode: HOME },
    },
    answers,
    data,
    documents,
    officeAreaCode: HOME,
    createdAt: AT,
    updatedAt: AT,
  });
}
