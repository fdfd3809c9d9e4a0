import { v7 as uuidv7 } from "uuid";
import { MeResponse } from "../../shared/api/users";
import type { Draft } from "../../shared/draft";
import type { Mutation, PullResponse, PushResponse } from "../../shared/sync/protocol";
import type { Account } from "../account/session";
import type { LocalDb, OutboxRow } from "../db/local-db";
import { explainRefusedPages, recordRefusedUpload } from "../uploads/refusals";
import { openKey } from "../vault/keyring";
import { scrubDecidedFiles, scrubDue } from "../vault/phone-retention";
import { type FarewellResult, isCutOff, saysFarewell, settleFarewell } from "../vault/revocation";
import { storeDeviceRules } from "../vault/vault";
import { markAttempted } from "./outbox";
import { storePullPage } from "./pull-store";
import { pushBody, refusedGzip } from "./push-body";

const PUSH_BATCH = 100;
const PULL_LIMIT = 200;

export interface UploadRequest {
  data: ArrayBuffer;
  mime: string;
  sha256: string;
}

export interface SyncDeps {
  db: LocalDb;
  /** `fetch` in the app; the Hono app itself in Node tests. */
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /**
   * Makes sure the server holds a page (resumable upload, skipped when the server has the hash),
   * reporting the page's bytes as they go.
   */
  upload: (page: UploadRequest, report?: UploadReport) => Promise<void>;
  /** What the round is doing, for the sync bar: which photo of how many, then pushing, then pulling. */
  onProgress?: (progress: SyncProgress) => void;
  now?: () => Date;
  /** The server's account differed from the stored one and was stored: the app updates its `account` signal. */
  onAccount?: (account: Account) => void;
}

/**
 * How a round ended:
 * - offline: the caller stopped it (the phone lost its network mid-round);
 * - unreachable: the server could not be reached or failed (network error, timeout, 5xx): try again later;
 * - refused: the server answered 4xx to the whole request (not a single mutation's refusal);
 * - session-expired: a 401; signed-out: no account on this phone (or it was just erased: see `farewell`);
 * - locked: the cadre's data is locked (client/vault/): no round reads it; one runs at the unlock;
 * - error: something on the phone (a sequence gap, storage).
 */
export type SyncStatus =
  | "ok"
  | "offline"
  | "unreachable"
  | "refused"
  | "signed-out"
  | "session-expired"
  | "locked"
  | "error";

/** What an upload tells while it runs: bytes on their way, and retries after a failed request. */
export interface UploadReport {
  onBytes: (sent: number, total: number) => void;
  onRetry: (attempt: number) => void;
}

export type SyncProgress =
  | { phase: "upload"; page: number; pages: number; sent: number; total: number; retrying?: number }
  | { phase: "push" }
  | { phase: "pull" };

export interface SyncOutcome {
  status: SyncStatus;
  pushed: number;
  rejected: number;
  pulled: number;
  /** Drafts moved to a guide version the office now requires (see drafts/binding.ts). */
  moved: number;
  /** The round pulled the catalogue (a refusal named a version the phone lacked): the screens reload it. */
  catalogueChanged: boolean;
  /** An error code from the server, for the sync bar's message. */
  code?: string;
  /**
   * The office cut this phone's session off (revoked, or the cadre disabled): the round pushed
   * what it could, then the cadre's data was erased, or it waits (sealed) for the rest to go out.
   */
  farewell?: FarewellResult;
  /** Files whose applicant data and photos the phone removed after the office's decision. */
  scrubbed?: number;
}

class StopSync extends Error {
  constructor(
    readonly status: SyncStatus,
    readonly code?: string,
  ) {
    super(status);
  }
}

/**
 * One sync round: upload the photos that pending submissions need, push the
 * outbox in order, then pull the office's changes. Safe to interrupt at any
 * point (tab closed, network gone): every step is idempotent on the server and
 * every local step is one transaction. The caller makes sure only one tab runs
 * it at a time (Web Locks).
 */
