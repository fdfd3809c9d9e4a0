import { eq } from "drizzle-orm";
import { z } from "zod";
import { PrivacySettings } from "../../shared/api/retention";
import { DEFAULT_COMPLAINT_RESPONSE_DAYS } from "../../shared/complaints/workflow";
import { DEFAULT_DEVICE_RULES, DeviceRules } from "../../shared/device/rules";
import type { Db } from "../db/open";
import { officeSettings } from "../db/schema";

/**
 * The office's settings, each a key with a schema and a default: a missing
 * or unreadable value reads as the default, never as an error.
 */
export const SETTINGS = {
  /** Whether cuti bersama counts as a working day for the service-time clock (default: the office is closed). */
  jointLeaveIsWorkingDay: { schema: z.boolean(), fallback: false },
  /** The office's complaint standard: working days to answer a complaint (issue 14). */
  complaintResponseDays: { schema: z.int().min(1).max(60), fallback: DEFAULT_COMPLAINT_RESPONSE_DAYS },
  /** Issue 15: the office's rules for cadres' phones (shared/device/rules.ts). */
  phoneLockMinutes: { schema: DeviceRules.shape.lockMinutes, fallback: DEFAULT_DEVICE_RULES.lockMinutes },
  phonePinAttempts: { schema: DeviceRules.shape.pinAttempts, fallback: DEFAULT_DEVICE_RULES.pinAttempts },
  phoneRetentionDays: {
    schema: DeviceRules.shape.phoneRetentionDays,
    fallback: DEFAULT_DEVICE_RULES.phoneRetentionDays,
  },
  /** Issue 15: days a closed file keeps its personal data on the server; null (the default) keeps it. */
  closedFileRetentionDays: {
    schema: PrivacySettings.shape.closedFileRetentionDays,
    fallback: null as number | null,
  },
} as const;

/** The rules every cadre's phone receives (at sign-in, with /me and with each pull). */
export async function readDeviceRules(db: Db): Promise<DeviceRules> {
  return {
    lockMinutes: await readSetting(db, "phoneLockMinutes"),
    pinAttempts: await readSetting(db, "phonePinAttempts"),
    phoneRetentionDays: await readSetting(db, "phoneRetentionDays"),
  };
}

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;

export async function readSetting<K extends SettingKey>(db: Db, key: K): Promise<SettingValue<K>> {
  const [row] = await db
    .select({ value: officeSettings.value })
    .from(officeSettings)
    .where(eq(officeSettings.key, key));
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].fallback) as SettingValue<K>;
}

export async function writeSetting<K extends SettingKey>(
  tx: Db,
  key: K,
  value: SettingValue<K>,
  by: string | null,
  now: Date,
): Promise<void> {
  // A null setting (closedFileRetentionDays: "keep") is the absence of a row: the column holds JSON values only.
  if (value === null) {
    await tx.delete(officeSettings).where(eq(officeSettings.key, key));
    return;
  }
  const at = now.toISOString();
  await tx
    .insert(officeSettings)
    .values({ key, value, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({ target: officeSettings.key, set: { value, updatedBy: by, updatedAt: at } });
}
