import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import type { Scope } from "../../server/console/scope";
import { activeDialect } from "../../server/db/dialect";
import { rawAll, rawRun } from "../../server/db/raw";
import { applications } from "../../server/db/schema";
import { withTransaction } from "../../server/db/transaction";
import { getGuideVersion, publishGuide } from "../../server/guides/repository";
import type { AuthUser } from "../../server/http/env";
import { type DeadlineRange, deadlineSql, queuePage } from "../../server/review/queue";
import { decodeQueueCursor, encodeQueueCursor } from "../../server/review/queue-cursor";
import { receive as receiveAt } from "../../server/review/verdict";
import { loadCalendar } from "../../server/service-time/calendar-store";
import { ApplicationDetail, QueuePage, QueueQuery, type QueueSearch } from "../../shared/api/console";
import { ApiError } from "../../shared/api/errors";
import type { Draft } from "../../shared/draft";
import { nextDate } from "../../shared/service-time/calendar";
import { type ClockRecord, type ClockUrgency, viewClock } from "../../shared/service-time/clock";
import { clockShortText } from "../../shared/service-time/words";
import { type Mutation, PushResponse, Verdict } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import { setServiceDays } from "../helpers/service-days";
import { seededDatabase } from "../helpers/temp-db";

const KEC_A = "31.75.07";
const KEC_B = "31.71.01";
const VILLAGE_A = "31.75.07.1001";
const VILLAGE_B = "31.71.01.1001";
/** The service time the tests give the sample guide (the seeded one finishes the same day). */
const SERVICE_DAYS = 3;

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let cadreA: TestUser;
let cadreB: TestUser;
let operatorA: TestUser;
let operatorB: TestUser;
let admin: TestUser;
/** The server's "now": moved by the tests to count days. */
let now: Date;
const clients = new Map<string, { clientId: string; seq: number }>();

/** 10:00 in Jakarta on a date. */
function at(date: string): Date {
  return new Date(`${date}T03:00:00Z`);
}

beforeEach(async () => {
  env = await seededDatabase();
  now = at("2026-12-07");
  app = createApp({ db: env.db, auth: { now: () => now } });
  // The seeded domisili letter is done the same day; three working days shows the clock counting.
  await setServiceDays(env.db, SERVICE_DAYS);
  cadreA = await createTestUser(env.db, "cadre", { kecamatanCode: KEC_A });
  cadreB = await createTestUser(env.db, "cadre", { kecamatanCode: KEC_B });
  operatorA = await createTestUser(env.db, "operator", { kecamatanCode: KEC_A });
  operatorB = await createTestUser(env.db, "operator", { kecamatanCode: KEC_B });
  admin = await createTestUser(env.db, "admin");
  clients.clear();
});
afterEach(() => env.cleanup());

async function pushAs(cadre: TestUser, build: (seq: number) => Mutation[]): Promise<PushResponse> {
  const client = clients.get(cadre.id) ?? { clientId: uuidv7(), seq: 0 };
  clients.set(cadre.id, client);
  const batch = build(client.seq + 1);
  client.seq += batch.length;
  const response = await app.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
    body: JSON.stringify({ clientId: client.clientId, mutations: batch }),
  });
  expect(response.status).toBe(200);
  return PushResponse.parse(await response.json());
}

async function submitted(cadre: TestUser, name = "Siti Aminah"): Promise<Draft> {
  const draft = readyDraft({ village: cadre === cadreB ? VILLAGE_B : VILLAGE_A, name });
  await storeFilesOf(env.db, draft, cadre.id);
  const result = await pushAs(cadre, (seq) => [mutation(seq, "submitApplication", { draft })]);
  expect(result.results[0]).toMatchObject({ status: "applied" });
  return draft;
}

async function resubmit(cadre: TestUser, draft: Draft): Promise<void> {
  const result = await pushAs(cadre, (seq) => [
    mutation(seq, "putDraft", { draft }),
    mutation(seq + 1, "submitApplication", { draft }),
  ]);
  expect(result.results.map((r) => r.status)).toEqual(["applied", "applied"]);
}

