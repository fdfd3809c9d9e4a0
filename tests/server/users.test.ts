import { asc, eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { hashPassword } from "../../server/auth/password";
import { createSession } from "../../server/auth/sessions";
import type { Db } from "../../server/db/open";
import { applicationEvents, applications, auditLog, users } from "../../server/db/schema";
import { CadreActivity } from "../../shared/api/console";
import { ApiError } from "../../shared/api/errors";
import { SessionList, UserList, UserResponse } from "../../shared/api/users";
import { seededDatabase } from "../helpers/temp-db";

const PASSWORD = "kata-sandi-awal-1";
const KEC_A = "31.75.07"; // Duren Sawit
const KEC_B = "31.75.06"; // Cakung
const KEL_A = "31.75.07.1001";
const KEL_A2 = "31.75.07.1003";
const KEL_B = "31.75.06.1007";

type Role = "cadre" | "operator" | "admin";
interface Person {
  id: string;
  username: string;
  displayName: string;
  cookie: string;
  sessionId: string;
}

let passwordHash: string;
let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let clock: Date;
let people: Record<"admin" | "opA" | "opB" | "cadreA" | "cadreA2" | "cadreB", Person>;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

async function seed(
  db: Db,
  username: string,
  role: Role,
  kecamatanCode: string | null,
  kelurahanCode: string | null,
): Promise<Person> {
  const id = uuidv7();
  const displayName = `Nama ${username}`;
  await db.insert(users).values({
    id,
    username,
    displayName,
    role,
    passwordHash,
    kecamatanCode,
    kelurahanCode,
    createdAt: clock.toISOString(),
  });
  const session = await createSession(db, id, `HP ${username}`, clock);
  return { id, username, displayName, cookie: `masdarin_session=${session.token}`, sessionId: session.sessionId };
}

beforeEach(async () => {
  env = await seededDatabase();
  clock = new Date("2026-03-02T08:00:00.000Z");
  app = createApp({ db: env.db, auth: { now: () => clock } });
  people = {
    admin: await seed(env.db, "admin.pusat", "admin", null, null),
    opA: await seed(env.db, "operator.durensawit", "operator", KEC_A, null),
    opB: await seed(env.db, "operator.cakung", "operator", KEC_B, null),
    cadreA: await seed(env.db, "kader.klender", "cadre", KEC_A, KEL_A),
    cadreA2: await seed(env.db, "kader.malaka", "cadre", KEC_A, KEL_A2),
    cadreB: await seed(env.db, "kader.cakung", "cadre", KEC_B, KEL_B),
  };
});
afterEach(() => env.cleanup());

function call(method: string, path: string, as?: Person, body?: unknown) {
  const headers: Record<string, string> = {};
  if (as) headers.Cookie = as.cookie;
  if (method !== "GET") headers["Content-Type"] = "application/json";
  return app.request(path, {
    method,
    headers,
    body: method === "GET" ? undefined : body === undefined ? "" : JSON.stringify(body),
  });
}

async function errorCode(response: Response): Promise<string> {
  return ApiError.parse(await response.json()).error.code;
}

function login(username: string, password: string) {
  return call("POST", "/api/auth/login", undefined, { username, password, deviceLabel: "HP baru" });
}

// ------------------------------------------------------------ the matrix

type Principal = "anonymous" | "cadre" | "opA" | "opB" | "admin";
const PRINCIPALS: Principal[] = ["anonymous", "cadre", "opA", "opB", "admin"];

interface RouteCase {
  name: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  /** Status per principal; the target is always cadreA (a cadre of kecamatan A). */
  expect: Record<Principal, number>;
  /** A refusal's code where it is more specific than the status's usual one. */
  refusal?: Partial<Record<Principal, string>>;
}

/** What a route about cadreA answers: only opA and admin may manage them. */
const ABOUT_CADRE_A: Record<Principal, number> = { anonymous: 401, cadre: 403, opA: 200, opB: 404, admin: 200 };

const ROUTES: RouteCase[] = [
  {
    name: "create a cadre in kecamatan A",
    method: "POST",
    path: () => "/api/users",
    body: () => ({
      username: `kader.baru.${uuidv7().slice(-6)}`,
      displayName: "Kader Baru",
      role: "cadre",
      password: "sandi-kader-baru",
      kecamatanCode: KEC_A,
      kelurahanCode: KEL_A,
    }),
    expect: { anonymous: 401, cadre: 403, opA: 201, opB: 403, admin: 201 },
    // The console shows this one at the kecamatan field.
    refusal: { opB: "kecamatan_not_allowed" },
  },
  {
    name: "list users",
    method: "GET",
    path: () => "/api/users",
    expect: { anonymous: 401, cadre: 403, opA: 200, opB: 200, admin: 200 },
  },
  { name: "read a user", method: "GET", path: () => `/api/users/${people.cadreA.id}`, expect: ABOUT_CADRE_A },
  {
    name: "edit a user",
    method: "PATCH",
    path: () => `/api/users/${people.cadreA.id}`,
    body: () => ({ displayName: "Nama Baru", kelurahanCode: KEL_A2 }),
    expect: ABOUT_CADRE_A,
  },
  {
    name: "disable a user",
    method: "POST",
    path: () => `/api/users/${people.cadreA.id}/disable`,
    expect: ABOUT_CADRE_A,
  },
  { name: "enable a user", method: "POST", path: () => `/api/users/${people.cadreA.id}/enable`, expect: ABOUT_CADRE_A },
  {
    name: "reset a password",
    method: "POST",
    path: () => `/api/users/${people.cadreA.id}/password`,
    body: () => ({ password: "sandi-baru-sekali" }),
    expect: { ...ABOUT_CADRE_A, opA: 204, admin: 204 },
  },
  {
    name: "read a cadre's activity",
    method: "GET",
    path: () => `/api/users/${people.cadreA.id}/activity`,
    expect: ABOUT_CADRE_A,
  },
  {
    name: "list a user's sessions",
    method: "GET",
    path: () => `/api/users/${people.cadreA.id}/sessions`,
    expect: ABOUT_CADRE_A,
  },
  {
    name: "revoke a user's session",
    method: "DELETE",
    path: () => `/api/users/${people.cadreA.id}/sessions/${people.cadreA.sessionId}`,
    expect: { ...ABOUT_CADRE_A, opA: 204, admin: 204 },
  },
];

function principal(name: Principal): Person | undefined {
  if (name === "anonymous") return undefined;
  // The cadre acts on themselves: still refused.
  return name === "cadre" ? people.cadreA : people[name];
}

describe("authorisation matrix", () => {
  const cases = ROUTES.flatMap((route) => PRINCIPALS.map((who) => [route.name, who, route] as const));

  it.each(cases)("%s as %s", async (_name, who, route) => {
    const response = await call(route.method, route.path(), principal(who), route.body?.());
    const expected = route.expect[who];
    expect(response.status).toBe(expected);
    const text = await response.text();
    expect(text).not.toMatch(/passwordHash|password_hash|tokenHash|token_hash|scrypt\$/);

    if (expected >= 400) {
      const error = ApiError.parse(JSON.parse(text)).error;
      const specific = route.refusal?.[who];
      expect(error.code).toBe(
        specific ?? { 401: "session_required", 403: "forbidden", 404: "user_not_found" }[expected as 401 | 403 | 404],
      );
      if (!specific) expect(error.details).toBeUndefined();
      // A refusal names nobody.
      for (const person of Object.values(people)) {
        expect(text).not.toContain(person.id);
        expect(text).not.toContain(person.username);
        expect(text).not.toContain(person.displayName);
      }
    }
    // Nobody sees users outside their reach, even on success.
    if (who === "opB" && expected < 300) {
      for (const hidden of [people.cadreA, people.cadreA2, people.opA, people.admin]) {
        expect(text).not.toContain(hidden.id);
        expect(text).not.toContain(hidden.username);
      }
    }
    if (who === "opA" && expected < 300) {
      for (const hidden of [people.cadreB, people.opB, people.admin]) {
        expect(text).not.toContain(hidden.id);
        expect(text).not.toContain(hidden.username);
      }
    }
  });

  it("answers an unknown id as it answers another kecamatan's cadre", async () => {
    const foreign = await call("GET", `/api/users/${people.cadreA.id}`, people.opB);
    const unknown = await call("GET", `/api/users/${uuidv7()}`, people.opB);
    const malformed = await call("GET", "/api/users/bukan-id", people.opB);
    const body = await foreign.json();
    expect(await unknown.json()).toEqual(body);
    expect(await malformed.json()).toEqual(body);
    expect([foreign.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
  });

  it("keeps operators away from operators and admins", async () => {
    for (const target of [people.opB, people.opA, people.admin]) {
      const response = await call("PATCH", `/api/users/${target.id}`, people.opA, { displayName: "Diubah" });
      expect(response.status).toBe(404);
    }
  });
});

// ------------------------------------------------------------ behaviour

describe("creating users", () => {
  const cadre = (extra: Record<string, unknown> = {}) => ({
    username: "kader.baru",
    displayName: "Kader Baru",
    role: "cadre",
    password: "sandi-kader-baru",
    ...extra,
  });

  it("puts an operator's new cadre in the operator's kecamatan, and the cadre can sign in", async () => {
    const response = await call("POST", "/api/users", people.opA, cadre({ username: "  Kader.Baru " }));
    expect(response.status).toBe(201);
    const { user } = UserResponse.parse(await response.json());
    expect(user).toMatchObject({ username: "kader.baru", role: "cadre", kecamatanCode: KEC_A, disabledAt: null });
    const [stored] = await env.db.select().from(users).where(eq(users.id, user.id));
    expect(stored?.createdBy).toBe(people.opA.id);
    expect((await login("kader.baru", "sandi-kader-baru")).status).toBe(200);
  });

  it("lets only admins create operators and admins", async () => {
    const operator = { username: "operator.baru", displayName: "Op", role: "operator", password: "sandi-operator-1" };
    expect((await call("POST", "/api/users", people.opA, { ...operator, kecamatanCode: KEC_A })).status).toBe(403);
    expect((await call("POST", "/api/users", people.opA, { ...operator, role: "admin" })).status).toBe(403);
    const created = await call("POST", "/api/users", people.admin, { ...operator, kecamatanCode: KEC_B });
    expect(created.status).toBe(201);
    const admin = await call("POST", "/api/users", people.admin, {
      ...operator,
      username: "admin.baru",
      role: "admin",
    });
    expect(admin.status).toBe(201);
    expect(UserResponse.parse(await admin.json()).user.kecamatanCode).toBeNull();
  });

  it("refuses an operator creating a cadre in another kecamatan, naming the kecamatan field", async () => {
    const response = await call("POST", "/api/users", people.opA, cadre({ kecamatanCode: KEC_B }));
    expect(response.status).toBe(403);
    const error = ApiError.parse(await response.json()).error;
    expect(error.code).toBe("kecamatan_not_allowed");
    expect(error.details).toMatchObject({ field: "kecamatanCode" });
    expect(await env.db.select().from(users).where(eq(users.username, "kader.baru"))).toEqual([]);
  });

  it("answers a taken username with 409", async () => {
    const response = await call("POST", "/api/users", people.opA, cadre({ username: "KADER.CAKUNG" }));
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe("username_taken");
  });

  it("answers two creations of one new username at once with one 201 and one 409, never a 500", async () => {
    // Both pass the "is it taken" check before either inserts: the unique index decides, on either engine.
    const both = await Promise.all(
      [1, 2].map(() => call("POST", "/api/users", people.opA, cadre({ username: "kader.kembar" }))),
    );
    expect(both.map((response) => response.status).sort()).toEqual([201, 409]);
    const refused = both.find((response) => response.status === 409);
    expect(refused && (await errorCode(refused))).toBe("username_taken");
    expect(await env.db.select().from(users).where(eq(users.username, "kader.kembar"))).toHaveLength(1);
  });

  it.each([
    ["a username with bad characters", cadre({ username: "kader baru!" }), ["username"]],
    ["a too short username", cadre({ username: "ab" }), ["username"]],
    ["a short password", cadre({ password: "pendek" }), ["password"]],
    ["an empty display name", cadre({ displayName: "   " }), ["displayName"]],
    ["a malformed kecamatan", cadre({ kecamatanCode: "3175" }), ["kecamatanCode"]],
    ["an unknown kecamatan", cadre({ kecamatanCode: "31.75.99" }), ["kecamatanCode"]],
    ["an unknown kelurahan", cadre({ kecamatanCode: KEC_A, kelurahanCode: "31.75.07.9999" }), ["kelurahanCode"]],
    ["a kelurahan of another kecamatan", cadre({ kecamatanCode: KEC_A, kelurahanCode: KEL_B }), ["kelurahanCode"]],
    ["an operator without kecamatan", { ...cadre(), role: "operator" }, ["kecamatanCode"]],
    ["an admin with a kecamatan", { ...cadre(), role: "admin", kecamatanCode: KEC_A }, ["kecamatanCode"]],
    ["an unknown role", cadre({ role: "superuser", kecamatanCode: KEC_A }), ["role"]],
    ["an unknown field", cadre({ kecamatanCode: KEC_A, isAdmin: true }), []],
  ])("refuses %s with the field's path", async (_name, body, path) => {
    const response = await call("POST", "/api/users", people.admin, body);
    expect(response.status).toBe(400);
    const error = ApiError.parse(await response.json()).error;
    expect(error.code).toBe("invalid_body");
    const issues = error.details?.issues as { path: unknown[] }[];
    expect(issues.map((issue) => issue.path)).toContainEqual(path);
  });
});

describe("an admin creating operators, and refusals a form can show at the field", () => {
  const operator = (extra: Record<string, unknown> = {}) => ({
    username: "operator.makasar",
    displayName: "Petugas Makasar",
    role: "operator",
    password: "sandi-operator-baru",
    kecamatanCode: "31.75.04",
    ...extra,
  });

  /** The refusal's code, the field it names first, and each issue's path and code. */
  async function refusal(response: Response) {
    const error = ApiError.parse(await response.json()).error;
    const issues = (error.details?.issues ?? []) as { path: unknown[]; code: string; message: string }[];
    return { status: response.status, code: error.code, field: error.details?.field, issues };
  }

  it("creates an operator of the chosen kecamatan, who can then sign in", async () => {
    const response = await call("POST", "/api/users", people.admin, operator());
    expect(response.status).toBe(201);
    const { user } = UserResponse.parse(await response.json());
    expect(user).toMatchObject({ username: "operator.makasar", role: "operator", kecamatanCode: "31.75.04" });
    expect((await env.db.select().from(users).where(eq(users.id, user.id)))[0]?.createdBy).toBe(people.admin.id);
    const signedIn = await login("operator.makasar", "sandi-operator-baru");
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ user: { role: "operator", kecamatanCode: "31.75.04" } });
  });

  it("refuses an operator creating an operator with 403 role_not_allowed at the role field", async () => {
    const response = await call("POST", "/api/users", people.opA, operator({ kecamatanCode: KEC_A }));
    expect(await refusal(response)).toMatchObject({ status: 403, code: "role_not_allowed", field: "role" });
    expect(await env.db.select().from(users).where(eq(users.username, "operator.makasar"))).toEqual([]);
  });

  it("answers a taken username with 409 at the username field, in the caller's language", async () => {
    const body = operator({ username: "Operator.Cakung" });
    const indonesian = await refusal(await call("POST", "/api/users", people.admin, body));
    expect(indonesian).toMatchObject({ status: 409, code: "username_taken", field: "username" });
    expect(indonesian.issues).toEqual([
      { path: ["username"], code: "username_taken", message: "Nama pengguna ini sudah dipakai. Pilih nama lain." },
    ]);
    const english = await app.request("/api/users", {
      method: "POST",
      headers: { Cookie: people.admin.cookie, "Content-Type": "application/json", "Accept-Language": "en" },
      body: JSON.stringify(body),
    });
    expect((await refusal(english)).issues[0]?.message).toBe("This username is taken. Choose another one.");
  });

  it.each([
    ["a kecamatan outside DKI Jakarta", "32.73.01", "kecamatan_unknown"],
    ["a kecamatan code that does not exist", "31.75.99", "kecamatan_unknown"],
    ["a malformed kecamatan code", "Duren Sawit", "kecamatan_unknown"],
    ["no kecamatan at all", null, "kecamatan_required"],
  ])("refuses %s with 400 at the kecamatanCode field", async (_name, kecamatanCode, problem) => {
    const response = await call("POST", "/api/users", people.admin, operator({ kecamatanCode }));
    const answer = await refusal(response);
    expect(answer).toMatchObject({ status: 400, code: "invalid_body", field: "kecamatanCode" });
    expect(answer.issues.map((issue) => [issue.path, issue.code])).toEqual([[["kecamatanCode"], problem]]);
  });

  it("refuses a weak password with 400 at the password field, saying how long it must be", async () => {
    const answer = await refusal(await call("POST", "/api/users", people.admin, operator({ password: "rahasia" })));
    expect(answer).toMatchObject({ status: 400, code: "invalid_body", field: "password" });
    expect(answer.issues).toEqual([
      { path: ["password"], code: "password_too_short", message: "Kata sandi terlalu pendek: minimal 10 karakter." },
    ]);
  });

  it("names every wrong field, a missing one as required, first field first", async () => {
    const { password: _password, ...withoutPassword } = operator({ username: "x", displayName: " " });
    const answer = await refusal(await call("POST", "/api/users", people.admin, withoutPassword));
    expect(answer.field).toBe("username");
    expect(answer.issues.map((issue) => [issue.path[0], issue.code])).toEqual([
      ["username", "username_too_short"],
      ["displayName", "display_name_required"],
      ["password", "field_required"],
    ]);
  });
});

describe("listing users", () => {
  it("shows an operator only the cadres of their kecamatan", async () => {
    const response = await call("GET", "/api/users", people.opA);
    const list = UserList.parse(await response.json());
    expect(list.users.map((u) => u.username)).toEqual(["kader.klender", "kader.malaka"]);
    const filtered = UserList.parse(await (await call("GET", `/api/users?kecamatanCode=${KEC_B}`, people.opA)).json());
    expect(filtered.users).toEqual([]);
  });

  it("shows an admin everyone, with filters", async () => {
    const all = UserList.parse(await (await call("GET", "/api/users", people.admin)).json());
    expect(all.users).toHaveLength(6);
    const operators = UserList.parse(await (await call("GET", "/api/users?role=operator", people.admin)).json());
    expect(operators.users.map((u) => u.username).sort()).toEqual(["operator.cakung", "operator.durensawit"]);
    const inB = UserList.parse(await (await call("GET", `/api/users?kecamatanCode=${KEC_B}`, people.admin)).json());
    expect(inB.users.map((u) => u.username).sort()).toEqual(["kader.cakung", "operator.cakung"]);
  });

  it("refuses unknown or repeated query parameters", async () => {
    expect(await errorCode(await call("GET", "/api/users?sort=name", people.admin))).toBe("invalid_query");
    expect(await errorCode(await call("GET", "/api/users?role=cadre&role=admin", people.admin))).toBe("invalid_query");
  });
});

describe("editing users", () => {
  it("lets an operator change a cadre's name and kelurahan but not kecamatan", async () => {
    const path = `/api/users/${people.cadreA.id}`;
    const response = await call("PATCH", path, people.opA, { displayName: "Ibu Sari", kelurahanCode: KEL_A2 });
    expect(response.status).toBe(200);
    expect(UserResponse.parse(await response.json()).user).toMatchObject({
      displayName: "Ibu Sari",
      kelurahanCode: KEL_A2,
    });
    expect((await call("PATCH", path, people.opA, { kecamatanCode: KEC_B })).status).toBe(403);
    expect((await call("PATCH", path, people.opA, { kelurahanCode: KEL_B })).status).toBe(400);
    expect((await call("PATCH", path, people.opA, { role: "admin" })).status).toBe(400);
    expect((await call("PATCH", path, people.opA, {})).status).toBe(400);
    const me = await call("GET", "/api/auth/me", people.cadreA);
    expect(await me.json()).toMatchObject({ user: { displayName: "Ibu Sari", kelurahanCode: KEL_A2 } });
  });

  it("lets an admin move a cadre to another kecamatan, and with them the operator's reach", async () => {
    const path = `/api/users/${people.cadreA.id}`;
    expect((await call("PATCH", path, people.admin, { kecamatanCode: KEC_B })).status).toBe(400); // kelurahan left behind
    const moved = await call("PATCH", path, people.admin, { kecamatanCode: KEC_B, kelurahanCode: KEL_B });
    expect(moved.status).toBe(200);
    expect((await call("GET", path, people.opA)).status).toBe(404);
    expect((await call("GET", path, people.opB)).status).toBe(200);
  });
});

describe("disabling, enabling and passwords", () => {
  it("disabling signs the user out everywhere; enabling does not revive old sessions", async () => {
    const second = await createSession(env.db, people.cadreA.id, "Tablet", clock);
    const disabled = await call("POST", `/api/users/${people.cadreA.id}/disable`, people.opA);
    expect(disabled.status).toBe(200);
    expect(UserResponse.parse(await disabled.json()).user.disabledAt).toBe(clock.toISOString());
    for (const cookie of [people.cadreA.cookie, `masdarin_session=${second.token}`]) {
      const response = await app.request("/api/auth/me", { headers: { Cookie: cookie } });
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe("account_disabled");
    }
    expect((await login(people.cadreA.username, PASSWORD)).status).toBe(403);

    const enabled = await call("POST", `/api/users/${people.cadreA.id}/enable`, people.opA);
    expect(UserResponse.parse(await enabled.json()).user.disabledAt).toBeNull();
    expect(await errorCode(await call("GET", "/api/auth/me", people.cadreA))).toBe("session_revoked");
    expect((await login(people.cadreA.username, PASSWORD)).status).toBe(200);
  });

  it("does not let an admin disable themselves", async () => {
    const response = await call("POST", `/api/users/${people.admin.id}/disable`, people.admin);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("cannot_disable_self");
  });

  it("resets a password: the old one stops working and the user's devices are signed out", async () => {
    const response = await call("POST", `/api/users/${people.cadreA.id}/password`, people.opA, {
      password: "sandi-baru-sekali",
    });
    expect(response.status).toBe(204);
    expect((await login(people.cadreA.username, PASSWORD)).status).toBe(401);
    expect((await login(people.cadreA.username, "sandi-baru-sekali")).status).toBe(200);
    expect(await errorCode(await call("GET", "/api/auth/me", people.cadreA))).toBe("session_revoked");
    expect((await call("GET", "/api/auth/me", people.opA)).status).toBe(200);

    const short = await call("POST", `/api/users/${people.cadreA.id}/password`, people.opA, { password: "pendek" });
    expect(short.status).toBe(400);
  });

  it("keeps the admin's own device signed in when they reset their own password", async () => {
    const response = await call("POST", `/api/users/${people.admin.id}/password`, people.admin, {
      password: "sandi-admin-baru",
    });
    expect(response.status).toBe(204);
    expect((await call("GET", "/api/auth/me", people.admin)).status).toBe(200);
  });
});

describe("managing a user's sessions", () => {
  it("lists and revokes only that user's sessions", async () => {
    const listed = SessionList.parse(
      await (await call("GET", `/api/users/${people.cadreA.id}/sessions`, people.opA)).json(),
    );
    expect(listed.sessions.map((s) => [s.id, s.deviceLabel, s.current])).toEqual([
      [people.cadreA.sessionId, "HP kader.klender", false],
    ]);

    // cadreB's session through cadreA's path: as if it did not exist.
    const wrong = await call(
      "DELETE",
      `/api/users/${people.cadreA.id}/sessions/${people.cadreB.sessionId}`,
      people.admin,
    );
    expect(wrong.status).toBe(404);
    expect(await errorCode(wrong)).toBe("session_not_found");
    expect((await call("GET", "/api/auth/me", people.cadreB)).status).toBe(200);

    const revoked = await call(
      "DELETE",
      `/api/users/${people.cadreA.id}/sessions/${people.cadreA.sessionId}`,
      people.opA,
    );
    expect(revoked.status).toBe(204);
    expect(await errorCode(await call("GET", "/api/auth/me", people.cadreA))).toBe("session_revoked");
    const after = SessionList.parse(
      await (await call("GET", `/api/users/${people.cadreA.id}/sessions`, people.opA)).json(),
    );
    expect(after.sessions).toEqual([]);
  });
});

// ------------------------------------------------------------ audit trail

describe("audit trail of account management", () => {
  function audit() {
    return env.db.select().from(auditLog).orderBy(asc(auditLog.id));
  }

  it("records every change with who, what, before and after, filed under the cadre's kecamatan", async () => {
    const created = await call("POST", "/api/users", people.opA, {
      username: "kader.audit",
      displayName: "Kader Audit",
      role: "cadre",
      password: "sandi-kader-audit",
      kelurahanCode: KEL_A,
    });
    const { user } = UserResponse.parse(await created.json());
    const path = `/api/users/${user.id}`;
    expect((await call("PATCH", path, people.opA, { displayName: "Kader Audit Dua" })).status).toBe(200);
    const session = await createSession(env.db, user.id, "HP kader audit", clock);
    const tablet = await createSession(env.db, user.id, "Tablet kader audit", clock);
    expect((await call("DELETE", `${path}/sessions/${tablet.sessionId}`, people.opA)).status).toBe(204);
    expect((await call("POST", `${path}/password`, people.opA, { password: "sandi-yang-baru-1" })).status).toBe(204);
    expect((await call("POST", `${path}/disable`, people.admin)).status).toBe(200);
    expect((await call("POST", `${path}/enable`, people.admin)).status).toBe(200);

    const rows = await audit();
    expect(rows.map((row) => [row.action, row.actorId, row.actorRole, row.targetType, row.targetId])).toEqual([
      ["user.create", people.opA.id, "operator", "user", user.id],
      ["user.update", people.opA.id, "operator", "user", user.id],
      ["session.revoke", people.opA.id, "operator", "session", tablet.sessionId],
      ["user.reset-password", people.opA.id, "operator", "user", user.id],
      ["user.disable", people.admin.id, "admin", "user", user.id],
      ["user.enable", people.admin.id, "admin", "user", user.id],
    ]);
    expect(rows.every((row) => row.kecamatanCode === KEC_A && row.at === clock.toISOString())).toBe(true);

    const [create, update, revoke, reset, disable, enable] = rows;
    expect(create?.before).toBeNull();
    expect(create?.after).toEqual(user);
    expect(update?.before).toMatchObject({ displayName: "Kader Audit" });
    expect(update?.after).toMatchObject({ displayName: "Kader Audit Dua" });
    expect(revoke?.before).toEqual({ userId: user.id, deviceLabel: "Tablet kader audit", revokedAt: null });
    expect(revoke?.after).toEqual({
      userId: user.id,
      deviceLabel: "Tablet kader audit",
      revokedAt: clock.toISOString(),
    });
    // Only the phone's session was left to sign out.
    expect(reset?.before).toBeNull();
    expect(reset?.after).toEqual({ sessionsRevoked: 1 });
    expect(disable?.before).toMatchObject({ disabledAt: null });
    expect(disable?.after).toMatchObject({ disabledAt: clock.toISOString(), sessionsRevoked: 0 });
    expect(enable?.before).toMatchObject({ disabledAt: clock.toISOString() });
    expect(enable?.after).toMatchObject({ disabledAt: null });
    expect(session.sessionId).not.toBe(tablet.sessionId);

    // No password, hash or token anywhere in the log.
    const everything = JSON.stringify(rows);
    const [stored] = await env.db.select().from(users).where(eq(users.id, user.id));
    expect(stored?.passwordHash).toBeTruthy();
    expect(everything).not.toContain(stored?.passwordHash);
    expect(everything).not.toMatch(/sandi-kader-audit|sandi-yang-baru-1|passwordHash|"password"|tokenHash|scrypt\$/);
    expect(everything).not.toContain(session.token);
  });

  it("writes nothing for a refused or failed change", async () => {
    await call("PATCH", `/api/users/${people.cadreA.id}`, people.opB, { displayName: "Bukan urusan B" });
    await call("POST", `/api/users/${people.cadreA.id}/disable`, people.cadreA2);
    await call("POST", "/api/users", people.opA, {
      username: "kader.cakung",
      displayName: "Kembar",
      role: "cadre",
      password: "sandi-kader-kembar",
    });
    await call("PATCH", `/api/users/${people.cadreA.id}`, people.opA, { kelurahanCode: KEL_B });
    await call("DELETE", `/api/users/${people.cadreA.id}/sessions/${people.cadreB.sessionId}`, people.admin);
    await call("POST", `/api/users/${people.admin.id}/disable`, people.admin);
    expect(await audit()).toEqual([]);
  });

  it("files a move between kecamatan under both, so both offices see it", async () => {
    const moved = await call("PATCH", `/api/users/${people.cadreA.id}`, people.admin, {
      kecamatanCode: KEC_B,
      kelurahanCode: KEL_B,
    });
    expect(moved.status).toBe(200);
    const rows = await audit();
    expect(rows.map((row) => [row.action, row.kecamatanCode])).toEqual([
      ["user.update", KEC_A],
      ["user.update", KEC_B],
    ]);
    expect(rows[0]?.before).toMatchObject({ kecamatanCode: KEC_A, kelurahanCode: KEL_A });
    expect(rows[0]?.after).toMatchObject({ kecamatanCode: KEC_B, kelurahanCode: KEL_B });
    expect(rows[1]?.after).toEqual(rows[0]?.after);
  });
});

// ------------------------------------------------------------ activity

describe("a cadre's activity", () => {
  let seq = 0;

  async function application(
    cadreId: string,
    status: string,
    submitCount: number,
    guideId = "surat-keterangan-domisili",
  ) {
    const id = uuidv7();
    seq += 1;
    await env.db.insert(applications).values({
      id,
      cadreId,
      guideId,
      guideVersion: 1,
      content: {},
      status: status as "draft",
      version: 1,
      changeSeq: seq,
      submitCount,
      kecamatanCode: KEC_A,
      createdAt: clock.toISOString(),
      updatedAt: clock.toISOString(),
    });
    return id;
  }

  async function event(
    applicationId: string,
    kind: "submitted" | "received" | "verdict",
    status: string,
    minute: number,
  ) {
    await env.db.insert(applicationEvents).values({
      applicationId,
      kind,
      status,
      at: new Date(clock.getTime() + minute * 60_000).toISOString(),
      actorId: null,
      detail: null,
    });
  }

  async function activity(as: Person, id = people.cadreA.id) {
    return call("GET", `/api/users/${id}/activity`, as);
  }

  it("counts submissions and where they stand, and lists the latest events of the cadre's files only", async () => {
    const verified = await application(people.cadreA.id, "verified", 1);
    const sentBack = await application(people.cadreA.id, "needs-fix", 2, "surat-pengantar-skck");
    const waiting = await application(people.cadreA.id, "submitted", 1);
    await application(people.cadreA.id, "draft", 0);
    const others = await application(people.cadreA2.id, "rejected", 1);
    await event(verified, "submitted", "submitted", 1);
    await event(verified, "received", "received", 2);
    await event(verified, "verdict", "verified", 3);
    await event(sentBack, "submitted", "submitted", 4);
    await event(others, "verdict", "rejected", 5);
    await event(sentBack, "verdict", "needs-fix", 6);
    await event(waiting, "submitted", "bukan-status", 7);

    const body = CadreActivity.parse(await (await activity(people.opA)).json());
    expect(body.userId).toBe(people.cadreA.id);
    expect(body.submitted).toBe(3);
    expect(body.verdicts).toEqual({ verified: 1, "needs-fix": 1, submitted: 1 });
    expect(body.recent.map((e) => [e.kind, e.applicationId, e.guideId, e.status])).toEqual([
      ["submitted", waiting, "surat-keterangan-domisili", null],
      ["verdict", sentBack, "surat-pengantar-skck", "needs-fix"],
      ["submitted", sentBack, "surat-pengantar-skck", "submitted"],
      ["verdict", verified, "surat-keterangan-domisili", "verified"],
      ["received", verified, "surat-keterangan-domisili", "received"],
      ["submitted", verified, "surat-keterangan-domisili", "submitted"],
    ]);
    expect(body.recent[0]?.at).toBe(new Date(clock.getTime() + 7 * 60_000).toISOString());
  });

  it("shows the latest 20 events, and nothing for a cadre who has done nothing", async () => {
    const id = await application(people.cadreA.id, "submitted", 1);
    for (let minute = 1; minute <= 25; minute++) await event(id, "submitted", "submitted", minute);
    const body = CadreActivity.parse(await (await activity(people.admin)).json());
    expect(body.recent).toHaveLength(20);
    expect(body.recent[0]?.at).toBe(new Date(clock.getTime() + 25 * 60_000).toISOString());
    expect(body.recent.at(-1)?.at).toBe(new Date(clock.getTime() + 6 * 60_000).toISOString());

    const idle = CadreActivity.parse(await (await activity(people.opA, people.cadreA2.id)).json());
    expect(idle).toEqual({ userId: people.cadreA2.id, submitted: 0, verdicts: {}, recent: [] });
  });

  it("is scoped like the other user routes", async () => {
    await application(people.cadreA.id, "submitted", 1);
    expect((await activity(people.opA)).status).toBe(200);
    expect((await activity(people.admin)).status).toBe(200);
    const foreign = await activity(people.opB);
    expect(foreign.status).toBe(404);
    expect(await errorCode(foreign)).toBe("user_not_found");
    expect((await activity(people.opB, people.cadreB.id)).status).toBe(200);
    expect((await activity(people.cadreA)).status).toBe(403);
    expect((await call("GET", `/api/users/${people.cadreA.id}/activity`)).status).toBe(401);
    expect((await activity(people.opA, uuidv7())).status).toBe(404);
  });
});
