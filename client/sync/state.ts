import { signal } from "@preact/signals";
import type { SyncStatus } from "./engine";

export interface SyncView {
  running: boolean;
  status: SyncStatus | null;
  code?: string;
  pending: number;
  attention: number;
  lastSyncAt: Date | null;
  upload: { sent: number; total: number } | null;
}

/** What the sync bar shows; written by the runner, read by the screens. */
export const syncView = signal<SyncView>({
  running: false,
  status: null,
  pending: 0,
  attention: 0,
  lastSyncAt: null,
  upload: null,
});
