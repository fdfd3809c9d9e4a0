import { computed, signal } from "@preact/signals";
import { guides, lastUpdatedAt } from "../catalogue/store";

const NOTICED_KEY = "masdarin.offlineReadyNoticed";

/** The service worker is active, so the app shell is precached: the app opens without a network. */
export const shellCached = signal(false);

function noticedBefore(): boolean {
  try {
    return localStorage.getItem(NOTICED_KEY) === "1";
  } catch {
    return false;
  }
}

/** Shown this visit (until dismissed), never again on this device. */
const state = signal<"unseen" | "showing" | "done">(noticedBefore() ? "done" : "unseen");

/** Everything needed offline is stored: the shell (service worker) and the catalogue (IndexedDB). */
export const offlineReady = computed(
  () => shellCached.value && guides.value.length > 0 && lastUpdatedAt.value !== null,
);

export const showOfflineReady = computed(
  () => state.value === "showing" || (state.value === "unseen" && offlineReady.value),
);

/** Remembered the moment it is shown: a reload, or a cadre who never taps "Mengerti", does not see it twice. */
export function markOfflineReadyShown(): void {
  if (state.value !== "unseen") return;
  state.value = "showing";
  try {
    localStorage.setItem(NOTICED_KEY, "1");
  } catch {
    // Private mode or full storage: it may show once more on the next visit.
  }
}

export function dismissOfflineReady(): void {
  state.value = "done";
}
