import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { syncOnce } from "../../client/sync/engine";
import { UploadError } from "../../client/uploads/errors";
import { seedIfEmpty } from "../../server/seed/seed";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { deps, domisiliGuide, fillReady, makeDevice, serverNetwork, verifiedUpload } from "../helpers/sync-harness";
import { tempDatabase } from "../helpers/temp-db";

vi.setConfig({ testTimeout: 60_000 });

let env: Awaited<ReturnType<typeof tempDatabase>>;
let cadre: TestUser;
const names: string[] = [];

beforeEach(async () => {
  env = await tempDatabase();
  await seedIfEmpty(env.db);
  cadre = await createTestUser(env.db, "cadre");
});
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
  await env.cleanup();
});

describe("a round whose photo upload stalled (the server accepted it and went silent)", () => {
  it("ends as 'unreachable' with code 'timeout', keeps the outbox, and the next round sends the file", async () => {
    const name = `phone-${Date.now()}-${Math.random()}`;
    names.push(name);
    const { db, repo } = await makeDevice(cadre, name);
    const network = serverNetwork(env, cadre);
    const id = await repo.create(await domisiliGuide(env));
    await fillReady(repo, id, "Siti Aminah");
    await repo.update(id, "marked-ready", (d) => {
      d.status = "ready";
    });
    let attempts = 0;
    const stalled = async () => {
      attempts++;
      throw new UploadError("timeout", "The server stopped answering.");
    };

    const first = await syncOnce(deps(db, network.fetch, stalled));
    expect(attempts).toBe(1);
    // Not "offline" (which the bar words as "Tanpa sinyal"): the phone is online, the server is silent.
    expect(first).toMatchObject({ status: "unreachable", code: "timeout", pushed: 0 });
    expect(await db.outbox.count()).toBeGreaterThan(0);

    const second = await syncOnce(deps(db, network.fetch, verifiedUpload(env, cadre)));
    expect(second).toMatchObject({ status: "ok", rejected: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.remote.get(id))?.status).toBe("submitted");
  });
});
