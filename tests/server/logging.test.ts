import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import type { AccessEntry } from "../../server/http/access-log";
import { STORAGE_CHECK_MS } from "../../server/routes/health";
import { Health } from "../../shared/api/catalogue";
import { createTestUser } from "../helpers/accounts";
import { mutation, readyDraft } from "../helpers/drafts";
import { seededDatabase } from "../helpers/temp-db";

let env: Awaited<ReturnType<typeof seededDatabase>>;
beforeEach(async () => {
  env = await seededDatabase();
});
afterEach(() => env.cleanup());

describe("structured logs", () => {
  it("write one line per request with its id, and never personal data", async () => {
    const lines: AccessEntry[] = [];
    const app = createApp({ db: env.db, logRequest: (entry) => lines.push(entry) });
    const cadre = await createTestUser(env.db, "cadre");
    const draft = readyDraft({ name: "Siti Rahasia" });
    const response = await app.request("/api/sync/push", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
      body: JSON.stringify({ clientId: uuidv7(), mutations: [mutation(1, "putDraft", { draft })] }),
    });
    expect(response.status).toBe(200);
    await app.request(`/api/sync/pull?cursor=c1.0`, { headers: { Cookie: cadre.cookie } });
    await app.request(`/api/guides/${draft.applicant.nik}`);
    expect(lines.map((line) => [line.method, line.route, line.status])).toEqual([
      ["POST", "/api/sync/push", 200],
      ["GET", "/api/sync/pull", 200],
      ["GET", "/api/guides/:id", 404],
    ]);
    expect(lines[0]?.reqId).toBe(response.headers.get("x-request-id"));
    expect(lines[0]?.role).toBe("cadre");
    const text = JSON.stringify(lines);
    for (const secret of [draft.applicant.nik, "Siti Rahasia", draft.id, cadre.cookie.split("=")[1] ?? "x"]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("GET /api/health", () => {
  it("reports the photo storage, and degraded when it cannot be written", async () => {
    const filesDir = join(env.dir, "files");
    const ok = Health.parse(await (await createApp({ db: env.db, filesDir }).request("/api/health")).json());
    expect(ok).toMatchObject({ status: "ok", storage: "ok" });
    // The photo folder disappears under a running server and a file takes its place:
    // not writable as a folder, even for root.
    const app = createApp({ db: env.db, filesDir });
    rmSync(filesDir, { recursive: true, force: true });
    writeFileSync(filesDir, "x");
    const response = await app.request("/api/health");
    expect(response.status).toBe(503);
    expect(Health.parse(await response.json())).toMatchObject({ status: "degraded", storage: "error", database: "ok" });
  });

  it("checks the photo folder at most every few seconds while it is fine, and on every request while it is not", async () => {
    const filesDir = join(env.dir, "files");
    let now = new Date("2026-12-02T08:00:00.000Z");
    const app = createApp({ db: env.db, filesDir, auth: { now: () => now } });
    const storage = async () => Health.parse(await (await app.request("/api/health")).json()).storage;
    expect(await storage()).toBe("ok");
    rmSync(filesDir, { recursive: true, force: true });
    writeFileSync(filesDir, "x");
    // Within the interval the last good check stands: no syscalls per request.
    now = new Date(now.getTime() + STORAGE_CHECK_MS - 1);
    expect(await storage()).toBe("ok");
    now = new Date(now.getTime() + 1);
    expect(await storage()).toBe("error");
    // A failure is not remembered: the folder back, the next request says so.
    rmSync(filesDir, { force: true });
    expect(await storage()).toBe("ok");
  });
});
