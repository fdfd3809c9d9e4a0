import { join, resolve } from "node:path";
import { databaseTarget, isPostgresUrl } from "./db/dialect";
import { DEFAULT_UPLOAD_MAX_IDLE_MS } from "./files/expiry";

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  http: HttpTimeouts;
  /** An unfinished upload with no byte received for this long is deleted (server/files/expiry.ts). */
  uploadMaxIdleMs: number;
  /**
   * Behind a reverse proxy the socket address is the proxy's: TRUST_PROXY=1 takes the
   * client address from the last X-Forwarded-For hop instead (docs/SECURITY.md). Off by
   * default, so a direct client cannot forge its address with that header.
   */
  trustProxy: boolean;
  /**
   * TRACK_LOOKUPS_PER_MINUTE (20): failed public tracking lookups (unknown or malformed numbers) per client
   * address per minute, also the burst; found numbers get 6×, a /24 or /48 network 5×, the whole service
   * max(2,000, 100×) failures (server/tracking/limits.ts).
   */
  trackLookupsPerMinute: number;
  /** PHOTO_STORE: where verified page files are kept (server/files/photo-store.ts). */
  photoStore: PhotoStoreConfig;
}

/**
 * PHOTO_STORE=disk (the default): DATA_DIR/files, on one machine or a volume
 * every app server mounts. PHOTO_STORE=s3: a bucket (S3_BUCKET), on AWS or any
 * S3-compatible server (S3_ENDPOINT), keys under S3_PREFIX ("files/");
 * credentials from the AWS SDK's usual sources (AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 */
export type PhotoStoreConfig =
  | { kind: "disk" }
  | { kind: "s3"; bucket: string; prefix: string; endpoint: string | undefined; region: string | undefined };

/**
 * How long the Node server holds connections, set on purpose rather than left at Node's
 * defaults: with a 5 s keep-alive a request sent on a connection that sat idle just that
 * long met a closing socket and was reset without an answer.
 */
export interface HttpTimeouts {
  /** An idle keep-alive connection is kept this long: longer than a reverse proxy's (nginx 60 s), so the proxy closes first. */
  keepAliveTimeoutMs: number;
  /** A request's headers must arrive within this; longer than keep-alive so an idle connection is never cut by it. */
  headersTimeoutMs: number;
  /** A whole request must arrive within this: past the phone's own 90 s give-up, so the phone speaks first. */
  requestTimeoutMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  keepAliveTimeoutMs: 65_000,
  headersTimeoutMs: 66_000,
  requestTimeoutMs: 120_000,
};

function milliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of milliseconds above 0, got "${raw}"`);
  }
  return value;
}

/** The timeouts from KEEP_ALIVE_TIMEOUT_MS, HEADERS_TIMEOUT_MS and REQUEST_TIMEOUT_MS, in the order Node needs them. */
export function readHttpTimeouts(env: NodeJS.ProcessEnv = process.env): HttpTimeouts {
  const timeouts = {
    keepAliveTimeoutMs: milliseconds(env, "KEEP_ALIVE_TIMEOUT_MS", DEFAULT_HTTP_TIMEOUTS.keepAliveTimeoutMs),
    headersTimeoutMs: milliseconds(env, "HEADERS_TIMEOUT_MS", DEFAULT_HTTP_TIMEOUTS.headersTimeoutMs),
    requestTimeoutMs: milliseconds(env, "REQUEST_TIMEOUT_MS", DEFAULT_HTTP_TIMEOUTS.requestTimeoutMs),
  };
  if (timeouts.headersTimeoutMs <= timeouts.keepAliveTimeoutMs) {
    throw new Error("HEADERS_TIMEOUT_MS must be longer than KEEP_ALIVE_TIMEOUT_MS");
  }
  // Node itself refuses a headers timeout past the request timeout.
  if (timeouts.headersTimeoutMs > timeouts.requestTimeoutMs) {
    throw new Error("REQUEST_TIMEOUT_MS must be at least HEADERS_TIMEOUT_MS");
  }
  return timeouts;
}

/** UPLOAD_EXPIRY_HOURS (whole hours, 24 by default): how long an unfinished upload may sit idle. */
function uploadMaxIdleMs(env: NodeJS.ProcessEnv): number {
  const raw = env.UPLOAD_EXPIRY_HOURS;
  if (raw === undefined || raw === "") return DEFAULT_UPLOAD_MAX_IDLE_MS;
  const hours = Number(raw);
  if (!Number.isInteger(hours) || hours < 1) {
    throw new Error(`UPLOAD_EXPIRY_HOURS must be a whole number of hours above 0, got "${raw}"`);
  }
  return hours * 60 * 60 * 1000;
}

/** Configuration comes from the environment only (documented in the README). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    dataDir: resolve(env.DATA_DIR ?? "./data"),
    staticDir: resolve(env.STATIC_DIR ?? "./dist"),
    http: readHttpTimeouts(env),
    uploadMaxIdleMs: uploadMaxIdleMs(env),
    trustProxy: readFlag(env, "TRUST_PROXY"),
    trackLookupsPerMinute: wholeNumber(env, "TRACK_LOOKUPS_PER_MINUTE", 20),
    photoStore: readPhotoStore(env),
  };
}

export function readPhotoStore(env: NodeJS.ProcessEnv = process.env): PhotoStoreConfig {
  const kind = env.PHOTO_STORE?.trim().toLowerCase() || "disk";
  if (kind === "disk") return { kind: "disk" };
  if (kind !== "s3") throw new Error(`PHOTO_STORE must be disk or s3, got "${env.PHOTO_STORE}"`);
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) throw new Error("PHOTO_STORE=s3 needs S3_BUCKET, the bucket's name");
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  if (endpoint && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new Error(`S3_ENDPOINT must be an http:// or https:// address, got "${endpoint}"`);
  }
  const prefix = env.S3_PREFIX ?? "files/";
  if (prefix.startsWith("/") || prefix.includes(".."))
    throw new Error(`S3_PREFIX must be a relative key prefix, got "${prefix}"`);
  return { kind: "s3", bucket, prefix, endpoint, region: env.S3_REGION?.trim() || undefined };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0, got "${raw}"`);
  return value;
}

function readFlag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === "" || value === "0" || value === "false") return false;
  if (value === "1" || value === "true") return true;
  throw new Error(`${name} must be 1/true or 0/false, got "${env[name]}"`);
}

/** The SQLite file in DATA_DIR, the default database. */
export const SQLITE_FILE = "masdarin.sqlite";

/**
 * What the server and the CLI open: DATABASE_URL when it names PostgreSQL
 * (postgres://…), else DATA_DIR/masdarin.sqlite (server/db/dialect.ts).
 */
export function databaseOf(config: Pick<ServerConfig, "dataDir">, env: NodeJS.ProcessEnv = process.env): string {
  return databaseTarget(join(config.dataDir, SQLITE_FILE), env);
}

/**
 * The database for a log line or a terminal: the engine, and for PostgreSQL
 * its host, port, database and user, never the password (nor any query
 * parameter, which may carry one).
 */
export function describeDatabase(target: string): { engine: "sqlite" | "postgres"; database: string } {
  if (!isPostgresUrl(target)) return { engine: "sqlite", database: target };
  try {
    const url = new URL(target);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : "";
    return { engine: "postgres", database: `postgres://${user}${url.host}${url.pathname}` };
  } catch {
    return { engine: "postgres", database: "postgres://(unparsable URL)" };
  }
}
