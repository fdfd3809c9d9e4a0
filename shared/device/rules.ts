import { z } from "zod";

/**
 * What the office decides about its phones (issue 15), sent to each phone at
 * sign-in, with /api/auth/me and with every pull, and kept by the phone so
 * the rules hold offline. The server's settings (server/settings/office-settings.ts)
 * use these bounds and defaults; the phone enforces them (client/vault/).
 */
export const LOCK_MINUTES = { min: 1, max: 60, fallback: 5 } as const;
export const PIN_ATTEMPTS = { min: 3, max: 20, fallback: 10 } as const;
export const PHONE_RETENTION_DAYS = { min: 1, max: 365, fallback: 30 } as const;

export const DeviceRules = z.object({
  /** Lock after this many minutes without a touch, or this long in the background. */
  lockMinutes: z.int().min(LOCK_MINUTES.min).max(LOCK_MINUTES.max),
  /** Wrong PINs in a row before the phone erases the synced personal data. */
  pinAttempts: z.int().min(PIN_ATTEMPTS.min).max(PIN_ATTEMPTS.max),
  /** Days after the office's final decision that a file's personal data and photos stay on the phone. */
  phoneRetentionDays: z.int().min(PHONE_RETENTION_DAYS.min).max(PHONE_RETENTION_DAYS.max),
});
export type DeviceRules = z.infer<typeof DeviceRules>;

export const DEFAULT_DEVICE_RULES: DeviceRules = {
  lockMinutes: LOCK_MINUTES.fallback,
  pinAttempts: PIN_ATTEMPTS.fallback,
  phoneRetentionDays: PHONE_RETENTION_DAYS.fallback,
};

/**
 * The seconds a cadre must wait before the next PIN try after `failures`
 * wrong ones in a row: free for the first four (a typo or two), then doubling
 * from 15 s, so 10 tries take about eight minutes rather than a second.
 */
export function pinRetryDelaySeconds(failures: number): number {
  if (failures < 5) return 0;
  return 15 * 2 ** (failures - 5);
}

/** A cadre's PIN: six digits (what a cheap phone's number pad types fastest). */
export const PIN_PATTERN = /^\d{6}$/;

/** A PIN too easy to guess from over a shoulder or a list: one digit repeated, or a straight run. */
export function pinTooSimple(pin: string): boolean {
  if (/^(\d)\1+$/.test(pin)) return true;
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((digit, index) => (digit - (digits[index] ?? 0) + 10) % 10));
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}
