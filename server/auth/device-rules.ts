import { sql } from "drizzle-orm";
import type { DeviceRules } from "../../shared/device/rules";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import { SETTINGS } from "../settings/office-settings";

/**
 * The office's rules for phones as readDeviceRules (server/settings/office-settings.ts)
 * reads them — a missing or unreadable value is the default — in one statement
 * of constant text (the driver caches it): every pull page and every /me
 * carries them, and those hot paths prepare nothing after their first request
 * (tests/server/sync-transaction.test.ts).
 */

const KEYS = {
  lockMinutes: "phoneLockMinutes",
  pinAttempts: "phonePinAttempts",
  phoneRetentionDays: "phoneRetentionDays",
} as const;

/** Constant text (the keys above), so the same statement every time. */
const SELECT_RULES = sql.raw(
  `SELECT key, value FROM office_settings WHERE key IN (${Object.values(KEYS)
    .map((key) => `'${key}'`)
    .join(", ")})`,
);

function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function deviceRulesOf(db: Db): Promise<DeviceRules> {
  const rows = await rawAll<{ key: string; value: string }>(db, SELECT_RULES);
  const stored = new Map(rows.map((row) => [row.key, row.value]));
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
