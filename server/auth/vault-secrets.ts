import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { VaultSecrets } from "../../shared/api/vault";
import type { Db } from "../db/open";
import { rawGet } from "../db/raw";

/**
 * Each user's two vault secrets (shared/api/vault.ts): 32 random bytes each,
 * base64url, made at the first successful password sign-in and never replaced —
 * the data a phone sealed depends on them, so a new pair would lock it out for
 * good. Only POST /api/auth/login hands them out; nothing else reads these
 * columns (toSessionUser/toManagedUser name their fields one by one), and they
 * are never logged or audited.
 */

interface StoredSecrets {
  unlockSecret: string | null;
  recoverySecret: string | null;
}

function complete(stored: StoredSecrets | undefined): VaultSecrets | null {
  if (!stored?.unlockSecret || !stored.recoverySecret) return null;
  return { unlockSecret: stored.unlockSecret, recoverySecret: stored.recoverySecret };
}

export function newVaultSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The user's secrets, made now if they have none (one read once they exist).
 * Call it only after the password was checked.
 */
export async function vaultSecretsFor(db: Db, userId: string): Promise<VaultSecrets> {
  const existing = complete(
    await rawGet<StoredSecrets>(
      db,
      sql`SELECT vault_unlock_secret AS "unlockSecret", vault_recovery_secret AS "recoverySecret" FROM users WHERE id = ${userId}`,
    ),
  );
  if (existing) return existing;
  // COALESCE in one statement: two first sign-ins at once both end with the pair the first one wrote.
  const filled = complete(
    await rawGet<StoredSecrets>(
      db,
      sql`UPDATE users SET vault_unlock_secret = COALESCE(vault_unlock_secret, ${newVaultSecret()}),
           vault_recovery_secret = COALESCE(vault_recovery_secret, ${newVaultSecret()})
         WHERE id = ${userId}
         RETURNING vault_unlock_secret AS "unlockSecret", vault_recovery_secret AS "recoverySecret"`,
    ),
  );
  if (!filled) throw new Error("vault secrets: no such user");
  return filled;
}
