import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "../../shared/api/catalogue";
import { Draft } from "../../shared/draft";
import { jakartaDate } from "../../shared/jakarta-time";
import { type Mutation, PullResponse, PushResponse } from "../../shared/sync/protocol";
import { mutation, readyDraft } from "../helpers/drafts";
import { padded, plainImage } from "../helpers/images";
import { createTestDatabase, postgresBinaries, startPostgres, type TestPostgres } from "../helpers/postgres";
import { runCli, type ServerProcess, signIn, startServerProcess } from "../helpers/server-process";

/*
 * Issue 16, the multi-instance test: three real server processes
 * (server/main.ts) on their own loopback ports share ONE PostgreSQL database
 * (a throw-away cluster of this file's own) and ONE photo store (DATA_DIR, so
 * DATA_DIR/files, is the shared volume). Six phones of three cadres (two
 * each, so a phone's pulls bring its sibling's changes, written at the same
 * time through other instances), signed in through the HTTP API, push,
 * upload over tus and pull, each request to the next instance in turn. After N acknowledged pushes one instance is killed with SIGKILL
 * while it has pushes inside open transactions (held at the change counter's
 * row lock, seen in pg_stat_activity) and an upload in the middle of its body
 * (its first bytes on the shared disk). The cadres then do what the phone
 * does: a push that got no answer is sent again, unchanged (same clientId,
 * seqs and mutation ids), to another instance; an upload that got no answer
 * is asked for its offset (HEAD) through another instance and the rest is
 * sent from there (PATCH).
 * At the end, from the database and the store themselves:
 * - every mutation applied exactly once, in seq order per client (the
 *   `mutations` table holds seqs 1..n with the ids sent, each once; every
 *   draft's version counts its mutations; one "created" and one "submitted"
 *   event per draft);
 * - no pull skipped a change: each cadre's chain of incremental pulls (small
 *   pages, from whichever instance was next) ends with the same view as a
 *   pull from cursor 0, which is the database's;
 * - every photo is stored once under its SHA-256 (one file per hash, the
 *   same bytes, one `files` row; the photo two cadres both sent has both as
 *   holders), nothing half-written is left in incoming/.
 * Everything waited for is an event (a health answer, a lock wait in
 * pg_stat_activity, bytes on disk, a process exit), never a fixed delay.
 * Runs in the ordinary suite (it starts its own cluster), so
 * vitest.postgres.config.ts leaves it out.
 */

const installed = postgresBinaries() !== undefined;

/** Phones; phone i belongs to cadre account i % ACCOUNTS. */
const CADRES = 6;
const ACCOUNTS = 3;
const DRAFTS_PER_CADRE = 2;
/** Per draft: one push of two saves, then per page an upload and a push of one save, then the submit. */
const PAGES = ["pengantar-rt-rw", "ktp-el", "kartu-keluarga"] as const;
const PUSHES_PER_DRAFT = 1 + PAGES.length + 1;
const MUTATIONS_PER_DRAFT = 2 + PAGES.length + 1;
const TOTAL_PUSHES = CADRES * DRAFTS_PER_CADRE * PUSHES_PER_DRAFT;
/** The kill is armed after this many acknowledged pushes (a third of them). */
const ARM_AFTER_PUSHES = Math.floor(TOTAL_PUSHES / 3);
const PHOTO_BYTES = 120_000;
const ADMIN = { username: "admin-uji", password: "sandi-admin-uji-multi-1" };
const CADRE_PASSWORD = "sandi-kader-uji-multi-1";
const KECAMATAN = "31.75.07";
const TUS = "/api/files/tus/";

type Bytes = Uint8Array<ArrayBuffer>;
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const b64 = (text: string) => Buffer.from(text).toString("base64");
/** Only between two looks at a state that is itself the event (a lock wait, a file's size). */
const tick = () => new Promise((done) => setTimeout(done, 25));
/** A number as a capital letter: an applicant's name may hold letters only. */
const letter = (n: number) => String.fromCharCode(65 + n);
const nameOf = (phone: number, draft: number, revision: number) =>
  `Warga ${letter(phone)} ${letter(draft)} Rev ${letter(revision)}`;

