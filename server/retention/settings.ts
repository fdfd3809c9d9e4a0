import { eq } from "drizzle-orm";
import type { PrivacySettings } from "../../shared/api/retention";
import { type AuditRecord, recordAudit } from "../audit/log";
import type { Db } from "../db/open";
import { officeSettings } from "../db/schema";
import type { AuthUser } from "../http/env";
import { readDeviceRules, readSetting, writeSetting } from "../settings/office-settings";
import type { Tx } from "../sync/rows";

/**
 * The audit log's target for the privacy settings and the retention runs.
 * "privacy" is not yet in AuditRecord's list of target types (server/audit/log.ts
 * belongs to the lead); shared/audit/describe.ts and server/audit/targets.ts name it.
 */
export const PRIVACY_TARGET: AuditRecord["targetType"] = "privacy";

export function readPrivacySettings(db: Db): PrivacySettings {
  const rules = readDeviceRules(db);
  return {
    lockMinutes: rules.lockMinutes,
    pinAttempts: rules.pinAttempts,
    phoneRetentionDays: rules.phoneRetentionDays,
    closedFileRetentionDays: readSetting(db, "closedFileRetentionDays"),
  };
}

/**
 * Stores the admin's privacy settings (the last write wins: one admin form,
 * four numbers) with one audit entry holding the values before and after.
 * Phones receive the new rules at their next sign-in, /me or pull.
 */
export function writePrivacySettings(db: Db, actor: AuthUser, settings: PrivacySettings, now: Date): PrivacySettings {
  return db.transaction((tx) => {
    const before = readPrivacySettings(db);
    writeSetting(tx, "phoneLockMinutes", settings.lockMinutes, actor.id, now);
    writeSetting(tx, "phonePinAttempts", settings.pinAttempts, actor.id, now);
    writeSetting(tx, "phoneRetentionDays", settings.phoneRetentionDays, actor.id, now);
    keepOrLimit(tx, settings.closedFileRetentionDays, actor.id, now);
    recordAudit(
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
    return readPrivacySettings(db);
  });
}

/**
 * "Keep closed files" is the setting's default, stored as no row: the value
 * column is NOT NULL, so writeSetting cannot store a JSON null (readSetting
 * reads a missing row as the default).
 */
function keepOrLimit(tx: Tx, days: number | null, by: string, now: Date): void {
  if (days !== null) writeSetting(tx, "closedFileRetentionDays", days, by, now);
  else tx.delete(officeSettings).where(eq(officeSettings.key, "closedFileRetentionDays")).run();
}

/** One audit entry per run, with counts only: never a tracking number, a name or a hash. */
export function auditRetentionRun(
  db: Db,
  actor: AuthUser,
  totals: { files: number; complaints: number; photos: number; bytes: number },
  retentionDays: number | null,
  now: Date,
): void {
  recordAudit(
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
