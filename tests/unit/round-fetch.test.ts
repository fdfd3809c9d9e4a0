import { afterEach, describe, expect, it, vi } from "vitest";
import { RETRY_DELAYS_MS, roundFetch } from "../../client/sync/round-fetch";

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

/** A network whose answers are scripted per call: a Response, or an error fetch rejects with. */
function scriptedNetwork(...script: Array<Response | Error>) {
  const calls: Array<{ url: string; body: unknown }> = [];
  vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
    calls.push({ url, body: init?.body });
    const next = script[Math.min(calls.length - 1, script.length - 1)];
    if (next instanceof Error) throw next;
    return next?.clone();
  });
  return calls;
}

function setOnline(onLine: boolean) {
  vi.stubGlobal("navigator", { onLine });
}

const PUSH_BODY = JSON.stringify({ clientId: "c", mutations: [{ seq: 1 }] });
const push = (signal = new AbortController().signal) =>
  roundFetch(signal)("/api/sync/push", { method: "POST", body: PUSH_BODY });

describe("a sync request whose connection was reset", () => {
  it("is sent again, with the same body, and the second answer is the one used", async () => {
    vi.useFakeTimers();
    setOnline(true);
    const calls = scriptedNetwork(new TypeError("Failed to fetch"), Response.json({ lastAppliedSeq: 1 }));
    const pending = push();
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]);
    const response = await pending;
    expect(await response.json()).toEqual({ lastAppliedSeq: 1 });
    expect(calls).toEqual([
      { url: "/api/sync/push", body: PUSH_BODY },
      { url: "/api/sync/push", body: PUSH_BODY },
    ]);
  });

  it("is tried a few times with growing pauses, then reported as the network error it is", async () => {
    vi.useFakeTimers();
    setOnline(true);
    const calls = scriptedNetwork(new TypeError("Failed to fetch"));
    const outcome = push().catch((error: Error) => error);
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[1] - 1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(TypeError);
    expect(calls).toHaveLength(1 + RETRY_DELAYS_MS.length);
  });

  it("is not sent again when the server answered, even with a refusal", async () => {
    setOnline(true);
    const calls = scriptedNetwork(Response.json({ code: "invalid-body" }, { status: 400 }));
    const response = await push();
    expect(response.status).toBe(400);
    expect(calls).toHaveLength(1);
  });

  it("is not sent again while the phone is offline", async () => {
    setOnline(false);
    const calls = scriptedNetwork(new TypeError("Failed to fetch"), Response.json({}));
    await expect(push()).rejects.toBeInstanceOf(TypeError);
    expect(calls).toHaveLength(1);
  });

  it("stops waiting to retry the moment the round is cut for going offline", async () => {
    setOnline(true);
    const calls = scriptedNetwork(new TypeError("Failed to fetch"), Response.json({}));
    const round = new AbortController();
    const outcome = push(round.signal).catch((error: DOMException) => error.name);
    await expect.poll(() => calls.length).toBe(1);
    round.abort();
    expect(await outcome).toBe("AbortError");
    expect(calls).toHaveLength(1);
  });

  it("is not sent again when its body was a stream the first try used up", async () => {
    setOnline(true);
    const calls = scriptedNetwork(new TypeError("Failed to fetch"), Response.json({}));
    const body = new Blob(["{}"]).stream();
    await expect(
      roundFetch(new AbortController().signal)("/api/sync/push", { method: "POST", body }),
    ).rejects.toBeInstanceOf(TypeError);
    expect(calls).toHaveLength(1);
  });
});
