import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/** The main-thread path, marked so the tests can tell which path prepared the photo. */
vi.mock("../../client/photos/prepare-page", () => ({
  preparePage: async (file: Blob) => ({ from: "main thread", bytes: file.size }),
  PageError: class extends Error {},
}));

/** A photo worker killed for memory without an error event: it takes jobs and never answers. */
class SilentWorker {
  static created: SilentWorker[] = [];
  static answer: ((job: { id: number }) => unknown) | null = null;
  terminated = false;
  jobs = 0;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: unknown = null;
  onmessageerror: unknown = null;
  constructor() {
    SilentWorker.created.push(this);
  }
  postMessage(job: { id: number }) {
    this.jobs++;
    const answer = SilentWorker.answer;
    if (answer) queueMicrotask(() => this.onmessage?.({ data: answer(job) }));
  }
  terminate() {
    this.terminated = true;
  }
}

/** A module with no worker yet; the clock is faked only once it is loaded (loading takes real time). */
async function freshModule() {
  vi.resetModules();
  const module = await import("../../client/photos/prepare-off-thread");
  vi.useFakeTimers();
  return module;
}

const photo = () => new Blob([new Uint8Array(10)], { type: "image/jpeg" });
const options = { accept: new Set(["image/jpeg"]) };

beforeEach(() => {
  SilentWorker.created = [];
  SilentWorker.answer = null;
  vi.stubGlobal("Worker", SilentWorker);
  vi.stubGlobal("OffscreenCanvas", class {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("a photo worker that never answers", () => {
  it("is ended after 60 s by default and the photo is prepared on the main thread instead", async () => {
    const { preparePageOffThread } = await freshModule();
    const prepared = preparePageOffThread(photo(), options);
    let settled = false;
    void prepared.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(SilentWorker.created[0]?.jobs).toBe(1);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await prepared).toEqual({ from: "main thread", bytes: 10 });
    expect(SilentWorker.created[0]?.terminated).toBe(true);
  });

  it("does not block the photos queued behind it: they go to the main thread without a new worker", async () => {
    const { preparePageOffThread, workerAvailable } = await freshModule();
    const first = preparePageOffThread(photo(), options, { jobTimeoutMs: 1_000 });
    const second = preparePageOffThread(new Blob([new Uint8Array(20)]), options, { jobTimeoutMs: 1_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(SilentWorker.created[0]?.jobs).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await first).toEqual({ from: "main thread", bytes: 10 });
    expect(await second).toEqual({ from: "main thread", bytes: 20 });
    expect(SilentWorker.created).toHaveLength(1);
    expect(workerAvailable()).toBe(false);
  });

  it("keeps a worker that answers in time, and its answer (the timer does not fire later)", async () => {
    SilentWorker.answer = (job) => ({ id: job.id, ok: true, page: { from: "worker" } });
    const { preparePageOffThread, workerAvailable } = await freshModule();
    expect(await preparePageOffThread(photo(), options, { jobTimeoutMs: 1_000 })).toEqual({ from: "worker" });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(SilentWorker.created[0]?.terminated).toBe(false);
    expect(workerAvailable()).toBe(true);
  });
});
