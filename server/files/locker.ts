import { createHash } from "node:crypto";
import { ERRORS, type Lock, type Locker, MemoryLocker, type RequestRelease } from "@tus/server";
import pg from "pg";
import type { Db } from "../db/open";
import { postgresConnectionConfig } from "../db/postgres-pool";

/**
 * The tus server's locks on uploads (one request at a time per upload).
 *
 * - SQLite: one server process, so @tus/server's MemoryLocker.
 * - PostgreSQL (several app servers): session-level advisory locks, so an
 *   upload resumed through another instance waits for the request still
 *   writing it elsewhere. Each held lock has a connection of its own from the
 *   locker's own pool (an upload may take minutes on a slow phone; the
 *   repositories' pool must not be starved by them, nor the locks by the
 *   queries). The key is the first 64 bits of SHA-256 of the upload id.
 *   While it holds the lock, that connection LISTENs on a channel named after
 *   the key; a request that finds the lock taken NOTIFYs it, and the holder
 *   calls tus's `requestRelease` (which ends the request holding the upload,
 *   as the tus protocol recommends, so a phone that reconnected takes over).
 *   If the connection holding a lock is lost, PostgreSQL drops the lock with
 *   it; the request then writes on unlocked (tus's offsets on disk still
 *   refuse a PATCH at the wrong offset with 409).
 */
export interface UploadLocker extends Locker {
  /** The lock on `id` at once, or undefined when anyone holds it (no release is asked for). */
  tryLock(id: string): Promise<Lock | undefined>;
  /** Frees the locker's connections (PostgreSQL); the locks held end with them. */
  close(): Promise<void>;
}

const ACQUIRE_TIMEOUT_MS = 30_000;
const RETRY_MS = 50;
const RETRY_MAX_MS = 500;
/** A waiter asks the holder again this often (the holder may be between requests). */
const RENOTIFY_MS = 1_000;

export function createUploadLocker(db: Db): UploadLocker {
  const config = postgresConnectionConfig(db);
  return config ? new PostgresLocker(config) : new OneProcessLocker();
}

/** MemoryLocker plus tryLock: its first acquire attempt runs synchronously. */
export class OneProcessLocker extends MemoryLocker implements UploadLocker {
  async tryLock(id: string): Promise<Lock | undefined> {
    if (this.locks.has(id)) return undefined;
    const lock = this.newLock(id);
    await lock.lock(new AbortController().signal, async () => {});
    return lock;
  }

  async close(): Promise<void> {}
}

export interface PostgresLockerOptions {
  /** Most locks held at once by this locker (connections of its pool). */
  maxLocks?: number;
  acquireTimeoutMs?: number;
}

/** The advisory lock key of an upload id: a signed 64-bit integer, as text. */
export function advisoryKey(id: string): string {
  return createHash("sha256").update(id).digest().readBigInt64BE(0).toString();
}

function channelOf(key: string): string {
  return `masdarin_tus_${key.replace("-", "n")}`;
}

export class PostgresLocker implements UploadLocker {
  readonly pool: pg.Pool;
  readonly acquireTimeoutMs: number;
  /** Upload ids whose lock this locker holds now. */
  readonly held = new Set<string>();

  constructor(config: pg.PoolConfig, options: PostgresLockerOptions = {}) {
    this.pool = new pg.Pool({
      ...config,
      max: options.maxLocks ?? 20,
      idleTimeoutMillis: 5_000,
      allowExitOnIdle: true,
    });
    // An idle client's network error must not crash the process.
    this.pool.on("error", () => undefined);
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? ACQUIRE_TIMEOUT_MS;
  }

  newLock(id: string): Lock {
    return new PostgresLock(this, id);
  }

  async tryLock(id: string): Promise<Lock | undefined> {
    const lock = new PostgresLock(this, id);
    return (await lock.attempt(async () => {})) ? lock : undefined;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class PostgresLock implements Lock {
  private client: pg.PoolClient | undefined;
  private readonly key: string;

  constructor(
    private readonly locker: PostgresLocker,
    private readonly id: string,
  ) {
    this.key = advisoryKey(id);
  }

  /** One try: holds the lock (and listens for release requests) or gives the connection back. */
  async attempt(requestRelease: RequestRelease): Promise<boolean> {
    const client = await this.locker.pool.connect();
    try {
      const result = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [this.key]);
      if (!result.rows[0]?.ok) {
        client.release();
        return false;
      }
      client.on("notification", (message) => {
        if (message.channel !== channelOf(this.key)) return;
        void Promise.resolve(requestRelease()).catch(() => undefined);
      });
      await client.query(`LISTEN ${channelOf(this.key)}`);
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    this.client = client;
    this.locker.held.add(this.id);
    return true;
  }

  async lock(stopSignal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const deadline = Date.now() + this.locker.acquireTimeoutMs;
    let wait = RETRY_MS;
    let askedAt = 0;
    for (;;) {
      if (stopSignal.aborted) throw ERRORS.ERR_LOCK_TIMEOUT;
      if (await this.attempt(requestRelease)) return;
      if (Date.now() - askedAt >= RENOTIFY_MS) {
        askedAt = Date.now();
        await this.locker.pool.query("SELECT pg_notify($1, '')", [channelOf(this.key)]);
      }
      if (Date.now() + wait > deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      await sleep(wait, stopSignal);
      wait = Math.min(RETRY_MAX_MS, wait * 2);
    }
  }

  async unlock(): Promise<void> {
    const client = this.client;
    if (!client) throw new Error("Releasing an unlocked lock!");
    this.client = undefined;
    this.locker.held.delete(this.id);
    client.removeAllListeners("notification");
    try {
      await client.query(`UNLISTEN ${channelOf(this.key)}`);
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [this.key]);
      client.release();
    } catch (error) {
      // The connection is gone, and the lock with it: destroy the client rather than reuse it.
      client.release(error instanceof Error ? error : true);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
