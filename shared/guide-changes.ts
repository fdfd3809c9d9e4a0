import type { EligibilityRule, GovernmentLevel, Guide, Question, Requirement } from "./guide";
import type { GuideChange } from "./sync/protocol";

/**
 * What changed between two versions of a guide, and whether the office still
 * takes a draft pinned to an old one. Shared so the server's refusal
 * (`guide-outdated`) and the phone's notice name the same changes, and so
 * the server, the phone's mover and the draft screen decide "must this draft
 * move first?" with the same rule.
 */

export type ChangeKind = "added" | "removed" | "changed";

export interface RequirementChange {
  kind: ChangeKind;
  requirement: Requirement;
}

/** The office's area a file must come from, before and after (null: no residency rule). */
export interface ResidencyChange {
  from: GovernmentLevel | null;
  to: GovernmentLevel | null;
}

/**
 * One thing that decides whether a file passes and that differs between two
 * versions: a requirement, an eligibility rule, who may apply (residency), or
 * a question whose answer the requirements and rules read. Other fields (fee,
 * steps, wording of the summary) change what the cadre reads, not the file.
 */
export type GuideChangeDetail =
  | RequirementChange
  | { kind: ChangeKind; rule: EligibilityRule }
  | { kind: ChangeKind; question: Question }
  | { kind: "changed"; residency: ResidencyChange };

/** What changed in the requirements between the pinned guide version and a newer one. */
export function requirementChanges(pinned: Guide, latest: Guide): RequirementChange[] {
  return byId(pinned.requirements, latest.requirements).map(({ kind, item }) => ({ kind, requirement: item }));
}

/** Everything that decides a file and changed, in the order the phone lists it. */
export function guideChanges(pinned: Guide, latest: Guide): GuideChangeDetail[] {
  const changes: GuideChangeDetail[] = [...requirementChanges(pinned, latest)];
  for (const { kind, item } of byId(pinned.eligibility ?? [], latest.eligibility ?? [])) {
    changes.push({ kind, rule: item });
  }
  const residency = { from: pinned.residency ?? null, to: latest.residency ?? null };
  if (residency.from !== residency.to) changes.push({ kind: "changed", residency });
  for (const { kind, item } of byId(pinned.questions, latest.questions)) changes.push({ kind, question: item });
  return changes;
}

/** A change as the protocol carries it (shared/sync/protocol.ts, `GuideChange`): ids, not content. */
export function wireChange(change: GuideChangeDetail): GuideChange {
  if ("requirement" in change) return { kind: change.kind, requirementId: change.requirement.id };
  if ("rule" in change) return { kind: change.kind, eligibilityId: change.rule.id };
  if ("question" in change) return { kind: change.kind, questionId: change.question.id };
  return { kind: "changed", residency: change.residency };
}

export function wireChanges(pinned: Guide, latest: Guide): GuideChange[] {
  return guideChanges(pinned, latest).map(wireChange);
}

/**
 * Must a draft move to its guide's current version before the office takes
 * its submit? Only when a binding publish made the pinned version too old
 * (below `minSubmitVersion`) and the office has never had the file. A file it
 * already has — submitted, or sent back for a fix — stays on the version it
 * was reviewed against, and so does its resubmission. The server's push, the
 * phone's mover (client/drafts/binding.ts), the "Tandai siap diajukan" guard
 * and the draft screen all ask this one question, so none of them can refuse
 * what another accepts.
 */
export function mustMoveBeforeSubmit(
  current: Pick<Guide, "minSubmitVersion">,
  pinnedVersion: number,
  officeHasFile: boolean,
): boolean {
  if (officeHasFile) return false;
  return current.minSubmitVersion !== undefined && pinnedVersion < current.minSubmitVersion;
}

/** Added and changed items in the newer order, then removed ones in the older order. */
function byId<T extends { id: string }>(before: readonly T[], after: readonly T[]): { kind: ChangeKind; item: T }[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const kept = new Set(after.map((item) => item.id));
  const changes: { kind: ChangeKind; item: T }[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) changes.push({ kind: "added", item });
    else if (JSON.stringify(previous) !== JSON.stringify(item)) changes.push({ kind: "changed", item });
  }
  for (const item of before) if (!kept.has(item.id)) changes.push({ kind: "removed", item });
  return changes;
}
