import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../server/app";
import { activeDialect } from "../../server/db/dialect";
import { sqliteDriver } from "../../server/db/maintenance";
import type { Db } from "../../server/db/open";
import { rawAll, rawRun } from "../../server/db/raw";
import { applications, calendarDays } from "../../server/db/schema";
import { withTransaction } from "../../server/db/transaction";
import { getGuideVersion } from "../../server/guides/repository";
import type { AccessEntry } from "../../server/http/access-log";
import { limitKey, networkKey, TokenBucketLimiter } from "../../server/http/rate-limit";
import { decide } from "../../server/review/verdict";
import { writeSetting } from "../../server/settings/office-settings";
import { publicFixes } from "../../server/tracking/fixes";
import { LOOKUP_SQL, PUBLIC_FOR_DAYS } from "../../server/tracking/lookup";
import { officeAreaName } from "../../server/tracking/office-area";
import { MAX_STEPS, type StepEvent, stepsOf } from "../../server/tracking/steps";
import { ApiError, ERROR_MESSAGES } from "../../shared/api/errors";
import { PublicStatus } from "../../shared/api/tracking";
import { Draft } from "../../shared/draft";
import { createRegionIndex } from "../../shared/regions";
import { FIX_REASONS, REJECT_REASONS } from "../../shared/review/reasons";
import { type ClockRecord, viewClock } from "../../shared/service-time/clock";
import { CITIZEN_STATUS } from "../../shared/service-time/words";
import { type Mutation, PullResponse, PushResponse } from "../../shared/sync/protocol";
import { newTrackingNumber } from "../../shared/tracking/number";
import { allTrackingPrefixes } from "../../shared/tracking/prefix";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft, sha256, storeFilesOf } from "../helpers/drafts";
import { seededDatabase } from "../helpers/temp-db";

/** The SQLite driver under `db`: this test reaches the file directly. */
function driverOf(db: Db) {
  const driver = sqliteDriver(db);
  if (!driver) throw new Error("this test runs on SQLite");
  return driver;
}

const KEC = "31.71.01";
const VILLAGE = "31.71.01.1001";
const GUIDE = "surat-keterangan-domisili";
const SHAPE = /^[A-Z]{3}-[2-9A-Z]{5}-[2-9A-Z]{5}$/;
/** Jakarta 09:00 on Monday 6 July 2026: no holiday for the three weeks the file travels. */
const MONDAY = "2026-07-06T02:00:00.000Z";

/** The applicant's data: none of it may appear in a public answer. */
const PERSON = {
  fullName: "Siti Aminah Rahmawati",
  nik: "3171015203900001",
  kk: "3171011501200003",
  birthDate: "1990-03-12",
  phone: "081298765432",
  street: "Jl. Kebon Sirih Barat No. 17",
};
const PAGE_HASHES = ["pengantar", "ktp", "kk"].map(sha256);

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let logs: AccessEntry[];
let cadre: TestUser;
let operator: TestUser;
let admin: TestUser;
const clients = new Map<string, { clientId: string; seq: number }>();

function at(iso: string): void {
  vi.setSystemTime(new Date(iso));
}

beforeEach(async () => {
  // Only Date is faked: sessions, the push, the review and the lookup all read one clock the test moves.
  vi.useFakeTimers({ toFake: ["Date"] });
  at(MONDAY);
  env = await seededDatabase();
  logs = [];
  app = createApp({
    db: env.db,
    filesDir: join(env.dir, "files"),
    logRequest: (entry) => logs.push(entry),
    trackLimit: { perMinute: 100_000, burst: 100_000 },
  });
  cadre = await createTestUser(env.db, "cadre", { kecamatanCode: KEC });
  operator = await createTestUser(env.db, "operator", { kecamatanCode: KEC });
  admin = await createTestUser(env.db, "admin");
  clients.clear();
});
afterEach(async () => {
  await env.cleanup();
  vi.useRealTimers();
});

function personalDraft(): Draft {
  const draft = readyDraft({ name: PERSON.fullName, village: VILLAGE });
  return Draft.parse({
    ...draft,
    applicant: {
      ...draft.applicant,
      nik: PERSON.nik,
      kk: PERSON.kk,
      birthDate: PERSON.birthDate,
      phone: PERSON.phone,
      address: { ...draft.applicant.address, street: PERSON.street },
    },
  });
}

async function pushAs(user: TestUser, build: (seq: number) => Mutation[]): Promise<PushResponse> {
  const client = clients.get(user.id) ?? { clientId: uuidv7(), seq: 0 };
  clients.set(user.id, client);
  const batch = build(client.seq + 1);
  client.seq += batch.length;
  const response = await app.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: user.cookie },
    body: JSON.stringify({ clientId: client.clientId, mutations: batch }),
  });
  expect(response.status).toBe(200);
  return PushResponse.parse(await response.json());
}

/** A file submitted through the real push (its photos "uploaded" first); answers it and its number. */
async function submitted(draft: Draft = personalDraft()): Promise<{ draft: Draft; number: string }> {
  await storeFilesOf(env.db, draft, cadre.id);
  const result = await pushAs(cadre, (seq) => [mutation(seq, "submitApplication", { draft })]);
  expect(result.results[0]).toMatchObject({ status: "applied" });
  const number = (await row(draft.id)).trackingNumber;
  if (!number) throw new Error("no tracking number");
  return { draft, number };
}

