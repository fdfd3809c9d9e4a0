import { signal } from "@preact/signals";
import type { LoginResponse } from "../../shared/api/users";
import { localDb } from "../db/local-db";
import { locale } from "../i18n";
import { rawOf } from "../vault/profile-store";
import type { SignOutResult } from "../vault/vault";

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: string;
  /** The cadre's own area: the office their files go to when none is picked. */
  kecamatanCode?: string | null;
  kelurahanCode?: string | null;
}

/** The signed-in cadre as this device remembers them (the session itself is an HttpOnly cookie). */
export const account = signal<Account | null>(null);

/**
 * Who this phone works for: the active profile's cadre (client/vault/), even
 * while locked, so the lock screen can say whose data it guards. Office staff
 * have no profile and are remembered in memory only.
 */
export async function loadAccount(): Promise<void> {
  const { startVault } = await import("../vault/vault");
  const view = await startVault(localDb);
  if (view.kind !== "locked" && view.kind !== "unlocked") {
    account.value = null;
    return;
  }
  const row = await rawOf(localDb).meta.get("account");
  account.value = row ? (JSON.parse(row.value) as Account) : null;
}

export type LoginResult = { ok: true; next: "set-pin" | "unlocked" | "console" } | { ok: false; message: string };

export async function login(username: string, password: string): Promise<LoginResult> {
  let response: Response;
  try {
    response = await fetch("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept-Language": locale.value },
      body: JSON.stringify({ username, password, deviceLabel: deviceLabel() }),
    });
  } catch {
    return {
      ok: false,
      message:
        locale.value === "en"
          ? "No connection. Signing in needs the internet once."
          : "Tidak ada sinyal. Masuk perlu internet sekali.",
    };
  }
  const body = (await response.json().catch(() => null)) as
    | (Partial<LoginResponse> & { error?: { message?: string } })
    | null;
  if (!response.ok || !body?.user) return { ok: false, message: body?.error?.message ?? `HTTP ${response.status}` };
  const user = body.user;
  // Office staff work in the console over the network: nothing personal is kept on the device for them.
  if (user.role !== "cadre" || !body.vault || !body.deviceRules) {
    account.value = user;
    return { ok: true, next: "console" };
  }
  const { afterPasswordSignIn } = await import("../vault/vault");
  const outcome = await afterPasswordSignIn(localDb, user, body.vault, body.deviceRules);
  if (!outcome.ok) return outcome;
  account.value = user;
  // A cadre's drafts must survive storage pressure: ask once signed in (the tap is a user gesture).
  void import("../storage").then(({ requestPersistence }) => requestPersistence()).catch(() => undefined);
  return { ok: true, next: outcome.next };
}

/**
 * Signs out on the server, then keeps the cadre's profile sealed on the phone
 * ("keep") or erases it ("erase": refused while changes wait to be sent,
 * unless the cadre confirmed losing them with `force`).
 */
export async function signOut(mode: "keep" | "erase", force = false): Promise<SignOutResult> {
  const { signOutVault, activeUnsent } = await import("../vault/vault");
  if (mode === "erase" && !force) {
    const unsent = await activeUnsent(localDb);
    if (unsent.changes > 0) return { ok: false, unsent };
  }
  await fetch("/api/auth/logout", { method: "POST", headers: { "Content-Type": "application/json" } }).catch(
    () => null,
  );
  // Unfinished upload URLs point at this cadre's uploads: forget them too.
  await import("../uploads").then(({ forgetUploadUrls }) => forgetUploadUrls()).catch(() => undefined);
  const result = await signOutVault(localDb, mode, true);
  account.value = null;
  return result;
}

function deviceLabel(): string {
  const ua = navigator.userAgent;
  const model = /Android [^;)]*;\s*([^;)]+)/.exec(ua)?.[1];
  return (model ?? /(Android|iPhone|Windows|Mac OS X|Linux)/.exec(ua)?.[1] ?? "Browser").slice(0, 60);
}
