import { and, eq, inArray } from "drizzle-orm";
import type { Draft } from "../../shared/draft";
import { precheck } from "../../shared/precheck";
import type { RegionIndex } from "../../shared/regions";
import {
  type Mutation,
  type MutationResult,
  type PushRequest,
  type PushResponse,
  RejectionCode,
} from "../../shared/sync/protocol";
import type { Db } from "../db/open";
import { files, mutations, syncClients } from "../db/schema";
import { getGuide, getGuideVersion } from "../guides/repository";
import type { AuthUser } from "../http/env";
import { jakartaDate } from "../jakarta-time";
import { EDITABLE, getApplication, recordPrecheckFailure, saveContent, tombstone } from "./applications";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export class ClientNotOwnedError extends Error {
  constructor() {
    super("client belongs to another user");
    this.name = "ClientNotOwnedError";
  }
}

interface Effect {
  status: "applied" | "rejected";
  code?: RejectionCode;
  reasons?: string[];
  version?: number;
}

/**
 * Applies a push in order, each mutation in its own SQLite transaction that
 * also records the mutation and the client's last seq, so a crash between two
 * mutations leaves each either fully applied or not at all. Already-seen seqs
 * are acknowledged again without effect; a gap stops the batch.
 */
export function processPush(
  db: Db,
  regions: RegionIndex,
  user: AuthUser,
  request: PushRequest,
  now: () => Date = () => new Date(),
): PushResponse {
  ensureClient(db, request.clientId, user.id, now().toISOString());
  const results: MutationResult[] = [];
  let lastAppliedSeq = 0;
  for (const mutation of request.mutations) {
    const outcome = db.transaction(
      (tx) => {
        const client = tx.select().from(syncClients).where(eq(syncClients.clientId, request.clientId)).get();
        if (!client || client.userId !== user.id) throw new ClientNotOwnedError();
        lastAppliedSeq = client.lastSeq;
        if (mutation.seq <= client.lastSeq) {
          // Acknowledged again, with its first outcome: a refusal whose response was lost
          // must still reach the cadre ("perlu perhatian"), never vanish as a plain duplicate.
          const first = tx
            .select({ status: mutations.status, code: mutations.errorCode })
            .from(mutations)
            .where(and(eq(mutations.clientId, request.clientId), eq(mutations.seq, mutation.seq)))
            .get();
          return { kind: "duplicate" as const, code: first?.status === "rejected" ? first.code : null };
        }
        if (mutation.seq > client.lastSeq + 1) return { kind: "gap" as const, expected: client.lastSeq + 1 };
        const seen = tx.select().from(mutations).where(eq(mutations.mutationId, mutation.mutationId)).get();
        const at = now().toISOString();
        // A mutation id reused under a new seq is a client bug: one id must mean one effect,
        // so it is refused (and not recorded again: the id's UNIQUE key already holds the first).
        const effect: Effect = seen
          ? { status: "rejected", code: "mutation-id-reused" }
          : apply(tx, regions, user, mutation, now());
        if (!seen) {
          tx.insert(mutations)
            .values({
              mutationId: mutation.mutationId,
              clientId: request.clientId,
              seq: mutation.seq,
              name: mutation.name,
              status: effect.status,
              errorCode: effect.code ?? null,
              processedAt: at,
            })
            .run();
        }
        tx.update(syncClients).set({ lastSeq: mutation.seq }).where(eq(syncClients.clientId, request.clientId)).run();
        lastAppliedSeq = mutation.seq;
        return { kind: "done" as const, effect };
      },
      { behavior: "immediate" },
    );
    if (outcome.kind === "gap") return { lastAppliedSeq, results, expectedSeq: outcome.expected };
    results.push(
      outcome.kind === "duplicate"
        ? {
            seq: mutation.seq,
            mutationId: mutation.mutationId,
            status: "duplicate",
            ...(outcome.code ? { code: RejectionCode.parse(outcome.code) } : {}),
          }
        : {
            seq: mutation.seq,
            mutationId: mutation.mutationId,
            status: outcome.effect.status,
            ...(outcome.effect.code ? { code: outcome.effect.code } : {}),
            ...(outcome.effect.reasons ? { reasons: outcome.effect.reasons } : {}),
            ...(outcome.effect.version ? { version: outcome.effect.version } : {}),
          },
    );
  }
  return { lastAppliedSeq, results };
}

function ensureClient(db: Db, clientId: string, userId: string, at: string): void {
  db.insert(syncClients).values({ clientId, userId, lastSeq: 0, createdAt: at }).onConflictDoNothing().run();
  const client = db.select().from(syncClients).where(eq(syncClients.clientId, clientId)).get();
  // Two cadres sharing one phone: an install is bound to the cadre who first pushed from it.
  if (client?.userId !== userId) throw new ClientNotOwnedError();
}

function apply(tx: Tx, regions: RegionIndex, user: AuthUser, mutation: Mutation, now: Date): Effect {
  const at = now.toISOString();
  if (mutation.name === "deleteDraft") {
    const row = getApplication(tx, mutation.args.id);
    if (!row || row.deletedAt) return { status: "applied" };
    if (row.cadreId !== user.id) return { status: "rejected", code: "not-owner" };
    if (row.status !== "draft") return { status: "rejected", code: "workflow-locked" };
    tombstone(tx, row, user.id, at);
    return { status: "applied" };
  }
  const draft = mutation.args.draft;
  const row = getApplication(tx, draft.id);
  if (row && row.cadreId !== user.id) return { status: "rejected", code: "not-owner" };
  if (row?.deletedAt) return { status: "rejected", code: "not-found" };
  if (row && !EDITABLE.includes(row.status)) return { status: "rejected", code: "workflow-locked" };
  const current = getGuide(tx, draft.guideId);
  if (!current) return { status: "rejected", code: "guide-unknown" };
  if (mutation.name === "putDraft") {
    return { status: "applied", version: saveContent(tx, row, user, draft, row?.status ?? "draft", at) };
  }
  // The office no longer offers the service: keep the cadre's data (saves still apply) but take no file.
  if (current.withdrawn) return { status: "rejected", code: "guide-withdrawn" };
  const guide = getGuideVersion(tx, draft.guideId, draft.guideVersion);
  if (!guide) return { status: "rejected", code: "guide-unknown" };
  // The same engine as on the phone: a file the phone calls ready must be ready here too.
  const result = precheck(guide, draft, { today: jakartaDate(now), regions });
  if (result.verdict !== "ready") {
    const reasons = result.toFix.map((reason) => reason.code);
    recordPrecheckFailure(tx, row, draft.id, user.id, reasons, at);
    return { status: "rejected", code: "precheck-failed", reasons };
  }
  if (!allFilesStored(tx, draft, result.requirements)) return { status: "rejected", code: "file-missing" };
  return { status: "applied", version: saveContent(tx, row, user, draft, "submitted", at) };
}

/** Every page of every requirement that applies must be uploaded, verified and stored. */
function allFilesStored(tx: Tx, draft: Draft, verdicts: { requirementId: string; status: string }[]): boolean {
  const needed = new Set<string>();
  for (const verdict of verdicts) {
    if (verdict.status === "not-applicable") continue;
    for (const page of draft.documents[verdict.requirementId]?.pages ?? []) {
      if (!page.sha256) return false;
      needed.add(page.sha256);
    }
  }
  if (needed.size === 0) return true;
  const stored = tx
    .select({ sha256: files.sha256 })
    .from(files)
    .where(inArray(files.sha256, [...needed]))
    .all();
  return stored.length === needed.size;
}