async function resubmit(draft: Draft): Promise<void> {
  const result = await pushAs(cadre, (seq) => [
    mutation(seq, "putDraft", { draft }),
    mutation(seq + 1, "submitApplication", { draft }),
  ]);
  expect(result.results.map((r) => r.status)).toEqual(["applied", "applied"]);
}

async function row(id: string) {
  const found = (await env.db.select().from(applications).where(eq(applications.id, id)))[0];
  if (!found) throw new Error("no row");
  return found;
}

async function office(path: string, user: TestUser, body: unknown): Promise<void> {
  const response = await app.request(`/api/console/applications${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: user.cookie },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

const version = async (id: string) => (await row(id)).version;

async function pull(user: TestUser) {
  const response = await app.request(`/api/sync/pull?clientId=${clients.get(user.id)?.clientId}`, {
    headers: { Cookie: user.cookie },
  });
  expect(response.status).toBe(200);
  return PullResponse.parse(await response.json());
}

function track(number: string, headers: Record<string, string> = {}, on = app) {
  return on.request(`/api/track/${number}`, { headers });
}

/** A found file's answer: 200, not stored by anyone, valid against the public schema. */
async function status(number: string): Promise<{ body: PublicStatus; raw: string }> {
  const response = await track(number);
  expect(response.status).toBe(200);
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  const raw = await response.text();
  // The schema would drop a key it does not know: the key checks read the JSON as sent.
  const json = JSON.parse(raw);
  const body = PublicStatus.parse(json);
  expectExactKeys(json);
  return { body, raw };
}

async function errorOf(response: Response, code: string, httpStatus: number) {
  expect(response.status).toBe(httpStatus);
  const error = ApiError.parse(await response.json()).error;
  expect(error.code).toBe(code);
  return error;
}

const keys = (value: object) => Object.keys(value).sort();
const TEXT_KEYS = ["en", "id"];
const CLOCK_VIEW_KEYS = ["days", "deadline", "left", "onTime", "state", "unit", "urgency", "used"];
const CLOCK_KEYS = ["days", "deadline", "onTime", "segmentStart", "startedOn", "state", "unit", "used", "usedBefore"];

/** Every level of an answer holds exactly the keys the public schema names: nothing rides along. */
// biome-ignore lint/suspicious/noExplicitAny: the JSON as sent, before any schema
function expectExactKeys(json: Record<string, any>): void {
  expect(keys(json)).toEqual([
    "applicantInitials",
    "asOf",
    "clock",
    "clockNow",
    "closedDates",
    "fixes",
    "number",
    "office",
    "officeNote",
    "service",
    "status",
    "statusText",
    "steps",
  ]);
  expect(keys(json.statusText)).toEqual(TEXT_KEYS);
  expect(keys(json.service)).toEqual(["id", "title"]);
  expect(keys(json.service.title)).toEqual(TEXT_KEYS);
  expect(keys(json.office)).toEqual(["area", "name"]);
  expect(keys(json.office.name)).toEqual(TEXT_KEYS);
  for (const step of json.steps) expect(keys(step)).toEqual(["at", "kind"]);
  for (const fix of json.fixes) {
    expect(keys(fix)).toEqual(["reason", "reasonCode", "requirement"]);
    expect(keys(fix.reason)).toEqual(TEXT_KEYS);
    if (fix.requirement !== null) expect(keys(fix.requirement)).toEqual(TEXT_KEYS);
  }
  if (json.clock !== null) expect(keys(json.clock)).toEqual(CLOCK_KEYS);
  if (json.clockNow !== null) expect(keys(json.clockNow)).toEqual(CLOCK_VIEW_KEYS);
  else expect(json.clock).toBeNull();
  for (const date of json.closedDates) expect(typeof date).toBe("string");
}

describe("GET /api/track/:number", () => {
  it("answers a submitted file's status with no personal data, field by field", async () => {
    const { draft, number } = await submitted();
    expect(number).toMatch(SHAPE);
    // The number is given at the submit and reaches the phone with the pull.
    expect((await pull(cadre)).changes.find((change) => change.id === draft.id)?.trackingNumber).toBe(number);

    const { body, raw } = await status(number);
    const guide = await getGuideVersion(env.db, GUIDE, 1);
    if (!guide) throw new Error("no guide");
    const village = createRegionIndex().village(VILLAGE);
    expect(body).toEqual({
      number,
      service: { id: GUIDE, title: guide.title },
      office: {
        name: guide.office.name,
        area: guide.office.level === "kelurahan" ? `Kelurahan ${village?.name}` : `Kecamatan ${village?.districtName}`,
      },
      status: "submitted",
      statusText: CITIZEN_STATUS.submitted,
      applicantInitials: "S. A. R.",
      steps: [{ kind: "submitted", at: MONDAY }],
      fixes: [],
      officeNote: null,
      clock: null,
      clockNow: null,
      closedDates: body.closedDates,
      asOf: MONDAY,
    });
    // The office's closed dates for counting the clock offline: the shipped holidays.
    expect(body.closedDates).toContain("2026-08-17");
    expect(body.closedDates).toEqual([...body.closedDates].sort());

    const forbidden = [
      PERSON.fullName,
      ...PERSON.fullName.split(" "),
      PERSON.nik,
      PERSON.nik.slice(0, 6),
      PERSON.kk,
      PERSON.birthDate,
      PERSON.phone,
      PERSON.street,
      "Kebon Sirih",
      VILLAGE,
      ...PAGE_HASHES,
      ...Object.values(draft.documents).flatMap((document) => document.pages.map((page) => page.blobId)),
      draft.id,
      cadre.id,
      cadre.username,
      operator.id,
      "nik",
      "address",
      "sha256",
      "cadre",
    ];
    for (const text of forbidden) expect(raw.toLowerCase(), text).not.toContain(text.toLowerCase());
  });

  it("follows the file: submit → receive → send back → resubmit → receive → approve, with reasons, never the notes, and the clock", async () => {
    const { draft, number } = await submitted();
    const guide = await getGuideVersion(env.db, GUIDE, 1);
    const label = (id: string) => guide?.requirements.find((r) => r.id === id)?.label;
    const clockMatchesRow = async (body: PublicStatus) => expect(body.clock).toEqual((await row(draft.id)).clock);

    at("2026-07-06T03:00:00.000Z");
    await office(`/${draft.id}/receive`, operator, { expectedVersion: await version(draft.id) });
    let { body } = await status(number);
    expect(body.status).toBe("received");
    expect(body.clock).toMatchObject({ state: "running", startedOn: "2026-07-06", segmentStart: "2026-07-06" });
    await clockMatchesRow(body);
    expect(body.statusText).toEqual(CITIZEN_STATUS.received);
    // The clock as the server counts it today, with the same calendar the answer carries.
    const service = body.clock?.days ?? 0;
    expect(body.clockNow).toEqual(
      viewClock((await row(draft.id)).clock as ClockRecord, "2026-07-06", { closed: new Set(body.closedDates) }),
    );
    expect(body.clockNow).toMatchObject({ state: "running", used: 0, left: service, onTime: null });
    at("2026-07-08T03:00:00.000Z");
    expect((await status(number)).body.clockNow).toMatchObject({ used: 2, left: service - 2 });

    // Seven working days later the office sends it back, with notes for the cadre only.
    at("2026-07-15T04:00:00.000Z");
    await office(`/${draft.id}/verdict`, operator, {
      expectedVersion: await version(draft.id),
      decision: "needs-fix",
      note: "Catatan kantor untuk kader saja",
      requirements: {
        "kartu-keluarga": { status: "needs-fix", reasonCode: "cut-off" },
        "ktp-el": { status: "needs-fix", reasonCode: "blurry", note: "Catatan per syarat yang tidak publik" },
        "pengantar-rt-rw": { status: "accepted" },
      },
    });
    const sentBack = await status(number);
    body = sentBack.body;
    const raw = sentBack.raw;
    expect(body.status).toBe("needs-fix");
    // In the guide's order, each with its label and the reason's words in both languages.
    const order = guide?.requirements.map((r) => r.id) ?? [];
    const expectedFixes = [
      { requirement: label("ktp-el"), reasonCode: "blurry", reason: FIX_REASONS.blurry },
      { requirement: label("kartu-keluarga"), reasonCode: "cut-off", reason: FIX_REASONS["cut-off"] },
    ].sort(
      (a, b) =>
        order.findIndex((id) => label(id) === a.requirement) - order.findIndex((id) => label(id) === b.requirement),
    );
    expect(body.fixes).toEqual(expectedFixes);
    expect(body.officeNote).toBeNull();
    expect(raw).not.toContain("Catatan");
    expect(body.clock).toMatchObject({ state: "paused", used: 7, deadline: null, segmentStart: null });
    await clockMatchesRow(body);

    // The cadre fixes it and submits again: the same number, the clock still paused (the time is the citizen's).
    at("2026-07-16T05:00:00.000Z");
    await resubmit(draft);
    expect((await row(draft.id)).trackingNumber).toBe(number);
    expect((await pull(cadre)).changes.find((change) => change.id === draft.id)).toMatchObject({
      status: "submitted",
      trackingNumber: number,
    });
    ({ body } = await status(number));
    expect(body).toMatchObject({ status: "submitted", fixes: [], officeNote: null });
    expect(body.clock).toMatchObject({ state: "paused", used: 7 });

    at("2026-07-17T02:30:00.000Z");
    await office(`/${draft.id}/receive`, operator, { expectedVersion: await version(draft.id) });
    ({ body } = await status(number));
    expect(body.clock).toMatchObject({ state: "running", usedBefore: 7, segmentStart: "2026-07-17", used: null });
    await clockMatchesRow(body);

    at("2026-07-20T02:00:00.000Z");
    await office(`/${draft.id}/verdict`, operator, { expectedVersion: await version(draft.id), decision: "verified" });
    at("2026-07-21T02:00:00.000Z");
    await office(`/${draft.id}/verdict`, admin, { expectedVersion: await version(draft.id), decision: "approved" });
    ({ body } = await status(number));
    expect(body.status).toBe("approved");
    expect(body.fixes).toEqual([]);
    // Friday to Tuesday: Monday and Tuesday counted, on top of the seven before the send-back.
    expect(body.clock).toMatchObject({ state: "stopped", used: 9, onTime: 9 <= (body.clock?.days ?? 0) });
    await clockMatchesRow(body);
    expect(body.clockNow).toMatchObject({ state: "stopped", used: 9, deadline: null, urgency: null });
    expect(body.statusText).toEqual(CITIZEN_STATUS.approved);
    expect(body.steps).toEqual([
      { kind: "submitted", at: MONDAY },
      { kind: "received", at: "2026-07-06T03:00:00.000Z" },
      { kind: "sent-back", at: "2026-07-15T04:00:00.000Z" },
      { kind: "resubmitted", at: "2026-07-16T05:00:00.000Z" },
      { kind: "received", at: "2026-07-17T02:30:00.000Z" },
      { kind: "verified", at: "2026-07-20T02:00:00.000Z" },
      { kind: "approved", at: "2026-07-21T02:00:00.000Z" },
    ]);
    expect(body.asOf).toBe("2026-07-21T02:00:00.000Z");
  });

  it("shows the office's note only when the operator marked it public, and a refusal's reasons", async () => {
    const { draft, number } = await submitted();
    const now = new Date();
    // Sent back with a note kept private, then the same verdict with the note made public.
    expect(
      (
        await decide(env.db, {
          id: draft.id,
          actor: null,
          now,
          verdict: {
            decision: "needs-fix",
            reasonCode: "missing-signature",
            reason: "Belum ada tanda tangan Lurah",
            reasonPublic: false,
            requirements: {
              "ktp-el": { status: "needs-fix", reasonCode: "expired", reason: "KTP lama, catatan dalam" },
            },
            decidedAt: now.toISOString(),
          },
        })
      ).ok,
    ).toBe(true);
    let { body, raw } = await status(number);
    expect(body.officeNote).toBeNull();
    expect(raw).not.toContain("Lurah");
    expect(body.fixes.map((fix) => [fix.requirement === null, fix.reasonCode, fix.reason])).toEqual([
      [true, "missing-signature", FIX_REASONS["missing-signature"]],
      [false, "expired", FIX_REASONS.expired],
    ]);

    await resubmit(draft);
    expect(
      (
        await decide(env.db, {
          id: draft.id,
          actor: null,
          now,
          verdict: {
            decision: "rejected",
            reasonCode: "outside-area",
            reason: "Alamat berada di wilayah Kelurahan Kebon Kelapa",
            reasonPublic: true,
            requirements: { "ktp-el": { status: "needs-fix", reasonCode: "data-mismatch", reason: "catatan dalam" } },
            decidedAt: now.toISOString(),
          },
        })
      ).ok,
    ).toBe(true);
    ({ body, raw } = await status(number));
    expect(body.status).toBe("rejected");
    expect(body.officeNote).toBe("Alamat berada di wilayah Kelurahan Kebon Kelapa");
    expect(body.fixes).toEqual([
      { requirement: null, reasonCode: "outside-area", reason: REJECT_REASONS["outside-area"] },
      {
        requirement: (await getGuideVersion(env.db, GUIDE, 1))?.requirements.find((r) => r.id === "ktp-el")?.label,
        reasonCode: "data-mismatch",
        reason: FIX_REASONS["data-mismatch"],
      },
    ]);
    // The per-requirement note never leaves, public or not.
    expect(raw).not.toContain("catatan dalam");
    expect(body.clock).toMatchObject({ state: "stopped" });
  });

  it("takes the operator's choice from the console: a note marked public on the verdict reaches the page", async () => {
    const { draft, number } = await submitted();
    await office(`/${draft.id}/verdict`, operator, {
      expectedVersion: await version(draft.id),
      decision: "needs-fix",
      note: "Silakan datang membawa KTP asli",
      reasonPublic: true,
      requirements: { "ktp-el": { status: "needs-fix", reasonCode: "blurry", note: "catatan per syarat" } },
    });
    const { body, raw } = await status(number);
    expect(body.officeNote).toBe("Silakan datang membawa KTP asli");
    expect(raw).not.toContain("catatan per syarat");
    expect(body.steps.map((step) => step.kind)).toEqual(["submitted", "received", "sent-back"]);
  });

  it("finds a number typed in lowercase, with spaces or without dashes, and answers its canonical form", async () => {
    const { number } = await submitted();
    const compact = number.replaceAll("-", "");
    for (const typed of [
      number.toLowerCase(),
      compact,
      compact.toLowerCase(),
      encodeURIComponent(number.replaceAll("-", " ")),
    ]) {
      const response = await track(typed);
      expect(response.status, typed).toBe(200);
      expect(PublicStatus.parse(await response.json()).number).toBe(number);
    }
  });

  it("refuses unknown, malformed and mistyped numbers with their codes, in the request's language", async () => {
    const { number } = await submitted();
    const unknown = newTrackingNumber(number.slice(0, 3), (n) => randomBytes(n));
    const mistyped = `${number.slice(0, 5)}${number[5] === "X" ? "Y" : "X"}${number.slice(6)}`;
    const cases: [string, string, number][] = [
      [unknown, "tracking_not_found", 404],
      ["DRS-7K4MX", "tracking_malformed", 400],
      ["DRS-7K4MX-2QP9A-2", "tracking_malformed", 400],
      ["DRS-7K4MO-2QP9A", "tracking_malformed", 400],
      ["123-45678-9ABCD", "tracking_malformed", 400],
      [mistyped, "tracking_mistyped", 400],
    ];
    for (const [typed, code, httpStatus] of cases) {
      const id = await errorOf(await track(typed), code, httpStatus);
      expect(id.message).toBe(ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES].id);
      const en = await errorOf(await track(typed, { "Accept-Language": "en-GB,en;q=0.9,id;q=0.8" }), code, httpStatus);
      expect(en.message).toBe(ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES].en);
    }
    // One character swapped with its neighbour is a typo too.
    const swapAt = [...number].findIndex(
      (char, i) => i > 4 && char !== "-" && number[i + 1] !== "-" && number[i + 1] !== char,
    );
    const swapped = number.slice(0, swapAt) + number[swapAt + 1] + number[swapAt] + number.slice(swapAt + 2);
    await errorOf(await track(swapped), "tracking_mistyped", 400);
  });

  it("does not find a draft or a deleted file, even one carrying a number", async () => {
    const draft = personalDraft();
    await pushAs(cadre, (seq) => [mutation(seq, "putDraft", { draft })]);
    expect((await row(draft.id)).trackingNumber).toBeNull();
    // Were a draft ever to carry a number, it would still be the cadre's alone.
    const draftNumber = newTrackingNumber("GMB", (n) => randomBytes(n));
    await env.db.update(applications).set({ trackingNumber: draftNumber }).where(eq(applications.id, draft.id));
    await errorOf(await track(draftNumber), "tracking_not_found", 404);

    const { draft: filed, number } = await submitted(readyDraft({ village: VILLAGE }));
    await status(number);
    await env.db.update(applications).set({ deletedAt: new Date().toISOString() }).where(eq(applications.id, filed.id));
    await errorOf(await track(number), "tracking_not_found", 404);
  });

  it("finds nothing among 10,000 random well-formed numbers of real offices", { timeout: 300_000 }, async () => {
    const real = new Set<string>();
    for (let i = 0; i < 3; i++) real.add((await submitted(readyDraft({ village: VILLAGE }))).number);
    const prefixes = [...allTrackingPrefixes().values()];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 10_000; i++) {
      const guess = newTrackingNumber(prefixes[i % prefixes.length] as string, (n) => randomBytes(n));
      if (real.has(guess)) continue;
      const response = await track(guess);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      await response.arrayBuffer();
    }
    expect(statuses).toEqual(new Map([[404, 10_000]]));
    for (const number of real) expect((await track(number)).status).toBe(200);
  });

  it("never logs the number: the access log has the route pattern only", async () => {
    const { number } = await submitted();
    await track(number);
    await track(number.replaceAll("-", "").toLowerCase());
    await track("DRS-7K4MX-2QP9B");
    const lines = logs.filter((entry) => entry.route.startsWith("/api/track"));
    expect(lines).toHaveLength(3);
    for (const entry of lines) {
      expect(entry.route).toBe("/api/track/:number");
      const line = JSON.stringify(entry);
      for (const text of [number, number.replaceAll("-", ""), number.slice(4), "7K4MX", "2QP9B"]) {
        expect(line.toLowerCase()).not.toContain(text.toLowerCase());
      }
    }
    expect(lines.map((entry) => entry.status)).toEqual([200, 200, 400]);
  });

  it("never answers a 5xx, whatever the path", async () => {
    const odd = [
      "",
      "%00",
      "DRS-7K4MX-2QP9A%00",
      "%E0%A4%A",
      "%",
      "%%",
      "%2F",
      "..%2F..%2Fetc%2Fpasswd",
      "a/b",
      "x?number=DRS-7K4MX-2QP9A",
      "%20",
      "A".repeat(20_000),
      "%F0%9F%98%80".repeat(500),
      encodeURIComponent("ДРС-7К4МХ-2QР9А"),
      encodeURIComponent("ＤＲＳ－７Ｋ４ＭＸ－２ＱＰ９Ａ"),
      encodeURIComponent("\u202eDRS-7K4MX-2QP9A"),
      "__proto__",
      "constructor",
      "null",
      "undefined",
      "%7B%7D",
      "DRS-7K4MX-2QP9A;DROP TABLE applications",
      encodeURIComponent("' OR 1=1 --"),
    ];
    for (const path of odd) {
      const response = await app.request(`/api/track/${path}`);
      expect(response.status, path.slice(0, 40)).toBeLessThan(500);
      expect(response.status, path.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(ApiError.safeParse(await response.json()).success).toBe(true);
    }
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      for (const path of ["/api/track/DRS-7K4MX-2QP9A", "/api/track/DRS-7K4MX-2QP9A/", "/api/track?number=x"]) {
        // With a JSON body, with a form body, with none: the method is what is wrong, not the body.
        for (const init of [
          { headers: { "Content-Type": "application/json" }, body: "{}" },
          { headers: { "Content-Type": "text/plain" }, body: "x" },
          {},
        ]) {
          const response = await app.request(path, { method, ...(method === "OPTIONS" ? {} : init) });
          await errorOf(response, "method_not_allowed", 405);
          expect(response.headers.get("Allow"), `${method} ${path}`).toBe("GET, HEAD");
        }
      }
    }
  });

  it("carries the office's closed dates as they are now: an admin's edit shows in the next lookup", async () => {
    const { number } = await submitted();
    const before = (await status(number)).body.closedDates;
    const jointLeave = await env.db.select().from(calendarDays).where(eq(calendarDays.kind, "joint-leave"));
    expect(jointLeave.length).toBeGreaterThan(0);
    for (const day of jointLeave) expect(before).toContain(day.date);
    expect(before).not.toContain("2026-07-08");

    await env.db.insert(calendarDays).values({
      date: "2026-07-08",
      kind: "closure",
      name: "Kantor tutup",
      source: "Lurah",
      updatedBy: null,
      updatedAt: MONDAY,
    });
    expect((await status(number)).body.closedDates).toContain("2026-07-08");

    // The office counts cuti bersama as working days: those dates are no longer closed.
    await writeSetting(env.db, "jointLeaveIsWorkingDay", true, null, new Date());
    const after = (await status(number)).body.closedDates;
    for (const day of jointLeave) expect(after).not.toContain(day.date);
    expect(after).toContain("2026-07-08");

    await env.db.delete(calendarDays).where(eq(calendarDays.date, "2026-07-08"));
    expect((await status(number)).body.closedDates).not.toContain("2026-07-08");
  });

  // EXPLAIN QUERY PLAN on the SQLite file; PostgreSQL's plan is checked by the next test.
  it.skipIf(activeDialect() === "postgres")(
    "reads a file by the unique tracking index and its history by the application index",
    () => {
      const plan = (sql: string) =>
        (driverOf(env.db).prepare(`EXPLAIN QUERY PLAN ${sql}`).all("X") as { detail: string }[])
          .map((step) => step.detail)
          .join("; ");
      expect(plan(LOOKUP_SQL.file)).toMatch(
        /SEARCH applications USING INDEX applications_tracking_idx \(tracking_number=\?\)/,
      );
      expect(plan(LOOKUP_SQL.events)).toMatch(/SEARCH application_events USING INDEX application_events_app_idx/);
    },
  );

  // PostgreSQL plans by cost: over this test's few rows a sequential scan is cheaper, so sequential scans are
  // priced out (as they are over many rows) and the plans must then use the two indexes.
  it.skipIf(activeDialect() !== "postgres")(
    "on PostgreSQL, can read a file and its history by the same two indexes",
    async () => {
      await withTransaction(env.db, async (tx) => {
        await rawRun(tx, sql`SET LOCAL enable_seqscan = off`);
        const plan = async (text: string) =>
          JSON.stringify(await rawAll(tx, sql.raw(`EXPLAIN (FORMAT JSON) ${text.replace("?", "'X'")}`)));
        expect(await plan(LOOKUP_SQL.file)).toMatch(/applications_tracking_idx/);
        expect(await plan(LOOKUP_SQL.events)).toMatch(/application_events_app_idx/);
      });
    },
  );
});

describe("the lookup's budgets", () => {
  const from = (address: string) => ({ "X-Forwarded-For": address });
  const unknownNumber = () => newTrackingNumber("GMB", (n) => randomBytes(n));

  it("holds an address to its failed lookups, refuses it with 429 and Retry-After, and serves other addresses", async () => {
    const { number } = await submitted();
    const limited = createApp({ db: env.db, auth: { trustProxy: true }, trackLimit: { perMinute: 5, burst: 5 } });
    // Found numbers do not spend the failure budget.
    for (let i = 0; i < 8; i++) expect((await track(number, from("203.0.113.7"), limited)).status).toBe(200);
    // Unknown, malformed, mistyped: each spends one.
    const failures = ["DRS-7K4MX-2QP9B", "nope", unknownNumber(), unknownNumber(), unknownNumber()];
    expect(
      await Promise.all(failures.map(async (typed) => (await track(typed, from("203.0.113.7"), limited)).status)),
    ).toEqual([400, 400, 404, 404, 404]);
    for (const address of ["203.0.113.7", "198.51.100.1, 203.0.113.7"]) {
      // The proxy's entry (the last) counts, not one the client wrote before it. Spent, the address is refused
      // even a found number: refusing only unknown ones would tell a script which of its guesses exist.
      const refused = await track(number, from(address), limited);
      const error = await errorOf(refused, "rate_limited", 429);
      const retryAfter = Number(refused.headers.get("Retry-After"));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 12).toBe(true);
      expect(error.details).toEqual({ retryAfterSeconds: retryAfter });
      expect(refused.headers.get("Cache-Control")).toBe("no-store");
      await errorOf(await track(unknownNumber(), from(address), limited), "rate_limited", 429);
    }
    const english = await errorOf(
      await track(number, { ...from("203.0.113.7"), "Accept-Language": "en" }, limited),
      "rate_limited",
      429,
    );
    expect(english.message).toBe(ERROR_MESSAGES.rate_limited.en);
    expect((await track(number, from("198.51.100.9"), limited)).status).toBe(200);

    // 5 a minute: a token comes back every 12 seconds.
    at(new Date(Date.parse(MONDAY) + 12_000).toISOString());
    expect((await track(unknownNumber(), from("203.0.113.7"), limited)).status).toBe(404);
    expect((await track(number, from("203.0.113.7"), limited)).status).toBe(429);
  });

  it("serves many citizens behind one CGNAT address up to the looser budget for found numbers", async () => {
    const { number } = await submitted();
    const defaults = createApp({ db: env.db, auth: { trustProxy: true } });
    for (let i = 0; i < 120; i++) expect((await track(number, from("100.64.0.1"), defaults)).status).toBe(200);
    const refused = await track(number, from("100.64.0.1"), defaults);
    await errorOf(refused, "rate_limited", 429);
    // 120 a minute: one every half second.
    expect(refused.headers.get("Retry-After")).toBe("1");
  });

  it("by default lets 20 failed lookups through at once, then holds an address to 20 a minute", async () => {
    const { number } = await submitted();
    const defaults = createApp({ db: env.db });
    for (let i = 0; i < 20; i++) expect((await track(unknownNumber(), {}, defaults)).status).toBe(404);
    const refused = await track(number, {}, defaults);
    await errorOf(refused, "rate_limited", 429);
    expect(refused.headers.get("Retry-After")).toBe("3");
    at(new Date(Date.parse(MONDAY) + 3_000).toISOString());
    expect((await track(number, {}, defaults)).status).toBe(200);
  });

  it("limits an IPv6 client per /64, and its /48 (or an IPv4 /24) with a larger budget", async () => {
    const limited = createApp({
      db: env.db,
      auth: { trustProxy: true },
      trackLimit: { perMinute: 2, burst: 2, networkPerMinute: 3 },
    });
    const unknown = unknownNumber();
    expect((await track(unknown, from("2001:db8:1:2::a"), limited)).status).toBe(404);
    expect((await track(unknown, from("2001:0db8:0001:0002:ffff:0:0:b"), limited)).status).toBe(404);
    await errorOf(await track(unknown, from("2001:db8:1:2:1234::c"), limited), "rate_limited", 429);
    // Another /64 of the same /48: its own address budget, but the site's third failure spends the /48's.
    expect((await track(unknown, from("2001:db8:1:3::a"), limited)).status).toBe(404);
    await errorOf(await track(unknown, from("2001:db8:1:4::a"), limited), "rate_limited", 429);
    expect((await track(unknown, from("2001:db8:2:4::a"), limited)).status).toBe(404);
    // The same for IPv4 /24s.
    for (const address of ["198.51.100.1", "198.51.100.1", "198.51.100.2"]) {
      expect((await track(unknown, from(address), limited)).status).toBe(404);
    }
    await errorOf(await track(unknown, from("198.51.100.3"), limited), "rate_limited", 429);
    expect((await track(unknown, from("198.51.101.3"), limited)).status).toBe(404);
    // An IPv4 client seen through an IPv6 socket is its IPv4 address.
    expect(limitKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(limitKey("203.0.113.7")).toBe("203.0.113.7");
    expect(networkKey("::ffff:203.0.113.7")).toBe("203.0.113.0/24");
    expect(networkKey("2001:0db8:0001:0002:ffff::1")).toBe("2001:db8:1::/48");
  });

  it("answers unknown numbers 429 once the whole service's failure budget is spent, and still serves found ones", async () => {
    const { number } = await submitted();
    const limited = createApp({
      db: env.db,
      auth: { trustProxy: true },
      trackLimit: { perMinute: 20, globalNotFoundPerMinute: 30 },
    });
    // 30 failures from 30 networks: each well within its own budget.
    for (let i = 0; i < 30; i++) {
      expect((await track(unknownNumber(), from(`192.0.${i}.1`), limited)).status).toBe(404);
    }
    const refused = await track(unknownNumber(), from("203.0.113.50"), limited);
    await errorOf(refused, "rate_limited", 429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    await errorOf(await track("nope", from("203.0.113.51"), limited), "rate_limited", 429);
    expect((await track(number, from("203.0.113.52"), limited)).status).toBe(200);
  });

  it("keeps a bounded number of keys, forgetting full and fullest buckets first, never a drained one", () => {
    let nowMs = Date.parse(MONDAY);
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 2, maxEntries: 3, now: () => new Date(nowMs) });
    for (const key of ["a", "b", "c"]) expect(limiter.take(key).allowed).toBe(true);
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    nowMs += 1_000;
    // "b" and "c" are full again (the same as never seen) and go first; "a" keeps its count.
    for (const key of ["d", "e"]) expect(limiter.take(key).allowed).toBe(true);
    expect(limiter.size).toBeLessThanOrEqual(3);
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Flooding fresh keys never resets the drained "a".
    for (let i = 0; i < 100; i++) limiter.take(`k${i}`);
    expect(limiter.size).toBeLessThanOrEqual(3);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("refuses a new key rather than forget a drained bucket when every kept bucket is drained", () => {
    const nowMs = Date.parse(MONDAY);
    const limiter = new TokenBucketLimiter({ perMinute: 1, burst: 1, maxEntries: 2, now: () => new Date(nowMs) });
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("b").allowed).toBe(true);
    expect(limiter.take("c").allowed).toBe(false);
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("b").allowed).toBe(false);
    expect(limiter.size).toBe(2);
  });
});

describe("other ways of asking", () => {
  it("answers /api/track?number= and /api/track/<number>/ as /api/track/<number>, and HEAD", async () => {
    const { number } = await submitted();
    const plain = await (await track(number)).json();
    for (const path of [
      `/api/track?number=${number}`,
      `/api/track/${number}/`,
      `/api/track?number=${number.toLowerCase()}`,
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.json()).toEqual(plain);
    }
    await errorOf(await app.request("/api/track?number=nope"), "tracking_malformed", 400);
    await errorOf(await app.request("/api/track"), "tracking_malformed", 400);
    await errorOf(await app.request(`/api/track/${unknownOf(number)}/`), "tracking_not_found", 404);
    const head = await app.request(`/api/track/${number}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  function unknownOf(number: string): string {
    return newTrackingNumber(number.slice(0, 3), (n) => randomBytes(n));
  }
});

