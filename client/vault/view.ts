import { signal } from "@preact/signals";

/**
 * The vault's state as the screens see it, in a module of its own so the
 * app shell can route on it without loading the crypto (client/vault/vault.ts
 * moves it; nothing else writes it).
 */
export interface ProfileSummary {
  id: string;
  userId: string;
  username: string;
  displayName: string;
}

export type VaultView =
  | { kind: "loading" }
  | { kind: "none" }
  | { kind: "sign-in"; reason: "legacy" | "erased"; username: string }
  | { kind: "set-pin"; displayName: string; replacing: boolean }
  | { kind: "locked"; profile: ProfileSummary; failures: number; attemptsLeft: number; nextTryAt: string | null }
  /**
   * Open. `guest`: nobody is signed in, and drafts made on this phone (a
   * citizen, or a cadre before signing in) are sealed under a key the device
   * key wraps, with no PIN to ask and nothing to lock (client/vault/legacy.ts).
   */
  | { kind: "unlocked"; profile: ProfileSummary; guest?: boolean };

export const vault = signal<VaultView>({ kind: "loading" });
