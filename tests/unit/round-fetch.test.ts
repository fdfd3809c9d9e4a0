import { afterEach, describe, expect, it, vi } from "vitest";
import { roundFetch } from "../../client/sync/round-fetch";

/** A server that never answers: the request ends only when its signal aborts. */
function silentServer() {
  vi.stubGlobal("fetch", (_url: string, init?: RequestInit) => {
    return new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
    });
  });
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("a sync round's requests", () => {
  it("give up on a server that does not answer, as a timeout the bar calls 'terlalu lama menjawab'", async () => {
    vi.useFakeTimers();
    silentServer();
    const pending = roundFetch(new AbortController().signal)("/api/sync/push");
    const outcome = pending.catch((error: DOMException) => error.name);
    await vi.advanceTimersByTimeAsync(90_000);
    expect(await outcome).toBe("TimeoutError");
  });

  it("stop at once when the round is cut because the phone went offline", async () => {
    silentServer();
    const round = new AbortController();
    const outcome = roundFetch(round.signal)("/api/sync/pull").catch((error: DOMException) => error.name);
    round.abort();
    expect(await outcome).toBe("AbortError");
  });
});
