/// <reference lib="webworker" />
/**
 * The photo worker: runs preparePage (decode, scale, encode, measure) on
 * OffscreenCanvas away from the page, so the form stays responsive while a
 * 12 MP photo becomes a page. One message per photo; the answer carries the
 * prepared blobs (structured clone: no copy of the bytes through JS).
 */
import { PageError, preparePage } from "./prepare-page";
import type { WorkerAnswer, WorkerJob } from "./prepare-protocol";

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<WorkerJob>) => {
  const { id, file, options } = event.data;
  let answer: WorkerAnswer;
  try {
    const page = options.accept
      ? await preparePage(file, { ...options, accept: options.accept })
      : await preparePage(file, options);
    answer = { id, ok: true, page };
  } catch (error) {
    answer =
      error instanceof PageError
        ? {
            id,
            ok: false,
            pageError: {
              code: error.code,
              message: error.message,
              ...(error.limitBytes !== undefined ? { limitBytes: error.limitBytes } : {}),
              ...(error.minLongEdge !== undefined ? { minLongEdge: error.minLongEdge } : {}),
            },
          }
        : // Not the photo's fault (no 2D context in this worker, say): the page retries on the main thread.
          { id, ok: false, pageError: null, message: error instanceof Error ? error.name : "unknown error" };
  }
  self.postMessage(answer);
};
