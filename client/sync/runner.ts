import { liveQuery } from "dexie";
import { account } from "../account/session";
import { loadCatalogue } from "../catalogue/store";
import { localDb } from "../db/local-db";
import { onKeyChange, openKey } from "../vault/keyring";
import { scrubDecidedFiles } from "../vault/phone-retention";
import { clearWaitingNotice } from "../vault/revocation";
import {
  contactWhileLocked,
  type SyncOutcome,
  type SyncProgress,
  syncOnce,
  type UploadReport,
  type UploadRequest,
} from "./engine";
import { roundFetch } from "./round-fetch";
import { syncView } from "./state";

const LOCK = "masdarin-sync";
const INTERVAL_MS = 60_000;

/** Distinct files with something to send: a draft edited ten times and marked ready is one file. */
function pendingFiles(): Promise<number> {
  return localDb.outbox
    .orderBy("draftId")
    .uniqueKeys()
    .then((keys) => keys.length);
}

async function refreshCounts(): Promise<void> {
  const [pending, attention, last] = await Promise.all([
    pendingFiles(),
    localDb.attention.count(),
    localDb.meta.get("lastSyncAt"),
  ]);
  syncView.value = { ...syncView.value, pending, attention, lastSyncAt: last ? new Date(last.value) : null };
}

let watching = false;

/** Keeps the file count current as drafts change, in this tab or another one. */
function watchPending(): void {
  if (watching) return;
  watching = true;
  liveQuery(pendingFiles).subscribe({
    next: (pending) => {
      if (pending !== syncView.value.pending) syncView.value = { ...syncView.value, pending };
    },
  });
}

function showProgress(progress: SyncProgress): void {
  const upload =
    progress.phase === "upload"
      ? {
          page: progress.page,
          pages: progress.pages,
          sent: progress.sent,
          total: progress.total,
          ...(progress.retrying ? { retrying: progress.retrying } : {}),
        }
      : null;
  syncView.value = { ...syncView.value, phase: progress.phase, upload };
}

/** The round being run in this tab, aborted the moment the phone goes offline. */
let round: AbortController | null = null;
/** A request came while this tab's round ran (the vault opened mid-contact): one more round after it. */
let again = false;

function uploadWith(signal: AbortSignal) {
  return async (page: UploadRequest, report?: UploadReport): Promise<void> => {
    const { uploadPage } = await import("../uploads");
    await uploadPage({ ...page, signal, ...(report ? { onProgress: report.onBytes, onRetry: report.onRetry } : {}) });
  };
}

/**
 * Runs one sync round unless another tab is already syncing: Web Locks make
 * sure only one tab pushes at a time (hand-made leader election elects two).
 * Offline it does not start: the bar says "Tanpa sinyal", never "sending".
 */
export async function requestSync(): Promise<void> {
  await refreshCounts();
  watchPending();
  if (!navigator.onLine) return;
  flushVoiceIfQueued();
  const run = async () => {
    if (!navigator.onLine) return;
    const controller = new AbortController();
    round = controller;
    syncView.value = { ...syncView.value, running: true, phase: null, upload: null };
    try {
      // Locked: no round reads people's data; the contact only learns whether the office cut the session off.
      const sync = openKey() ? syncOnce : contactWhileLocked;
      const outcome = await sync({
        db: localDb,
        fetch: roundFetch(controller.signal),
        upload: uploadWith(controller.signal),
        onProgress: (progress) => {
          if (!controller.signal.aborted) showProgress(progress);
        },
        // The server's copy of the cadre (an admin may have changed their kelurahan): the screens re-check with it.
        onAccount: (next) => {
          account.value = next;
        },
      });
      // A refusal named a guide version the screens had not loaded yet.
      if (outcome.catalogueChanged) await loadCatalogue();
      afterRound(outcome);
      syncView.value = {
        ...syncView.value,
        status: outcome.status,
        ...(outcome.code ? { code: outcome.code } : { code: undefined }),
      };
    } finally {
      if (round === controller) round = null;
      syncView.value = { ...syncView.value, running: false, phase: null, upload: null };
      await refreshCounts();
      if (again) {
        again = false;
        void requestSync();
      }
    }
  };
  if (navigator.locks) await navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => (lock ? run() : undefined));
  else await run();
}

/** The office cut the session off and the cadre's data is gone: nobody is signed in on this phone any more. */
function afterRound(outcome: SyncOutcome): void {
  if (outcome.farewell?.erased) account.value = null;
  else if (outcome.status === "ok") clearWaitingNotice();
}

/**
 * The cadre unlocked: files decided long enough ago lose their personal data
 * (even offline), then a round sends what waited while locked. Locking
 * mid-round stops it quietly (status "locked"); this brings it back.
 */
function watchVault(): void {
  onKeyChange((open) => {
    if (!open) return;
    void scrubDecidedFiles(localDb)
      .catch(() => [])
      .then(() => {
        // A locked contact may be under way in this tab: the full round follows it.
        if (round) again = true;
        else void requestSync();
      });
  });
}

/** Surveys and complaints queued on this phone (client/voice) go out with the round; its chunk loads only then. */
function flushVoiceIfQueued(): void {
  try {
    if (localStorage.getItem("masdarin.voice-pending") === null) return;
  } catch {
    return;
  }
  void import("../voice/flush").then(({ flushVoiceOutbox }) => flushVoiceOutbox());
}

/** The network is gone: stop sending now (uploads stay resumable) rather than let requests hang. */
function stopForOffline(): void {
  if (!round) return;
  round.abort();
  round = null;
  syncView.value = { ...syncView.value, running: false, phase: null, upload: null, status: "offline" };
}

let started = false;

/** Sync on start, when the connection returns, when the tab comes back, and every minute while open. */
export function startSyncTriggers(): void {
  if (started) return;
  started = true;
  watchVault();
  void requestSync();
  addEventListener("online", () => void requestSync());
  addEventListener("offline", stopForOffline);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void requestSync();
  });
  setInterval(() => {
    if (navigator.onLine) void requestSync();
  }, INTERVAL_MS);
}

export { refreshCounts };
