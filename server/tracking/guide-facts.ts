import type { GovernmentLevel } from "../../shared/guide";
import type { LocalizedText } from "../../shared/text";
import type { Db } from "../db/open";
import { getGuideVersion } from "../guides/repository";

/** What the public page needs of a guide version: its title, office and requirement labels. */
export interface GuideFacts {
  title: LocalizedText;
  officeName: LocalizedText;
  officeLevel: GovernmentLevel | undefined;
  requirementLabels: ReadonlyMap<string, LocalizedText>;
  /** Requirement ids in the guide's order, so fixes read as the checklist does. */
  requirementOrder: readonly string[];
}

/** Published versions never change, so their facts are kept; a few hundred guides × versions at most. */
const MAX_CACHED = 1000;
const caches = new WeakMap<Db, Map<string, GuideFacts | null>>();

/** The facts of the version a file is pinned to; undefined if that version is not stored. */
export async function guideFacts(db: Db, guideId: string, version: number): Promise<GuideFacts | undefined> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${guideId}@${version}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const guide = await getGuideVersion(db, guideId, version);
  const facts: GuideFacts | null = guide
    ? {
        title: guide.title,
        officeName: guide.office.name,
        officeLevel: guide.office.level,
        requirementLabels: new Map(guide.requirements.map((r) => [r.id, r.label])),
        requirementOrder: guide.requirements.map((r) => r.id),
      }
    : null;
  // A version missing now may be published later under that number: only found ones are kept.
  if (facts) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, facts);
  }
  return facts ?? undefined;
}