function request(path: string, user: TestUser, body?: unknown) {
  return app.request(`/api/console/applications${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json", Cookie: user.cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function queue(user: TestUser, query = ""): Promise<QueuePage> {
  const response = await request(query ? `?${query}` : "", user);
  expect(response.status).toBe(200);
  return QueuePage.parse(await response.json());
}

async function ids(user: TestUser, query = ""): Promise<string[]> {
  return (await queue(user, query)).items.map((item) => item.id);
}

async function detail(id: string, user: TestUser = operatorA): Promise<ApplicationDetail> {
  const response = await request(`/${id}`, user);
  expect(response.status).toBe(200);
  return ApplicationDetail.parse(await response.json());
}

async function act(user: TestUser, id: string, action: "receive" | "verdict", body: Record<string, unknown>) {
  const version = (await detail(id, user)).version;
  const response = await request(`/${id}/${action}`, user, { expectedVersion: version, ...body });
  expect(response.status).toBe(200);
  return ApplicationDetail.parse(await response.json());
}

const receive = (id: string, user = operatorA) => act(user, id, "receive", {});
const sendBack = (id: string, extra: Record<string, unknown> = {}) =>
  act(operatorA, id, "verdict", {
    decision: "needs-fix",
    requirements: { "ktp-el": { status: "needs-fix", reasonCode: "blurry" } },
    ...extra,
  });
const decideAs = (id: string, decision: "verified" | "approved", user = operatorA) =>
  act(user, id, "verdict", { decision });

async function errorOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  return ApiError.parse(await response.json()).error;
}

describe("the clock through a file's life", () => {
  it("starts at receipt, pauses while sent back, stays paused on resubmit, resumes at the next receipt and stops at the decision", async () => {
    // Tuesday 22 December 2026: the 24th is cuti bersama, the 25th Christmas, then a weekend.
    now = at("2026-12-22");
    const draft = await submitted(cadreA);
    const [row] = (await queue(operatorA)).items;
    expect(row?.trackingNumber).toMatch(/^[A-Z]{3}-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(row?.clock).toBeNull();
    expect((await detail(draft.id)).clock).toBeNull();

    const received = await receive(draft.id);
    expect(received.trackingNumber).toBe(row?.trackingNumber);
    // Wed 23 (1), Thu 24 and Fri 25 closed, the weekend, Mon 28 (2), Tue 29 (3).
    expect(received.clock).toMatchObject({ state: "running", used: 0, left: 3, deadline: "2026-12-29" });
    expect((await queue(operatorA)).items[0]?.clock).toEqual(received.clock);

    now = at("2026-12-28");
    const monday = (await queue(operatorA)).items[0]?.clock;
    expect(monday).toMatchObject({ used: 2, left: 1, urgency: "due-soon" });

    const paused = await sendBack(draft.id);
    expect(paused.clock).toMatchObject({ state: "paused", used: 2, deadline: null, urgency: null });
    now = at("2026-12-30");
    expect((await detail(draft.id)).clock).toMatchObject({ state: "paused", used: 2 });

    await resubmit(cadreA, draft);
    const back = await detail(draft.id);
    expect(back.status).toBe("submitted");
    expect(back.clock).toMatchObject({ state: "paused", used: 2 });

    now = at("2026-12-31");
    const resumed = await receive(draft.id);
    // One day left: 1 January is a holiday, then a weekend: Monday 4 January.
    expect(resumed.clock).toMatchObject({ state: "running", used: 2, left: 1, deadline: "2027-01-04" });

    now = at("2027-01-05");
    const late = (await queue(operatorA)).items[0]?.clock;
    expect(late).toMatchObject({ state: "running", used: 4, left: -1, urgency: "overdue" });
    if (late) expect(clockShortText(late, "id")).toBe("Lewat 1 hari kerja");

    // Verified leaves the clock running; the approval stops it.
    expect((await decideAs(draft.id, "verified")).clock).toMatchObject({ state: "running", used: 4 });
    const stopped = await decideAs(draft.id, "approved");
    expect(stopped.clock).toMatchObject({ state: "stopped", used: 4, onTime: false, urgency: null });
  });

  it("stops on time when the office decides by the deadline", async () => {
    const draft = await submitted(cadreA);
    await receive(draft.id);
    now = at("2026-12-10");
    await decideAs(draft.id, "verified");
    const decided = await decideAs(draft.id, "approved");
    expect(decided.clock).toMatchObject({ state: "stopped", used: 3, onTime: true });
  });
});

describe("the queue by the clock", () => {
  /** Files of both kecamatans received on different days, so their deadlines differ. */
  async function desk() {
    now = at("2026-12-07");
    const a1 = await submitted(cadreA, "Ani Satu");
    const b1 = await submitted(cadreB, "Budi Satu");
    await receive(a1.id);
    await receive(b1.id, operatorB); // deadline Thu 10
    now = at("2026-12-09");
    const a2 = await submitted(cadreA, "Ani Dua");
    await receive(a2.id); // deadline Mon 14
    now = at("2026-12-10");
    await decideAs(a1.id, "verified"); // still running: verified waits for the approval
    const a3 = await submitted(cadreA, "Ani Tiga");
    await receive(a3.id); // deadline Tue 15
    now = at("2026-12-14");
    const a4 = await submitted(cadreA, "Ani Empat"); // never received: no clock
    const a5 = await submitted(cadreA, "Ani Lima");
    await receive(a5.id); // deadline Thu 17
    const a6 = await submitted(cadreA, "Ani Enam");
    await receive(a6.id);
    await sendBack(a6.id); // paused
    return { a1, a2, a3, a4, a5, a6, b1 };
  }

  it("filters overdue and due-soon files inside the caller's kecamatan only", async () => {
    const { a1, a2, a3, b1 } = await desk();
    // Monday 14th: a1 and b1 were due on the 10th; a2 is due today, a3 tomorrow.
    expect(await ids(operatorA, "clock=overdue")).toEqual([a1.id]);
    expect(await ids(operatorB, "clock=overdue")).toEqual([b1.id]);
    expect((await ids(admin, "clock=overdue")).sort()).toEqual([a1.id, b1.id].sort());
    expect(await ids(operatorA, "clock=due-soon")).toEqual([a2.id, a3.id]);
    expect(await ids(operatorB, "clock=due-soon")).toEqual([]);
    // A status narrows the clock filter: the overdue file is verified, not received.
    expect(await ids(operatorA, "clock=overdue&status=received")).toEqual([]);
    expect(await ids(operatorA, "clock=overdue&status=verified")).toEqual([a1.id]);
    const overdue = (await queue(operatorA, "clock=overdue")).items[0];
    expect(overdue?.clock).toMatchObject({ urgency: "overdue", left: -2, deadline: "2026-12-10" });
  });

  it("sorts by the nearest deadline, then the files without a running clock, and pages across both", async () => {
    const { a2, a3, a4, a5 } = await desk();
    const expected = [a2.id, a3.id, a5.id, a4.id];
    expect(await ids(operatorA, "sort=deadline")).toEqual(expected);
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: QueuePage = await queue(
          operatorA,
          `sort=deadline&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
        );
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
    // The default order is untouched: oldest submission first.
    expect(await ids(operatorA)).toEqual([a2.id, a3.id, a4.id, a5.id]);
  });

  it("finds a file by its tracking number, typed in any case and without dashes, in scope only", async () => {
    const draft = await submitted(cadreA);
    await submitted(cadreA, "Orang Lain");
    const number = (await detail(draft.id)).trackingNumber ?? "";
    const search = async (user: TestUser, q: string) => {
      const response = await request("/search", user, { q });
      expect(response.status).toBe(200);
      return QueuePage.parse(await response.json()).items.map((item) => item.id);
    };
    expect(await search(operatorA, number)).toEqual([draft.id]);
    expect(await search(operatorA, number.toLowerCase().replace(/-/g, " "))).toEqual([draft.id]);
    expect(await search(operatorB, number)).toEqual([]);
    // One character off: the check character refuses it, and it matches nothing.
    const typo = `${number.slice(0, -1)}${number.endsWith("2") ? "3" : "2"}`;
    expect(await search(operatorA, typo)).toEqual([]);
  });

  it("answers a bad clock filter, sort or cursor with a code", async () => {
    expect((await errorOf(await request("?clock=late", operatorA), 400)).code).toBe("invalid_query");
    expect((await errorOf(await request("?sort=name", operatorA), 400)).code).toBe("invalid_query");
    expect((await errorOf(await request("/search", operatorA, { clock: "soon" }), 400)).code).toBe("invalid_body");
    const deadlineCursor = encodeQueueCursor({ deadline: "2026-12-10", id: uuidv7() });
    const timeCursor = encodeQueueCursor({ submittedAt: new Date().toISOString(), id: uuidv7() });
    for (const query of [`cursor=${deadlineCursor}`, `clock=overdue&cursor=${timeCursor}`]) {
      expect((await errorOf(await request(`?${query}`, operatorA), 400)).code).toBe("invalid_cursor_value");
    }
  });

  // SQLite's EXPLAIN QUERY PLAN; PostgreSQL's plan is checked by the next test.
  it.skipIf(activeDialect() === "postgres")(
    "reads the clock filters and the deadline order as ranges of applications_clock_idx",
    async () => {
      const query: QueueSearch = { ...QueueQuery.parse({ guideId: "izin-lain", cadreId: uuidv7() }), q: "Siti" };
      const ranges: DeadlineRange[] = [
        { before: "2026-12-14" },
        { from: "2026-12-11", to: { working: "2026-12-14", calendar: "2026-12-12" } },
        null,
      ];
      for (const kecamatanCode of [KEC_A, null]) {
        for (const range of ranges) {
          for (const after of [null, { deadline: "2026-12-10", id: uuidv7() }]) {
            const slice = deadlineSql(kecamatanCode, range, ["received"], query, after);
            const plan = (await rawAll<{ detail: string }>(env.db, sql`EXPLAIN QUERY PLAN ${slice}`))
              .map((step) => step.detail)
              .join("\n");
            expect(plan).toContain(
              "SEARCH applications USING INDEX applications_clock_idx (kecamatan_code=? AND clock_state=?",
            );
            expect(plan).not.toContain("TEMP B-TREE");
            expect(plan).not.toMatch(/SCAN applications\b/);
          }
        }
      }
    },
  );

  // PostgreSQL plans by cost: over this test's few rows a sequential scan is cheaper, so sequential scans are
  // priced out (as they are over many rows) and every slice must then read applications_clock_idx.
  it.skipIf(activeDialect() !== "postgres")(
    "on PostgreSQL, can read every clock slice through applications_clock_idx",
    async () => {
      const query: QueueSearch = { ...QueueQuery.parse({ guideId: "izin-lain", cadreId: uuidv7() }), q: "Siti" };
      const ranges: DeadlineRange[] = [
        { before: "2026-12-14" },
        { from: "2026-12-11", to: { working: "2026-12-14", calendar: "2026-12-12" } },
        null,
      ];
      await withTransaction(env.db, async (tx) => {
        await rawRun(tx, sql`SET LOCAL enable_seqscan = off`);
        for (const kecamatanCode of [KEC_A, null]) {
          for (const range of ranges) {
            for (const after of [null, { deadline: "2026-12-10", id: uuidv7() }]) {
              const slice = deadlineSql(kecamatanCode, range, ["received"], query, after);
              const plan = JSON.stringify(await rawAll(tx, sql`EXPLAIN (FORMAT JSON) ${slice}`));
              expect(plan).toMatch(/applications_clock_idx/);
            }
          }
        }
      });
    },
  );
});

