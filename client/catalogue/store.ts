import { computed, effect, signal } from "@preact/signals";
import type { GuideSummary } from "../../shared/api/catalogue";
import type { Guide } from "../../shared/guide";
import { type DownloadProgress, downloadCatalogue } from "./download";
import { indexCatalogue } from "./search-index";
import { readStoredCatalogue, type StoredCatalogue } from "./stored-catalogue";
import { readInlineSummary } from "./summary";
import { pullInWorker, storeInWorker } from "./worker-client";

export type RefreshState = "idle" | "updating" | "failed";

export const guides = signal<Guide[]>([]);
export const catalogueLoaded = signal(false);
export const lastUpdatedAt = signal<Date | null>(null);
export const refreshState = signal<RefreshState>("idle");
/** The catalogue download under way: bytes so far and, when known, of how many. */
export const downloadProgress = signal<{ received: number; total: number | null } | null>(null);

/**
 * A first visit's list, from the summary inlined into the HTML: on screen
 * until the full catalogue is on the page (guides).
 */
export const summaryGuides = signal<GuideSummary[]>([]);
/** What the home list shows: the full guides once on the page, the inline summary until then. */
export const listedGuides = computed<readonly GuideSummary[]>(() =>
  guides.value.length > 0 ? guides.value : summaryGuides.value,
);
/** Whether the list is on the page only as a summary: a guide's own screen waits for the full catalogue. */
export const onlySummary = computed(() => guides.value.length === 0 && summaryGuides.value.length > 0);

export const guidesById = computed(() => new Map(guides.value.map((guide) => [guide.id, guide])));
/**
 * The search index is kept by a worker (./search-index.ts): read back from
 * IndexedDB or built there, off the page, whenever the stored catalogue changes.
 */
effect(() => {
  if (guides.value.length > 0) indexCatalogue();
});

/** Indonesian alphabetical order; one collator, not one per comparison (1,000 guides at 4x CPU). */
const byTitle = new Intl.Collator("id");

function sortedByTitle<T extends GuideSummary>(rows: T[]): T[] {
  return rows.sort((a, b) => byTitle.compare(a.title.id, b.title.id));
}

/** Puts the HTML's inline summary on the list, if the page has one. Returns whether it had. */
export function showInlineSummary(): boolean {
  const summary = readInlineSummary();
  if (!summary || summary.guides.length === 0) return false;
  summaryGuides.value = sortedByTitle(summary.guides);
  return true;
}

/** The saved catalogue's cursor: null until a first download has been stored. */
let storedCursor: string | null = null;

/**
 * Reads the catalogue saved on the device: the only source the screens use
 * once stored. Plain IndexedDB, no Dexie: the offline start shows its list
 * without loading the database library.
 */
export async function loadCatalogue(): Promise<void> {
  let stored: StoredCatalogue;
  try {
    stored = await readStoredCatalogue();
  } catch (error) {
    // Storage unavailable (private mode, a broken profile): the screens say nothing is stored, and the app runs on.
    console.error("reading the saved catalogue failed:", (error as { name?: string }).name);
    catalogueLoaded.value = true;
    return;
  }
  storedCursor = stored.cursor;
  guides.value = sortedByTitle(stored.guides);
  lastUpdatedAt.value = stored.updatedAt ? new Date(stored.updatedAt) : null;
  catalogueLoaded.value = true;
}

const showProgress: DownloadProgress = (received, total) => {
  downloadProgress.value = { received, total };
};

/**
 * A first visit: the page fetches the whole catalogue itself (the server's
 * `<link rel="preload">` has had it on the way since the HTML arrived) and
 * shows it at once; the worker validates and stores it afterwards, so zod and
 * Dexie are neither downloaded nor run before the list is on screen. Should
 * the worker refuse the page, the list goes back to what is stored (nothing).
 */
async function firstDownload(): Promise<boolean> {
  const body = await downloadCatalogue(fetch, null, showProgress);
  // With the HTML's summary on screen, parsing 1,035 guides here (~50 ms of main-thread CPU, 200 ms at 4x)
  // would only freeze the list: the worker parses and stores them, and they are read back in slices.
  if (summaryGuides.value.length === 0) {
    const page = JSON.parse(new TextDecoder().decode(body)) as { guides?: unknown };
    if (guides.value.length === 0 && Array.isArray(page.guides)) guides.value = sortedByTitle(page.guides as Guide[]);
  }
  try {
    return await storeInWorker(body);
  } catch (error) {
    await loadCatalogue();
    throw error;
  }
}

let running: Promise<void> | null = null;

/**
 * A new guide version may bind drafts not yet submitted: move them now (the
 * code loads only here, off the first screen) and send the moves.
 */
async function followBindingVersions(): Promise<void> {
  try {
    const [{ adoptBindingVersions }, { localDb }, { openKey }] = await Promise.all([
      import("../drafts/binding"),
      import("../db/local-db"),
      import("../vault/keyring"),
    ]);
    // Drafts are sealed while the app is locked: a draft opened after unlocking moves then (use-binding-move.ts).
    if (!openKey()) return;
    const moved = await adoptBindingVersions(localDb);
    if (moved.length === 0) return;
    const { requestSync } = await import("../sync/runner");
    await requestSync();
  } catch (error) {
    // The next sync round tries again; the error's name only (a message could quote data).
    console.error("moving drafts to a binding guide version failed:", (error as { name?: string }).name);
  }
}

/**
 * Brings the stored catalogue up to date: a first download on a new device,
 * otherwise what changed since the saved cursor, fetched, validated and
 * stored by the catalogue worker.
 */
export function refreshCatalogue(): Promise<void> {
  running ??= (async () => {
    refreshState.value = "updating";
    try {
      // With guides on screen a refresh is quiet; with none, its progress is what the screen shows.
      const first = storedCursor === null;
      const changed = first
        ? await firstDownload()
        : await pullInWorker(guides.value.length === 0 ? showProgress : undefined);
      if (changed || !catalogueLoaded.value) await loadCatalogue();
      else lastUpdatedAt.value = new Date();
      refreshState.value = "idle";
      // Drafts need a stored catalogue: after a first download there are none to move.
      if (changed && !first) void followBindingVersions();
    } catch {
      refreshState.value = "failed";
    } finally {
      downloadProgress.value = null;
      running = null;
    }
  })();
  return running;
}