interface Photo {
  bytes: Bytes;
  sha256: string;
  /** Phones that upload these bytes (two for the photo shared by a pair). */
  senders: number[];
}

/** One phone: its own session, install (clientId) and drafts; `id` is its cadre account's. */
interface Cadre {
  index: number;
  id: string;
  username: string;
  cookie: string;
  clientId: string;
  /** Round-robin position over the instances. */
  turn: number;
  done: boolean;
  /** Every mutation in seq order, as sent. */
  sent: Mutation[];
  /** mutationId → the status of its first acknowledgement. */
  acks: Map<string, string>;
  cursor: string;
  pulls: number;
  /** application id → version and status, as the incremental pulls left it. */
  seen: Map<string, { version: number; status: string }>;
}

interface InFlight {
  cadre: number;
  server: ServerProcess;
  kind: "push" | "pull" | "create" | "patch" | "head";
  stalled: boolean;
}

interface Stall {
  cadre: number;
  uploadId: string;
  /** Where the stalled PATCH began, and the bytes it sent before it stopped sending. */
  from: number;
  sent: number;
}

let cluster: TestPostgres | undefined;
let databaseUrl = "";
let dataDir = "";
let staticDir = "";
const servers: ServerProcess[] = [];
const timings: Record<string, number> = {};

function instanceUrl(name: string): string {
  const url = new URL(databaseUrl);
  // So pg_stat_activity tells each instance's backends apart.
  url.searchParams.set("application_name", `masdarin-${name}`);
  return url.toString();
}

