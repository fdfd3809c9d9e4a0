import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { applications } from "../../server/db/schema";
import { cadreDeleteRefusal, cadreMayDelete } from "../../shared/review/workflow";
import type { ApplicationStatus } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, pushOne, readyDraft } from "../helpers/drafts";
import { seededDatabase } from "../helpers/temp-db";

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;
let clientId: string;
let seq: number;

beforeEach(async () => {
  env = await seededDatabase();
  app = createApp({ db: env.db });
  cadre = await createTestUser(env.db, "cadre");
  clientId = uuidv7();
  seq = 0;
});
afterEach(() => env.cleanup());

/** A file the cadre saved, then moved by the office (or not) to `status`. */
async function fileIn(status: ApplicationStatus): Promise<string> {
  const draft = readyDraft();
  const saved = await pushOne(app, cadre, clientId, mutation(++seq, "putDraft", { draft }));
  expect(saved.status).toBe("applied");
  await env.db.update(applications).set({ status }).where(eq(applications.id, draft.id));
  return draft.id;
}

async function deletedAt(id: string): Promise<string | null | undefined> {
  return (await env.db.select().from(applications).where(eq(applications.id, id)))[0]?.deletedAt;
}

describe("deleting a file from the phone", () => {
  it("deletes a draft the office never had", async () => {
    const id = await fileIn("draft");
    const result = await pushOne(app, cadre, clientId, mutation(++seq, "deleteDraft", { id }));
    expect(result.status).toBe("applied");
    expect(await deletedAt(id)).toEqual(expect.any(String));
  });

  it.each(["submitted", "received", "verified", "needs-fix", "approved", "rejected"] as const)(
    "refuses, with workflow-locked, to delete a file the office has (%s), and keeps it",
    async (status) => {
      const id = await fileIn(status);
      const result = await pushOne(app, cadre, clientId, mutation(++seq, "deleteDraft", { id }));
      expect(result).toMatchObject({ status: "rejected", code: "workflow-locked" });
      expect(await deletedAt(id)).toBeNull();
    },
  );

  it("uses one rule on the phone and the server: deletable only before the office has the file, with the reason", () => {
    expect(cadreMayDelete(undefined)).toBe(true);
    expect(cadreMayDelete("draft")).toBe(true);
    expect(cadreDeleteRefusal("submitted")).toBe("submitted");
    for (const status of ["received", "verified", "needs-fix", "approved", "rejected"] as const) {
      expect(cadreDeleteRefusal(status)).toBe("received");
    }
  });
});
