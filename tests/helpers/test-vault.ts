import type { LocalDb } from "../../client/db/local-db";
import { dropKey, installKey, openKey } from "../../client/vault/keyring";
import { sealPlaintext } from "../../client/vault/profile-store";

/**
 * The device's personal tables are sealed (client/vault/): a test that works
 * with drafts opens the vault as a signed-in cadre with an unlocked PIN would.
 */
export const TEST_PROFILE = "test-profile";

export function unlockTestVault(profileId = TEST_PROFILE): void {
  installKey(profileId, crypto.getRandomValues(new Uint8Array(32)));
}

/** Seals an older version's plaintext, as the cadre's first PIN does (client/vault/vault.ts setPin). */
export async function sealAsAfterPin(db: LocalDb): Promise<number> {
  const open = openKey();
  if (!open) throw new Error("unlockTestVault first");
  return sealPlaintext(db, open.profileId, open.key);
}

export function lockTestVault(): void {
  dropKey();
}