export async function syncOnce(deps: SyncDeps): Promise<SyncOutcome> {
  const seen = { farewell: false };
  const round: SyncDeps = { ...deps, fetch: watchFarewell(deps.fetch, seen) };
  const outcome = await runRound(round);
  // The office cut the session off: what could be pushed was (the server still takes pushes and pages for a while);
  // with nothing left to send the cadre's data goes, otherwise it stays sealed and waits.
  if (!seen.farewell && !(outcome.status === "session-expired" && isCutOff(401, outcome.code))) return outcome;
  const farewell = await settleFarewell(deps.db, deps.now?.() ?? new Date());
  return {
    ...outcome,
    farewell,
    ...(farewell.erased ? { status: "signed-out" as const } : { status: "session-expired" as const }),
    code: outcome.code ?? "session_revoked",
  };
}

/** Notes a drained session's answers (Masdarin-Session: farewell) as they pass. */
function watchFarewell(fetch: SyncDeps["fetch"], seen: { farewell: boolean }): SyncDeps["fetch"] {
  return async (url, init) => {
    const response = await fetch(url, init);
    if (saysFarewell(response)) seen.farewell = true;
    return response;
  };
}

async function runRound(deps: SyncDeps): Promise<SyncOutcome> {
  const outcome: SyncOutcome = {
    status: "ok",
    pushed: 0,
    rejected: 0,
    pulled: 0,
    moved: 0,
    catalogueChanged: false,
  };
  try {
    if (!(await deps.db.meta.get("account"))) throw new StopSync("signed-out");
    // Locked: nothing personal may be read (client/vault/); the runner calls contactWhileLocked instead.
    if (!openKey()) throw new StopSync("locked");
    const clientId = await ensureClientId(deps.db);
    await uploadPendingPages(deps);
    const outdated = await pushOutbox(deps, clientId, outcome);
    await pullChanges(deps, clientId, outcome);
    // A file decided long enough ago loses its applicant data on the phone (the office keeps its copy).
    const now = deps.now?.() ?? new Date();
    if (outcome.pulled > 0 || scrubDue(deps.db, now)) outcome.scrubbed = (await scrubDecidedFiles(deps.db, now)).length;
    // Before drafts are moved and checked again: the pre-check reads the cadre's home office.
    await refreshAccount(deps);
    // After the pull, so a file the office already has is known as such and never moved.
    if (await followBindingVersions(deps, outdated, outcome)) {
      // The moved drafts' saves (and submits that still pass) go out in this round.
      await uploadPendingPages(deps);
      await pushOutbox(deps, clientId, outcome);
    }
    await deps.db.meta.put({ key: "lastSyncAt", value: (deps.now?.() ?? new Date()).toISOString() });
    return outcome;
  } catch (error) {
    if (error instanceof StopSync)
      return { ...outcome, status: error.status, ...(error.code ? { code: error.code } : {}) };
    const name = (error as { name?: unknown }).name;
    // The app locked during the round: every local step is one transaction, so nothing half-written
    // stays; what was sent is answered again (as a duplicate) by the next round, after the unlock.
    if (name === "VaultLockedError") return { ...outcome, status: "locked" };
    // The caller aborted the round (the phone went offline): nothing went wrong with the server.
    if (name === "AbortError") return { ...outcome, status: "offline" };
    if (name === "TimeoutError") return { ...outcome, status: "unreachable", code: "timeout" };
    // fetch rejects only when the request could not be made at all.
    if (error instanceof TypeError) return { ...outcome, status: "unreachable", code: "network" };
    return { ...outcome, status: "error", code: typeof name === "string" ? name : "unknown" };
  }
}

export async function ensureClientId(db: LocalDb): Promise<string> {
  return db.transaction("rw", db.meta, async () => {
    const existing = (await db.meta.get("clientId"))?.value;
    if (existing) return existing;
    const created = uuidv7();
    await db.meta.put({ key: "clientId", value: created });
    return created;
  });
}

interface PendingPage {
  blobId: string;
  sha256: string;
}

