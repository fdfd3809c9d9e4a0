import { createHash } from "node:crypto";
import type { ErrorCode } from "../../shared/api/errors";
import { databaseError } from "../db/errors";

/**
 * Why a domain operation was refused: the HTTP status, the API code and what
 * the client may show. Domain modules answer this; routes turn it into
 * apiError (the survey and complaint modules share it).
 */
export interface Refusal {
  ok: false;
  status: 400 | 403 | 404 | 409;
  code: ErrorCode;
  details?: Record<string, unknown>;
}

export const refuse = (status: Refusal["status"], code: ErrorCode, details?: Record<string, unknown>): Refusal => ({
  ok: false,
  status,
  code,
  ...(details ? { details } : {}),
});

/** A 400 invalid_body naming one field, worded as readJson words a schema's refusal. */
export const invalidField = (path: (string | number)[], message: string): Refusal =>
  refuse(400, "invalid_body", { issues: [{ path, message }] });

/** JSON with keys sorted at every depth: the same content always hashes the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of a submission as validated: the same id sent again must carry the same content. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(stableJson(value)).digest("hex");
}

/**
 * Which key a failed insert collided with, on either engine: "primary" (better-sqlite3's
 * SQLITE_CONSTRAINT_PRIMARYKEY; PostgreSQL's 23505 on a `<table>_pkey` constraint), "unique" (another unique
 * index: SQLITE_CONSTRAINT_UNIQUE, or 23505 on any other constraint), undefined for any other error.
 */
export function uniqueViolation(error: unknown): "primary" | "unique" | undefined {
  const inner = databaseError(error);
  if (inner?.code === "SQLITE_CONSTRAINT_PRIMARYKEY") return "primary";
  if (inner?.code === "SQLITE_CONSTRAINT_UNIQUE") return "unique";
  if (inner?.code === "23505") return String(inner.constraint ?? "").endsWith("_pkey") ? "primary" : "unique";
  return undefined;
}