describe("retention", () => {
  it("stops showing a file decided more than a year ago: 404 tracking_expired, in both languages", async () => {
    const { draft, number } = await submitted();
    at("2026-07-06T03:00:00.000Z");
    await office(`/${draft.id}/receive`, operator, { expectedVersion: await version(draft.id) });
    at("2026-07-07T03:00:00.000Z");
    await office(`/${draft.id}/verdict`, operator, { expectedVersion: await version(draft.id), decision: "verified" });
    at("2026-07-08T03:00:00.000Z");
    await office(`/${draft.id}/verdict`, admin, { expectedVersion: await version(draft.id), decision: "approved" });
    const decided = Date.parse("2026-07-08T03:00:00.000Z");
    const DAY = 86_400_000;
    at(new Date(decided + PUBLIC_FOR_DAYS * DAY).toISOString());
    expect((await track(number)).status).toBe(200);
    at(new Date(decided + PUBLIC_FOR_DAYS * DAY + 1_000).toISOString());
    const id = await errorOf(await track(number), "tracking_expired", 404);
    expect(id.message).toBe(ERROR_MESSAGES.tracking_expired.id);
    const en = await errorOf(await track(number, { "Accept-Language": "en" }), "tracking_expired", 404);
    expect(en.message).toBe(ERROR_MESSAGES.tracking_expired.en);
  });

  it("keeps an open file public however old: only a final decision starts the year", async () => {
    const { draft, number } = await submitted();
    at("2026-07-06T03:00:00.000Z");
    await office(`/${draft.id}/receive`, operator, { expectedVersion: await version(draft.id) });
    at("2028-07-06T03:00:00.000Z");
    const { body } = await status(number);
    expect(body.status).toBe("received");
    expect(body.clockNow?.urgency).toBe("overdue");
  });
});

