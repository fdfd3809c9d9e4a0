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
  | { kind: "unlocked"; profile: ProfileSummary };

export const vault = signal<VaultView>({ kind: "loading" });
