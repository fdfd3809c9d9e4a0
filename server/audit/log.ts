import type { Db } from "../db/open";
import { auditLog } from "../db/schema";
import type { AuthUser } from "../http/env";

/** Fields that never enter the audit log, at any depth. */
const SECRET_KEYS = new Set([
  "passwordHash",
  "password",
  "tokenHash",
  "token",
  "vaultUnlockSecret",
  "vaultRecoverySecret",
  "unlockSecret",
  "recoverySecret",
]);

export interface AuditRecord {
  /** Dotted verb, e.g. "user.create", "guide.publish", "application.verdict". */
  action: string;
  targetType:
    | "user"
    | "session"
    | "guide"
    | "application"
    | "catalogue"
    | "calendar"
    | "complaint"
    | "skm-follow-up"
    | "privacy";
  targetId: string;
  /** The kecamatan the action concerns, so that its operators see it; null for server-wide actions. */
  kecamatanCode: string | null;
  before?: unknown;
  after?: unknown;
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEYS.has(key))
        .map(([key, inner]) => [key, redact(inner)]),
    );
  }
  return value;
}

/**
 * Appends one entry. Call it inside the transaction that makes the change, so
 * an action and its audit entry commit together or not at all.
 */
export async function recordAudit(tx: Db, actor: AuthUser, record: AuditRecord, at: Date): Promise<void> {
  await tx.insert(auditLog).values({
    at: at.toISOString(),
    actorId: actor.id,
    actorRole: actor.role,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    kecamatanCode: record.kecamatanCode,
    before: record.before === undefined ? null : redact(record.before),
    after: record.after === undefined ? null : redact(record.after),
  });
}
