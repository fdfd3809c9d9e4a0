import { createHash } from "node:crypto";
import { evaluateCondition } from "../../shared/conditions";
import { type DocumentPage, Draft, type PageMime } from "../../shared/draft";
import type { Guide } from "../../shared/guide";

const MIME_FOR: Record<string, PageMime> = { jpg: "image/jpeg", png: "image/png", pdf: "application/pdf" };

export interface FilledOptions {
  id: string;
  today: string;
  /** Where the applicant lives (a kelurahan code): also the office, unless `officeAreaCode` says otherwise. */
  villageCode?: string;
  officeAreaCode?: string;
  /** The hash every page of every document carries (one stored photo serves them all). */
  pageSha256?: string;
}

/** SHA-256 of a label, for pages whose bytes a test never uploads. */
export function labelSha(label: string): string {
  return createHash("sha256").update(label).digest("hex");
}

/**
 * A draft that a careful cadre prepared for any guide: every question
 * answered "no" (or its first option), every document photographed with the
 * pages its rule asks for, statements signed, letters dated today. The
 * pre-check must call it ready; tests break it one rule at a time.
 */
export function filledDraftFor(guide: Guide, options: FilledOptions): Draft {
  const at = `${options.today}T03:00:00.000Z`;
  const answers: Record<string, boolean | string> = {};
  for (const q of guide.questions) answers[q.id] = q.kind === "yes-no" ? false : (q.options[0]?.value ?? "");
  const documents: Record<string, Draft["documents"][string]> = {};
  const data: Record<string, string> = {};
  for (const r of guide.requirements) {
    if (r.kind === "data") {
      data[r.id] = "Diisi sesuai formulir";
      continue;
    }
    const format = r.acceptance.formats?.[0] ?? "jpg";
    const mime = MIME_FOR[format] ?? "image/jpeg";
    const count = r.minPages ?? 1;
    const pages: DocumentPage[] = Array.from({ length: count }, (_, i) => ({
      blobId: `${r.id}-${i + 1}`,
      // The type is part of the label: two guides may take the same paper as a photo and as a PDF, and
      // one stored file is one type (a submit refuses a page declared otherwise than its stored file).
      sha256: options.pageSha256 ?? labelSha(`${r.id}-${i + 1} ${mime}`),
      mime,
      bytes: 180_000,
      ...(format === "pdf" ? {} : { width: 1600, height: 1200 }),
      addedAt: at,
    }));
    documents[r.id] = {
      pages,
      issuedOn: options.today,
      ...(r.kind === "statement" ? { signedOn: options.today } : {}),
      ...(r.allPagesWithEntries ? { pagesWithEntries: count } : {}),
    };
  }
  Object.assign(data, datesWithinRules(guide, answers, options.today));
  const villageCode = options.villageCode ?? "31.71.01.1002";
  return Draft.parse({
    id: options.id,
    guideId: guide.id,
    guideVersion: guide.version,
    applicant: {
      fullName: "Budi Santoso",
      nik: "3171011203900001",
      kk: "3171011501200003",
      birthDate: "1990-03-12",
      sex: "male",
      phone: "081234567890",
      address: { street: "Jl. Kebon Kelapa No. 7", rt: "3", rw: "11", villageCode },
    },
    answers,
    data,
    documents,
    officeAreaCode: options.officeAreaCode ?? "",
    createdAt: at,
    updatedAt: at,
  });
}

/**
 * Dates for the data fields that eligibility rules read (a child's birth, a
 * death): a day inside every bound of the rules that apply to these answers,
 * as a careful cadre would copy it from a letter that is in time.
 */
function datesWithinRules(
  guide: Guide,
  answers: Record<string, boolean | string>,
  today: string,
): Record<string, string> {
  const ranges = new Map<string, { lo: number; hi: number }>();
  for (const rule of guide.eligibility ?? []) {
    if (!rule.date?.startsWith("data.")) continue;
    if (rule.when && evaluateCondition(rule.when, answers) !== true) continue;
    const id = rule.date.slice("data.".length);
    const range = ranges.get(id) ?? { lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY };
    if (rule.minDaysAgo !== undefined) range.lo = Math.max(range.lo, rule.minDaysAgo);
    if (rule.maxDaysAgo !== undefined) range.hi = Math.min(range.hi, rule.maxDaysAgo);
    if (rule.minYears !== undefined) range.lo = Math.max(range.lo, rule.minYears * 366 + 1);
    if (rule.belowYears !== undefined) range.hi = Math.min(range.hi, rule.belowYears * 365 - 2);
    ranges.set(id, range);
  }
  const dates: Record<string, string> = {};
  for (const [id, { lo, hi }] of ranges) {
    const days =
      Number.isFinite(lo) && Number.isFinite(hi)
        ? Math.floor((lo + hi) / 2)
        : Number.isFinite(lo)
          ? lo + 1
          : Number.isFinite(hi)
            ? hi - 1
            : 10;
    const day = new Date(`${today}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - days);
    dates[id] = day.toISOString().slice(0, 10);
  }
  return dates;
}
