import type { DownloadProgress } from "./download";
import type { CatalogueJob, CatalogueReport } from "./worker-protocol";

/**
 * The page's side of the catalogue worker: started on first need (after the
 * list is on screen on a first visit), kept for the visit. Where module
 * workers are missing the same jobs run on the page, loaded lazily.
 */

type Pending = { resolve: (changed: boolean) => void; reject: (error: Error) => void; onProgress?: DownloadProgress };

export class CatalogueJobError extends Error {
  constructor(
    readonly reason: string,
    readonly status?: number,
  ) {
    super(`catalogue job failed: ${reason}`);
    this.name = "CatalogueJobError";
  }
}

let worker: Worker | null | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function onReport(message: CatalogueReport): void {
  const job = pending.get(message.id);
  if (!job) return;
  if (message.type === "progress") {
    job.onProgress?.(message.received, message.total);
    return;
  }
  pending.delete(message.id);
  if (message.type === "done") job.resolve(message.changed);
  else job.reject(new CatalogueJobError(message.reason, message.status));
}

function start(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL("./fetch-worker.ts", import.meta.url), { type: "module", name: "catalogue" });
    worker.onmessage = (event: MessageEvent<CatalogueReport>) => onReport(event.data);
    worker.onerror = () => {
      // The worker's code failed to load: what it was doing fails, the next job runs on the page.
      worker?.terminate();
      worker = null;
      for (const [id, job] of pending) {
        pending.delete(id);
        job.reject(new CatalogueJobError("WorkerError"));
      }
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Without a worker: the same code on the page (zod and Dexie load only then). */
async function runOnPage(job: CatalogueJob, onProgress?: DownloadProgress): Promise<boolean> {
  const [{ localDb }, { pullCatalogue, storeCataloguePage, CatalogueSyncError }] = await Promise.all([
    import("../db/local-db"),
    import("./sync"),
  ]);
  try {
    return job.type === "store"
      ? await storeCataloguePage(localDb, job.body)
      : await pullCatalogue(localDb, fetch, onProgress);
  } catch (error) {
    const status = error instanceof CatalogueSyncError ? error.status : undefined;
    throw new CatalogueJobError((error as { name?: string }).name ?? "Error", status);
  }
}

function submit(job: CatalogueJob, onProgress?: DownloadProgress): Promise<boolean> {
  const target = start();
  if (!target) return runOnPage(job, onProgress);
  return new Promise((resolve, reject) => {
    pending.set(job.id, { resolve, reject, onProgress });
    // The bytes move to the worker rather than being copied.
    target.postMessage(job, job.type === "store" ? [job.body.buffer] : []);
  });
}

/** Validates and stores a page the page downloaded. Resolves with whether any guide changed. */
export function storeInWorker(body: Uint8Array): Promise<boolean> {
  return submit({ id: nextId++, type: "store", body });
}

/** Downloads, validates and stores what changed since the saved cursor. */
export function pullInWorker(onProgress?: DownloadProgress): Promise<boolean> {
  return submit({ id: nextId++, type: "pull", withProgress: !!onProgress }, onProgress);
}
