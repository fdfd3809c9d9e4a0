import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { backoffMs, enqueue, getItem, surveyFor, unsent, VoiceDb } from "../../client/voice/outbox";
import { flushOutbox, retryRefused, sendOne } from "../../client/voice/send";
import type { ComplaintSubmission } from "../../shared/api/complaints";
import type { SurveySubmission } from "../../shared/api/skm";
import { SKM_QUESTIONNAIRE } from "../../shared/skm/questionnaire";

let counter = 0;
const dbs: VoiceDb[] = [];
function freshDb(name = `voice-test-${++counter}`): VoiceDb {
  const db = new VoiceDb(name);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function survey(n: number, trackingNumber?: string): SurveySubmission {
  return {
    id: uuid(n),
    questionnaire: SKM_QUESTIONNAIRE.id as SurveySubmission["questionnaire"],
    channel: "cadre-phone",
    ...(trackingNumber ? { trackingNumber } : {}),
    answers: Object.fromEntries(SKM_QUESTIONNAIRE.elements.map((element) => [element.id, 3])),
    profile: {},
    answeredAt: "2026-12-02T03:00:00.000Z",
  };
}

function complaint(n: number): ComplaintSubmission {
  return {
    id: uuid(n),
    channel: "citizen-phone",
    category: "biaya",
    description: "Diminta uang Rp 50.000 untuk surat domisili.",
    happenedOn: "2026-12-01",
    place: { kind: "office", kecamatanCode: "31.75.07" },
    amountAsked: 50000,
    evidence: [],
    anonymous: true,
    confidential: false,
    reportedAt: "2026-12-02T03:00:00.000Z",
  };
}

type Reply = Response | Error;
function server(replies: Reply[]) {
  const calls: { url: string; body: unknown }[] = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init?.body)) });
    const next = replies.shift();
    if (!next) throw new Error("no reply");
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof fetch;
  return { fetcher, calls };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
const now = new Date("2026-12-02T03:00:00.000Z");
const later = new Date(now.getTime() + 1000);
const base = { now: () => later, online: () => true };

