import { randomBytes } from "node:crypto";
import type { Draft } from "../../shared/draft";
import { homeOfficeOf } from "../../shared/precheck/home-office";
import type { ApplicationChange, ApplicationStatus } from "../../shared/sync/protocol";
import { newTrackingNumber } from "../../shared/tracking/number";
import { trackingPrefix } from "../../shared/tracking/prefix";
import { resubmissionRecord } from "../review/resubmission";
import type { Tx } from "./rows";
import type { ApplicationHead, ChangeRow, ContentValues, SubmitValues, SyncStore } from "./store";

export { recordVerdict } from "../review/verdict";
export { currentChangeSeq, getApplication } from "./rows";

/** Statuses in which the cadre may still change the content. */
export const EDITABLE: readonly ApplicationStatus[] = ["draft", "needs-fix"];

/** The cadre saving or submitting: their area is the office a file goes to when they pick none. */
export interface Author {
  id: string;
  kecamatanCode: string | null;
  kelurahanCode?: string | null;
}

/**
 * The office a submitted file goes to: the one the cadre picked, or the
 * cadre's own kelurahan/kecamatan, as the pre-check that accepted it read it.
 * Its kecamatan's operators review it.
 */
function officeOf(draft: Draft, author: Author): { officeAreaCode: string; kecamatanCode: string | null } {
  const officeAreaCode = draft.officeAreaCode.trim() || homeOfficeOf(author);
  const parts = officeAreaCode.split(".");
  return {
    officeAreaCode,
    kecamatanCode: parts.length >= 3 ? parts.slice(0, 3).join(".") : author.kecamatanCode,
  };
}

/** A number no file has, prefixed with the office's kecamatan; given once, at the first submit. */
async function freshTrackingNumber(store: SyncStore, kecamatanCode: string | null): Promise<string> {
  for (;;) {
    const number = newTrackingNumber(trackingPrefix(kecamatanCode), (n) => randomBytes(n));
    if (!(await store.trackingTaken(number))) return number;
  }
}

/**
 * Writes the cadre's content. The workflow facts the dashboard reads
 * (kecamatan, draft creation, submission counts) and the history event move
 * in the caller's transaction, together with the content. `tx` is that
 * transaction, for writes other modules own; the store's statements run in it too.
 */
export async function saveContent(
  store: SyncStore,
  tx: Tx,
  existing: ApplicationHead | undefined,
  author: Author,
  draft: Draft,
  status: ApplicationStatus,
  now: string,
): Promise<number> {
  const version = (existing?.version ?? 0) + 1;
  const submitting = status === "submitted";
  // A submitted file records the office it goes to (so its review re-checks against the same office) and moves to that office's queue.
  const office = submitting ? officeOf(draft, author) : undefined;
  const values: ContentValues = {
    guideId: draft.guideId,
    guideVersion: draft.guideVersion,
    villageCode: draft.applicant.address.villageCode || null,
    // Submitted content is canonical where the server relies on it: the office, and the NIK as its 16 digits
    // (typed with spaces or dots on the phone), which the "not filed twice" rule looks up (server/sync/duplicates.ts).
    content: office
      ? {
          ...draft,
          officeAreaCode: office.officeAreaCode,
          applicant: { ...draft.applicant, nik: draft.applicant.nik.replace(/\D/g, "") },
        }
      : draft,
    status,
    version,
    updatedAt: now,
  };
  // A resubmission clears the verdict: the cadre kept reading the reasons until now.
  const kecamatanCode = office ? (office.kecamatanCode ?? author.kecamatanCode) : null;
  const submit: SubmitValues | undefined = office
    ? {
        submittedAt: now,
        submitCount: (existing?.submitCount ?? 0) + 1,
        firstSubmittedAt: existing?.firstSubmittedAt ?? now,
        kecamatanCode,
        trackingNumber: existing?.trackingNumber ?? (await freshTrackingNumber(store, kecamatanCode)),
      }
    : undefined;
  if (existing) await store.updateApplication(draft.id, values, submit);
  else
    await store.insertApplication(
      {
        id: draft.id,
        cadreId: author.id,
        createdAt: now,
        kecamatanCode: author.kecamatanCode,
        draftCreatedAt: draft.createdAt,
      },
      values,
      submit,
    );
  if (!existing)
    await store.recordEvent({ applicationId: draft.id, kind: "created", actorId: author.id, status, at: now });
  if (submitting) {
    // A file sent back and submitted again records which parts changed since (names, never values).
    const detail = existing?.status === "needs-fix" ? await resubmissionRecord(tx, draft.id, values.content) : null;
    await store.recordEvent({
      applicationId: draft.id,
      kind: "submitted",
      actorId: author.id,
      status,
      detail,
      at: now,
    });
  }
  return version;
}

/**
 * A submit the server's pre-check refused: counted on the row when there is
 * one (the phone's pre-check should have caught it) and always kept in the
 * history, with the reason codes only. Not a change the phone pulls.
 */
export async function recordPrecheckFailure(
  store: SyncStore,
  existing: ApplicationHead | undefined,
  applicationId: string,
  actorId: string,
  reasons: string[],
  now: string,
): Promise<void> {
  if (existing) await store.countPrecheckFailure(existing.id);
  await store.recordEvent({
    applicationId,
    kind: "precheck-failed",
    actorId,
    status: existing?.status ?? null,
    detail: { reasons },
    at: now,
  });
}

export async function tombstone(store: SyncStore, row: ApplicationHead, actorId: string, now: string): Promise<void> {
  await store.tombstone(row.id, row.version + 1, now);
  await store.recordEvent({ applicationId: row.id, kind: "deleted", actorId, status: row.status, at: now });
}

export function toChange(row: ChangeRow): ApplicationChange {
  return {
    id: row.id,
    guideId: row.guideId,
    version: row.version,
    status: row.status,
    verdict: row.verdict,
    deleted: row.deletedAt !== null,
    updatedAt: row.updatedAt,
    trackingNumber: row.trackingNumber,
    clock: row.clock,
  };
}