describe("the public status's parts", () => {
  const regions = createRegionIndex();

  it("still reads an answer an older server gave, saved on a phone: no statusText, no clockNow", async () => {
    const { number } = await submitted();
    const response = await track(number);
    const { statusText: _text, clockNow: _now, ...older } = await response.json();
    const parsed = PublicStatus.safeParse(older);
    expect(parsed.success).toBe(true);
    expect(parsed.data).not.toHaveProperty("statusText");
  });

  it("names the office's area by the guide's level, and nothing for a code it does not know", () => {
    const village = regions.village(VILLAGE);
    expect(officeAreaName(VILLAGE, "kelurahan", regions)).toBe(`Kelurahan ${village?.name}`);
    expect(officeAreaName(VILLAGE, "kecamatan", regions)).toBe(`Kecamatan ${village?.districtName}`);
    expect(officeAreaName(KEC, "kecamatan", regions)).toBe(`Kecamatan ${village?.districtName}`);
    expect(officeAreaName("3171011001", "kelurahan", regions)).toBe(`Kelurahan ${village?.name}`);
    expect(officeAreaName(VILLAGE, "kota", regions)).toBe(village?.regencyName);
    expect(officeAreaName(VILLAGE, "provinsi", regions)).toBe("Provinsi DKI Jakarta");
    for (const unknown of ["", null, undefined, "31.71.01.9999", "32.01.01.1001", "31.99.99", "not a code", "31"]) {
      expect(officeAreaName(unknown, "kelurahan", regions), String(unknown)).toBeNull();
    }
  });

  it("keeps the first step and the latest ones when a file went back and forth more than 200 times", () => {
    const events: StepEvent[] = [{ kind: "submitted", status: "submitted", at: MONDAY }];
    for (let i = 0; i < 150; i++) {
      events.push({ kind: "verdict", status: "needs-fix", at: `2026-07-07T00:00:${String(i % 60).padStart(2, "0")}Z` });
      events.push({ kind: "submitted", status: "submitted", at: "2026-07-08T00:00:00Z" });
    }
    events.push({ kind: "verdict", status: "approved", at: "2026-07-09T00:00:00Z" });
    // An event kind the public page does not tell of is left out.
    events.push({ kind: "verdict", status: "something-new", at: "2026-07-10T00:00:00Z" });
    const steps = stepsOf(events);
    expect(steps).toHaveLength(MAX_STEPS);
    expect(steps[0]).toEqual({ kind: "submitted", at: MONDAY });
    expect(steps.at(-1)).toEqual({ kind: "approved", at: "2026-07-09T00:00:00Z" });
    expect(steps.slice(1).every((step) => step.kind !== "submitted")).toBe(true);
  });

  it("words a reason code it does not know as the code, and a requirement the version lacks by its id", () => {
    const fixes = publicFixes(
      {
        decision: "needs-fix",
        requirements: {
          "syarat-baru": { status: "needs-fix", reasonCode: "kode-baru", reason: "catatan" },
          "ktp-el": { status: "needs-fix" },
          "kartu-keluarga": { status: "accepted" },
        },
        decidedAt: MONDAY,
      },
      undefined,
    );
    expect(fixes).toEqual([
      { requirement: { id: "ktp-el", en: "ktp-el" }, reasonCode: "other", reason: FIX_REASONS.other },
      {
        requirement: { id: "syarat-baru", en: "syarat-baru" },
        reasonCode: "kode-baru",
        reason: { id: "kode-baru", en: "kode-baru" },
      },
    ]);
    expect(publicFixes({ decision: "approved", requirements: {}, decidedAt: MONDAY }, undefined)).toEqual([]);
    expect(publicFixes(null, undefined)).toEqual([]);
  });
});
