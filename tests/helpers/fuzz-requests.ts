/**
 * Malformed requests for the server fuzz test (tests/server/fuzz.test.ts),
 * from a seeded generator: the same seed gives the same requests, so a
 * failure can be replayed with FUZZ_SEED.
 *
 * Every request that could write (anything but GET and HEAD) carries at
 * least one defect that must make the server refuse it whoever sends it
 * (a forged origin, a wrong Content-Type, a broken body, a missing session
 * or an id that does not exist), so the database must come out unchanged.
 * Other defects are layered on at random to reach deeper into the handlers.
 */
import { seededRandom } from "./seeded-random";

export { seededRandom };

export type Actor = "anonymous" | "cadre" | "operator" | "admin";
export const ACTORS: Actor[] = ["anonymous", "cadre", "operator", "admin"];

/** A route as Hono lists it in `app.routes`. */
export interface RouteEntry {
  method: string;
  path: string;
}

/** What the generator knows of a route beyond its method and path. */
export interface RouteHint {
  /** A body the route would accept, to be broken field by field. */
  body?: Record<string, unknown>;
  /** The fields of `body` the schema requires (a wrong type there always refuses). */
  required?: string[];
  /** Query parameters the route reads, with a good value each. */
  query?: Record<string, string>;
  /** An unknown id in the path is not a refusal here: the route creates what it names. */
  createsById?: boolean;
  /** Anyone may call it without a session (sign-in, sign-out). */
  anonymous?: boolean;
  /** Even a well-formed request cannot succeed here (no password in the fuzzed database is real). */
  cannotSucceed?: boolean;
}

/** Things that exist in the fuzzed database, so some requests name them. */
export interface KnownIds {
  applicationId: string;
  userId: string;
  sessionId: string;
  guideId: string;
  sha256: string;
  username: string;
}

export interface FuzzRequest {
  /** The route this request was generated for ("METHOD path" as in app.routes). */
  route: string;
  actor: Actor;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  /** Short names of the defects, for the failure message. */
  defects: string[];
}

const ORIGIN = "http://localhost";

