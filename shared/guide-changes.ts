import type { Condition } from "./conditions";
import type { DocumentForm, EligibilityRule, GovernmentLevel, Guide, Question, Requirement } from "./guide";
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
  /** A changed requirement: what changed in it, before and after, for the phone to say in words. */
  details?: RequirementDetail[];
}

/**
 * One part of a requirement that changed. The ones a cadre acts on are named
 * with their values ("masa berlaku: 30 → 14 hari"); everything else (wording,
 * statement text, formats) is `other`, said once without values.
 */
export type RequirementDetail =
  | { field: "maxAgeDays" | "minPages" | "copies"; from: number | null; to: number | null }
  | { field: "form"; from: DocumentForm | null; to: DocumentForm | null }
  | { field: "legalised" | "stamped" | "allPagesWithEntries"; from: boolean; to: boolean }
  | { field: "when"; from: Condition | null; to: Condition | null }
  | { field: "label"; from: Requirement["label"] }
  | { field: "other" };

/**
 * What changed that does not decide a file but that the cadre tells the
 * applicant: the fee and how long the office takes.
 */
export type InfoChange = { fee: { from: number; to: number } } | { workingDays: { from: number; to: number } };

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
  const before = new Map(pinned.requirements.map((requirement) => [requirement.id, requirement]));
  return byId(pinned.requirements, latest.requirements).map(({ kind, item }) => {
    const previous = before.get(item.id);
    return kind === "changed" && previous
      ? { kind, requirement: item, details: requirementDetails(previous, item) }
      : { kind, requirement: item };
  });
}

const NUMBER_DETAILS = ["maxAgeDays", "copies"] as const;
const FLAG_DETAILS = ["legalised", "stamped"] as const;

/** What changed inside one requirement, in the order the phone lists it. */
export function requirementDetails(before: Requirement, after: Requirement): RequirementDetail[] {
  const details: RequirementDetail[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(before.label, after.label)) details.push({ field: "label", from: before.label });
  for (const field of NUMBER_DETAILS) {
    const from = before.acceptance[field] ?? null;
    const to = after.acceptance[field] ?? null;
    if (from !== to) details.push({ field, from, to });
  }
  if ((before.minPages ?? null) !== (after.minPages ?? null)) {
    details.push({ field: "minPages", from: before.minPages ?? null, to: after.minPages ?? null });
  }
  const form = { from: before.acceptance.form ?? null, to: after.acceptance.form ?? null };
  if (form.from !== form.to) details.push({ field: "form", ...form });
  for (const field of FLAG_DETAILS) {
    const from = before.acceptance[field] === true;
    const to = after.acceptance[field] === true;
    if (from !== to) details.push({ field, from, to });
  }
  if ((before.allPagesWithEntries === true) !== (after.allPagesWithEntries === true)) {
    details.push({
      field: "allPagesWithEntries",
      from: before.allPagesWithEntries === true,
      to: after.allPagesWithEntries === true,
    });
  }
  if (!same(before.when, after.when))
    details.push({ field: "when", from: before.when ?? null, to: after.when ?? null });
  // Whatever else differs: compare both with the named parts taken out.
  const rest = (requirement: Requirement) => {
    const {
      label: _label,
      when: _when,
      minPages: _pages,
      allPagesWithEntries: _all,
      acceptance,
      ...other
    } = requirement;
    const {
      maxAgeDays: _age,
      copies: _copies,
      form: _form,
      legalised: _legal,
      stamped: _stamp,
      ...accepted
    } = acceptance;
    return { ...other, acceptance: accepted };
  };
  if (!same(rest(before), rest(after))) details.push({ field: "other" });
  return details;
}

/** The fee and the service time, where they changed. */
export function infoChanges(pinned: Guide, latest: Guide): InfoChange[] {
  const changes: InfoChange[] = [];
  if (pinned.fee.amount !== latest.fee.amount) {
    changes.push({ fee: { from: pinned.fee.amount, to: latest.fee.amount } });
  }
  if (pinned.serviceTime.workingDays !== latest.serviceTime.workingDays) {
    changes.push({ workingDays: { from: pinned.serviceTime.workingDays, to: latest.serviceTime.workingDays } });
  }
  return changes;
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
