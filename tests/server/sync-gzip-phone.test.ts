import "fake-indexeddb/auto";
import Dexie from "dexie";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncOnce } from "../../client/sync/engine";
import { applications } from "../../server/db/schema";
import { createTestUser, type TestUser } from "../helpers/accounts";
import {
  deps,
  domisiliGuide,
  fillReady,
  makeDevice,
  type Network,
  serverNetwork,
  verifiedUpload,
} from "../helpers/sync-harness";
import { seededDatabase } from "../helpers/temp-db";

let env: Awaited<ReturnType<typeof seededDatabase>>;
let cadre: TestUser;
const names: string[] = [];

beforeEach(async () => {
  env = await seededDatabase();
  cadre = await createTestUser(env.db, "cadre");
});
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
  await env.cleanup();
});

interface SentPush {
  encoding: string | null;
  bytes: number;
}

/** The real server, with every push's coding and size on the wire noted. */
function watched(network: Network, sent: SentPush[], oldServer = false): Network {
  return async (url, init = {}) => {
    if (url.startsWith("/api/sync/push")) {
      const encoding = new Headers(init.headers).get("content-encoding");
      const body = init.body;
      sent.push({ encoding, bytes: typeof body === "string" ? body.length : (body as ArrayBuffer).byteLength });
      // A server from before gzip pushes read the compressed bytes as JSON, and failed.
      if (oldServer && encoding === "gzip") {
        return Response.json(
          { error: { code: "invalid_json", message: "The request body is not valid JSON." } },
          { status: 400 },
        );
      }
    }
    return network(url, init);
  };
}

async function readyDraftOnPhone(name: string) {
  const deviceName = `phone-${Date.now()}-${Math.random()}`;
  names.push(deviceName);
  const { db, repo } = await makeDevice(cadre, deviceName);
  const id = await repo.create(await domisiliGuide(env));
  await fillReady(repo, id, name);
  return { db, id };
}

async function serverRow(id: string) {
  return (await env.db.select().from(applications).where(eq(applications.id, id)))[0];
}

describe("the phone's push", () => {
  it("goes gzip-compressed, several times smaller, and the server applies it", async () => {
    const { db, id } = await readyDraftOnPhone("Siti Aminah");
    const sent: SentPush[] = [];
    const outcome = await syncOnce(
      deps(db, watched(serverNetwork(env, cadre).fetch, sent), verifiedUpload(env, cadre)),
    );
    expect(outcome).toMatchObject({ status: "ok", rejected: 0 });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((push) => push.encoding === "gzip")).toBe(true);
    const plainBytes = JSON.stringify((await serverRow(id))?.content).length;
    expect(sent[0]?.bytes).toBeLessThan(plainBytes / 2);
    expect(await db.outbox.count()).toBe(0);
    expect(
      ((await serverRow(id))?.content as { applicant?: { fullName?: string } } | undefined)?.applicant?.fullName,
    ).toBe("Siti Aminah");
  });

  // Last in this file: the phone remembers a refusal for the rest of the page's life.
  it("is sent again plain to a server that does not read gzip, and plain from then on", async () => {
    const { db, id } = await readyDraftOnPhone("Budi Santoso");
    const sent: SentPush[] = [];
    const network = watched(serverNetwork(env, cadre).fetch, sent, true);
    const outcome = await syncOnce(deps(db, network, verifiedUpload(env, cadre)));
    expect(outcome).toMatchObject({ status: "ok", rejected: 0 });
    expect(sent.map((push) => push.encoding)).toEqual(["gzip", null]);
    expect(await serverRow(id)).toBeDefined();

    const { db: second } = await readyDraftOnPhone("Dewi Lestari");
    const later: SentPush[] = [];
    await syncOnce(deps(second, watched(serverNetwork(env, cadre).fetch, later, true), verifiedUpload(env, cadre)));
    expect(later.map((push) => push.encoding)).toEqual([null]);
  });
});
