import { locale } from "../i18n";

export interface FieldIssue {
  path: (string | number)[];
  message: string;
  /** A machine-readable problem, where the server gives one (e.g. shared/users/problems.ts). */
  code?: string;
}

/** A refused request: the server's error code and message, and per-field issues when it gave them. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    /** The field a refusal is about (the first wrong one), where the server names it. */
    readonly field?: string,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { issues?: FieldIssue[]; field?: string } };
}

/**
 * Every console call: same-origin cookie, the UI's language for error
 * messages, and JSON with Content-Type on writes (the server's CSRF check).
 */
export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": locale.value };
  if (method !== "GET") headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: "same-origin",
      ...(method !== "GET" ? { body: JSON.stringify(body ?? {}) } : {}),
    });
  } catch {
    throw new ApiFailure(0, "network", "network");
  }
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (json as ErrorBody | null)?.error;
    throw new ApiFailure(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? `HTTP ${response.status}`,
      error?.details?.issues ?? [],
      typeof error?.details?.field === "string" ? error.details.field : undefined,
    );
  }
  return json as T;
}

/** "?a=1&b=2" from the set values only. */
export function queryString(params: Record<string, string | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}
