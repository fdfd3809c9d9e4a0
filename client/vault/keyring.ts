/**
 * The one place the unlocked data key lives: in memory, for the profile that
 * is open, until the app locks. Nothing here is ever written to storage.
 */
export interface OpenKey {
  profileId: string;
  key: Uint8Array;
}

let current: OpenKey | null = null;
let lastVersion = 0;
const listeners = new Set<(open: boolean) => void>();

export class VaultLockedError extends Error {
  override name = "VaultLockedError";
  constructor() {
    super("Data orang terkunci: buka dengan PIN dulu.");
  }
}

export function openKey(): OpenKey | null {
  return current;
}

export function requireKey(): OpenKey {
  if (!current) throw new VaultLockedError();
  return current;
}

export function installKey(profileId: string, key: Uint8Array): void {
  dropKey();
  current = { profileId, key };
  for (const listener of listeners) listener(true);
}

/** Locks: overwrites the key bytes (other copies are the garbage collector's) and forgets them. */
export function dropKey(): void {
  if (!current) return;
  current.key.fill(0);
  current = null;
  for (const listener of listeners) listener(false);
}

export function onKeyChange(listener: (open: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A write version for the additional data: increasing within this app's life, and past every clock reading. */
export function nextVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now());
  return lastVersion;
}
