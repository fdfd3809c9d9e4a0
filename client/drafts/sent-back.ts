import type { Draft } from "../../shared/draft";
import type { Guide } from "../../shared/guide";
import { changedParts, type Fingerprints, fingerprints, flagStands } from "../../shared/review/changes";
import type { Verdict } from "../../shared/sync/protocol";
import type { RemoteRow, SentBack } from "../db/local-db";

/** One requirement the office sent back, and whether the cadre has changed anything on it since. */
export interface OfficeFlag {
  requirementId: string;
  reasonCode?: string | undefined;
  note?: string | undefined;
  /** Something on the requirement changed since the send-back: the note stays, marked as answered. */
  answered: boolean;
}

/** What the phone shows of a file the office sent back for fixing. */
export interface SentBackView {
  /** Flagged requirements in the guide's order (a flag on a requirement the guide no longer has comes last). */
  flags: OfficeFlag[];
  /** The office's reason and note for the file as a whole. */
  reasonCode?: string | undefined;
  note?: string | undefined;
  /** Resubmitting now would send nothing new on what the office asked about: the phone asks first. */
  unchanged: boolean;
}

type Content = Pick<Draft, "applicant" | "documents" | "data">;

function needsFix(remote: Pick<RemoteRow, "status" | "verdict"> | undefined): Verdict | undefined {
  if (remote?.status !== "needs-fix") return undefined;
  const verdict = remote.verdict as Verdict | null;
  return verdict && typeof verdict.decidedAt === "string" ? verdict : undefined;
}

/**
 * The record to keep on the draft before an edit is applied: the content's
 * fingerprints as the office saw it, taken once per send-back (its decidedAt).
 * Taken at the first edit after the verdict arrives, which is the same content
 * as on arrival: the file is locked while the office has it.
 */
export function sentBackRecord(
  row: Content & { sentBack?: SentBack | undefined },
  remote: Pick<RemoteRow, "status" | "verdict"> | undefined,
  guide: Guide | undefined,
): SentBack | undefined {
  const verdict = needsFix(remote);
  if (!verdict || !guide || row.sentBack?.decidedAt === verdict.decidedAt) return row.sentBack;
  return { decidedAt: verdict.decidedAt, fingerprints: fingerprints(guide, row as Draft) };
}

/** The office's send-back as the draft screen shows it; undefined unless the file is sent back. */
export function sentBackView(
  guide: Guide,
  draft: Content & { sentBack?: SentBack | undefined },
  remote: Pick<RemoteRow, "status" | "verdict"> | undefined,
): SentBackView | undefined {
  const verdict = needsFix(remote);
  if (!verdict) return undefined;
  // No record for this send-back yet: nothing was edited since it arrived.
  const before: Fingerprints | undefined =
    draft.sentBack?.decidedAt === verdict.decidedAt ? draft.sentBack.fingerprints : undefined;
  const now = before ? fingerprints(guide, draft as Draft) : undefined;
  const answered = (id: string) => !!before && !!now && !flagStands(id, before, now);
  const reviews = verdict.requirements ?? {};
  const order = guide.requirements.map((requirement) => requirement.id);
  const flagged = Object.keys(reviews).filter((id) => reviews[id]?.status === "needs-fix");
  flagged.sort((a, b) => rank(order, a) - rank(order, b));
  const flags = flagged.map((requirementId) => ({
    requirementId,
    reasonCode: reviews[requirementId]?.reasonCode,
    note: reviews[requirementId]?.reason,
    answered: answered(requirementId),
  }));
  const anyChange = !!before && !!now && changedParts(before, now).length > 0;
  return {
    flags,
    reasonCode: verdict.reasonCode,
    note: verdict.reason,
    unchanged: flags.length > 0 ? flags.every((flag) => !flag.answered) : !anyChange,
  };
}

function rank(order: string[], id: string): number {
  const at = order.indexOf(id);
  return at < 0 ? order.length : at;
}
