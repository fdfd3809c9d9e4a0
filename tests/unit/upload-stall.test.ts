import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * tus-js-client as a server that accepted the PATCH and never answers: no progress, no error,
 * no retry (tus-js-client has no request timeout). The test plays the bytes that do move.
 */
const tus = vi.hoisted(() => ({
  uploads: [] as { options: { onProgress?: (sent: number, total: number) => void }; aborted: boolean }[],
}));
vi.mock("tus-js-client", () => ({
  defaultOptions: { onShouldRetry: () => false },
  Upload: class {
    aborted = false;
    constructor(
      _file: Blob,
      readonly options: { onProgress?: (sent: number, total: number) => void },
    ) {
      tus.uploads.push(this);
    }
    findPreviousUploads() {
      return Promise.resolve([]);
    }
    start() {}
    abort() {
      this.aborted = true;
      return Promise.resolve();
    }
  },
}));

const { uploadPage } = await import("../../client/uploads/upload-page");

let pages = 0;
/** A new hash each time: uploads of the same hash join each other (upload-page.ts). */
const page = () => ({
  data: new ArrayBuffer(1024),
  mime: "image/jpeg",
  sha256: (++pages).toString(16).padStart(64, "0"),
});

/** HEAD /api/files/sha256/… answers `status`, or never when `status` is null (ends only on abort). */
function headAnswers(status: number | null) {
  vi.stubGlobal("fetch", (_url: string, init?: RequestInit) => {
    if (status !== null) return Promise.resolve(new Response(null, { status }));
    return new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
    });
  });
}

const codeOf = (work: Promise<unknown>) =>
  work.then(
    () => "resolved",
    (error: { code?: string }) => error.code,
  );

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal("location", { href: "http://phone.test/" });
  tus.uploads.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("a photo upload to a server that stops answering", () => {
  it("stops with 'timeout' when the HEAD check never answers, after the stall limit", async () => {
    headAnswers(null);
    const outcome = codeOf(uploadPage({ ...page(), stallMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(await Promise.race([outcome, Promise.resolve("waiting")])).toBe("waiting");
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe("timeout");
  });

  it("gives up on a PATCH the server accepted and never answered, after 90 s by default, and cuts the request", async () => {
    headAnswers(404);
    const outcome = codeOf(uploadPage(page()));
    await vi.advanceTimersByTimeAsync(0);
    expect(tus.uploads).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(90_000);
    expect(await outcome).toBe("timeout");
    expect(tus.uploads[0]?.aborted).toBe(true);
  });

  it("keeps sending while bytes move, and times out only after they stop for the whole limit", async () => {
    headAnswers(404);
    const outcome = codeOf(uploadPage({ ...page(), stallMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(tus.uploads).toHaveLength(1);
    for (let sent = 256; sent <= 768; sent += 256) {
      await vi.advanceTimersByTimeAsync(4_000);
      tus.uploads[0]?.options.onProgress?.(sent, 1024);
    }
    await vi.advanceTimersByTimeAsync(4_999);
    expect(await Promise.race([outcome, Promise.resolve("sending")])).toBe("sending");
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe("timeout");
  });

  it("still says 'aborted' when the round itself is stopped (the phone went offline)", async () => {
    headAnswers(null);
    const round = new AbortController();
    const outcome = codeOf(uploadPage({ ...page(), signal: round.signal, stallMs: 5_000 }));
    round.abort();
    expect(await outcome).toBe("aborted");
  });
});
