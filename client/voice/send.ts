import { ComplaintAccepted } from "../../shared/api/complaints";
import { SurveyAccepted } from "../../shared/api/skm";
import {
  backoffMs,
  type EvidenceBytes,
  type Refusal,
  refreshFlag,
  type VoiceDb,
  type VoiceItem,
  voiceDb,
} from "./outbox";

export type SendOutcome =
  | { kind: "sent"; number?: string }
  | { kind: "refused"; refusal: Refusal }
  | { kind: "retry"; retryAfter?: number };

const PATHS = { survey: "/api/skm/responses", complaint: "/api/complaints" } as const;

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    return {
      code: typeof body.error?.code === "string" ? body.error.code : `http_${response.status}`,
      message: typeof body.error?.message === "string" ? body.error.message : `HTTP ${response.status}`,
    };
  } catch {
    return { code: `http_${response.status}`, message: `HTTP ${response.status}` };
  }
}

/**
 * One POST. 200/201 is sent (a duplicate too: the office has it already);
 * a 4xx other than 408/429 is the office refusing this entry, kept with its
 * message; anything else (no connection, 408, 429, 5xx, an unreadable
 * answer) is tried again later.
 */
export async function sendOne(
  item: VoiceItem,
  { fetcher = fetch, language = "id" }: { fetcher?: typeof fetch; language?: string } = {},
): Promise<SendOutcome> {
  if (!item.body) return { kind: "sent" };
  let response: Response;
  try {
    response = await fetcher(PATHS[item.kind], {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "Accept-Language": language },
      body: JSON.stringify(item.body),
      credentials: "same-origin",
    });
  } catch {
    return { kind: "retry" };
  }
  if (response.status === 200 || response.status === 201) {
    const json = await response.json().catch(() => null);
    if (item.kind === "complaint") {
      const parsed = ComplaintAccepted.safeParse(json);
      return parsed.success ? { kind: "sent", number: parsed.data.number } : { kind: "retry" };
    }
    return SurveyAccepted.safeParse(json).success ? { kind: "sent" } : { kind: "retry" };
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
    const { code, message } = await errorOf(response);
    // No such route (a server not updated yet, a proxy): not a verdict on this entry.
    const noRoute =
      (response.status === 404 || response.status === 405) && (code === "not_found" || code.startsWith("http_"));
    if (!noRoute) return { kind: "refused", refusal: { status: response.status, code, message } };
    return { kind: "retry" };
  }
  const retry = Number(response.headers.get("Retry-After"));
  return retry > 0 ? { kind: "retry", retryAfter: retry } : { kind: "retry" };
}

export interface FlushOptions {
  db?: VoiceDb;
  fetcher?: typeof fetch;
  now?: () => Date;
  online?: () => boolean;
  language?: string;
  /** Called once per accepted complaint with its number (the /lacak list keeps it). */
  onComplaintNumber?: (number: string) => Promise<void> | void;
  /** Send every pending entry now, whatever its backoff (the citizen pressed "Kirim sekarang"). */
  force?: boolean;
  /** Uploads one evidence photo (the cadre's upload path, /api/files); rejects when it could not. */
  upload?: (photo: EvidenceBytes) => Promise<void>;
}

/** The existing resumable upload path for a file's pages, loaded only when a complaint carries photos. */
async function uploadEvidence(photo: EvidenceBytes): Promise<void> {
  const { uploadPage } = await import("../uploads");
  await uploadPage({ data: photo.data, mime: photo.mime, sha256: photo.sha256 });
}

/**
 * Sends every pending entry whose time has come, oldest first. One refusal
 * does not block the others; a lost connection stops the round (the rest
 * would fare no better). Answers how many were sent.
 */
export async function flushOutbox({
  db = voiceDb(),
  fetcher = fetch,
  now = () => new Date(),
  online = () => navigator.onLine,
  language = "id",
  onComplaintNumber,
  force = false,
  upload = uploadEvidence,
}: FlushOptions = {}): Promise<number> {
  let sent = 0;
  const pending = (await db.items.where("state").equals("pending").toArray()).sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
  for (const item of pending) {
    if (!online()) break;
    if (!force && Date.parse(item.nextAttemptAt) > now().getTime()) continue;
    // Photos first: the server accepts evidence only once it holds every one of them.
    const uploaded = await Promise.all((item.photos ?? []).map((photo) => upload(photo))).then(
      () => true,
      () => false,
    );
    const outcome: SendOutcome = uploaded ? await sendOne(item, { fetcher, language }) : { kind: "retry" };
    const at = now();
    if (outcome.kind === "sent") {
      // The body (a complaint's text) leaves the phone: only the number stays to follow it.
      await db.items.update(item.id, {
        state: "sent",
        body: null,
        photos: [],
        sentAt: at.toISOString(),
        attempts: item.attempts + 1,
        ...(outcome.number ? { number: outcome.number } : {}),
      });
      sent += 1;
      if (outcome.number && onComplaintNumber) await Promise.resolve(onComplaintNumber(outcome.number)).catch(() => {});
    } else if (outcome.kind === "refused") {
      await db.items.update(item.id, { state: "refused", refusal: outcome.refusal, attempts: item.attempts + 1 });
    } else {
      const attempts = item.attempts + 1;
      await db.items.update(item.id, {
        attempts,
        nextAttemptAt: new Date(at.getTime() + backoffMs(attempts, outcome.retryAfter)).toISOString(),
      });
      break;
    }
  }
  await refreshFlag(db);
  return sent;
}

/** A refused entry sent again by hand (after the office fixed something, or a mistake on the server). */
export async function retryRefused(id: string, db = voiceDb(), now = new Date()): Promise<void> {
  await db.items.update(id, { state: "pending", nextAttemptAt: now.toISOString() });
  await refreshFlag(db);
}
