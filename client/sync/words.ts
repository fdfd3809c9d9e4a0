/**
 * The sync bar's words, as a pure function of the sync state: what the phone
 * is doing or why it is not sending, and what the cadre can do about it.
 * Returns message keys (client/drafts/messages.ts) so it stays free of the
 * screens and is unit-tested on its own (tests/unit/sync-words.test.ts).
 */
import { formatBytes } from "../bytes";
import type { DraftMessageKey } from "../drafts/messages";
import type { SyncView } from "./state";

export interface Words {
  key: DraftMessageKey;
  params?: Record<string, string | number>;
}

/** sign-in: the session ended; retry: something failed and trying now may help; sync: all is well. */
export type SyncAction = "sign-in" | "retry" | "sync" | null;

export interface SyncWords {
  tone: "quiet" | "busy" | "offline" | "problem";
  /** The status line; null when the count and the last sync say it all. */
  message: Words | null;
  action: SyncAction;
  /** Bytes of the photo being sent, for a progress bar. */
  progress: { value: number; max: number } | null;
}

export interface SyncContext {
  /** navigator.onLine, kept current by the online/offline events. */
  online: boolean;
  signedIn: boolean;
}

/** "2 berkas menunggu dikirim": files, however many edits each carries. */
export function pendingWords(files: number): Words {
  if (files === 0) return { key: "syncNothingPending" };
  return { key: files === 1 ? "syncPendingOne" : "syncPending", params: { count: files } };
}

function problemWords(status: SyncView["status"], code: string | undefined): Words | null {
  switch (status) {
    case "unreachable":
      if (code === "timeout") return { key: "syncTimeout" };
      if (code?.startsWith("http-5")) return { key: "syncServerTrouble", params: { code: code.slice(5) } };
      return { key: "syncUnreachable" };
    case "refused":
      return { key: "syncRefused", params: { code: code ?? "?" } };
    case "error":
      return { key: "syncError", params: { code: code ?? "?" } };
    default:
      return null;
  }
}

export function describeSync(view: SyncView, { online, signedIn }: SyncContext): SyncWords {
  const none = { progress: null };
  if (!signedIn || view.status === "signed-out") {
    return { ...none, tone: "problem", message: { key: "syncSignedOut" }, action: "sign-in" };
  }
  // Only a phone without network is "Tanpa sinyal"; it never claims to be sending then.
  if (!online) return { ...none, tone: "offline", message: { key: "syncOffline" }, action: null };
  if (view.running) {
    const upload = view.upload;
    if (upload?.retrying) {
      return {
        tone: "problem",
        message: { key: "syncUploadRetrying", params: { page: upload.page, pages: upload.pages } },
        action: null,
        progress: { value: upload.sent, max: upload.total },
      };
    }
    if (upload) {
      return {
        tone: "busy",
        message: {
          key: "syncSendingPhoto",
          params: {
            page: upload.page,
            pages: upload.pages,
            sent: formatBytes(upload.sent),
            total: formatBytes(upload.total),
          },
        },
        action: null,
        progress: { value: upload.sent, max: upload.total },
      };
    }
    const key =
      view.phase === "push" ? "syncSendingChanges" : view.phase === "pull" ? "syncCheckingOffice" : "syncStarting";
    return { ...none, tone: "busy", message: { key }, action: null };
  }
  if (view.status === "session-expired") {
    return { ...none, tone: "problem", message: { key: "syncSessionExpired" }, action: "sign-in" };
  }
  const problem = problemWords(view.status, view.code);
  if (problem) return { ...none, tone: "problem", message: problem, action: "retry" };
  return { ...none, tone: "quiet", message: null, action: "sync" };
}

type Lang = "id" | "en";

/**
 * What the next screen says after the office cut this phone's session off
 * (client/vault/revocation.ts): everything was sent, then the applicants'
 * data was erased; or how many changes still wait, sealed, to be sent.
 */
export function farewellWords(
  notice: { kind: "erased" } | { kind: "waiting"; changes: number },
  lang: Lang = "id",
): string {
  if (notice.kind === "erased") {
    return lang === "en"
      ? "The office revoked this phone's session. Every file was sent, then the applicants' data was erased from this phone."
      : "Sesi ponsel ini dicabut kantor. Semua berkas sudah terkirim, lalu data pemohon dihapus dari ponsel ini.";
  }
  const n = notice.changes;
  return lang === "en"
    ? `The office revoked this phone's session. ${n} ${n === 1 ? "change waits" : "changes wait"} to be sent; the data stays locked on this phone until it is sent. Connect to the internet and open with your PIN.`
    : `Sesi ponsel ini dicabut kantor. ${n} perubahan menunggu dikirim; data tetap terkunci di ponsel ini sampai terkirim. Sambungkan ke internet dan buka dengan PIN.`;
}

/** A file whose applicant data the phone removed a set time after the office's decision (client/vault/phone-retention.ts). */
export function scrubbedWords(days: number | null, lang: Lang = "id"): string {
  if (days === null)
    return lang === "en" ? "Applicant data removed from this phone" : "Data pemohon dihapus dari ponsel ini";
  return lang === "en"
    ? `Applicant data removed from this phone (${days} ${days === 1 ? "day" : "days"} after the decision)`
    : `Data pemohon dihapus dari ponsel ini (${days} hari setelah keputusan)`;
}

export function farewellDismissWord(lang: Lang = "id"): string {
  return lang === "en" ? "Understood" : "Mengerti";
}
