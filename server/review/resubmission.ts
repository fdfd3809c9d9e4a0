import { and, desc, eq } from "drizzle-orm";
import type { Resubmission, SentBack } from "../../shared/api/console";
import type { Draft } from "../../shared/draft";
import { changedParts, type Fingerprints, sendBackFingerprints } from "../../shared/review/changes";
import { carriedVerdicts } from "../../shared/review/workflow";
import type { Verdict } from "../../shared/sync/protocol";
import type { Db } from "../db/open";
import { applicationEvents, applications, users } from "../db/schema";
import { getGuideVersion } from "../guides/repository";
import type { ApplicationRow, Tx } from "../sync/rows";

/** The verdict event's detail as server/review/verdict.ts writes it (older events lack the later fields). */
interface VerdictDetail {
  decision?: string;
  reasonCode?: string | null;
  note?: string;
  requirements?: {
    requirementId: string;
    status?: "accepted" | "needs-fix";
    reasonCode?: string | null;
    note?: string;
  }[];
  fingerprints?: Fingerprints;
  salt?: string;
}

/** The submitted event's detail of a resubmission: the parts changed since the send-back, or null when unknown. */
export type ResubmissionRecord = {
  resubmission: true;
  changed: string[] | null;
};

async function lastSendBack(tx: Tx | Db, applicationId: string) {
  const [row] = await tx
    .select({
      id: applicationEvents.id,
      at: applicationEvents.at,
      detail: applicationEvents.detail,
      actorName: users.displayName,
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorId))
    .where(
      and(
        eq(applicationEvents.applicationId, applicationId),
        eq(applicationEvents.kind, "verdict"),
        eq(applicationEvents.status, "needs-fix"),
      ),
    )
    .orderBy(desc(applicationEvents.id))
    .limit(1);
  return row;
}

/**
 * What a resubmission records in its "submitted" event: the parts of the file
 * (shared/review/changes.ts) whose digest differs from the one kept when the
 * office sent it back. Names of parts only: the NIK and the name never leave
 * the content. Runs inside the submit's transaction, on the stored content:
 * read back as the send-back read it, so both digests see an object's keys in
 * the same order (PostgreSQL's jsonb keeps its own order, not the phone's).
 */
export async function resubmissionRecord(tx: Tx, applicationId: string, content: Draft): Promise<ResubmissionRecord> {
  const sendBack = await lastSendBack(tx, applicationId);
  const detail = sendBack?.detail as VerdictDetail | null | undefined;
  const before = detail?.fingerprints;
  const guide = await getGuideVersion(tx, content.guideId, content.guideVersion);
  if (!sendBack || !detail || !before || !guide) return { resubmission: true, changed: null };
  const [stored] = await tx
    .select({ content: applications.content })
    .from(applications)
    .where(eq(applications.id, applicationId));
  const now = (stored?.content as Draft | undefined) ?? content;
  const changed = changedParts(before, sendBackFingerprints(guide, now, detail.salt ?? ""));
  // Compared once: the digests are not kept longer than that comparison needs them.
  const { fingerprints: _used, salt: _salt, ...kept } = detail;
  await tx.update(applicationEvents).set({ detail: kept }).where(eq(applicationEvents.id, sendBack.id));
  return { resubmission: true, changed };
}

function sentBackOf(event: NonNullable<Awaited<ReturnType<typeof lastSendBack>>>): SentBack {
  const detail = (event.detail as VerdictDetail | null) ?? {};
  const requirements: Verdict["requirements"] = {};
  for (const entry of detail.requirements ?? []) {
    // Events written before statuses were recorded listed flagged requirements only.
    const status = entry.status ?? "needs-fix";
    requirements[entry.requirementId] =
      status === "accepted"
        ? { status }
        : {
            status,
            ...(entry.reasonCode ? { reasonCode: entry.reasonCode } : {}),
            ...(entry.note ? { reason: entry.note } : {}),
          };
  }
  return {
    at: event.at,
    actorName: event.actorName ?? null,
    reasonCode: detail.reasonCode ?? null,
    note: detail.note ?? null,
    requirements,
  };
}

/**
 * For a file the cadre resubmitted after a send-back: what the office said
 * then, what changed since (from the latest resubmission's record) and the
 * earlier verdicts that still hold. Null for a file never sent back.
 */
export async function resubmissionOf(db: Db, row: ApplicationRow): Promise<Resubmission | null> {
  if (row.submitCount < 2) return null;
  const sendBack = await lastSendBack(db, row.id);
  if (!sendBack) return null;
  const [submitted] = await db
    .select({ id: applicationEvents.id, detail: applicationEvents.detail })
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, row.id), eq(applicationEvents.kind, "submitted")))
    .orderBy(desc(applicationEvents.id))
    .limit(1);
  // Sent back again and not yet resubmitted: the last send-back is still the cadre's to answer.
  if (!submitted || submitted.id < sendBack.id) return null;
  const record = submitted.detail as Partial<ResubmissionRecord> | null;
  const changed = record?.changed ?? null;
  const sentBack = sentBackOf(sendBack);
  return {
    times: row.submitCount - 1,
    sentBack,
    changed,
    carried: carriedVerdicts(sentBack, changed),
  };
}
