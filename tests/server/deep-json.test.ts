import { join } from "node:path";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { getGuide } from "../../server/guides/repository";
import { MAX_JSON_DEPTH } from "../../server/http/body";
import { ApiError } from "../../shared/api/errors";
import { type Guide, Guide as GuideSchema } from "../../shared/guide";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft } from "../helpers/drafts";
import { seededDatabase } from "../helpers/temp-db";

/**
 * Deeply nested JSON must never reach a recursive validator (zod's lazy
 * `Condition`, for one, overflows the stack at a few thousand levels): every
 * JSON route answers 400 `body_too_deep` before validating anything.
 */

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let admin: TestUser;
let cadre: TestUser;
let errors: string[];

const DOMISILI = "surat-keterangan-domisili";

beforeEach(async () => {
  env = await seededDatabase();
  errors = [];
  app = createApp({ db: env.db, filesDir: join(env.dir, "files"), logError: (message) => errors.push(message) });
  admin = await createTestUser(env.db, "admin");
  cadre = await createTestUser(env.db, "cadre");
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
async function guideWith(when: unknown, where: "requirement" | "eligibility"): Promise<Record<string, unknown>> {
  const stored = await getGuide(env.db, DOMISILI);
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
        await call("PUT", `/api/console/guides/${DOMISILI}/draft`, admin, {
          draft: await guideWith(notChain(2000), where),
        }),
      );
    });

    it(`a 2,000-deep condition in a ${where}'s when: importing answers 400 body_too_deep`, async () => {
      await expectTooDeep(
        await call("POST", "/api/console/guides/import", admin, {
          guides: [await guideWith(notChain(2000), where)],
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
    const atLimit = { draft: await guideWith(notChain(MAX_JSON_DEPTH - 5), "requirement") };
    const saved = await call("PUT", `/api/console/guides/${DOMISILI}/draft`, admin, atLimit);
    expect(saved.status, await saved.clone().text()).toBe(200);
    const over = { draft: await guideWith(notChain(MAX_JSON_DEPTH - 4), "requirement") };
    await expectTooDeep(await call("PUT", `/api/console/guides/${DOMISILI}/draft`, admin, over));
  });
});

/**
 * Every route that takes a body, found from the app's own route table: a route
 * added later fails here until it is listed, so none can slip past the limit.
 * JSON routes answer 400 body_too_deep; the others ignore the body and answer
 * as usual. None answers 5xx or logs an error.
 */
describe("every route given a deeply nested body", () => {
  type Caller = "admin" | "cadre" | "none";
  const uuid = "0190a000-0000-7000-8000-000000000000";
  /** Each JSON-reading route: who calls it and a concrete path that reaches the body. */
  const jsonRoutes: Record<string, { as: Caller; path: () => string }> = {
    "POST /api/auth/login": { as: "none", path: () => "/api/auth/login" },
    "POST /api/users": { as: "admin", path: () => "/api/users" },
    "PATCH /api/users/:id": { as: "admin", path: () => `/api/users/${cadre.id}` },
    "POST /api/users/:id/password": { as: "admin", path: () => `/api/users/${cadre.id}/password` },
    "POST /api/sync/push": { as: "cadre", path: () => "/api/sync/push" },
    "POST /api/console/applications/search": { as: "admin", path: () => "/api/console/applications/search" },
    "POST /api/console/applications/:id/receive": {
      as: "admin",
      path: () => `/api/console/applications/${uuid}/receive`,
    },
    "POST /api/console/applications/:id/verdict": {
      as: "admin",
      path: () => `/api/console/applications/${uuid}/verdict`,
    },
    "PUT /api/console/guides/:id/draft": { as: "admin", path: () => `/api/console/guides/${DOMISILI}/draft` },
    "POST /api/console/guides/:id/publish": { as: "admin", path: () => `/api/console/guides/${DOMISILI}/publish` },
    "POST /api/console/guides/import": { as: "admin", path: () => "/api/console/guides/import" },
    "POST /api/console/calendar/days": { as: "admin", path: () => "/api/console/calendar/days" },
    "PUT /api/console/calendar/days/:date": { as: "admin", path: () => "/api/console/calendar/days/2026-12-24" },
    "PUT /api/console/calendar/settings": { as: "admin", path: () => "/api/console/calendar/settings" },
    "PUT /api/console/privacy/settings": { as: "admin", path: () => "/api/console/privacy/settings" },
    "POST /api/console/privacy/retention/run": { as: "admin", path: () => "/api/console/privacy/retention/run" },
    "POST /api/skm/responses": { as: "none", path: () => "/api/skm/responses" },
    "POST /api/complaints": { as: "none", path: () => "/api/complaints" },
    "POST /api/console/complaints/:id/assign": { as: "admin", path: () => `/api/console/complaints/${uuid}/assign` },
    "POST /api/console/complaints/:id/move": { as: "admin", path: () => `/api/console/complaints/${uuid}/move` },
    "POST /api/console/complaints/:id/notes": { as: "admin", path: () => `/api/console/complaints/${uuid}/notes` },
    "POST /api/console/complaints/:id/answer": { as: "admin", path: () => `/api/console/complaints/${uuid}/answer` },
    "POST /api/console/skm/follow-ups": { as: "admin", path: () => "/api/console/skm/follow-ups" },
    "PATCH /api/console/skm/follow-ups/:id": { as: "admin", path: () => `/api/console/skm/follow-ups/${uuid}` },
  };
  /** Routes that read no body (an action named by the path alone). */
  const bodylessRoutes = new Set([
    "POST /api/auth/logout",
    "DELETE /api/auth/sessions/:id",
    "POST /api/users/:id/disable",
    "POST /api/users/:id/enable",
    "DELETE /api/users/:id/sessions/:sessionId",
    "DELETE /api/console/guides/:id/draft",
    "POST /api/console/guides/:id/withdraw",
    "POST /api/console/guides/:id/restore",
    "DELETE /api/console/calendar/days/:date",
    "DELETE /api/console/skm/follow-ups/:id",
    // The read-only catalogue and health answer 405 to any write.
    ...["POST", "PUT", "PATCH", "DELETE"].flatMap((method) =>
      ["/api/guides", "/api/guides/*", "/api/health"].map((path) => `${method} ${path}`),
    ),
  ]);

  function routesWithBodies(): string[] {
    const seen = new Set<string>();
    for (const route of app.routes) {
      if (["POST", "PUT", "PATCH", "DELETE"].includes(route.method)) seen.add(`${route.method} ${route.path}`);
    }
    return [...seen].sort();
  }

  const cookieOf = (as: Caller) => (as === "admin" ? admin.cookie : as === "cadre" ? cadre.cookie : undefined);

  function send(method: string, path: string, as: Caller, body: string): Promise<Response> {
    const cookie = cookieOf(as);
    return Promise.resolve(
      app.request(path, {
        method,
        headers: { ...(cookie ? { Cookie: cookie } : {}), "Content-Type": "application/json" },
        body,
      }),
    );
  }

  const arrays = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
  const objects = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

  it("lists every route that takes a method with a body as either JSON or bodyless", () => {
    const unlisted = routesWithBodies().filter((route) => !(route in jsonRoutes) && !bodylessRoutes.has(route));
    expect(unlisted).toEqual([]);
    const gone = Object.keys(jsonRoutes).filter((route) => !routesWithBodies().includes(route));
    expect(gone).toEqual([]);
  });

  it("answers 400 body_too_deep on every JSON route to 4,500 levels of objects and 1,500 of arrays", async () => {
    for (const [route, { as, path }] of Object.entries(jsonRoutes)) {
      const method = route.split(" ")[0] ?? "";
      // 4,500 levels of `{"a":` is 27 KB: over the small routes' byte limits, which refuse it first (413).
      const deep = await send(method, path(), as, objects(4500));
      const deepText = await deep.text();
      expect([400, 413], `${route}: ${deepText.slice(0, 200)}`).toContain(deep.status);
      const code = ApiError.parse(JSON.parse(deepText)).error.code;
      expect(code, route).toBe(deep.status === 400 ? "body_too_deep" : "body_too_large");
      // 1,500 levels of `[` is 3 KB: inside every limit, so the depth check itself answers.
      await expectTooDeep(await send(method, path(), as, arrays(1500)));
    }
    expect(errors).toEqual([]);
  });

  it("answers no route with a body 5xx, whoever calls, and logs no error", async () => {
    const body = objects(4500);
    for (const route of routesWithBodies()) {
      const [method = "", pattern = ""] = route.split(" ");
      const path = pattern
        .replace(":sessionId", uuid)
        .replace(":id", route.includes("/guides/") ? DOMISILI : route.includes("/users/") ? cadre.id : uuid)
        .replace("*", DOMISILI);
      for (const as of ["admin", "cadre", "none"] as const) {
        const response = await send(method, path, as, body);
        expect(response.status, `${route} as ${as}`).toBeLessThan(500);
      }
    }
    for (const path of ["/api/files/tus", "/api/files/tus/0123456789abcdef0123456789abcdef"]) {
      for (const method of ["POST", "PATCH"]) {
        const response = await send(method, path, "cadre", body);
        expect(response.status, `${method} ${path}`).toBeLessThan(500);
      }
    }
    expect(errors).toEqual([]);
  });
});
