import { signal } from "@preact/signals";
import type { SyncStatus } from "./engine";

/** What a round is doing now: sending photos, sending changes, or reading the office's news. */
export type SyncPhase = "upload" | "push" | "pull";

/** The photo being sent: its place among the photos of this round, and its bytes. */
export interface UploadProgress {
  page: number;
  pages: number;
  sent: number;
  total: number;
  /** A request for this photo failed and is being tried again (its attempt number). */
  retrying?: number;
}

export interface SyncView {
  /** A round is under way. Never true while the phone is offline: the runner neither starts nor keeps one then. */
  running: boolean;
  phase: SyncPhase | null;
  /** How the last finished round ended; null before the first. */
  status: SyncStatus | null;
  code?: string;
  /** Files (drafts) with something still to send: not the number of queued mutations. */
  pending: number;
  attention: number;
  lastSyncAt: Date | null;
  upload: UploadProgress | null;
}

/** What the sync bar shows; written by the runner, read by the screens. */
export const syncView = signal<SyncView>({
  running: false,
  phase: null,
  status: null,
  pending: 0,
  attention: 0,
  lastSyncAt: null,
  upload: null,
});
