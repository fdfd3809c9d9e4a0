import { eq } from "drizzle-orm";
import type { PrivacySettings } from "../../shared/api/retention";
import { type AuditRecord, recordAudit } from "../audit/log";
import type { Db } from "../db/open";
import { officeSettings } from "../db/schema";
import { withTransaction } from "../db/transaction";
import type { AuthUser } from "../http/env";
import { readDeviceRules, readSetting, writeSetting } from "../settings/office-settings";

/**
 * The audit log's target for the privacy settings and the retention runs.
 * "privacy" is not yet in AuditRecord's list of target types (server/audit/log.ts
 * belongs to the lead); shared/audit/describe.ts and server/audit/targets.ts name it.
 */
export const PRIVACY_TARGET: AuditRecord["targetType"] = "privacy";

export async function readPrivacySettings(db: Db): Promise<PrivacySettings> {
  const rules = await readDeviceRules(db);
  return {
    lockMinutes: rules.lockMinutes,
    pinAttempts: rules.pinAttempts,
    phoneRetentionDays: rules.phoneRetentionDays,
    closedFileRetentionDays: await readSetting(db, "closedFileRetentionDays"),
  };
}

/**
 * Stores the admin's privacy settings (the last write wins: one admin form,
 * four numbers) with one audit entry holding the values before and after.
 * Phones receive the new rules at their next sign-in, /me or pull.
 */
export async function writePrivacySettings(
  db: Db,
  actor: AuthUser,
  settings: PrivacySettings,
  now: Date,
): Promise<PrivacySettings> {
  return withTransaction(db, async (tx) => {
    const before = await readPrivacySettings(tx);
    await writeSetting(tx, "phoneLockMinutes", settings.lockMinutes, actor.id, now);
    await writeSetting(tx, "phonePinAttempts", settings.pinAttempts, actor.id, now);
    await writeSetting(tx, "phoneRetentionDays", settings.phoneRetentionDays, actor.id, now);
    await keepOrLimit(tx, settings.closedFileRetentionDays, actor.id, now);
    await recordAudit(
      tx,
      actor,
      {
        action: "privacy.settings",
        targetType: PRIVACY_TARGET,
        targetId: "settings",
        kecamatanCode: null,
        before,
        after: settings,
      },
      now,
    );
    return readPrivacySettings(tx);
  });
}

/**
 * "Keep closed files" is the setting's default, stored as no row: the value
 * column is NOT NULL, so writeSetting cannot store a JSON null (readSetting
 * reads a missing row as the default).
 */
async function keepOrLimit(tx: Db, days: number | null, by: string, now: Date): Promise<void> {
  if (days !== null) await writeSetting(tx, "closedFileRetentionDays", days, by, now);
  else await tx.delete(officeSettings).where(eq(officeSettings.key, "closedFileRetentionDays"));
}

/** One audit entry per run, with counts only: never a tracking number, a name or a hash. */
export async function auditRetentionRun(
  db: Db,
  actor: AuthUser,
  totals: { files: number; complaints: number; photos: number; bytes: number },
  retentionDays: number | null,
  now: Date,
): Promise<void> {
  await recordAudit(
    db,
    actor,
    {
      action: "privacy.retention-run",
      targetType: PRIVACY_TARGET,
      targetId: "retention",
      kecamatanCode: null,
      after: {
        retentionDays,
        filesScrubbed: totals.files,
        complaintsScrubbed: totals.complaints,
        photosDeleted: totals.photos,
        bytesDeleted: totals.bytes,
      },
    },
    now,
  );
}