/** The distinct pages the pending submits reference, once each (two slots may hold the same bytes). */
async function pagesToUpload(deps: SyncDeps): Promise<PendingPage[]> {
  const submits = await deps.db.outbox.filter((entry) => entry.name === "submitApplication").toArray();
  const seen = new Set<string>();
  const pages: PendingPage[] = [];
  for (const entry of submits) {
    const draft = (entry.args as { draft: Draft }).draft;
    for (const document of Object.values(draft.documents)) {
      for (const page of document.pages) {
        if (!page.sha256 || seen.has(page.sha256)) continue;
        seen.add(page.sha256);
        pages.push({ blobId: page.blobId, sha256: page.sha256 });
      }
    }
  }
  return pages;
}

async function uploadPendingPages(deps: SyncDeps): Promise<void> {
  const pages = await pagesToUpload(deps);
  for (const [index, page] of pages.entries()) {
    const blob = await deps.db.blobs.get(page.blobId);
    // A page deleted since: the server will refuse the submit visibly (file-missing).
    if (!blob) continue;
    const place = { phase: "upload", page: index + 1, pages: pages.length } as const;
    let last = { sent: 0, total: blob.data.byteLength };
    const report: UploadReport = {
      onBytes: (sent, total) => {
        last = { sent, total };
        deps.onProgress?.({ ...place, ...last });
      },
      onRetry: (attempt) => deps.onProgress?.({ ...place, ...last, retrying: attempt }),
    };
    report.onBytes(0, blob.data.byteLength);
    try {
      await deps.upload({ data: blob.data, mime: blob.mime, sha256: page.sha256 }, report);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === "aborted") throw new StopSync("offline");
      // Accepted, then silent (no byte moved for 90 s): the bar says the server takes too long, the next round resumes.
      if (code === "timeout") throw new StopSync("unreachable", "timeout");
      // No answer at all, or 5xx after tus-js-client's retries: the server is out of reach for now.
      if (code === "offline") throw new StopSync("unreachable", "network");
      if (code === "server") throw new StopSync("unreachable", `http-${(error as { status?: number }).status ?? 500}`);
      if (code === "session") throw new StopSync("session-expired", "session_expired");
      if ((error as { refused?: unknown }).refused === true) {
        // The server refuses these bytes for good: the submit will come back refused
        // (file-missing, naming the page) and show under "perlu perhatian" instead of blocking the queue.
        recordRefusedUpload(page.sha256, code);
        continue;
      }
      throw new StopSync("error", typeof code === "string" ? code : "upload-failed");
    }
  }
}

function toMutation(entry: OutboxRow): Mutation {
  return {
    seq: entry.seq,
    mutationId: entry.mutationId,
    name: entry.name,
    args: entry.args,
    baseVersion: entry.baseVersion,
  } as Mutation;
}