describe("voice outbox", () => {
  it("keeps a queued entry across a reload, body unchanged, and a second save of the same id keeps the first", async () => {
    const name = `voice-reload-${++counter}`;
    const first = freshDb(name);
    await enqueue("survey", survey(1, "DRN-7K4MX-2QP9A"), now, first);
    await enqueue("survey", { ...survey(1, "DRN-7K4MX-2QP9A"), suggestion: "changed" }, now, first);
    first.close();
    const again = freshDb(name);
    const item = await getItem(uuid(1), again);
    expect(item?.state).toBe("pending");
    expect(item?.body).toEqual(survey(1, "DRN-7K4MX-2QP9A"));
    expect(await unsent(again)).toHaveLength(1);
  });

  it("sends, and a duplicate answer (200 duplicate:true) counts as sent; the body leaves the phone", async () => {
    const db = freshDb();
    await enqueue("survey", survey(1, "DRN-7K4MX-2QP9A"), now, db);
    await enqueue("complaint", complaint(2), new Date(now.getTime() + 1), db);
    const numbers: string[] = [];
    const { fetcher, calls } = server([
      json(200, { id: uuid(1), duplicate: true }),
      json(201, { id: uuid(2), number: "ADU-7K4MX-2QP9A", duplicate: false }),
    ]);
    const sent = await flushOutbox({ db, fetcher, ...base, onComplaintNumber: (n) => void numbers.push(n) });
    expect(sent).toBe(2);
    expect(calls.map((call) => call.url)).toEqual(["/api/skm/responses", "/api/complaints"]);
    expect(calls[1]?.body).toEqual(complaint(2));
    const s = await getItem(uuid(1), db);
    const c = await getItem(uuid(2), db);
    expect(s).toMatchObject({ state: "sent", body: null, trackingNumber: "DRN-7K4MX-2QP9A" });
    expect(c).toMatchObject({ state: "sent", body: null, number: "ADU-7K4MX-2QP9A" });
    expect(JSON.stringify(c)).not.toContain("Rp 50.000");
    expect(numbers).toEqual(["ADU-7K4MX-2QP9A"]);
    expect(await surveyFor("DRN-7K4MX-2QP9A", db)).toBeDefined();
    // Nothing left to send: a second round asks nothing.
    expect(await flushOutbox({ db, fetcher, ...base })).toBe(0);
    expect(calls).toHaveLength(2);
  });

  it("keeps a 4xx refusal with the server's message, not retried, and does not block the next entry", async () => {
    const db = freshDb();
    await enqueue("survey", survey(1, "DRN-7K4MX-2QP9A"), now, db);
    await enqueue("survey", survey(2), new Date(now.getTime() + 1), db);
    const { fetcher, calls } = server([
      json(409, { error: { code: "survey_already_answered", message: "Survei untuk berkas ini sudah diisi." } }),
      json(201, { id: uuid(2), duplicate: false }),
    ]);
    expect(await flushOutbox({ db, fetcher, ...base })).toBe(1);
    expect(await getItem(uuid(1), db)).toMatchObject({
      state: "refused",
      refusal: { status: 409, code: "survey_already_answered", message: "Survei untuk berkas ini sudah diisi." },
    });
    expect((await getItem(uuid(1), db))?.body).not.toBeNull();
    await flushOutbox({ db, fetcher, ...base });
    expect(calls).toHaveLength(2);
    expect(await unsent(db)).toHaveLength(1);
    // Sent again by hand, the same body under the same id.
    await retryRefused(uuid(1), db, now);
    const retry = server([json(200, { id: uuid(1), duplicate: true })]);
    expect(await flushOutbox({ db, fetcher: retry.fetcher, ...base })).toBe(1);
    expect(retry.calls[0]?.body).toEqual(survey(1, "DRN-7K4MX-2QP9A"));
  });

  it("retries a network error, a 429 and a 5xx later with backoff, the same id each time", async () => {
    const db = freshDb();
    await enqueue("complaint", complaint(1), now, db);
    const { fetcher, calls } = server([
      new TypeError("Failed to fetch"),
      json(429, { error: { code: "rate_limited", message: "…" } }, { "Retry-After": "120" }),
      json(503, {}),
      json(201, { id: uuid(1), number: "ADU-7K4MX-2QP9A", duplicate: false }),
    ]);
    let clock = now.getTime();
    const opts = { db, fetcher, now: () => new Date(clock), online: () => true };
    expect(await flushOutbox(opts)).toBe(0);
    let item = await getItem(uuid(1), db);
    expect(item).toMatchObject({ state: "pending", attempts: 1 });
    expect(Date.parse(item?.nextAttemptAt ?? "")).toBe(clock + backoffMs(1));
    // Not due yet: nothing is sent.
    expect(await flushOutbox(opts)).toBe(0);
    expect(calls).toHaveLength(1);
    clock += backoffMs(1);
    await flushOutbox(opts);
    item = await getItem(uuid(1), db);
    expect(Date.parse(item?.nextAttemptAt ?? "")).toBe(clock + 120_000);
    clock += 120_000;
    await flushOutbox(opts);
    expect((await getItem(uuid(1), db))?.attempts).toBe(3);
    clock += backoffMs(3);
    expect(await flushOutbox(opts)).toBe(1);
    expect(new Set(calls.map((call) => (call.body as { id: string }).id))).toEqual(new Set([uuid(1)]));
  });

  it("uploads a cadre's evidence photos before the complaint, retries when an upload fails, and drops them once sent", async () => {
    const db = freshDb();
    const photo = { sha256: "a".repeat(64), mime: "image/jpeg" as const, data: new Uint8Array([1, 2, 3]).buffer };
    const body = { ...complaint(1), evidence: [{ sha256: photo.sha256, mime: photo.mime, bytes: 3 }] };
    await enqueue("complaint", body, now, db, [photo]);
    const uploads: string[] = [];
    let fail = true;
    const upload = async (p: { sha256: string }) => {
      uploads.push(p.sha256);
      if (fail) throw new Error("offline");
    };
    const { fetcher, calls } = server([json(201, { id: uuid(1), number: "ADU-7K4MX-2QP9A", duplicate: false })]);
    expect(await flushOutbox({ db, fetcher, ...base, upload })).toBe(0);
    expect(calls).toHaveLength(0);
    expect(await getItem(uuid(1), db)).toMatchObject({ state: "pending", attempts: 1 });
    fail = false;
    expect(await flushOutbox({ db, fetcher, ...base, upload, force: true })).toBe(1);
    expect(uploads).toEqual([photo.sha256, photo.sha256]);
    expect(calls[0]?.body).toEqual(body);
    expect(await getItem(uuid(1), db)).toMatchObject({ state: "sent", body: null, photos: [] });
  });

  it("does not send offline, and sends a due entry only once when forced", async () => {
    const db = freshDb();
    await enqueue("survey", survey(1), now, db);
    const { fetcher, calls } = server([json(201, { id: uuid(1), duplicate: false })]);
    expect(await flushOutbox({ db, fetcher, now: () => now, online: () => false })).toBe(0);
    expect(calls).toHaveLength(0);
    expect(await flushOutbox({ db, fetcher, ...base, force: true })).toBe(1);
  });

  it("reads an unreadable 200 as try-again, and an unknown 4xx body as its status", async () => {
    const item = { ...(await enqueue("survey", survey(1), now, freshDb())) };
    expect(await sendOne(item, { fetcher: server([json(200, { ok: 1 })]).fetcher })).toEqual({ kind: "retry" });
    expect(await sendOne(item, { fetcher: server([json(404, { error: { code: "not_found" } })]).fetcher })).toEqual({
      kind: "retry",
    });
    const outcome = await sendOne(item, { fetcher: server([new Response("nope", { status: 400 })]).fetcher });
    expect(outcome).toEqual({ kind: "refused", refusal: { status: 400, code: "http_400", message: "HTTP 400" } });
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(20)).toBe(30 * 60_000);
  });
});
