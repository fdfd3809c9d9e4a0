import Dexie, { type Table } from "dexie";
import type { ComplaintSubmission } from "../../shared/api/complaints";
import type { SurveySubmission } from "../../shared/api/skm";

/**
 * The citizens' voice outbox: surveys and complaints saved on the phone the
 * moment they are submitted, sent when there is a connection. Its own small
 * database, usable without an account. An entry's body never changes under
 * its id (the server's idempotency key); once accepted the body is deleted
 * and only what the citizen needs to follow it stays (the complaint number).
 */
export type VoiceKind = "survey" | "complaint";

export type VoiceBody = SurveySubmission | ComplaintSubmission;

/** An evidence photo's bytes, kept until uploaded (ArrayBuffer + type: Safari loses Blobs in IndexedDB). */
export interface EvidenceBytes {
  sha256: string;
  mime: "image/jpeg" | "image/webp" | "image/png";
  data: ArrayBuffer;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

export interface VoiceItem {
  /** The submission's id (crypto.randomUUID at first save): sending it twice stores it once. */
  id: string;
  kind: VoiceKind;
  state: "pending" | "sent" | "refused";
  /** The body to send; null once sent (the complaint text leaves the phone with it). */
  body: VoiceBody | null;
  createdAt: string;
  attempts: number;
  /** Not sent again before this moment (ISO): backoff after a network error, 429 or 5xx. */
  nextAttemptAt: string;
  /** A survey's file number, kept after sending: this phone knows the file was answered. */
  trackingNumber?: string;
  /** A complaint's number, once the office gave one. */
  number?: string;
  sentAt?: string;
  /** The office refused it (4xx): shown with its message, not retried by itself. */
  refusal?: Refusal;
  /** A cadre's evidence photos, uploaded before the complaint is sent; deleted once it is. */
  photos?: EvidenceBytes[];
}

export class VoiceDb extends Dexie {
  items!: Table<VoiceItem, string>;

  constructor(name = "masdarin-suara") {
    // The outbox is the only copy until sent: wait for the disk, not just the cache.
    super(name, { chromeTransactionDurability: "strict" });
    this.version(1).stores({ items: "id, state, kind, createdAt" });
  }
}

let shared: VoiceDb | undefined;

export function voiceDb(): VoiceDb {
  if (!shared) {
    const db = new VoiceDb();
    // A later version opened in another tab: give way and reload onto it (the entries are on disk).
    db.on("versionchange", () => {
      db.close();
      if (typeof location !== "undefined") location.reload();
      return false;
    });
    shared = db;
  }
  return shared;
}

/** A non-personal marker the sync runner reads to know there is something to send, without opening the DB. */
export const PENDING_FLAG = "masdarin.voice-pending";

export function markPending(count: number): void {
  try {
    if (count > 0) localStorage.setItem(PENDING_FLAG, String(count));
    else localStorage.removeItem(PENDING_FLAG);
  } catch {
    // Storage blocked: the screens and the online event still send it.
  }
}

/** Saves a submission at once, in one transaction; a second save of the same id keeps the first. */
export async function enqueue(
  kind: VoiceKind,
  body: VoiceBody,
  now: Date,
  db = voiceDb(),
  photos: EvidenceBytes[] = [],
): Promise<VoiceItem> {
  const at = now.toISOString();
  const item: VoiceItem = {
    id: body.id,
    kind,
    state: "pending",
    body,
    createdAt: at,
    attempts: 0,
    nextAttemptAt: at,
    ...(kind === "survey" && body.trackingNumber ? { trackingNumber: body.trackingNumber } : {}),
    ...(photos.length > 0 ? { photos } : {}),
  };
  let stored = item;
  await db.transaction("rw", db.items, async () => {
    const before = await db.items.get(item.id);
    if (before) stored = before;
    else await db.items.add(item);
  });
  await refreshFlag(db);
  return stored;
}

export async function refreshFlag(db = voiceDb()): Promise<number> {
  const count = await db.items.where("state").equals("pending").count();
  markPending(count);
  return count;
}

export function getItem(id: string, db = voiceDb()): Promise<VoiceItem | undefined> {
  return db.items.get(id);
}

/** Everything waiting or refused, oldest first: what the screens list as "belum terkirim". */
export async function unsent(db = voiceDb()): Promise<VoiceItem[]> {
  const rows = await db.items.where("state").anyOf("pending", "refused").toArray();
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Whether this phone already sent (or holds) a survey for the file. */
export async function surveyFor(trackingNumber: string, db = voiceDb()): Promise<VoiceItem | undefined> {
  const rows = await db.items.where("kind").equals("survey").toArray();
  return rows.find((row) => row.trackingNumber === trackingNumber && row.state !== "refused");
}

/** A refused entry the citizen gave up on: removed from the phone. */
export async function discard(id: string, db = voiceDb()): Promise<void> {
  await db.items.delete(id);
  await refreshFlag(db);
}

/** Delay before the next try: 30 s, 1 min, 2 min … at most 30 min; the server's Retry-After when longer. */
export function backoffMs(attempts: number, retryAfterSeconds?: number): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
  return Math.max(base, (retryAfterSeconds ?? 0) * 1000);
}