describe("the clock filters agree with each row's badge", () => {
  const GUIDE = "surat-keterangan-domisili";
  /** Version 1 is the seeded guide at three working days (beforeEach); these follow it. */
  const SERVICES = [
    { version: 2, days: 2, unit: "calendar" },
    { version: 3, days: 3, unit: "calendar" },
    { version: 4, days: 6, unit: "calendar" },
    { version: 5, days: 1, unit: "working" },
  ] as const;
  let seq = 0;

  /** The domisili guide published again with each service time: a file pins the version it was made with. */
  async function publishServices(): Promise<void> {
    const base = await getGuideVersion(env.db, GUIDE, 1);
    if (!base) throw new Error("seeded guide missing");
    for (const { version, days, unit } of SERVICES) {
      await publishGuide(env.db, { ...base, version, serviceTime: { ...base.serviceTime, workingDays: days, unit } });
    }
  }

  /** A submitted file of a guide version, received by the office on `receivedOn`, as the review code does it. */
  async function receivedFile(kecamatan: string, version: number, receivedOn: string): Promise<string> {
    const id = uuidv7();
    const when = at(receivedOn).toISOString();
    seq++;
    const cadreId = kecamatan === KEC_A ? cadreA.id : cadreB.id;
    const content = JSON.stringify({ id, applicant: { fullName: "Nama Pemohon" }, answers: {}, documents: {} });
    await rawRun(
      env.db,
      sql`INSERT INTO applications (id, cadre_id, guide_id, guide_version, content, status, version, change_seq,
            created_at, updated_at, kecamatan_code, draft_created_at, submitted_at, first_submitted_at, submit_count)
          VALUES (${id}, ${cadreId}, ${GUIDE}, ${version}, ${content}, 'submitted', 1, ${1_000_000 + seq},
            ${when}, ${when}, ${kecamatan}, ${when}, ${when}, ${when}, 1)`,
    );
    const actor = { id: admin.id, role: "admin", kecamatanCode: null, displayName: "Admin" } as unknown as AuthUser;
    const outcome = await receiveAt(env.db, { id, actor, now: at(receivedOn) });
    expect(outcome.ok).toBe(true);
    return id;
  }

  /** What each running file's badge says on `today` (viewClock, as the queue's rows show it). */
  async function badges(today: string, kecamatan: string | null): Promise<Map<string, ClockUrgency | null>> {
    const calendar = await loadCalendar(env.db);
    const rows = await rawAll<{ id: string; clock: string; kecamatan: string }>(
      env.db,
      sql`SELECT id, clock, kecamatan_code AS kecamatan FROM applications WHERE clock_state = 'running'`,
    );
    return new Map(
      rows
        .filter((row) => kecamatan === null || row.kecamatan === kecamatan)
        .map((row) => [row.id, viewClock(JSON.parse(row.clock) as ClockRecord, today, calendar).urgency]),
    );
  }

  /** Every id a clock filter lists on `today`, page after page, with the badge each row carries. */
  async function listed(
    scope: Scope,
    clock: "overdue" | "due-soon",
    today: string,
  ): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    let after = null;
    do {
      const page = await queuePage(env.db, scope, { ...QueueQuery.parse({ clock, limit: 7 }) }, after, at(today));
      for (const item of page.items) out.set(item.id, item.clock?.urgency ?? null);
      after = page.nextCursor ? decodeQueueCursor(page.nextCursor) : null;
    } while (after);
    return out;
  }

  async function expectAgreement(today: string): Promise<void> {
    const scopes: [Scope, string | null][] = [
      [{ kind: "kecamatan", code: KEC_A }, KEC_A],
      [{ kind: "kecamatan", code: KEC_B }, KEC_B],
      [{ kind: "all" }, null],
    ];
    for (const [scope, kecamatan] of scopes) {
      const badge = await badges(today, kecamatan);
      for (const clock of ["overdue", "due-soon"] as const) {
        const expected = [...badge].filter(([, urgency]) => urgency === clock).map(([id]) => id);
        const got = await listed(scope, clock, today);
        expect([...got.keys()].sort(), `${clock} on ${today} for ${kecamatan ?? "admin"}`).toEqual(expected.sort());
        expect(new Set(got.values()), `${clock} badges on ${today}`).toEqual(new Set(expected.length ? [clock] : []));
      }
    }
  }

  it("lists a calendar-day file due on a Sunday or a Monday by its own days, not working days", async () => {
    await publishServices();
    // Friday 11 December: two calendar days is Sunday 13, three is Monday 14.
    const sunday = await receivedFile(KEC_A, 2, "2026-12-11");
    const monday = await receivedFile(KEC_A, 3, "2026-12-11");
    // One working day from Thursday 10 is Friday 11; three from Friday 11 is Wednesday 16.
    const friday = await receivedFile(KEC_A, 5, "2026-12-10");
    const wednesday = await receivedFile(KEC_A, 1, "2026-12-11");
    const dueSoon = async (today: string) => [
      ...(await listed({ kind: "kecamatan", code: KEC_A }, "due-soon", today)).keys(),
    ];
    // Friday: the Sunday file has two calendar days left, not "hampir lewat" though Monday is the next working day.
    expect(await dueSoon("2026-12-11")).toEqual([friday]);
    // Saturday: Sunday's is one day away; Monday's two calendar days (one working day, which is not its unit).
    expect(await dueSoon("2026-12-12")).toEqual([sunday]);
    expect(await dueSoon("2026-12-13")).toEqual([sunday, monday]);
    // Tuesday: one working day left on the Wednesday file.
    expect(await dueSoon("2026-12-15")).toEqual([wednesday]);
    for (let today = "2026-12-09"; today <= "2026-12-18"; today = nextDate(today)) await expectAgreement(today);
  });

  it("holds for files of both units received on random days, on every day around them", async () => {
    await publishServices();
    const file = fc.record({
      kecamatan: fc.constantFrom(KEC_A, KEC_B),
      version: fc.integer({ min: 1, max: 1 + SERVICES.length }),
      // Over the weekends, cuti bersama and Christmas of December 2026 and the New Year.
      receivedOn: fc.integer({ min: 0, max: 40 }).map((offset) => dayAfter("2026-12-01", offset)),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(file, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 9 }),
        async (files, from) => {
          // Each run on its own files: the last run's are gone, so a counterexample is the whole desk.
          await rawRun(env.db, sql`DELETE FROM applications`);
          for (const { kecamatan, version, receivedOn } of files) await receivedFile(kecamatan, version, receivedOn);
          // Every day from the earliest receipt over the next fortnight and a half, starting at a random day.
          const first = files.map((f) => f.receivedOn).sort()[0] ?? "2026-12-01";
          for (let offset = from; offset < from + 18; offset += 3) await expectAgreement(dayAfter(first, offset));
        },
      ),
      { numRuns: 25 },
    );
  });
});

function dayAfter(date: string, days: number): string {
  let out = date;
  for (let i = 0; i < days; i++) out = nextDate(out);
  return out;
}

describe("the office's note on the public page", () => {
  it("keeps the operator's choice in the verdict, off unless ticked", async () => {
    const quiet = await submitted(cadreA);
    const shared = await submitted(cadreA, "Warga Dua");
    await sendBack(quiet.id, { note: "Catatan internal" });
    await sendBack(shared.id, { note: "Foto ulang KTP di siang hari", reasonPublic: true });
    const verdictOf = async (id: string) =>
      Verdict.parse((await env.db.select().from(applications).where(eq(applications.id, id)))[0]?.verdict);
    expect((await verdictOf(quiet.id)).reasonPublic).toBe(false);
    expect(await verdictOf(shared.id)).toMatchObject({ reason: "Foto ulang KTP di siang hari", reasonPublic: true });
    expect((await detail(shared.id)).verdict?.reasonPublic).toBe(true);
    const bad = await request(`/${quiet.id}/verdict`, operatorA, {
      expectedVersion: 99,
      decision: "approved",
      reasonPublic: "ya",
    });
    expect((await errorOf(bad, 400)).code).toBe("invalid_body");
  });
});
