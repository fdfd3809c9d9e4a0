import { DraftId } from "../../shared/draft";

/** A place in the queue: after a submission time (queue order) or after a deadline (deadline order). */
export type QueuePosition = { submittedAt: string; id: string } | { deadline: string; id: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Opaque to clients: base64url of the last item's (submittedAt, id) or (deadline, id). */
export function encodeQueueCursor(position: QueuePosition): string {
  const value =
    "deadline" in position ? { d: position.deadline, i: position.id } : { s: position.submittedAt, i: position.id };
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeQueueCursor(raw: string): QueuePosition | null {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!value || typeof value !== "object") return null;
    const { s, d, i } = value as { s?: unknown; d?: unknown; i?: unknown };
    if (!DraftId.safeParse(i).success) return null;
    const id = i as string;
    if (typeof d === "string" && s === undefined) return DATE.test(d) ? { deadline: d, id } : null;
    if (typeof s !== "string" || s.length > 40 || Number.isNaN(Date.parse(s))) return null;
    return { submittedAt: s, id };
  } catch {
    return null;
  }
}
