import type { PushResponse } from "../../shared/sync/protocol";
import { recordAudit } from "../audit/log";
import type { Db } from "../db/open";
import type { Auth } from "../http/env";

/**
 * A push that arrived on a cut-off session (server/auth/farewell.ts) leaves a
 * mark in the audit log, under the cadre's kecamatan: the office sees that a
 * revoked or disabled device handed over its last work, and how much. Counts
 * only, never what the changes hold. A push that carried nothing new leaves none.
 */
export async function recordFarewellPush(db: Db, auth: Auth, response: PushResponse, at: Date): Promise<void> {
  const changesApplied = response.results.filter((result) => result.status === "applied").length;
  const changesRefused = response.results.filter((result) => result.status === "rejected").length;
  if (changesApplied + changesRefused === 0) return;
  await recordAudit(
    db,
    auth.user,
    {
      action: "sync.farewell-push",
      targetType: "session",
      targetId: auth.sessionId,
      kecamatanCode: auth.user.kecamatanCode,
      before: null,
      after: { changesApplied, changesRefused },
    },
    at,
  );
}
