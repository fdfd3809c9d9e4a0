import { computed, effect, signal } from "@preact/signals";
import type { Guide } from "../../shared/guide";
import type { GuideSearch } from "../../shared/search";
import { localDb } from "../db/local-db";

export type RefreshState = "idle" | "updating" | "failed";

export const guides = signal<Guide[]>([]);
export const catalogueLoaded = signal(false);
export const lastUpdatedAt = signal<Date | null>(null);
export const refreshState = signal<RefreshState>("idle");
/** The catalogue download under way: bytes so far and, when known, of how many. */
export const downloadProgress = signal<{ received: number; total: number | null } | null>(null);

export const guidesById = computed(() => new Map(guides.value.map((guide) => [guide.id, guide])));
/**
 * The search index loads right after the first paint (its code is not needed
 * to show the list), and is rebuilt whenever the catalogue changes.
 */
export const guideSearch = signal<GuideSearch | null>(null);
effect(() => {
  const current = guides.value;
  if (current.length === 0) return;
  void import("../../shared/search").then(({ createGuideSearch }) => {
    if (guides.value === current) guideSearch.value = createGuideSearch(current);
  });
});

/** Reads the catalogue saved on the device: the only source the screens use. */
export async function loadCatalogue(): Promise<void> {
  const [rows, updated] = await Promise.all([localDb.guides.toArray(), localDb.meta.get("catalogueUpdatedAt")]);
  rows.sort((a, b) => a.title.id.localeCompare(b.title.id, "id"));
  guides.value = rows;
  lastUpdatedAt.value = updated ? new Date(updated.value) : null;
  catalogueLoaded.value = true;
}

let running: Promise<void> | null = null;

/**
 * A new guide version may bind drafts not yet submitted: move them now (the
 * code loads only here, off the first screen) and send the moves.
 */
async function followBindingVersions(): Promise<void> {
  try {
    const { adoptBindingVersions } = await import("../drafts/binding");
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
 * Pulls what changed on the server since the saved cursor. The sync module
 * (with the zod schemas) loads lazily so the first screen stays small.
 */
export function refreshCatalogue(): Promise<void> {
  running ??= (async () => {
    refreshState.value = "updating";
    try {
      const { pullCatalogue } = await import("./sync");
      const changed = await pullCatalogue(localDb, fetch, (received, total) => {
        downloadProgress.value = { received, total };
      });
      if (changed || !catalogueLoaded.value) await loadCatalogue();
      else lastUpdatedAt.value = new Date();
      refreshState.value = "idle";
      if (changed) void followBindingVersions();
    } catch {
      refreshState.value = "failed";
    } finally {
      downloadProgress.value = null;
      running = null;
    }
  })();
  return running;
}