let huge: string | undefined;
/** Over every route's byte limit; built once, it is the same string each time. */
function hugeBody(): string {
  huge ??= `{"x":"${"a".repeat(12 * 1024 * 1024)}"}`;
  return huge;
}
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];
const ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export class FuzzGenerator {
  constructor(
    private readonly random: () => number,
    private readonly ids: KnownIds,
    private readonly cookies: Record<Actor, string | null>,
  ) {}

  private int(max: number): number {
    return Math.floor(this.random() * max);
  }
  private chance(p: number): boolean {
    return this.random() < p;
  }
  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Values of the wrong type, or of the right type but absurd. */
  private wrongValue(): unknown {
    return this.pick<() => unknown>([
      () => null,
      () => true,
      () => -1,
      () => 1e308,
      () => Number.MAX_SAFE_INTEGER + 2,
      () => 0.5,
      () => "",
      () => " ",
      () => "x".repeat(1000 + this.int(20_000)),
      () => "\u0000\ud800<script>",
      () => "../../etc/passwd",
      () => [],
      () => [1, "a", null],
      () => ({}),
      () => ({ nested: { deeper: [null] } }),
      () => "2026-02-30",
      () => "💥".repeat(300),
    ])();
  }

  /** A path parameter that names nothing, or tries to escape. */
  private badParam(): string {
    return this.pick<() => string>([
      () => "019a0000-0000-7000-8000-000000000000",
      () => "00000000-0000-0000-0000-000000000000",
      () => "..%2f..%2f..%2fetc%2fpasswd",
      () => "%2e%2e%2f%2e%2e%2fmasdarin.sqlite",
      () => "..",
      () => "%00",
      () => "a".repeat(3000 + this.int(10_000)),
      () => "%F0%9F%92%A5",
      () => "%ZZ",
      () => "0".repeat(64),
      () => "f".repeat(32),
      () => "guide-yang-tidak-ada",
      () => "surat-keterangan-domisili%2f..%2fdraft",
      () => "-1",
      () => "1e309",
      () => "%20",
    ])();
  }

  private realParam(name: string): string {
    if (name === "sha256" || name === "hash") return this.ids.sha256;
    if (name === "sessionId") return this.ids.sessionId;
    if (name === "file") return this.pick(["by-cadre.csv", "by-kecamatan.csv", "by-guide.csv", "x.csv"]);
    return this.pick([this.ids.applicationId, this.ids.userId, this.ids.sessionId, this.ids.guideId]);
  }

  private fillPath(path: string, real: boolean): string {
    let filled = path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, (_, name: string) =>
      real ? this.realParam(name) : this.badParam(),
    );
    // A trailing wildcard: a random tail, sometimes with traversal.
    // A trailing wildcard: a random tail, sometimes with traversal; never empty when it stands for an unknown id,
    // or "/api/users/*" would become "/api/users" itself.
    filled = filled.replace(/\/\*$/, () =>
      this.pick([
        ...(real ? ["", "/"] : []),
        `/${this.badParam()}`,
        "/../../../etc/passwd",
        `/${this.badParam()}/${this.badParam()}`,
      ]),
    );
    return filled;
  }

  private query(hint: RouteHint | undefined): string {
    const pairs: string[] = [];
    const known = Object.entries(hint?.query ?? {});
    for (const [name, value] of known) if (this.chance(0.4)) pairs.push(`${name}=${encodeURIComponent(value)}`);
    const count = this.int(4);
    for (let i = 0; i < count; i++) {
      const name =
        known.length > 0 && this.chance(0.6) ? this.pick(known)[0] : this.pick(["x", "q", "limit", "cursor"]);
      const value = this.pick<() => string>([
        () => "99999999999999999999999",
        () => "-1",
        () => "1e309",
        () => "NaN",
        () => "",
        () => "0",
        () => "%00",
        () => "a".repeat(5000 + this.int(5000)),
        () => "..%2f..%2f",
        () => "2026-13-45",
        () => "%E0%A4%A",
        () => "__proto__",
      ])();
      pairs.push(`${name}=${value}`);
      if (this.chance(0.3)) pairs.push(`${name}=${value}`);
    }
    if (this.chance(0.05)) pairs.push("__proto__[x]=1", "constructor=1");
    return pairs.length > 0 ? `?${pairs.join("&")}` : "";
  }

  /** A body that no JSON route can accept. */
  private brokenBody(hint: RouteHint | undefined): { body: string | Uint8Array<ArrayBuffer>; defect: string } {
    const base = hint?.body ?? { value: "x" };
    return this.pick<() => { body: string | Uint8Array<ArrayBuffer>; defect: string }>([
      () => ({ body: "", defect: "empty body" }),
      () => ({ body: "{", defect: "truncated JSON" }),
      () => ({ body: "{'a':1}", defect: "not JSON" }),
      () => ({ body: "nul", defect: "not JSON" }),
      () => ({ body: `${JSON.stringify(base)}x`, defect: "trailing garbage" }),
      () => {
        const depth = 65 + this.int(6000);
        const open = this.chance(0.5) ? '{"a":' : "[";
        const close = open === "[" ? "]" : "}";
        return { body: `${open.repeat(depth)}1${close.repeat(depth)}`, defect: `nested ${depth} deep` };
      },
      () => {
        const depth = 65 + this.int(5000);
        const [key] = Object.keys(base);
        const deep = `${"[".repeat(depth)}${"]".repeat(depth)}`;
        // The other fields after it, but not the field itself again: a repeated key's last value wins in JSON.parse.
        const { [key ?? "a"]: _replaced, ...others } = base;
        const rest = JSON.stringify(others).slice(1);
        return { body: `{"${key ?? "a"}":${deep}${rest.length > 1 ? `,${rest}` : "}"}`, defect: "deep field" };
      },
      () => ({ body: `{"__proto__":{"admin":true},${JSON.stringify(base).slice(1)}`, defect: "__proto__ key" }),
      () => ({ body: `{"constructor":{"prototype":{"x":1}}}`, defect: "constructor key" }),
      () => ({ body: JSON.stringify(this.pick([null, 1, "s", [], [base], true])), defect: "wrong top-level type" }),
      () => ({ body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), defect: "not UTF-8" }),
      () => ({ body: `\ufeff\ufeff${JSON.stringify(base)}`, defect: "double BOM" }),
      () => {
        const required = hint?.required ?? [];
        if (required.length === 0) return { body: "[]", defect: "array body" };
        const broken: Record<string, unknown> = { ...base };
        for (const field of required) broken[field] = this.wrongTypeFor(base[field]);
        return { body: JSON.stringify(broken), defect: "required fields of the wrong type" };
      },
      () => ({ body: hugeBody(), defect: "12 MB body" }),
    ])();
  }

  /** A value certainly of another JSON type than `value`. */
  private wrongTypeFor(value: unknown): unknown {
    if (typeof value === "string") return this.pick([12, null, [value], { value }, true]);
    if (typeof value === "number") return this.pick([String(value), null, [value], {}, false]);
    if (typeof value === "boolean") return this.pick(["true", 1, null, []]);
    if (Array.isArray(value)) return this.pick(["[]", 1, null, {}]);
    if (value && typeof value === "object") return this.pick(["{}", 1, null, [value]]);
    return this.pick([{}, [], 1, "x"]);
  }

  /** A body of the right shape with some fields broken (may or may not be refused). */
  private mangledBody(hint: RouteHint | undefined): string {
    const body: Record<string, unknown> = { ...(hint?.body ?? {}) };
    for (const key of Object.keys(body)) if (this.chance(0.4)) body[key] = this.wrongValue();
    if (this.chance(0.3)) body[this.pick(["extra", "id", "role", "userId", "status"])] = this.wrongValue();
    if (this.chance(0.2)) delete body[this.pick(Object.keys(body).concat("none"))];
    return JSON.stringify(body);
  }

  private cookie(actor: Actor): { cookie: string | undefined; defect?: string } {
    const own = this.cookies[actor] ?? undefined;
    if (!this.chance(0.15)) return { cookie: own };
    return this.pick<() => { cookie: string | undefined; defect?: string }>([
      () => ({ cookie: "masdarin_session=forged-token", defect: "forged session" }),
      () => ({ cookie: `masdarin_session=${"A".repeat(8000)}`, defect: "overlong session cookie" }),
      () => ({ cookie: "masdarin_session=", defect: "empty session cookie" }),
      () => ({ cookie: "masdarin_session=%E0%A4%A; a=b", defect: "broken cookie encoding" }),
      () => ({ cookie: `masdarin_session=forged; ${own ?? ""}`, defect: "two session cookies" }),
      () => ({ cookie: `${own ?? ""}; masdarin_session=forged`, defect: "two session cookies" }),
      () => ({ cookie: ";;==;;", defect: "cookie syntax" }),
      () => ({ cookie: `${own ?? ""}; ${"x".repeat(200)}=${"y".repeat(5000)}`, defect: "huge extra cookie" }),
    ])();
  }

  private tusHeaders(headers: Record<string, string>, defects: string[]): void {
    if (this.chance(0.7)) headers["Tus-Resumable"] = this.pick(["1.0.0", "1.0.0", "0.2.2", "", "9.9.9"]);
    if (this.chance(0.5))
      headers["Upload-Length"] = this.pick(["-1", "1e20", "abc", "99999999999999999999", "6291457", "100", ""]);
    if (this.chance(0.4)) {
      headers["Upload-Metadata"] = this.pick([
        "sha256 !!!notbase64,mime aW1hZ2Uvd2VicA==",
        `sha256 ${Buffer.from("../../etc").toString("base64")},mime ${Buffer.from("text/html").toString("base64")}`,
        "sha256",
        ",,,,",
        "a ".repeat(2000),
        `owner ${Buffer.from("someone-else").toString("base64")}`,
      ]);
    }
    if (this.chance(0.2)) headers["Upload-Offset"] = this.pick(["-5", "abc", "1e30", "0"]);
    if (this.chance(0.15)) headers["Upload-Concat"] = this.pick(["partial", "final;/api/files/tus/a /api/files/tus/b"]);
    if (this.chance(0.1)) headers["Upload-Defer-Length"] = this.pick(["1", "0", "x"]);
    if (this.chance(0.1)) headers["X-HTTP-Method-Override"] = this.pick(["DELETE", "PATCH", "GET"]);
    if (this.chance(0.3)) headers["Content-Type"] = this.pick(["application/offset+octet-stream", "text/plain"]);
    defects.push("tus headers");
  }

  /** Headers no tus request can succeed with: a wrong protocol version, or a creation that cannot be stored. */
  private brokenTus(headers: Record<string, string>, defects: string[]): void {
    this.pick<() => void>([
      () => {
        headers["Tus-Resumable"] = this.pick(["0.2.2", "", "1.0", "1.0.0, 1.0.0"]);
        defects.push("wrong Tus-Resumable");
      },
      () => {
        headers["Tus-Resumable"] = "1.0.0";
        headers["Upload-Length"] = this.pick([
          "-1",
          "abc",
          "1e20",
          "99999999999999999999",
          String(6 * 1024 * 1024 + 1),
        ]);
        defects.push("bad Upload-Length");
      },
      () => {
        headers["Tus-Resumable"] = "1.0.0";
        headers["Upload-Length"] = "2000";
        headers["Upload-Metadata"] = this.pick([
          "",
          `mime ${Buffer.from("image/webp").toString("base64")}`,
          `sha256 ${Buffer.from("0".repeat(63)).toString("base64")},mime ${Buffer.from("image/webp").toString("base64")}`,
          `sha256 ${Buffer.from("a".repeat(64)).toString("base64")},mime ${Buffer.from("text/html").toString("base64")}`,
          "sha256 ****,mime ****",
        ]);
        defects.push("bad Upload-Metadata");
      },
      () => {
        headers["Tus-Resumable"] = "1.0.0";
        headers["Upload-Concat"] = this.pick(["partial", "final;/api/files/tus/a /api/files/tus/b", "x"]);
        headers["Upload-Length"] = "2000";
        defects.push("Upload-Concat");
      },
      () => {
        headers["Tus-Resumable"] = "1.0.0";
        headers["Upload-Defer-Length"] = this.pick(["1", "0", "x"]);
        defects.push("Upload-Defer-Length");
      },
    ])();
  }

  next(routes: RouteEntry[], hints: Record<string, RouteHint>): FuzzRequest {
    const route = this.pick(routes);
    const key = `${route.method} ${route.path}`;
    const hint = hints[key];
    // Mostly the role the route is for, so requests get past its guard; any role now and then.
    const intended: Actor[] =
      route.path.startsWith("/api/files") || route.path.startsWith("/api/sync")
        ? ["cadre"]
        : route.path.startsWith("/api/console") || route.path.startsWith("/api/users")
          ? ["operator", "admin"]
          : ACTORS;
    const actor = this.chance(0.6) ? this.pick(intended) : this.pick(ACTORS);
    const method =
      route.method === "ALL"
        ? this.pick(ALL_METHODS)
        : route.method === "GET" && this.chance(0.15)
          ? "HEAD"
          : route.method;
    const writes = WRITE_METHODS.includes(method) || !["GET", "HEAD"].includes(method);
    const isFiles = route.path.startsWith("/api/files");
    const hasParams = /:[A-Za-z]|\*$/.test(route.path);
    const defects: string[] = [];
    const headers: Record<string, string> = {};

    // The defect that must refuse a write, whoever sends it.
    type Refusal = "csrf" | "content-type" | "body" | "no-session" | "unknown-id" | "tus";
    const refusals: Refusal[] = ["csrf"];
    if (!isFiles) refusals.push("content-type");
    if (hint?.body) refusals.push("body");
    if (!hint?.anonymous) refusals.push("no-session");
    if (hasParams && !hint?.createsById) refusals.push("unknown-id");
    // A tus request refused for its protocol headers, so uploads are reached by signed-in cadres too.
    if (isFiles && route.path.includes("/tus")) refusals.push("tus");
    // The refusals past the front door weigh more, so most requests reach the handlers.
    const weighted = refusals.flatMap((r) =>
      r === "csrf" || r === "content-type" || r === "no-session" ? [r] : [r, r, r],
    );
    const refusal: Refusal | null = writes && !(hint?.cannotSucceed && this.chance(0.5)) ? this.pick(weighted) : null;

    // Names: something real only when the request is refused for another reason (or cannot write).
    const realIds = refusal !== "unknown-id" && (writes ? refusal !== null : true) && this.chance(0.4);
    let path = this.fillPath(route.path, realIds);
    if (!realIds && hasParams) defects.push("unknown or hostile id");
    if (!route.path.startsWith("/api")) path = this.pick(["/", "/index.html", "/..%2f..%2fetc/passwd", path]);
    const url = `${ORIGIN}${path}${this.query(hint)}`;

    const session = this.cookie(refusal === "no-session" ? "anonymous" : actor);
    if (refusal === "no-session" && this.chance(0.5)) {
      session.cookie = this.pick(["masdarin_session=forged-token", "masdarin_session=", undefined]);
    }
    if (session.cookie !== undefined) headers.Cookie = session.cookie;
    if (session.defect) defects.push(session.defect);
    if (refusal === "no-session") defects.push("no valid session");

    // Origin and Sec-Fetch-Site: forged for the refusal, otherwise at random (own origin passes).
    if (refusal === "csrf") {
      if (this.chance(0.5))
        headers.Origin = this.pick(["https://evil.example", "null", "http://localhost.evil.example"]);
      else headers["Sec-Fetch-Site"] = this.pick(["cross-site", "same-site", "CROSS-SITE"]);
      defects.push("forged origin");
    } else if (this.chance(0.2)) {
      headers.Origin = this.pick([ORIGIN, "http://LOCALHOST"]);
      if (this.chance(0.5)) headers["Sec-Fetch-Site"] = this.pick(["same-origin", "none"]);
    }
    if (this.chance(0.1)) headers["X-Forwarded-Proto"] = this.pick(["https", "gopher", "http, https"]);
    if (this.chance(0.1)) headers["X-Forwarded-For"] = this.pick(["1.2.3.4", "::1, 10.0.0.1", "not-an-ip", ""]);
    if (this.chance(0.1)) headers["Accept-Language"] = this.pick(["en", "xx-YY;q=abc", "*", "en".repeat(2000)]);
    if (this.chance(0.05)) headers["Accept-Encoding"] = this.pick(["gzip", "br, deflate;q=0", "*;q=x"]);
    if (this.chance(0.05)) headers["If-None-Match"] = this.pick(['W/"x"', "*", '"'.repeat(100)]);

    if (isFiles) this.tusHeaders(headers, defects);
    if (refusal === "tus") this.brokenTus(headers, defects);

    if (method !== "GET" && method !== "HEAD") {
      if (refusal === "content-type") {
        const wrong = this.pick([
          undefined,
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/jsonx",
          "json",
          "application/json-patch+json",
        ]);
        if (wrong) headers["Content-Type"] = wrong;
        defects.push(`content type ${wrong ?? "missing"}`);
      } else if (!isFiles || this.chance(0.3)) {
        headers["Content-Type"] = this.pick([
          "application/json",
          "application/json; charset=utf-8",
          "Application/JSON",
          "application/json; charset=utf-16",
          "application/json;;;",
        ]);
      }
      let body: string | Uint8Array<ArrayBuffer> | undefined;
      if (refusal === "body" || this.chance(0.5)) {
        const broken = this.brokenBody(hint);
        body = broken.body;
        defects.push(broken.defect);
      } else if (this.chance(0.8)) {
        body = this.mangledBody(hint);
        defects.push("mangled fields");
      }
      if (body !== undefined && this.chance(0.05)) {
        headers["Content-Length"] = this.pick(["99999999999", "-1", "abc", "0"]);
        defects.push("lying Content-Length");
      }
      return { route: key, actor, method, url, headers, ...(body === undefined ? {} : { body }), defects };
    }
    return { route: key, actor, method, url, headers, defects };
  }
}

