import { signal } from "@preact/signals";

export interface StorageState {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export const storageState = signal<StorageState>({ persisted: null, usage: null, quota: null });

export async function refreshStorageState(): Promise<void> {
  const storage = navigator.storage;
  if (!storage) return;
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted() : Promise.resolve(null),
    storage.estimate ? storage.estimate() : Promise.resolve(undefined),
  ]);
  storageState.value = { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/**
 * Asks the browser not to evict the drafts under storage pressure (Safari
 * otherwise clears site data after 7 days without a visit).
 */
export async function requestPersistence(): Promise<boolean> {
  const granted = navigator.storage?.persist ? await navigator.storage.persist() : false;
  await refreshStorageState();
  return granted;
}

/**
 * A full disk surfaces as QuotaExceededError, or as an AbortError whose
 * `inner` is the quota error (Dexie wraps the aborted transaction).
 */
export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const name = (current as { name?: unknown }).name;
    if (name === "QuotaExceededError") return true;
    current = (current as { inner?: unknown; cause?: unknown }).inner ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
