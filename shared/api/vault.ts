import { z } from "zod";
import { DeviceRules } from "../device/rules";

/**
 * The two secrets the server keeps per cadre and releases only after the
 * password was checked (POST /api/auth/login), never with a cookie alone.
 * Both are 32 random bytes, base64url.
 *
 * - `unlockSecret` is mixed into the key the PIN derives: a copied browser
 *   profile cannot be brute-forced from the PIN alone. The phone keeps it
 *   only wrapped by a non-extractable device key (docs/SECURITY.md).
 * - `recoverySecret` unwraps a second copy of the data key. The phone never
 *   stores it: it lets the cadre in after too many wrong PINs, or on return to
 *   a profile kept on a shared phone, and only a password sign-in releases it.
 */
const Secret = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const VaultSecrets = z.object({ unlockSecret: Secret, recoverySecret: Secret });
export type VaultSecrets = z.infer<typeof VaultSecrets>;

/** What the phone learns about the office's rules with /api/auth/me and each pull. */
export const DeviceRulesResponse = z.object({ deviceRules: DeviceRules });
export type DeviceRulesResponse = z.infer<typeof DeviceRulesResponse>;
