import { count } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshPushBody, MUTATIONS_PER_PUSH, pushBody } from "../../bench/server-bodies";
import { createApp } from "../../server/app";
import { applications } from "../../server/db/schema";
import { PushResponse } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { seededDatabase } from "../helpers/temp-db";

/**
 * The server benchmark's figures only mean something if each push it sends does
 * a phone's real work: every mutation applied, none acknowledged as a duplicate.
 */
let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;

beforeEach(async () => {
  env = await seededDatabase();
  app = createApp({ db: env.db });
  cadre = await createTestUser(env.db, "cadre");
});
afterEach(() => env.cleanup());

async function push(body: string) {
  const response = await app.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
    body,
  });
  expect(response.status).toBe(200);
  return PushResponse.parse(await response.json());
}

async function applicationCount(): Promise<number> {
  return (await env.db.select({ n: count() }).from(applications))[0]?.n ?? 0;
}

describe("the server benchmark's push bodies", () => {
  it("carry ten putDraft mutations of about 1.4 KB each", () => {
    const body = JSON.parse(freshPushBody()) as { mutations: { name: string }[] };
    expect(body.mutations).toHaveLength(MUTATIONS_PER_PUSH);
    expect(body.mutations.every((m) => m.name === "putDraft")).toBe(true);
    for (const m of body.mutations) expect(JSON.stringify(m).length).toBeGreaterThan(1300);
  });

  it("each apply every mutation as a new draft when sent one after another", async () => {
    for (let round = 0; round < 3; round++) {
      const result = await push(freshPushBody());
      expect(result.results.map((r) => r.status)).toEqual(Array(MUTATIONS_PER_PUSH).fill("applied"));
    }
    expect(await applicationCount()).toBe(3 * MUTATIONS_PER_PUSH);
  });

  it("apply in full when one cadre's pushes follow on from the same phone (the open-loop run)", async () => {
    const clientId = uuidv7();
    await push(pushBody(clientId, 1));
    const second = await push(pushBody(clientId, MUTATIONS_PER_PUSH + 1));
    expect(second.lastAppliedSeq).toBe(2 * MUTATIONS_PER_PUSH);
    expect(second.results.filter((r) => r.status === "applied")).toHaveLength(MUTATIONS_PER_PUSH);
    expect(await applicationCount()).toBe(2 * MUTATIONS_PER_PUSH);
  });
});