function environment(name: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: instanceUrl(name),
    DATA_DIR: dataDir,
    STATIC_DIR: staticDir,
    MASDARIN_ADMIN_PASSWORD: ADMIN.password,
  };
  return env;
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (!installed) return;
  const started = performance.now();
  cluster = await startPostgres();
  databaseUrl = await createTestDatabase(undefined, cluster.url);
  // The shared volume: every instance's DATA_DIR, so its files/ is the one photo store.
  dataDir = mkdtempSync(join(tmpdir(), "masdarin-multi-"));
  // A stand-in for the built PWA: this test speaks to the API only.
  staticDir = mkdtempSync(join(tmpdir(), "masdarin-multi-static-"));
  writeFileSync(join(staticDir, "index.html"), "<!doctype html><html><body></body></html>\n");
  timings.cluster = performance.now() - started;

  // All at once on an empty database, as after a fresh install: the admin CLI and the three instances each
  // migrate and seed (calendar, tracking backfill, guide catalogue) under the preparation lock
  // (server/db/connection.ts whilePreparing), so each step is done once and none fails on a duplicate.
  const [, ...instances] = await Promise.all([
    runCli("server/cli/admin.ts", ["create-admin", "--username", ADMIN.username, "--name", "Admin Uji"], {
      ...environment("cli"),
    }),
    ...["a", "b", "c"].map((name) => startServerProcess({ name, env: environment(name) })),
  ]);
  servers.push(...(instances as ServerProcess[]));
  timings.startup = performance.now() - started;
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop().catch(() => undefined)));
  await cluster?.stop();
  for (const dir of [dataDir, staticDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!installed)("three app servers on one PostgreSQL and one photo store", () => {
  it("loses nothing and doubles nothing when one is killed (SIGKILL) mid-push and mid-upload", async () => {
    const [a, victim, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const workStarted = performance.now();

    // Accounts: the admin (made by the CLI) signs in on one instance and creates the cadres on another;
    // the phones sign in on all three, and every instance takes every session: they live in the database.
    const adminCookie = await signIn(a, ADMIN.username, ADMIN.password);
    const accounts: { id: string; username: string }[] = [];
    for (let index = 0; index < ACCOUNTS; index++) {
      const username = `kader-uji-${index}`;
      const created = await fetch(`${victim.base}/api/users`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: adminCookie },
        body: JSON.stringify({
          username,
          displayName: `Kader Uji ${index}`,
          role: "cadre",
          password: CADRE_PASSWORD,
          kecamatanCode: KECAMATAN,
        }),
      });
      expect(created.status, await created.clone().text()).toBe(201);
      const { user } = (await created.json()) as { user: { id: string } };
      accounts.push({ id: user.id, username });
    }
    const cadres: Cadre[] = [];
    for (let index = 0; index < CADRES; index++) {
      const { id, username } = accounts[index % ACCOUNTS] as { id: string; username: string };
      cadres.push({
        index,
        id,
        username,
        cookie: await signIn(servers[index % 3] as ServerProcess, username, CADRE_PASSWORD),
        clientId: uuidv7(),
        turn: index,
        done: false,
        sent: [],
        acks: new Map(),
        cursor: encodeCursor(0),
        pulls: 0,
        seen: new Map(),
      });
    }

    // Photos: one per page, each its own bytes (a real 1600 × 1200 JPEG plus random trailing bytes), except
    // the family card of the first draft of phones 0 and 1, 2 and 3, 4 and 5 (each pair two cadres), which
    // both photograph: stored once, held by both.
    const picture = await plainImage(1600, 1200, "jpeg");
    const photo = (senders: number[]): Photo => {
      const bytes = padded(picture, PHOTO_BYTES);
      return { bytes, sha256: sha256(bytes), senders };
    };
    const photos: Photo[] = [];
    const pagesOf = new Map<string, Photo>(); // `${cadre}:${draft}:${page}`
    for (let index = 0; index < CADRES; index += 2) {
      const shared = photo([index, index + 1]);
      photos.push(shared);
      pagesOf.set(`${index}:0:kartu-keluarga`, shared);
      pagesOf.set(`${index + 1}:0:kartu-keluarga`, shared);
    }
    for (let index = 0; index < CADRES; index++) {
      for (let d = 0; d < DRAFTS_PER_CADRE; d++) {
        for (const page of PAGES) {
          if (pagesOf.has(`${index}:${d}:${page}`)) continue;
          const own = photo([index]);
          photos.push(own);
          pagesOf.set(`${index}:${d}:${page}`, own);
        }
      }
    }
    /** A page the orchestrator has a cadre send if no upload of the workload is caught by the kill. */
    const extra = photo([0]);

    // ---- Routing, in-flight bookkeeping and the kill ----
    let phase: "before" | "armed" | "after" = "before";
    const alive = () => servers.filter((server) => server.alive && !(phase === "after" && server === victim));
    const route = (cadre: Cadre): ServerProcess => {
      if (phase === "armed") return victim;
      const candidates = alive();
      cadre.turn += 1;
      return candidates[cadre.turn % candidates.length] as ServerProcess;
    };
    const inFlight = new Set<InFlight>();
    const requestsPerInstance = new Map<string, number>();
    const unanswered: { cadre: number; kind: InFlight["kind"]; server: string }[] = [];
    const stalls: Stall[] = [];
    const resumes: { cadre: number; uploadId: string; offset: number }[] = [];
    let releaseStalls!: () => void;
    const killed = new Promise<void>((done) => {
      releaseStalls = done;
    });
    let ackedPushes = 0;
    let arm!: () => void;
    const armed = new Promise<void>((done) => {
      arm = done;
    });

    /** One request, tracked; a TypeError from fetch (no answer: reset, refused) is returned as "no answer". */
    async function once(
      cadre: Cadre,
      kind: InFlight["kind"],
      server: ServerProcess,
      send: (server: ServerProcess, entry: InFlight) => Promise<Response>,
    ): Promise<Response | "no answer"> {
      const entry: InFlight = { cadre: cadre.index, server, kind, stalled: false };
      inFlight.add(entry);
      requestsPerInstance.set(server.name, (requestsPerInstance.get(server.name) ?? 0) + 1);
      try {
        return await send(server, entry);
      } catch (error) {
        // A stalled upload's request may also fail through its own body, ended once the server is gone.
        if (!(error instanceof TypeError) && !entry.stalled) throw error;
        unanswered.push({ cadre: cadre.index, kind, server: server.name });
        return "no answer";
      } finally {
        inFlight.delete(entry);
      }
    }

    /** As the phone: a request that got no answer is sent again, unchanged, and reaches another instance. */
    async function withRetry(
      cadre: Cadre,
      kind: InFlight["kind"],
      send: (server: ServerProcess, entry: InFlight) => Promise<Response>,
    ): Promise<Response> {
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await once(cadre, kind, route(cadre), send);
        if (response !== "no answer") return response;
      }
      throw new Error(`cadre ${cadre.index}: no instance answered a ${kind}`);
    }

    async function push(cadre: Cadre, batch: Mutation[]): Promise<void> {
      cadre.sent.push(...batch);
      const body = JSON.stringify({ clientId: cadre.clientId, mutations: batch });
      const response = await withRetry(cadre, "push", (server) =>
        fetch(`${server.base}/api/sync/push`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
          body,
        }),
      );
      const text = await response.text();
      expect(response.status, text).toBe(200);
      const answer = PushResponse.parse(JSON.parse(text));
      expect(answer.expectedSeq, text).toBeUndefined();
      for (const sent of batch) {
        const result = answer.results.find((r) => r.mutationId === sent.mutationId);
        expect(result?.seq, text).toBe(sent.seq);
        expect(["applied", "duplicate"], text).toContain(result?.status);
        if (!cadre.acks.has(sent.mutationId)) cadre.acks.set(sent.mutationId, result?.status ?? "");
      }
      ackedPushes += 1;
      if (ackedPushes === ARM_AFTER_PUSHES) arm();
    }

    /** Pulls from the cadre's cursor until no page is left, small pages, each from the instance next in turn. */
    async function pullAll(cadre: Cadre): Promise<void> {
      for (;;) {
        const response = await withRetry(cadre, "pull", (server) =>
          fetch(`${server.base}/api/sync/pull?cursor=${cadre.cursor}&limit=3&clientId=${cadre.clientId}`, {
            headers: { Cookie: cadre.cookie },
          }),
        );
        const text = await response.text();
        expect(response.status, text).toBe(200);
        const page = PullResponse.parse(JSON.parse(text));
        cadre.pulls += 1;
        for (const change of page.changes) {
          const before = cadre.seen.get(change.id);
          // A change never goes back in time.
          expect(change.version).toBeGreaterThanOrEqual(before?.version ?? 0);
          cadre.seen.set(change.id, { version: change.version, status: change.status });
        }
        cadre.cursor = page.cursor;
        if (!page.hasMore) return;
      }
    }

    const tusHeaders = (cadre: Cadre, extraHeaders: Record<string, string> = {}) => ({
      "Tus-Resumable": "1.0.0",
      Cookie: cadre.cookie,
      ...extraHeaders,
    });

    /**
     * One page over tus, as the phone sends it: created, then the bytes in two PATCHes (each through the
     * instance next in turn); after a PATCH that got no answer, HEAD through another instance for the
     * offset and the rest from there. While the kill is armed, a PATCH to the victim stops sending halfway
     * (at most two such, one per cadre unless `force`): the kill lands in the middle of its body.
     */
    async function upload(cadre: Cadre, page: Photo, force = false): Promise<void> {
      const { bytes } = page;
      const created = await withRetry(cadre, "create", (server) =>
        fetch(`${server.base}${TUS}`, {
          method: "POST",
          headers: tusHeaders(cadre, {
            "Upload-Length": String(bytes.byteLength),
            "Upload-Metadata": `sha256 ${b64(page.sha256)},mime ${b64("image/jpeg")}`,
          }),
        }),
      );
      expect(created.status, await created.clone().text()).toBe(201);
      const uploadId = (created.headers.get("Location") ?? "").split("/").at(-1) ?? "";
      expect(uploadId).toMatch(/^[0-9a-f]{32}$/);
      const half = Math.floor(bytes.byteLength / 2);
      let offset = 0;
      while (offset < bytes.byteLength) {
        const from = offset;
        const part = bytes.subarray(from, from < half ? half : bytes.byteLength);
        const server = route(cadre);
        const stall =
          phase === "armed" &&
          server === victim &&
          stalls.length < 2 &&
          (force || !stalls.some((s) => s.cadre === cadre.index));
        const response = await once(cadre, "patch", server, (target, entry) => {
          let body: BodyInit = new Uint8Array(part);
          if (stall) {
            const sent = Math.floor(part.byteLength / 2);
            entry.stalled = true;
            stalls.push({ cadre: cadre.index, uploadId, from, sent });
            body = new ReadableStream<Uint8Array>({
              start(controller) {
                controller.enqueue(part.slice(0, sent));
              },
              // The rest never comes: the phone's connection is still open when its server dies.
              pull: (controller) =>
                killed.then(() => {
                  try {
                    controller.error(new Error("the server is gone"));
                  } catch {
                    // Already cancelled by the failed request.
                  }
                }),
            });
          }
          return fetch(`${target.base}${TUS}${uploadId}`, {
            method: "PATCH",
            headers: tusHeaders(cadre, {
              "Upload-Offset": String(from),
              "Content-Type": "application/offset+octet-stream",
            }),
            body,
            duplex: "half",
          } as RequestInit);
        });
        if (response !== "no answer") {
          expect(response.status, await response.clone().text()).toBe(204);
          offset = Number(response.headers.get("Upload-Offset"));
          expect(offset).toBe(from + part.byteLength);
          continue;
        }
        // No answer: where does the upload stand? Asked through another instance.
        const head = await withRetry(cadre, "head", (target) =>
          fetch(`${target.base}${TUS}${uploadId}`, { method: "HEAD", headers: tusHeaders(cadre) }),
        );
        expect(head.status).toBe(200);
        offset = Number(head.headers.get("Upload-Offset"));
        resumes.push({ cadre: cadre.index, uploadId, offset });
        expect(offset).toBeGreaterThanOrEqual(from);
      }
    }

    function draftOf(cadre: Cadre, d: number, id: string, revision: number): Draft {
      const base = readyDraft({ id, name: nameOf(cadre.index, d, revision) });
      const now = new Date().toISOString();
      const pageOf = (requirement: string) => {
        const stored = pagesOf.get(`${cadre.index}:${d}:${requirement}`) as Photo;
        return {
          blobId: `${id}-${requirement}`,
          sha256: stored.sha256,
          mime: "image/jpeg" as const,
          bytes: stored.bytes.byteLength,
          width: 1600,
          height: 1200,
          addedAt: now,
        };
      };
      return Draft.parse({
        ...base,
        // Each applicant their own NIK (the same birth date and sex as the draft's): never a duplicate file.
        applicant: { ...base.applicant, nik: `317101520390${String(cadre.index * 10 + d + 1).padStart(4, "0")}` },
        documents: {
          "pengantar-rt-rw": { pages: [pageOf("pengantar-rt-rw")], issuedOn: jakartaDate(new Date()) },
          "ktp-el": { pages: [pageOf("ktp-el")] },
          "kartu-keluarga": { pages: [pageOf("kartu-keluarga")] },
        },
      });
    }

    const draftIds = new Map<string, string>(); // `${cadre}:${draft}` → id
    async function work(cadre: Cadre): Promise<void> {
      let seq = 0;
      for (let d = 0; d < DRAFTS_PER_CADRE; d++) {
        const id = uuidv7();
        draftIds.set(`${cadre.index}:${d}`, id);
        let revision = 0;
        const save = () => mutation(++seq, "putDraft", { draft: draftOf(cadre, d, id, ++revision) });
        await push(cadre, [save(), save()]);
        await pullAll(cadre);
        for (const page of PAGES) {
          await upload(cadre, pagesOf.get(`${cadre.index}:${d}:${page}`) as Photo);
          await push(cadre, [save()]);
          await pullAll(cadre);
        }
        await push(cadre, [mutation(++seq, "submitApplication", { draft: draftOf(cadre, d, id, ++revision) })]);
        await pullAll(cadre);
      }
      cadre.done = true;
    }

    let killedAt = 0;
    /** Set when a phone's work failed: the orchestrator stops waiting for its kill point. */
    let givenUp = false;
    const sideUploads: Promise<void>[] = [];
    let blockedPushesAtKill = 0;
    async function orchestrate(): Promise<void> {
      await armed;
      // From now on every request goes to the victim; the ones already on the others finish first.
      phase = "armed";
      while ([...inFlight].some((entry) => entry.server !== victim)) await tick();
      // Every push from now on waits at the change counter's row lock inside its transaction, on the victim.
      const holder = new pg.Client({ connectionString: databaseUrl });
      // pg_stat_activity is read outside the holder's transaction: inside one it is a snapshot taken once.
      const observer = new pg.Client({ connectionString: databaseUrl });
      // The cluster may stop under them when the test has failed already.
      holder.on("error", () => undefined);
      observer.on("error", () => undefined);
      await holder.connect();
      await observer.connect();
      try {
        await holder.query("BEGIN");
        await holder.query("SELECT value FROM change_counters WHERE name = 'applications' FOR UPDATE");
        // A safety net only: the kill point is an event, which comes within seconds.
        const deadline = Date.now() + 120_000;
        for (;;) {
          const unfinished = cadres.filter((cadre) => !cadre.done);
          const entries = [...inFlight];
          const pushing = entries.filter((entry) => entry.kind === "push").length;
          const [row] = (
            await observer.query<{ waiting: number }>(
              `SELECT count(*)::int AS waiting FROM pg_stat_activity
               WHERE application_name = $1 AND state = 'active' AND wait_event_type = 'Lock'`,
              [`masdarin-${victim.name}`],
            )
          ).rows;
          const settled = unfinished.every((cadre) => {
            const own = entries.filter((entry) => entry.cadre === cadre.index);
            return (
              own.length > 0 &&
              own.every((entry) => entry.server === victim && (entry.kind === "push" || entry.stalled))
            );
          });
          const bytesThere = stalls.every((stall) => {
            try {
              return statSync(join(dataDir, "files", "incoming", stall.uploadId)).size >= stall.from + stall.sent;
            } catch {
              return false;
            }
          });
          if (settled && pushing > 0 && (row?.waiting ?? 0) >= pushing && bytesThere) {
            if (stalls.length > 0) {
              blockedPushesAtKill = pushing;
              break;
            }
            // No upload of the workload was caught: one more page, sent by a cadre beside its waiting push.
            const sender = unfinished[0] as Cadre;
            extra.senders = [sender.index];
            if (sideUploads.length === 0) sideUploads.push(upload(sender, extra, true));
          }
          if (givenUp) throw new Error("the workload failed");
          if (Date.now() > deadline) {
            const activity = await observer.query(
              "SELECT application_name, state, wait_event_type, wait_event, left(query, 60) AS query FROM pg_stat_activity",
            );
            throw new Error(
              `the kill point never came: ${JSON.stringify({ settled, pushing, waiting: row?.waiting, bytesThere, stalls, activity: activity.rows })}`,
            );
          }
          await tick();
        }
        // Pushes inside open transactions, an upload in the middle of its body: SIGKILL. Requests sent
        // from here on go to the two others.
        phase = "after";
        killedAt = performance.now();
        await victim.kill();
      } finally {
        await holder.query("ROLLBACK").catch(() => undefined);
        await holder.end();
        await observer.end();
        releaseStalls();
      }
    }

    await Promise.all([orchestrate(), ...cadres.map(work)]).catch((error: unknown) => {
      givenUp = true;
      releaseStalls();
      throw error;
    });
    await Promise.all(sideUploads);
    timings.workload = performance.now() - workStarted;
    timings.afterKill = performance.now() - killedAt;

    // ---- What happened ----
    expect((await victim.exited).signal).toBe("SIGKILL");
    expect(blockedPushesAtKill).toBeGreaterThan(0);
    // Only the killed instance ever left a request unanswered; each such push was answered by another.
    expect(unanswered.length).toBeGreaterThanOrEqual(blockedPushesAtKill + stalls.length);
    expect(unanswered.every((entry) => entry.server === victim.name)).toBe(true);
    // Each stalled upload continued, through another instance, exactly where the killed one stopped writing.
    expect(stalls.length).toBeGreaterThan(0);
    for (const stall of stalls) {
      const resumed = resumes.find((entry) => entry.uploadId === stall.uploadId);
      expect(resumed?.offset, JSON.stringify({ stall, resumes })).toBe(stall.from + stall.sent);
    }
    // All three instances served requests before the kill.
    for (const server of servers) expect(requestsPerInstance.get(server.name) ?? 0).toBeGreaterThan(10);
    for (const server of [a, c]) expect((await fetch(`${server.base}/api/health`)).status).toBe(200);

    // ---- Every mutation applied exactly once, in order per client ----
    const recorded = await query<{ client_id: string; seq: number; mutation_id: string; status: string }>(
      "SELECT client_id, seq::int AS seq, mutation_id, status FROM mutations ORDER BY client_id, seq",
    );
    const mutationsPerCadre = DRAFTS_PER_CADRE * MUTATIONS_PER_DRAFT;
    expect(recorded).toHaveLength(CADRES * mutationsPerCadre);
    expect(new Set(recorded.map((row) => row.mutation_id)).size).toBe(recorded.length);
    for (const cadre of cadres) {
      expect(cadre.sent).toHaveLength(mutationsPerCadre);
      // Acknowledged, every one of them.
      expect(cadre.acks.size).toBe(mutationsPerCadre);
      const own = recorded.filter((row) => row.client_id === cadre.clientId);
      expect(own.map((row) => [row.seq, row.mutation_id, row.status])).toEqual(
        cadre.sent.map((sent) => [sent.seq, sent.mutationId, "applied"]),
      );
    }
    const clients = await query<{ client_id: string; user_id: string; last_seq: number }>(
      "SELECT client_id, user_id, last_seq::int AS last_seq FROM sync_clients",
    );
    expect(clients).toHaveLength(CADRES);
    for (const cadre of cadres) {
      expect(clients.find((row) => row.client_id === cadre.clientId)).toMatchObject({
        user_id: cadre.id,
        last_seq: mutationsPerCadre,
      });
    }
    const rows = await query<{
      id: string;
      cadre_id: string;
      version: number;
      status: string;
      change_seq: number;
      name: string;
    }>(
      `SELECT id, cadre_id, version::int AS version, status, change_seq::int AS change_seq,
              content->'applicant'->>'fullName' AS name
       FROM applications`,
    );
    expect(rows).toHaveLength(CADRES * DRAFTS_PER_CADRE);
    // Each change its own seq (the counter handed them out in commit order).
    expect(new Set(rows.map((row) => row.change_seq)).size).toBe(rows.length);
    for (const cadre of cadres) {
      for (let d = 0; d < DRAFTS_PER_CADRE; d++) {
        const row = rows.find((r) => r.id === draftIds.get(`${cadre.index}:${d}`));
        // One version per mutation, the last one's content: applied once each, in seq order.
        expect(row).toMatchObject({
          cadre_id: cadre.id,
          version: MUTATIONS_PER_DRAFT,
          status: "submitted",
          name: nameOf(cadre.index, d, MUTATIONS_PER_DRAFT),
        });
      }
    }
    const events = await query<{ application_id: string; kind: string; n: number }>(
      "SELECT application_id, kind, count(*)::int AS n FROM application_events GROUP BY application_id, kind",
    );
    expect(events).toHaveLength(rows.length * 2);
    for (const event of events) {
      expect(["created", "submitted"]).toContain(event.kind);
      expect(event.n).toBe(1);
    }

    // ---- Started together, prepared once ----
    // The guide catalogue seeded once (one published version per guide), the holidays once.
    const versions = await query<{ n: number }>("SELECT count(*)::int AS n FROM guide_versions GROUP BY id");
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.every((row) => row.n === 1)).toBe(true);

    // ---- No pull skipped a change ----
    // Each phone's pulls cover its account's drafts, its sibling phone's too, which were written at the same
    // time through other instances: the view its chain of pulls built must be the whole truth.
    for (const cadre of cadres) {
      // The chain of incremental pulls, one more round now that every write has committed.
      await pullAll(cadre);
      const full = await fetch(`${a.base}/api/sync/pull?cursor=${encodeCursor(0)}&limit=500`, {
        headers: { Cookie: cadre.cookie },
      });
      const fromZero = PullResponse.parse(await full.json());
      expect(fromZero.hasMore).toBe(false);
      const everything = new Map(fromZero.changes.map((ch) => [ch.id, { version: ch.version, status: ch.status }]));
      const inDatabase = new Map(
        rows
          .filter((row) => row.cadre_id === cadre.id)
          .map((row) => [row.id, { version: row.version, status: row.status }]),
      );
      expect(everything).toEqual(inDatabase);
      expect(cadre.seen).toEqual(everything);
      // One chain after every push, and the last one now.
      expect(cadre.pulls).toBeGreaterThan(DRAFTS_PER_CADRE * PUSHES_PER_DRAFT);
    }

    // ---- Every photo stored once, and verified ----
    const everyPhoto = [...photos, ...(sideUploads.length > 0 ? [extra] : [])];
    const filesDir = join(dataDir, "files");
    const stored = readdirSync(filesDir)
      .filter((name) => /^[0-9a-f]{2}$/.test(name))
      .flatMap((folder) => readdirSync(join(filesDir, folder)).map((name) => ({ folder, name })));
    expect(stored.map((file) => file.name).sort()).toEqual(everyPhoto.map((p) => p.sha256).sort());
    for (const file of stored) {
      expect(file.folder).toBe(file.name.slice(0, 2));
      const bytes = readFileSync(join(filesDir, file.folder, file.name));
      expect(sha256(bytes)).toBe(file.name);
      const original = everyPhoto.find((p) => p.sha256 === file.name) as Photo;
      expect(Buffer.compare(bytes, Buffer.from(original.bytes))).toBe(0);
    }
    const fileRows = await query<{ sha256: string; bytes: number; width: number; height: number }>(
      "SELECT sha256, bytes::int AS bytes, width::int AS width, height::int AS height FROM files",
    );
    expect(fileRows.map((row) => row.sha256).sort()).toEqual(everyPhoto.map((p) => p.sha256).sort());
    for (const row of fileRows) expect(row).toMatchObject({ bytes: PHOTO_BYTES, width: 1600, height: 1200 });
    const holders = await query<{ sha256: string; user_id: string }>("SELECT sha256, user_id FROM file_holders");
    for (const p of everyPhoto) {
      const expected = [...new Set(p.senders.map((index) => cadres[index]?.id))].sort();
      expect(
        holders
          .filter((row) => row.sha256 === p.sha256)
          .map((row) => row.user_id)
          .sort(),
      ).toEqual(expected);
    }
    // Nothing half-written left: every upload, the interrupted ones too, was finished and moved.
    expect(readdirSync(join(filesDir, "incoming")).filter((name) => !name.endsWith(".json"))).toEqual([]);

    console.log(
      `multi-instance: ${CADRES} phones of ${ACCOUNTS} cadres, ${TOTAL_PUSHES} pushes, ${everyPhoto.length} photos; ` +
        `killed ${victim.name} with ${blockedPushesAtKill} push(es) in open transactions and ` +
        `${stalls.length} upload(s) mid-body (${sideUploads.length > 0 ? "the extra page" : "the workload's"}); unanswered ${unanswered.length} (${unanswered.map((u) => u.kind).join(",")}); ` +
        `requests ${JSON.stringify(Object.fromEntries(requestsPerInstance))}; timings (ms) ${JSON.stringify(
          Object.fromEntries(Object.entries(timings).map(([key, value]) => [key, Math.round(value)])),
        )}`,
    );
  }, 240_000);
});
