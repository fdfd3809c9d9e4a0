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
