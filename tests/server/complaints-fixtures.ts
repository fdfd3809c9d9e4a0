import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { createApp } from "../../server/app";
import type { ComplaintLimits } from "../../server/complaints/limits";
import type { Db } from "../../server/db/open";
import { rawGet, rawRun } from "../../server/db/raw";
import { applications, users } from "../../server/db/schema";
import type { ComplaintSubmission } from "../../shared/api/complaints";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { seededDatabase } from "../helpers/temp-db";

/** Shared set-up of the complaint tests (tests/server/complaints-*.test.ts). */

export const KEC = "31.75.07";
export const OTHER_KEC = "31.71.01";
export const VILLAGE = "31.75.07.1001";

/** 10:00 in Jakarta on a date. */
export const at = (date: string) => new Date(`${date}T03:00:00Z`);

export interface World {
  env: Awaited<ReturnType<typeof seededDatabase>>;
  app: ReturnType<typeof createApp>;
  clock: { now: Date };
  cadre: TestUser;
  operator: TestUser;
  handler: TestUser;
  otherHandler: TestUser;
  admin: TestUser;
  adminHandler: TestUser;
}

export async function grant(db: Db, user: TestUser): Promise<void> {
  await db.update(users).set({ handlesComplaints: true }).where(eq(users.id, user.id));
}

export async function world(
  options: { limit?: ComplaintLimits; today?: string; trackPerMinute?: number } = {},
): Promise<World> {
  const env = await seededDatabase();
  const clock = { now: at(options.today ?? "2026-12-07") };
  const app = createApp({
    db: env.db,
    auth: { now: () => clock.now },
    complaintLimit: options.limit ?? { perMinute: 1000 },
    trackLimit: { perMinute: options.trackPerMinute ?? 1000 },
    filesDir: join(env.dir, "files"),
  });
  const cadre = await createTestUser(env.db, "cadre", { kecamatanCode: KEC });
  const operator = await createTestUser(env.db, "operator", { kecamatanCode: KEC });
  const handler = await createTestUser(env.db, "operator", { kecamatanCode: KEC });
  const otherHandler = await createTestUser(env.db, "operator", { kecamatanCode: OTHER_KEC });
  const admin = await createTestUser(env.db, "admin");
  const adminHandler = await createTestUser(env.db, "admin");
  for (const user of [admin, adminHandler]) {
    await rawRun(env.db, sql`UPDATE users SET kecamatan_code = NULL WHERE id = ${user.id}`);
  }
  for (const user of [handler, otherHandler, adminHandler]) await grant(env.db, user);
  return { env, app, clock, cadre, operator, handler, otherHandler, admin, adminHandler };
}

export function submission(overrides: Partial<ComplaintSubmission> = {}): ComplaintSubmission {
  return {
    id: uuidv4(),
    channel: "citizen-phone",
    category: "perilaku",
    description: "Petugas loket membentak warga dan menolak menerima berkas tanpa alasan.",
    happenedOn: "2026-12-01",
    place: { kind: "office", kecamatanCode: KEC },
    evidence: [],
    anonymous: false,
    confidential: false,
    reporter: { name: "Budi Santoso", contact: "081299990000" },
    reportedAt: "2026-12-07T02:00:00.000Z",
    ...overrides,
  };
}

export function request(
  w: World,
  method: string,
  path: string,
  user: TestUser | null,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const all: Record<string, string> = { "Content-Type": "application/json", ...headers };
  if (user) all.Cookie = user.cookie;
  return w.app.request(path, {
    method,
    headers: all,
    ...(method === "GET" || body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

/** Sends a complaint and returns its number (expects it stored). */
export async function file(w: World, overrides: Partial<ComplaintSubmission> = {}, user: TestUser | null = null) {
  const sent = submission(overrides);
  const response = await request(w, "POST", "/api/complaints", user, sent);
  if (response.status !== 201) throw new Error(`complaint not stored: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { id: string; number: string };
  return { id: body.id, number: body.number, sent };
}

/** A submitted domisili file with a tracking number, written straight into the database. */
export async function trackedFile(db: Db, cadreId: string, number: string, kecamatanCode = KEC): Promise<string> {
  const id = uuidv7();
  const now = new Date().toISOString();
  await db.insert(applications).values({
    id,
    cadreId,
    guideId: "surat-keterangan-domisili",
    guideVersion: 1,
    villageCode: VILLAGE,
    content: {},
    status: "submitted",
    verdict: null,
    version: 1,
    changeSeq: 1,
    submittedAt: now,
    createdAt: now,
    updatedAt: now,
    kecamatanCode,
    trackingNumber: number,
  });
  return id;
}

export async function rawComplaint(db: Db, id: string): Promise<Record<string, unknown>> {
  // Undefined when there is no such complaint, as the tests expect.
  return (await rawGet<Record<string, unknown>>(db, sql`SELECT * FROM complaints WHERE id = ${id}`)) as Record<
    string,
    unknown
  >;
}
