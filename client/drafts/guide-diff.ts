import type { Guide, Requirement } from "../../shared/guide";

export interface RequirementChange {
  kind: "added" | "removed" | "changed";
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
