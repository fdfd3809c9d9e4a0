import { PublicComplaintStatus } from "../../shared/api/complaints";
import { PublicStatus } from "../../shared/api/tracking";
import type { TrackingNumber } from "../../shared/tracking/number";
import { isComplaintNumber } from "../../shared/tracking/prefix";
import type { AnyStatus } from "./store";

export type LookupFailure =
  | "tracking_malformed"
  | "tracking_mistyped"
  | "tracking_not_found"
  /** Decided more than a year ago: no longer public. */
  | "tracking_expired"
  | "rate_limited"
  /** No connection, or the server could not be reached. */
  | "offline"
  /** Anything else: a 5xx, or an answer this version cannot read. */
  | "server";

export type LookupResult<S = PublicStatus> =
  | { ok: true; status: S }
  | { ok: false; failure: LookupFailure /** Seconds, from Retry-After on a 429. */; retryAfter?: number };

const KNOWN: ReadonlySet<string> = new Set([
  "tracking_malformed",
  "tracking_mistyped",
  "tracking_not_found",
  "tracking_expired",
  "rate_limited",
]);
/** A complaint the office does not know reads, on the page, as any unknown number. */
const ALIASES: Readonly<Record<string, LookupFailure>> = { complaint_not_found: "tracking_not_found" };

async function errorCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === "string" ? body.error.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `GET /api/track/<number>`, for a number already checked on the phone. The
 * answer is parsed with the shared schema, which also drops any field the
 * page has no business keeping.
 */
export async function lookUp(number: TrackingNumber, fetcher: typeof fetch = fetch): Promise<LookupResult> {
  const result = await lookUpAny(number, fetcher);
  if (result.ok && "kind" in result.status) return { ok: false, failure: "server" };
  return result as LookupResult;
}

/** The same lookup for a file or a complaint number (ADU-…), each parsed with its own schema. */
export async function lookUpAny(
  number: TrackingNumber,
  fetcher: typeof fetch = fetch,
): Promise<LookupResult<AnyStatus>> {
  let response: Response;
  try {
    response = await fetcher(`/api/track/${encodeURIComponent(number)}`, {
      headers: { Accept: "application/json" },
      cache: "no-store",
    });
  } catch {
    return { ok: false, failure: "offline" };
  }
  if (response.ok) {
    const schema = isComplaintNumber(number) ? PublicComplaintStatus : PublicStatus;
    const parsed = schema.safeParse(await response.json().catch(() => null));
    return parsed.success ? { ok: true, status: parsed.data } : { ok: false, failure: "server" };
  }
  const raw = await errorCode(response);
  const code = raw && (ALIASES[raw] ?? raw);
  if (code && KNOWN.has(code)) {
    const retry = Number(response.headers.get("Retry-After"));
    return {
      ok: false,
      failure: code as LookupFailure,
      ...(code === "rate_limited" && retry > 0 ? { retryAfter: retry } : {}),
    };
  }
  // A limiter in front of the app may answer 429 without our body.
  if (response.status === 429) return { ok: false, failure: "rate_limited" };
  return { ok: false, failure: "server" };
}
