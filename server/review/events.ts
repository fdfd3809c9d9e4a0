import type { Db } from "../db/open";
import { applicationEvents } from "../db/schema";

export type EventKind = (typeof applicationEvents.$inferInsert)["kind"];

export interface EventRecord {
  applicationId: string;
  kind: EventKind;
  /** Who acted: the cadre for sync events, the operator for reviews; null for a system change. */
  actorId: string | null;
  /** The application's status after the event (null when no row exists, e.g. a refused first submit). */
  status: string | null;
  /** Codes only (decision, reason codes): never the application's content. */
  detail?: Record<string, unknown> | null;
  at: string;
}

/** Appends one history entry; call it inside the transaction that makes the change, with its `tx`. */
export async function recordEvent(tx: Db, event: EventRecord): Promise<void> {
  await tx.insert(applicationEvents).values({
    applicationId: event.applicationId,
    at: event.at,
    kind: event.kind,
    actorId: event.actorId,
    status: event.status,
    detail: event.detail ?? null,
  });
}
