import { signal } from "@preact/signals";
import { localDb } from "../db/local-db";
import { locale } from "../i18n";

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

export async function loadAccount(): Promise<void> {
  const row = await localDb.meta.get("account");
  account.value = row ? (JSON.parse(row.value) as Account) : null;
}

export type LoginResult = { ok: true } | { ok: false; message: string };

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
  const body = (await response.json().catch(() => null)) as { user?: Account; error?: { message?: string } } | null;
  if (!response.ok || !body?.user) return { ok: false, message: body?.error?.message ?? `HTTP ${response.status}` };
  const user = body.user;
  const previous = account.value;
  // A different cadre on a shared phone starts clean: nobody pushes another's drafts.
  if (previous && previous.id !== user.id) await wipeCadreData();
  await localDb.meta.put({ key: "account", value: JSON.stringify(user) });
  account.value = user;
  // A cadre's drafts must survive storage pressure: ask once signed in (the tap is a user gesture).
  void import("../storage").then(({ requestPersistence }) => requestPersistence()).catch(() => undefined);
  return { ok: true };
}

/**
 * Signs out and removes every trace of the cadre's applicants from the
 * device. The caller has already warned about unsent changes.
 */
export async function logout(): Promise<void> {
  await fetch("/api/auth/logout", { method: "POST", headers: { "Content-Type": "application/json" } }).catch(
    () => null,
  );
  await wipeCadreData();
  account.value = null;
}

async function wipeCadreData(): Promise<void> {
  const db = localDb;
  // Unfinished upload URLs point at the last cadre's uploads: forget them too.
  await import("../uploads").then(({ forgetUploadUrls }) => forgetUploadUrls()).catch(() => undefined);
  await db.transaction(
    "rw",
    [db.drafts, db.blobs, db.outbox, db.remote, db.attention, db.selfChecks, db.guideVersions, db.meta],
    async () => {
      await Promise.all([
        db.drafts.clear(),
        db.blobs.clear(),
        db.outbox.clear(),
        db.remote.clear(),
        db.attention.clear(),
        db.selfChecks.clear(),
        db.guideVersions.clear(),
      ]);
      await db.meta.bulkDelete(["clientId", "nextSeq", "pullCursor", "lastSyncAt", "account", "officeAreaCode"]);
    },
  );
}

function deviceLabel(): string {
  const ua = navigator.userAgent;
  const model = /Android [^;)]*;\s*([^;)]+)/.exec(ua)?.[1];
  return (model ?? /(Android|iPhone|Windows|Mac OS X|Linux)/.exec(ua)?.[1] ?? "Browser").slice(0, 60);
}
