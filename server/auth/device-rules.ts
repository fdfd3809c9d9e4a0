import type { Statement } from "better-sqlite3";
import type { DeviceRules } from "../../shared/device/rules";
import type { Db } from "../db/open";
import { SETTINGS } from "../settings/office-settings";

/**
 * The office's rules for phones as readDeviceRules (server/settings/office-settings.ts)
 * reads them — a missing or unreadable value is the default — on one statement
 * prepared once per database: every pull page and every /me carries them, and
 * those hot paths prepare nothing after their first request
 * (tests/server/sync-transaction.test.ts).
 */

const KEYS = {
  lockMinutes: "phoneLockMinutes",
  pinAttempts: "phonePinAttempts",
  phoneRetentionDays: "phoneRetentionDays",
} as const;

const statements = new WeakMap<Db, Statement<[], { key: string; value: string }>>();

function statementOf(db: Db) {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.$client.prepare<[], { key: string; value: string }>(
      `SELECT key, value FROM office_settings WHERE key IN (${Object.values(KEYS)
        .map((key) => `'${key}'`)
        .join(", ")})`,
    );
    statements.set(db, statement);
  }
  return statement;
}

function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function deviceRulesOf(db: Db): DeviceRules {
  const stored = new Map(
    statementOf(db)
      .all()
      .map((row) => [row.key, row.value]),
  );
  const read = (key: (typeof KEYS)[keyof typeof KEYS]): number => {
    const result = SETTINGS[key].schema.safeParse(parsed(stored.get(key)));
    return result.success ? result.data : SETTINGS[key].fallback;
  };
  return {
    lockMinutes: read(KEYS.lockMinutes),
    pinAttempts: read(KEYS.pinAttempts),
    phoneRetentionDays: read(KEYS.phoneRetentionDays),
  };
}
