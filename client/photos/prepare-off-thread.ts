/**
 * preparePage in a dedicated worker where the browser has OffscreenCanvas
 * (Chrome 69+, Safari 16.4+, Firefox 105+), on the main thread elsewhere.
 * Decoding and re-encoding a 12 MP photo takes seconds on a cheap phone;
 * off the main thread the cadre keeps typing meanwhile.
 *
 * One worker, kept for the session, one photo at a time (memory on cheap
 * phones: one full-size bitmap at once). A worker that cannot start or
 * fails for reasons that are not the photo's is given up for the session
 * and the photo is prepared on the main thread instead: slower, never lost.
 * A worker that dies without an error event (killed for memory on a cheap
 * phone) would leave the photo waiting for good and block every photo after
 * it: a job that has not answered within PHOTO_JOB_TIMEOUT_MS counts as that.
 */
import type { AcceptingOptions, PreparedPage, PreparePageOptions } from "./prepare-page";
import type { WorkerAnswer, WorkerJob } from "./prepare-protocol";

type Options = PreparePageOptions & { accept?: ReadonlySet<string> };

/** Generous: a 12 MP photo takes a few seconds on a cheap phone, even under a 4x CPU throttle (bench/). */
export const PHOTO_JOB_TIMEOUT_MS = 60_000;

export interface OffThreadLimits {
  /** A job unanswered this long: the worker is given up and the photo prepared on the main thread. */
  jobTimeoutMs?: number;
}

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
/** Photos are prepared one after another: each job waits for the one before. */
let queue: Promise<unknown> = Promise.resolve();
const pending = new Map<number, { resolve: (answer: WorkerAnswer) => void; reject: (error: Error) => void }>();

export function workerAvailable(): boolean {
  return !broken && typeof Worker !== "undefined" && typeof OffscreenCanvas !== "undefined";
}

export function preparePageOffThread(
  file: Blob,
  options: AcceptingOptions,
  limits: OffThreadLimits = {},
): Promise<PreparedPage> {
  const run = queue.then(() => prepareOne(file, options, limits.jobTimeoutMs ?? PHOTO_JOB_TIMEOUT_MS));
  queue = run.catch(() => undefined);
  return run;
}

async function prepareOne(file: Blob, options: Options, timeoutMs: number): Promise<PreparedPage> {
  if (workerAvailable()) {
    try {
      const answer = await ask(file, options, timeoutMs);
      if (answer.ok) return answer.page;
      if (answer.pageError) throw await toPageError(answer.pageError);
    } catch (error) {
      if ((error as Error).name === "PageError") throw error;
      giveUp();
    }
    giveUp();
  }
  return onMainThread(file, options);
}

async function onMainThread(file: Blob, options: Options): Promise<PreparedPage> {
  const { preparePage } = await import("./prepare-page");
  return options.accept ? preparePage(file, { ...options, accept: options.accept }) : preparePage(file, options);
}

async function toPageError(data: NonNullable<Extract<WorkerAnswer, { ok: false }>["pageError"]>): Promise<Error> {
  const { PageError } = await import("./prepare-page");
  return new PageError(data.code, data.message, data.limitBytes, data.minLongEdge);
}

function ask(file: Blob, options: Options, timeoutMs: number): Promise<WorkerAnswer> {
  const current = started();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => failAll(new Error("photo worker did not answer in time")), timeoutMs);
    pending.set(id, {
      resolve: (answer) => {
        clearTimeout(timer);
        resolve(answer);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    const job: WorkerJob = { id, file, options };
    current.postMessage(job);
  });
}

function started(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL("./prepare-worker.ts", import.meta.url), { type: "module", name: "photos" });
  created.onmessage = (event: MessageEvent<WorkerAnswer>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    waiting?.resolve(event.data);
  };
  // A script that fails to load or throws at the top: every waiting photo goes to the main thread.
  created.onerror = (event) => {
    event.preventDefault();
    failAll(new Error("photo worker failed"));
  };
  created.onmessageerror = () => failAll(new Error("photo worker message could not be read"));
  worker = created;
  return created;
}

function failAll(error: Error): void {
  for (const waiting of pending.values()) waiting.reject(error);
  pending.clear();
  giveUp();
}

function giveUp(): void {
  broken = true;
  worker?.terminate();
  worker = null;
}
