import type { z } from "zod";
import { mustMoveBeforeSubmit, wireChanges } from "../../shared/guide-changes";
import { jakartaDate } from "../../shared/jakarta-time";
import { type PrecheckContext, precheck, type Reason } from "../../shared/precheck";
import { homeOfficeOf } from "../../shared/precheck/home-office";
import type { RegionIndex } from "../../shared/regions";
import { cadreMayDelete } from "../../shared/review/workflow";
import {
  Mutation,
  type MutationIssue,
  type MutationResult,
  type PushRequest,
  type PushResponse,
  type RefusalReason,
  RejectionCode,
} from "../../shared/sync/protocol";
import type { Db } from "../db/open";
import { isDeadlock, retryingDeadlocks, withTransaction } from "../db/transaction";
import { getGuide, getGuideVersion } from "../guides/repository";
import type { AuthUser } from "../http/env";
import { EDITABLE, recordPrecheckFailure, saveContent, tombstone } from "./applications";
import { stampApplications } from "./counters";
import { duplicateOf } from "./duplicates";
import { checkPages } from "./pages";
import { SyncStore } from "./store";

/** Enough paths to fix a client bug without a refusal outgrowing the change it refuses. */
const MAX_ISSUES = 20;

export class ClientNotOwnedError extends Error {
  constructor() {
    super("client belongs to another user");
    this.name = "ClientNotOwnedError";
  }
}

/** What one mutation did: the result's fields past seq and mutationId. */
type Effect = Omit<MutationResult, "seq" | "mutationId" | "status"> & { status: "applied" | "rejected" };

/**
 * Applies a push in order, in one SQLite transaction (one commit per push),
 * each mutation under its own SAVEPOINT together with its record in
 * `mutations`: a mutation that throws is rolled back whole, the ones before it
 * commit with the client's last seq, and the error goes on (a 500; the phone
 * sends the rest again). A crash mid-push loses the push's uncommitted
 * mutations together with their seqs, so each is either fully applied or not
 * at all (tests/server/sync-crash.test.ts). Already-seen seqs are
 * acknowledged again without effect; a gap stops the batch. A mutation that
 * fails its schema is recorded as rejected (`invalid-mutation`) like any
 * other refusal: the seq moves on and the rest of the batch applies. So is a
 * mutation the body reader set aside (`refused`, by index in the batch: a key
 * that could reach a prototype), with the issues it found.
 */
export async function processPush(
  db: Db,
  regions: RegionIndex,
  user: AuthUser,
  request: PushRequest,
  now: () => Date = () => new Date(),
  refused: ReadonlyMap<number, MutationIssue[]> = new Map(),
): Promise<PushResponse> {
  // Parsed before the write lock is taken: a 2 MB batch must not hold it while zod works.
  const checked = request.mutations.map((envelope, index) => checkMutation(envelope, refused.get(index)));
  // PostgreSQL may end this transaction when it and another wait on each other (two cadres submitting
  // the same two applicants in opposite order lock their NIKs so): none of it was kept, so it runs
  // again from the start, as the phone would have sent it again.
  const batch = await retryingDeadlocks(() =>
    withTransaction(db, (tx) => applyBatch(tx, regions, user, request, checked, now)),
  );
  // The mutations before the failing one are committed: the phone learns of them on its next push.
  if (batch.failure) throw batch.failure.error;
  const { lastAppliedSeq, results, expectedSeq } = batch;
  return expectedSeq === undefined ? { lastAppliedSeq, results } : { lastAppliedSeq, results, expectedSeq };
}

interface Batch {
  results: MutationResult[];
  lastAppliedSeq: number;
  expectedSeq?: number;
  failure?: { error: unknown };
}