/** Good inputs of each route, for the generator to break (keys are "METHOD path" as in app.routes). */
export function routeHints(ids: KnownIds): Record<string, RouteHint> {
  const draft = { id: "izin-fuzz", title: { id: "Izin uji", en: "Trial permit" } };
  return {
    "POST /api/auth/login": {
      body: { username: ids.username, password: "kata-sandi-salah-1", deviceLabel: "HP uji" },
      required: ["username", "password"],
      anonymous: true,
      cannotSucceed: true,
    },
    // Without a session, signing out changes nothing: "no session" is a refusal like the others here.
    "POST /api/auth/logout": {},
    "POST /api/users": {
      body: { username: "kader.fuzz", displayName: "Kader Fuzz", role: "cadre", password: "kata-sandi-panjang-1" },
      required: ["username", "displayName", "role", "password"],
    },
    "GET /api/users": { query: { q: "kader", role: "cadre", status: "active" } },
    "PATCH /api/users/:id": { body: { displayName: "Nama Baru" } },
    "POST /api/users/:id/password": { body: { password: "kata-sandi-baru-123" }, required: ["password"] },
    "GET /api/guides": { query: { since: "abc", locale: "id" } },
    "POST /api/sync/push": {
      body: { clientId: "019a0000-0000-7000-8000-000000000001", mutations: [] },
      required: ["clientId", "mutations"],
    },
    "GET /api/sync/pull": { query: { cursor: "0", clientId: "019a0000-0000-7000-8000-000000000001", limit: "50" } },
    "GET /api/console/applications": { query: { status: "submitted", cursor: "x", limit: "20", guideId: ids.guideId } },
    "POST /api/console/applications/search": { body: { q: "Siti" } },
    "POST /api/console/applications/:id/receive": { body: { expectedVersion: 1 }, required: ["expectedVersion"] },
    "POST /api/console/applications/:id/verdict": {
      body: { expectedVersion: 1, decision: "verified", requirements: {} },
      required: ["expectedVersion", "decision"],
    },
    "GET /api/console/dashboard": { query: { from: "2026-01-01", to: "2026-12-31", kecamatanCode: "31.75.07" } },
    "GET /api/console/dashboard/:file": { query: { from: "2026-01-01", sep: ";" } },
    "POST /api/console/guides/import": {
      body: { guides: [draft], changeNote: "Impor uji" },
      required: ["guides", "changeNote"],
    },
    "PUT /api/console/guides/:id/draft": { body: { draft }, required: ["draft"], createsById: true },
    "POST /api/console/guides/:id/publish": {
      body: { changeNote: "Perubahan uji", expectedVersion: 1 },
      required: ["changeNote", "expectedVersion"],
    },
    "GET /api/console/audit": { query: { actorId: ids.userId, action: "user.create", cursor: "x", limit: "10" } },
    "GET /api/console/audit/export.csv": { query: { sep: ";", actorId: ids.userId } },
    "POST /api/console/calendar/days": {
      body: { date: "2027-03-10", kind: "closure", name: "Kantor tutup: uji", source: "SK Camat Nomor 1 Tahun 2027" },
      required: ["date", "kind", "name", "source"],
    },
    "POST /api/console/skm/follow-ups": {
      body: {
        period: "2026-S2",
        elementId: "U3",
        action: "Tambah loket sore",
        owner: "Kasi Pelayanan",
        dueDate: "2027-01-31",
      },
      required: ["period", "elementId", "action", "owner", "dueDate"],
    },
    "PUT /api/console/calendar/settings": {
      body: { jointLeaveIsWorkingDay: true },
      required: ["jointLeaveIsWorkingDay"],
    },
    "PUT /api/console/privacy/settings": {
      body: { lockMinutes: 5, pinAttempts: 10, phoneRetentionDays: 30, closedFileRetentionDays: 3650 },
      required: ["lockMinutes", "pinAttempts", "phoneRetentionDays", "closedFileRetentionDays"],
    },
    "POST /api/console/privacy/retention/run": { body: {} },
  };
}
