import { Applicant, type Draft } from "../../shared/draft";
import type { Verdict } from "../../shared/sync/protocol";

/**
 * The history entry a scrubbed file carries in its content: the one mark a
 * reader (the console's file screen, client/console/privacy/scrubbed.ts)
 * needs to say "Data pemohon dihapus (retensi)" instead of showing empty fields.
 */
export { SCRUBBED_ACTION } from "../../shared/api/retention";

import { SCRUBBED_ACTION } from "../../shared/api/retention";

/** Hashes of every page the content names (the photos that go with it). */
export function pageHashesOf(content: unknown): string[] {
  const documents = (content as Partial<Draft> | null)?.documents;
  if (!documents || typeof documents !== "object") return [];
  const hashes: string[] = [];
  for (const document of Object.values(documents)) {
    for (const page of document?.pages ?? []) if (typeof page?.sha256 === "string") hashes.push(page.sha256);
  }
  return hashes;
}

/**
 * What is left of a decided file's content once its retention has passed: a
 * Draft that still parses (readers never meet a new shape), with the service,
 * the guide version, the office, the dates and the history of actions (which
 * never held values), and nothing about the person: no name, NIK, KK, birth
 * date, sex, phone or street; no free-text answers (yes/no answers stay, they
 * are the guide's branches, not the person); no data values; no page lists.
 * The kelurahan code stays: it is also a column (village_code) the dashboard counts.
 */
export function scrubbedContent(content: unknown, at: string): Draft {
  const draft = content as Draft;
  const answers: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(draft.answers ?? {})) if (typeof value === "boolean") answers[key] = value;
  return {
    id: draft.id,
    guideId: draft.guideId,
    guideVersion: draft.guideVersion,
    // The kelurahan stays (the office's filters count by it); everything else is the empty applicant.
    applicant: Applicant.parse({ address: { villageCode: draft.applicant?.address?.villageCode ?? "" } }),
    answers,
    data: {},
    documents: {},
    officeAreaCode: draft.officeAreaCode ?? "",
    status: draft.status ?? "ready",
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    history: [...(draft.history ?? []).slice(-199), { at, action: SCRUBBED_ACTION }],
  };
}

/**
 * The verdict without the operator's free-text notes (they may quote the
 * person); the decision, its codes and its date stay, which is what the
 * phone, the public tracking page and the dashboard's reasons read.
 */
export function scrubbedVerdict(verdict: unknown): Verdict | null {
  if (!verdict || typeof verdict !== "object") return null;
  const { reason: _reason, reasonPublic: _public, requirements, ...rest } = verdict as Verdict;
  const kept: Verdict["requirements"] = {};
  for (const [id, review] of Object.entries(requirements ?? {})) {
    const { reason: _note, ...codes } = review;
    kept[id] = codes;
  }
  return { ...rest, requirements: kept };
}

/** Keys of a file's history and audit entries that hold free text or salted digests of its values. */
const FREE_TEXT_KEYS = new Set(["note", "reason", "fingerprints", "salt"]);

/**
 * A history event's detail or an audit entry's before/after without the
 * operator's notes and the send-back's salted digests (a salt stored next to
 * a digest of a 16-digit NIK lets anyone try every plausible NIK). Codes,
 * statuses and dates stay.
 */
export function withoutFreeText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFreeText);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !FREE_TEXT_KEYS.has(key))
      .map(([key, inner]) => [key, withoutFreeText(inner)]),
  );
}
