/// <reference lib="webworker" />
import "./zod-jitless";
import { localDb } from "../db/local-db";
import { CatalogueSyncError } from "./download";
import { pullCatalogue, storeCataloguePage } from "./sync";
import type { CatalogueJob, CatalogueReport } from "./worker-protocol";

/**
 * The catalogue's validation (zod) and storage (Dexie), off the page: the
 * first screen neither downloads this code nor waits for it. Jobs run one at
 * a time, in the order they came.
 */
declare const self: DedicatedWorkerGlobalScope;

const report = (message: CatalogueReport) => self.postMessage(message);

async function run(job: CatalogueJob): Promise<void> {
  try {
    const changed =
      job.type === "store"
        ? await storeCataloguePage(localDb, job.body)
        : await pullCatalogue(
            localDb,
            fetch,
            job.withProgress
              ? (received, total) => report({ id: job.id, type: "progress", received, total })
              : undefined,
          );
    report({ id: job.id, type: "done", changed });
  } catch (error) {
    // The error's name only: a message could quote the catalogue's data.
    const status = error instanceof CatalogueSyncError ? error.status : undefined;
    report({ id: job.id, type: "failed", status, reason: (error as { name?: string }).name ?? "Error" });
  }
}

let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<CatalogueJob>) => {
  const job = event.data;
  queue = queue.then(() => run(job));
};