/** The push's one transaction: the client's row locked, each new mutation under its savepoint, the seqs stamped last. */
async function applyBatch(
  tx: Db,
  regions: RegionIndex,
  user: AuthUser,
  request: PushRequest,
  checked: Checked[],
  now: () => Date,
): Promise<Batch> {
  const { clientId } = request;
  const store = SyncStore.of(tx);
  // Two cadres sharing one phone: an install is bound to the cadre who first pushed from it.
  const client = await store.claimClient(clientId, user.id, now().toISOString());
  if (!client || client.userId !== user.id) throw new ClientNotOwnedError();
  const batch: Batch = { results: [], lastAppliedSeq: client.lastSeq };
  for (const [index, envelope] of request.mutations.entries()) {
    const key = { seq: envelope.seq, mutationId: envelope.mutationId };
    if (envelope.seq <= batch.lastAppliedSeq) {
      // Acknowledged again, with its first outcome: a refusal whose response was lost
      // must still reach the cadre ("perlu perhatian"), never vanish as a plain duplicate.
      const first = await store.firstOutcome(clientId, envelope.seq);
      const code = first?.status === "rejected" && first.code ? RejectionCode.safeParse(first.code) : null;
      batch.results.push({ ...key, status: "duplicate", ...(code?.success ? { code: code.data } : {}) });
      continue;
    }
    if (envelope.seq > batch.lastAppliedSeq + 1) {
      batch.expectedSeq = batch.lastAppliedSeq + 1;
      break;
    }
    const one = checked[index] as Checked;
    try {
      const effect = await store.savepoint((inner, sp) =>
        applyRecorded(inner, sp, regions, user, clientId, envelope, one, now),
      );
      batch.results.push({ ...key, ...effect });
      batch.lastAppliedSeq = envelope.seq;
    } catch (error) {
      // A deadlock ends the whole transaction: it is tried again from the start.
      if (isDeadlock(error)) throw error;
      batch.failure = { error };
      break;
    }
  }
  if (batch.lastAppliedSeq !== client.lastSeq) {
    await store.setLastSeq(clientId, batch.lastAppliedSeq);
    // Last: the files written get their change seqs, and the counter is held for the commit only.
    await stampApplications(tx);
  }
  return batch;
}

type Checked = { mutation: Mutation } | { issues: MutationIssue[] };

/** One new mutation's effect and its record in `mutations`, which keeps its outcome for replays. */
async function applyRecorded(
  store: SyncStore,
  tx: Db,
  regions: RegionIndex,
  user: AuthUser,
  clientId: string,
  envelope: PushRequest["mutations"][number],
  checked: Checked,
  now: () => Date,
): Promise<Effect> {
  // A mutation id reused under a new seq is a client bug: one id must mean one effect,
  // so it is refused (and not recorded again: the id's UNIQUE key already holds the first).
  if (await store.mutationSeen(envelope.mutationId)) return { status: "rejected", code: "mutation-id-reused" };
  const at = now();
  const effect: Effect =
    "mutation" in checked
      ? await apply(store, tx, regions, user, checked.mutation, at)
      : { status: "rejected", code: "invalid-mutation", issues: checked.issues };
  await store.recordMutation({
    mutationId: envelope.mutationId,
    clientId,
    seq: envelope.seq,
    name: envelope.name,
    status: effect.status,
    code: effect.code ?? null,
    at: at.toISOString(),
  });
  return effect;
}

/** The mutation, or where it fails: set aside by the body reader, or refused by its schema. */
function checkMutation(
  envelope: unknown,
  setAside: MutationIssue[] | undefined,
): { mutation: Mutation } | { issues: MutationIssue[] } {
  if (setAside) return { issues: setAside };
  const parsed = Mutation.safeParse(envelope);
  return parsed.success ? { mutation: parsed.data } : { issues: issuesOf(parsed.error) };
}

/** The schema's complaints with paths relative to the mutation, cut to a readable few. */
function issuesOf(error: z.ZodError): MutationIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
    message: issue.message,
  }));
}