async function failure(response: Response): Promise<StopSync> {
  const code = ((await response.json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code;
  if (response.status === 401) return new StopSync("session-expired", code);
  // 5xx (and a proxy's 502/504): the server is having trouble, the same request may pass later.
  if (response.status >= 500) return new StopSync("unreachable", code ?? `http-${response.status}`);
  return new StopSync("refused", code ?? `http-${response.status}`);
}

/** POST /api/sync/push, gzip where the phone can; sent again plain to a server that does not read gzip. */
async function sendPush(deps: SyncDeps, json: string): Promise<Response> {
  const sent = await pushBody(json);
  const response = await deps.fetch("/api/sync/push", { method: "POST", headers: sent.headers, body: sent.body });
  if (!sent.gzip || response.ok || (response.status !== 400 && response.status !== 415)) return response;
  const code = (
    (await response
      .clone()
      .json()
      .catch(() => null)) as { error?: { code?: string } } | null
  )?.error?.code;
  if (!refusedGzip(sent, response.status, code)) return response;
  return deps.fetch("/api/sync/push", { method: "POST", headers: { "Content-Type": "application/json" }, body: json });
}

/**
 * Pushes the outbox in order. Returns, per guide, the newest version a
 * `guide-outdated` refusal said the office now takes.
 */
async function pushOutbox(deps: SyncDeps, clientId: string, outcome: SyncOutcome): Promise<Map<string, number>> {
  const { db } = deps;
  const outdated = new Map<string, number>();
  for (;;) {
    // Read and frozen in one transaction: an edit landing between a read and a later freeze would
    // replace the snapshot being sent, and the phone would drop the newer one as acknowledged.
    const batch = await db.transaction("rw", db.outbox, async () => {
      const entries = await db.outbox.orderBy("seq").limit(PUSH_BATCH).toArray();
      await markAttempted(db, entries);
      return entries;
    });
    if (batch.length === 0) return outdated;
    deps.onProgress?.({ phase: "push" });
    const json = JSON.stringify({ clientId, mutations: batch.map(toMutation) });
    const response = await sendPush(deps, json);
    if (!response.ok) throw await failure(response);
    const result = (await response.json()) as PushResponse;
    const bySeq = new Map(batch.map((entry) => [entry.seq, entry]));
    await db.transaction("rw", db.outbox, db.attention, async () => {
      for (const item of result.results) {
        const entry = bySeq.get(item.seq);
        if (!entry) continue;
        // A duplicate carrying a code is a refusal whose first response never arrived.
        if (item.status === "rejected" || (item.status === "duplicate" && item.code)) {
          outcome.rejected++;
          await db.attention.put({
            mutationId: entry.mutationId,
            draftId: entry.draftId,
            name: entry.name,
            code: item.code ?? "rejected",
            // A page whose upload was refused gets its cause: "retake page 2 of the KTP-el: too small to read".
            reasons: explainRefusedPages(entry.args, item.reasons ?? []),
            ...(item.issues ? { issues: item.issues } : {}),
            ...(item.guideVersion ? { guideVersion: item.guideVersion } : {}),
            ...(item.changes ? { changes: item.changes } : {}),
            at: new Date().toISOString(),
          });
          if (item.code === "guide-outdated") {
            // A duplicate's refusal carries no version: the catalogue's own is then the one to follow.
            const guideId = (entry.args as { draft?: { guideId?: string } }).draft?.guideId;
            if (guideId) outdated.set(guideId, Math.max(outdated.get(guideId) ?? 0, item.guideVersion ?? 0));
          }
        } else if (item.status === "applied") {
          outcome.pushed++;
          // The office took the file: earlier refusals of this draft are settled.
          if (entry.name === "submitApplication") await db.attention.where("draftId").equals(entry.draftId).delete();
        }
      }
      // Everything up to the server's high-water mark is done, whatever became of the response.
      await db.outbox.where("seq").belowOrEqual(result.lastAppliedSeq).delete();
    });
    // A gap means the server is missing entries this device no longer has: stop and say so,
    // never renumber silently. (It cannot happen while entries leave the outbox only once acknowledged.)
    if (result.expectedSeq !== undefined) throw new StopSync("error", "seq-gap");
    if (result.lastAppliedSeq < (batch[0]?.seq ?? 0)) throw new StopSync("error", "no-progress");
  }
}

/**
 * Moves drafts the office no longer takes on their guide version (binding
 * publishes). A refusal may name a version the phone's catalogue has not
 * pulled yet: the catalogue is pulled first. True when a draft moved.
 */
async function followBindingVersions(
  deps: SyncDeps,
  outdated: Map<string, number>,
  outcome: SyncOutcome,
): Promise<boolean> {
  const { db } = deps;
  for (const [guideId, version] of outdated) {
    const local = await db.guides.get(guideId);
    // biome-ignore lint/nursery/noMisusedPromises: an awaited Dexie row, not a promise (the rule misreads Dexie's types)
    if (local && local.version >= version && local.minSubmitVersion !== undefined) continue;
    try {
      const { pullCatalogue } = await import("../catalogue/sync");
      if (await pullCatalogue(db, deps.fetch as typeof fetch)) outcome.catalogueChanged = true;
    } catch (error) {
      // The refusal stays under "perlu perhatian"; the catalogue's own refresh brings the version later.
      if (error instanceof TypeError) throw error;
    }
    break;
  }
  const { adoptBindingVersions } = await import("../drafts/binding");
  const moved = await adoptBindingVersions(db, deps.now);
  outcome.moved += moved.length;
  return moved.length > 0;
}

/**
 * The cadre's account as the server has it now. It is stored at sign-in, but
 * an admin may move the cadre to another kelurahan since, and the phone's
 * pre-check must check residency against the office the server uses. A 401
 * stops the round like any other; anything else leaves the stored account
 * for the next round (it is a copy, never the authority).
 */
async function refreshAccount(deps: SyncDeps): Promise<void> {
  const response = await deps.fetch("/api/auth/me", { headers: { Accept: "application/json" } });
  if (response.status === 401) throw await failure(response);
  if (!response.ok) return;
  const me = MeResponse.safeParse(await response.json().catch(() => null));
  if (!me.success) return;
  await storeDeviceRules(deps.db, me.data.deviceRules);
  const stored = await deps.db.meta.get("account");
  const previous = stored ? (JSON.parse(stored.value) as Account) : null;
  // Another cadre's session is the sign-in screen's business (it wipes the device first), not sync's.
  if (previous?.id !== me.data.user.id || sameAccount(previous, me.data.user)) return;
  await deps.db.meta.put({ key: "account", value: JSON.stringify(me.data.user) });
  deps.onAccount?.(me.data.user);
}

function sameAccount(a: Account, b: Account): boolean {
  const fields = ["id", "username", "displayName", "role", "kecamatanCode", "kelurahanCode"] as const;
  return fields.every((field) => (a[field] ?? null) === (b[field] ?? null));
}

async function pullChanges(deps: SyncDeps, clientId: string, outcome: SyncOutcome): Promise<void> {
  const { db } = deps;
  deps.onProgress?.({ phase: "pull" });
  for (;;) {
    const cursor = (await db.meta.get("pullCursor"))?.value;
    const query = new URLSearchParams({ clientId, limit: String(PULL_LIMIT), ...(cursor ? { cursor } : {}) });
    const response = await deps.fetch(`/api/sync/pull?${query}`, { headers: { Accept: "application/json" } });
    if (!response.ok) throw await failure(response);
    const page = (await response.json()) as PullResponse;
    await storePullPage(db, page);
    // The office's rules for phones (lock, PIN attempts, retention) reach the phone with every pull.
    if (page.deviceRules) await storeDeviceRules(db, page.deviceRules);
    outcome.pulled += page.changes.length;
    if (!page.hasMore) return;
  }
}

/**
 * A contact while the cadre's data is locked: nothing personal is read, only
 * whether the session still works (GET /api/auth/me, which also brings the
 * office's device rules). A session the office cut off is settled at once
 * when nothing waits to be sent (erasing needs no key); otherwise the data
 * stays sealed until the cadre unlocks and the round pushes it.
 */
export async function contactWhileLocked(deps: SyncDeps): Promise<SyncOutcome> {
  const outcome: SyncOutcome = {
    status: "locked",
    pushed: 0,
    rejected: 0,
    pulled: 0,
    moved: 0,
    catalogueChanged: false,
  };
  if (!(await deps.db.meta.get("account"))) return { ...outcome, status: "signed-out" };
  try {
    const response = await deps.fetch("/api/auth/me", { headers: { Accept: "application/json" } });
    if (response.status === 401) {
      const code = (await failure(response)).code;
      if (!isCutOff(401, code)) return { ...outcome, status: "session-expired", ...(code ? { code } : {}) };
      const farewell = await settleFarewell(deps.db, deps.now?.() ?? new Date());
      return { ...outcome, status: farewell.erased ? "signed-out" : "locked", code: code as string, farewell };
    }
    const me = response.ok ? MeResponse.safeParse(await response.json().catch(() => null)) : null;
    if (me?.success) await storeDeviceRules(deps.db, me.data.deviceRules);
    return outcome;
  } catch (error) {
    const name = (error as { name?: unknown }).name;
    if (name === "AbortError") return { ...outcome, status: "offline" };
    return { ...outcome, status: "unreachable", code: error instanceof TypeError ? "network" : String(name) };
  }
}
