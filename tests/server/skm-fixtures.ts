import { eq } from "drizzle-orm";
import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { vi } from "vitest";
import { createApp } from "../../server/app";
import { applications } from "../../server/db/schema";
import type { SkmLimits } from "../../server/skm/limits";
import type { SurveySubmission } from "../../shared/api/skm";
import { Draft } from "../../shared/draft";
import { SKM_ELEMENT_IDS, SKM_QUESTIONNAIRE } from "../../shared/skm/questionnaire";
import { PushResponse } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import { seededDatabase } from "../helpers/temp-db";

/** Shared set-up of the SKM server tests (tests/server/skm-*.test.ts). */

export const KEC = "31.71.01";
export const OTHER_KEC = "31.75.07";
export const VILLAGE = "31.71.01.1001";
export const GUIDE = "surat-keterangan-domisili";
/** Jakarta 10:00 on Wednesday 2 December 2026: period 2026-S2. */
export const NOW = "2026-12-02T03:00:00.000Z";

/** The applicant of the seeded file: none of it may reach a survey's row, report or CSV. */
export const PERSON = {
  fullName: "Siti Aminah Rahmawati",
  nik: "3171015203900001",
  kk: "3171011501200003",
  phone: "081298765432",
};

export interface World {
  env: Awaited<ReturnType<typeof seededDatabase>>;
  app: ReturnType<typeof createApp>;
  cadre: TestUser;
  operator: TestUser;
  otherOperator: TestUser;
  admin: TestUser;
  clients: Map<string, { clientId: string; seq: number }>;
}

export function at(iso: string): void {
  vi.setSystemTime(new Date(iso));
}

/** A fresh database and app; only Date is faked, so sessions, the push, the review and the survey share one clock. */
export async function world(options: { limit?: SkmLimits } = {}): Promise<World> {
  vi.useFakeTimers({ toFake: ["Date"] });
  at(NOW);
  const env = await seededDatabase();
  const app = createApp({ db: env.db, skmLimit: options.limit ?? { perMinute: 10_000 } });
  return {
    env,
    app,
    cadre: await createTestUser(env.db, "cadre", { kecamatanCode: KEC }),
    operator: await createTestUser(env.db, "operator", { kecamatanCode: KEC }),
    otherOperator: await createTestUser(env.db, "operator", { kecamatanCode: OTHER_KEC }),
    admin: await createTestUser(env.db, "admin"),
    clients: new Map(),
  };
}

export async function closeWorld(w: World): Promise<void> {
  await w.env.cleanup();
  vi.useRealTimers();
}

export function request(
  w: World,
  method: string,
  path: string,
  user: TestUser | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    w.app.request(path, {
      method,
      headers: {
        // The CSRF guard wants JSON on every unsafe method, with a body or not (server/auth/middleware.ts).
        ...(method !== "GET" ? { "Content-Type": "application/json" } : {}),
        ...(user ? { Cookie: user.cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    }),
  );
}

/** A response giving every element the same score, or the scores given in U1…U9 order. */
export function answers(...scores: number[]): Record<string, number> {
  return Object.fromEntries(SKM_ELEMENT_IDS.map((id, i) => [id, scores[i] ?? scores[0] ?? 4]));
}

export function survey(overrides: Partial<SurveySubmission> = {}): SurveySubmission {
  return {
    id: uuidv4(),
    questionnaire: SKM_QUESTIONNAIRE.id,
    channel: "office",
    kecamatanCode: KEC,
    answers: answers(4),
    profile: { ageBand: "30-39", sex: "P" },
    answeredAt: NOW,
    ...overrides,
  } as SurveySubmission;
}

export function send(w: World, body: unknown, user: TestUser | null = null, headers: Record<string, string> = {}) {
  return request(w, "POST", "/api/skm/responses", user, body, headers);
}

function personalDraft(): Draft {
  const draft = readyDraft({ name: PERSON.fullName, village: VILLAGE });
  return Draft.parse({
    ...draft,
    applicant: { ...draft.applicant, nik: PERSON.nik, kk: PERSON.kk, phone: PERSON.phone },
  });
}

/** A file submitted by the cadre through the real push; answers its id and tracking number. */
export async function submittedFile(w: World): Promise<{ id: string; number: string }> {
  const draft = personalDraft();
  await storeFilesOf(w.env.db, draft, w.cadre.id);
  const client = w.clients.get(w.cadre.id) ?? { clientId: uuidv7(), seq: 0 };
  w.clients.set(w.cadre.id, client);
  client.seq += 1;
  const response = await request(w, "POST", "/api/sync/push", w.cadre, {
    clientId: client.clientId,
    mutations: [mutation(client.seq, "submitApplication", { draft })],
  });
  if (response.status !== 200) throw new Error(`push ${response.status}`);
  const pushed = PushResponse.parse(await response.json());
  if (pushed.results[0]?.status !== "applied") throw new Error("push not applied");
  const [row] = await w.env.db.select().from(applications).where(eq(applications.id, draft.id));
  if (!row?.trackingNumber) throw new Error("no tracking number");
  return { id: draft.id, number: row.trackingNumber };
}

/** A file submitted and decided by the office's operator through the console. */
export async function decidedFile(
  w: World,
  decision: "approved" | "rejected" = "approved",
): Promise<{ id: string; number: string }> {
  const file = await submittedFile(w);
  const verdict = async (body: Record<string, unknown>) => {
    const [row] = await w.env.db.select().from(applications).where(eq(applications.id, file.id));
    const version = row?.version;
    const response = await request(w, "POST", `/api/console/applications/${file.id}/verdict`, w.operator, {
      expectedVersion: version,
      ...body,
    });
    if (response.status !== 200) throw new Error(`verdict ${response.status}: ${await response.text()}`);
  };
  // Approval follows a check of the requirements ("verified"); a rejection may come at once.
  if (decision === "approved") {
    await verdict({ decision: "verified" });
    await verdict({ decision: "approved" });
  } else {
    await verdict({ decision: "rejected", reasonCode: "not-eligible" });
  }
  return file;
}

export async function codeOf(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code ?? "";
}