async function apply(
  store: SyncStore,
  tx: Db,
  regions: RegionIndex,
  user: AuthUser,
  mutation: Mutation,
  now: Date,
): Promise<Effect> {
  const at = now.toISOString();
  if (mutation.name === "deleteDraft") {
    const row = await store.head(mutation.args.id);
    if (!row || row.deletedAt) return { status: "applied" };
    if (row.cadreId !== user.id) return { status: "rejected", code: "not-owner" };
    // The office has (or had) the file: withdrawn through the office, never deleted by the cadre.
    if (!cadreMayDelete(row.status)) return { status: "rejected", code: "workflow-locked" };
    await tombstone(store, row, user.id, at);
    return { status: "applied" };
  }
  const draft = mutation.args.draft;
  const row = await store.head(draft.id);
  if (row && row.cadreId !== user.id) return { status: "rejected", code: "not-owner" };
  if (row?.deletedAt) return { status: "rejected", code: "not-found" };
  if (row && !EDITABLE.includes(row.status)) return { status: "rejected", code: "workflow-locked" };
  // A save needs only to know the guide exists: its JSON is read for a submit alone.
  const withdrawn = await store.guideWithdrawn(draft.guideId);
  if (withdrawn === undefined) return { status: "rejected", code: "guide-unknown" };
  if (mutation.name === "putDraft") {
    return { status: "applied", version: await saveContent(store, tx, row, user, draft, row?.status ?? "draft", at) };
  }
  // The office no longer offers the service: keep the cadre's data (saves still apply) but take no file.
  if (withdrawn) return { status: "rejected", code: "guide-withdrawn" };
  const current = await getGuide(tx, draft.guideId);
  if (!current) return { status: "rejected", code: "guide-unknown" };
  const guide = await getGuideVersion(tx, draft.guideId, draft.guideVersion);
  if (!guide) return { status: "rejected", code: "guide-unknown" };
  // A binding publish: the office takes files not yet submitted only on the new rules. A file it
  // already had (sent back for a fix) stays on the version it was reviewed against.
  if (mustMoveBeforeSubmit(current.guide, draft.guideVersion, !!row?.firstSubmittedAt)) {
    return {
      status: "rejected",
      code: "guide-outdated",
      guideVersion: current.guide.version,
      changes: wireChanges(guide, current.guide),
    };
  }
  // Every page's declared type and size must be what the server measured when it stored the file, and a
  // size left out is the measured one: the pre-check below judges true values (server/sync/pages.ts).
  const pages = await checkPages(store, tx, guide, draft, user.id);
  if (pages.mismatched.length > 0) return { status: "rejected", code: "page-mismatch", reasons: pages.mismatched };
  const measured = pages.measured;
  // No office picked: the file goes to the cadre's own kelurahan/kecamatan, and residency is checked against it.
  const context: PrecheckContext = { today: jakartaDate(now), regions, homeOffice: homeOfficeOf(user) };
  // The same engine as on the phone: a file the phone calls ready must be ready here too.
  const result = precheck(guide, measured, context);
  if (result.verdict !== "ready") {
    const reasons = result.toFix.map(refusalReason);
    await recordPrecheckFailure(
      store,
      row,
      draft.id,
      user.id,
      reasons.map((reason) => reason.code),
      at,
    );
    return { status: "rejected", code: "precheck-failed", reasons };
  }
  if (pages.missing.length > 0) return { status: "rejected", code: "file-missing", reasons: pages.missing };
  const duplicate = await duplicateOf(store, guide, measured);
  if (duplicate) return { status: "rejected", code: "duplicate-file", reasons: [duplicate] };
  return { status: "applied", version: await saveContent(store, tx, row, user, measured, "submitted", at) };
}

/** A pre-check reason as the protocol carries it: what it concerns, and its words in both languages. */
function refusalReason(reason: Reason): RefusalReason {
  return {
    code: reason.code,
    message: reason.message,
    ...(reason.requirementId ? { requirementId: reason.requirementId } : {}),
    ...(reason.field ? { field: reason.field } : {}),
  };
}
