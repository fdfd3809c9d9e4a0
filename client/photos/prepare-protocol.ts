/** Messages between the page and the photo worker (./prepare-worker.ts). */
import type { PageErrorCode, PreparedPage, PreparePageOptions } from "./prepare-page";

export interface WorkerJob {
  id: number;
  file: Blob;
  /** A Set survives structured cloning: `accept` travels as it is. */
  options: PreparePageOptions & { accept?: ReadonlySet<string> };
}

export type WorkerAnswer =
  | { id: number; ok: true; page: PreparedPage }
  | {
      id: number;
      ok: false;
      /** The photo cannot become a page (the same answer the main thread would give). */
      pageError: { code: PageErrorCode; message: string; limitBytes?: number; minLongEdge?: number } | null;
      /** When `pageError` is null: why the worker itself failed (an error name, no personal data). */
      message?: string;
    };
