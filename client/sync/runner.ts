import { account } from "../account/session";
import { loadCatalogue } from "../catalogue/store";
import { localDb } from "../db/local-db";
import { syncOnce, type UploadRequest } from "./engine";
import { syncView } from "./state";

const LOCK = "masdarin-sync";
const INTERVAL_MS = 60_000;

async function refreshCounts(): Promise<void> {
  const [pending, attention, last] = await Promise.all([
    localDb.outbox.count(),
    localDb.attention.count(),
    localDb.meta.get("lastSyncAt"),
  ]);
  syncView.value = { ...syncView.value, pending, attention, lastSyncAt: last ? new Date(last.value) : null };
}

async function upload(page: UploadRequest): Promise<void> {
  const { uploadPage } = await import("../uploads");
  await uploadPage({
    ...page,
    onProgress: (sent, total) => {
      syncView.value = { ...syncView.value, upload: { sent, total } };
    },
  });
}

/**
 * Runs one sync round unless another tab is already syncing: Web Locks make
 * sure only one tab pushes at a time (hand-made leader election elects two).
 */
export async function requestSync(): Promise<void> {
  await refreshCounts();
  const run = async () => {
    syncView.value = { ...syncView.value, running: true, upload: null };
    try {
      const outcome = await syncOnce({
        db: localDb,
        fetch: (url, init) => fetch(url, init),
        upload,
        // The server's copy of the cadre (an admin may have changed their kelurahan): the screens re-check with it.
        onAccount: (next) => {
          account.value = next;
        },
      });
      // A refusal named a guide version the screens had not loaded yet.
      if (outcome.catalogueChanged) await loadCatalogue();
      syncView.value = {
        ...syncView.value,
        status: outcome.status,
        ...(outcome.code ? { code: outcome.code } : { code: undefined }),
      };
    } finally {
      syncView.value = { ...syncView.value, running: false, upload: null };
      await refreshCounts();
    }
  };
  if (navigator.locks) await navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => (lock ? run() : undefined));
  else await run();
}

let started = false;

/** Sync on start, when the connection returns, when the tab comes back, and every minute while open. */
export function startSyncTriggers(): void {
  if (started) return;
  started = true;
  void requestSync();
  addEventListener("online", () => void requestSync());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void requestSync();
  });
  setInterval(() => {
    if (navigator.onLine) void requestSync();
  }, INTERVAL_MS);
}

export { refreshCounts };
