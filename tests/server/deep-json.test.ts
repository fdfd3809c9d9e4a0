import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { getGuide } from "../../server/guides/repository";
import { MAX_JSON_DEPTH } from "../../server/http/body";
import { seedIfEmpty } from "../../server/seed/seed";
import { ApiError } from "../../shared/api/errors";
import { type Guide, Guide as GuideSchema } from "../../shared/guide";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft } from "../helpers/drafts";
import { tempDatabase } from "../helpers/temp-db";

/**
 * Deeply nested JSON must never reach a recursive validator (zod's lazy
 * `Condition`, for one, overflows the stack at a few thousand levels): every
 * JSON route answers 400 `body_too_deep` before validating anything.
 */

let env: ReturnType<typeof tempDatabase>;
let app: ReturnType<typeof createApp>;
let admin: TestUser;
let cadre: TestUser;
let errors: string[];

const DOMISILI = "surat-keterangan-domisili";

beforeEach(() => {
  env = tempDatabase();
  seedIfEmpty(env.db);
  errors = [];
  app = createApp({ db: env.db, logError: (message) => errors.push(message) });
  admin = createTestUser(env.db, "admin");
  cadre = createTestUser(env.db, "cadre");
});
afterEach(() => env.cleanup());

/** `{"not": … {"q": "pendatang", "is": true} …}`, `depth` conditions deep. */
function notChain(depth: number): unknown {
  let condition: unknown = { q: "pendatang", is: true };
  for (let i = 0; i < depth; i++) condition = { not: condition };
  return condition;
}

function call(method: string, path: string, as: TestUser, body: unknown): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method,
      headers: { Cookie: as.cookie, "Content-Type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

async function expectTooDeep(response: Response): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBe(400);
  const body = ApiError.parse(JSON.parse(text));
  expect(body.error.code).toBe("body_too_deep");
  expect(body.error.details).toMatchObject({ maxDepth: MAX_JSON_DEPTH });
}

/** The seeded domisili guide with a requirement's `when` and an eligibility rule's `when` set to `when`. */
function guideWith(when: unknown, where: "requirement" | "eligibility"): Record<string, unknown> {
  const stored = getGuide(env.db, DOMISILI);
  if (!stored) throw new Error("seed missing");
  const guide: Guide = GuideSchema.parse(stored.guide);
  if (where === "requirement") {
    const [first, ...rest] = guide.requirements;
    return { ...guide, requirements: [{ ...first, when }, ...rest] };
  }
  return { ...guide, eligibility: [{ id: "deep-rule", when, message: { id: "x", en: "x" } }] };
}

describe("deeply nested JSON", () => {
  for (const where of ["requirement", "eligibility"] as const) {
    it(`a 2,000-deep condition in a ${where}'s when: saving a guide draft answers 400 body_too_deep`, async () => {
      await expectTooDeep(
        await call("PUT", `/api/console/guides/${DOMISILI}/draft`, admin, { draft: guideWith(notChain(2000), where) }),
      );
    });

    it(`a 2,000-deep condition in a ${where}'s when: importing answers 400 body_too_deep`, async () => {
      await expectTooDeep(
        await call("POST", "/api/console/guides/import", admin, {
          guides: [guideWith(notChain(2000), where)],
          changeNote: "impor katalog",
        }),
      );
    });
  }

  it("sync push: a deep value anywhere in a mutation answers 400 body_too_deep", async () => {
    const draft = { ...readyDraft(), extra: notChain(2000) };
    await expectTooDeep(
      await call("POST", "/api/sync/push", cadre, {
        clientId: uuidv7(),
        mutations: [mutation(1, "putDraft", { draft: draft as never })],
      }),
    );
  });

  it("users: a deep body answers 400 body_too_deep", async () => {
    await expectTooDeep(await call("POST", "/api/users", admin, { username: "kader.baru", deep: notChain(1000) }));
    await expectTooDeep(await call("PATCH", `/api/users/${cadre.id}`, admin, notChain(500)));
  });

  it("sign-in and review decisions: a deep body answers 400 body_too_deep", async () => {
    const login = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      // Sign-in bodies are small (4 KB): 200 levels fit.
      body: JSON.stringify({ username: "x", password: notChain(200) }),
    });
    await expectTooDeep(login);
    await expectTooDeep(await call("POST", `/api/console/applications/${uuidv7()}/verdict`, admin, notChain(100)));
  });

  it("arrays count as much as objects, and a million levels is as harmless as a hundred", async () => {
    const levels = 1_000_000;
    await expectTooDeep(await call("POST", "/api/sync/push", cadre, `${"[".repeat(levels)}${"]".repeat(levels)}`));
    await expectTooDeep(await call("POST", "/api/sync/push", cadre, `{"a":${"[".repeat(100)}${"]".repeat(100)}}`));
    expect(errors).toEqual([]);
  });

  it("takes a body exactly at the limit and validates it as usual", async () => {
    // Body, draft, requirements, requirement (4 levels), then the `not`s and the innermost `{q, is}`.
    const atLimit = { draft: guideWith(notChain(MAX_JSON_DEPTH - 5), "requirement") };
    const saved = await call("PUT", `/api/console/guides/${DOMISILI}/draft`, admin, atLimit);
    expect(saved.status, await saved.clone().text()).toBe(200);
    const over = { draft: guideWith(notChain(MAX_JSON_DEPTH - 4), "requirement") };
    await expectTooDeep(await call("PUT", `/api/console/guides/${DOMISILI}/draft`, admin, over));
  });
});
