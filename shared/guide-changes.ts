import type { Guide, Requirement } from "./guide";

/**
 * What changed between two versions of a guide, and whether the office still
 * takes a draft pinned to an old one. Shared so the server's refusal
 * (`guide-outdated`) and the phone's notice name the same changes.
 */

export type RequirementChangeKind = "added" | "removed" | "changed";

export interface RequirementChange {
  kind: RequirementChangeKind;
  requirement: Requirement;
}

/** What changed in the requirements between the pinned guide version and a newer one. */
export function requirementChanges(pinned: Guide, latest: Guide): RequirementChange[] {
  const before = new Map(pinned.requirements.map((r) => [r.id, r]));
  const after = new Map(latest.requirements.map((r) => [r.id, r]));
  const changes: RequirementChange[] = [];
  for (const requirement of latest.requirements) {
    const old = before.get(requirement.id);
    if (!old) changes.push({ kind: "added", requirement });
    else if (JSON.stringify(old) !== JSON.stringify(requirement)) changes.push({ kind: "changed", requirement });
  }
  for (const requirement of pinned.requirements) {
    if (!after.has(requirement.id)) changes.push({ kind: "removed", requirement });
  }
  return changes;
}

/**
 * True when the office no longer takes a submit of a draft pinned to
 * `pinnedVersion`: a later publish bound files not yet submitted.
 */
export function isOutdated(current: Pick<Guide, "minSubmitVersion">, pinnedVersion: number): boolean {
  return current.minSubmitVersion !== undefined && pinnedVersion < current.minSubmitVersion;
}
