import { Applicant } from "../../shared/draft";
import type { LocalDb, RemoteRow } from "../db/local-db";
import { openKey } from "./keyring";
import { readDeviceRules } from "./vault";

/**
 * Keeping no longer than needed (issue 15): a set time after the office's
 * final decision (office setting phoneRetentionDays, default 30), the phone
 * removes a file's applicant data, answers and photos, and keeps what the
 * cadre needs to follow it: the service (guide), the status, the dates and
 * the tracking number (on its `remote` row). The server keeps its own copy,
 * so nothing is queued to send: the outbox never learns of it. Files the
 * cadre never submitted have no decision and are never touched.
 *
 * Runs after a pull and at unlock, only while the data is open (it reads
 * sealed rows).
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const FINAL: ReadonlySet<RemoteRow["status"]> = new Set(["approved", "rejected"]);

/** When the office made its final decision: the verdict's time, else the server's last change of the row. */
export function decidedAt(remote: RemoteRow): string | null {
  if (!FINAL.has(remote.status)) return null;
  const verdict = remote.verdict as { decision?: unknown; decidedAt?: unknown } | null;
  if (verdict && verdict.decision === remote.status && typeof verdict.decidedAt === "string") return verdict.decidedAt;
  return remote.updatedAt;
}

/** Whole days between the decision and the removal, for "N hari setelah keputusan". */
export function daysAfterDecision(decided: string, scrubbedAt: string): number {
  return Math.max(0, Math.floor((Date.parse(scrubbedAt) - Date.parse(decided)) / DAY_MS));
}

/** The verdict without the office's free-text notes (they may name people); the decision and its time stay. */
function bareVerdict(verdict: unknown): unknown {
  if (!verdict || typeof verdict !== "object") return verdict;
  const { decision, reasonCode, decidedAt } = verdict as Record<string, unknown>;
  return { decision, ...(reasonCode ? { reasonCode } : {}), requirements: {}, decidedAt };
}

const lastScan = new WeakMap<LocalDb, number>();

/** Whether a round with nothing new pulled should still look (time passes: once an hour is plenty for days). */
export function scrubDue(db: LocalDb, now: Date): boolean {
  const last = lastScan.get(db);
  return last === undefined || now.getTime() - last >= DAY_MS / 24;
}

/** Removes the personal data of every file decided more than the office's days ago; returns their ids. */
export async function scrubDecidedFiles(db: LocalDb, now = new Date()): Promise<string[]> {
  if (!openKey()) return [];
  lastScan.set(db, now.getTime());
  const { phoneRetentionDays } = await readDeviceRules(db);
  const cutoff = now.getTime() - phoneRetentionDays * DAY_MS;
  const due = (await db.remote.toArray()).filter((row) => {
    const decided = decidedAt(row);
    return decided !== null && Date.parse(decided) <= cutoff;
  });
  const scrubbed: string[] = [];
  for (const remote of due) {
    const done = await db.transaction("rw", db.drafts, db.blobs, db.outbox, db.remote, async () => {
      const draft = await db.drafts.get(remote.id);
      if (!draft || draft.scrubbedAt) return false;
      // Something of this file still waits to be sent: it goes first (the server must get it whole).
      if ((await db.outbox.where("draftId").equals(remote.id).count()) > 0) return false;
      await db.drafts.put({
        id: draft.id,
        guideId: draft.guideId,
        guideVersion: draft.guideVersion,
        applicant: Applicant.parse({}),
        answers: {},
        data: {},
        documents: {},
        officeAreaCode: draft.officeAreaCode,
        status: draft.status,
        createdAt: draft.createdAt,
        updatedAt: draft.updatedAt,
        history: draft.history,
        searchKey: "",
        scrubbedAt: now.toISOString(),
        ...(draft.deletedAt ? { deletedAt: draft.deletedAt } : {}),
      });
      await db.blobs.where("draftId").equals(remote.id).delete();
      await db.remote.put({ ...remote, verdict: bareVerdict(remote.verdict) });
      return true;
    });
    if (done) scrubbed.push(remote.id);
  }
  return scrubbed;
}
