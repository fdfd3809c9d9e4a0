import { z } from "zod";
import { Guide, Slug } from "../guide";

/**
 * Delta cursors are opaque to clients. Inside: the catalogue's change counter,
 * prefixed with a format version so the encoding can change without clients
 * misreading an old cursor.
 */
const CURSOR_PATTERN = /^c1\.(0|[1-9][0-9]{0,14})$/;

export function encodeCursor(changeSeq: number): string {
  return `c1.${changeSeq}`;
}

/** `null` for anything that is not a cursor this server issued. */
export function decodeCursor(cursor: string): number | null {
  const match = CURSOR_PATTERN.exec(cursor);
  return match ? Number(match[1]) : null;
}

export const CataloguePage = z.object({
  /** Pass back as `?since=` to receive only later changes. */
  cursor: z.string(),
  /** true: this is the whole catalogue; the client replaces what it has. */
  reset: z.boolean(),
  guides: z.array(Guide),
  /** Ids withdrawn since the cursor; the client deletes them. */
  withdrawn: z.array(Slug),
});
export type CataloguePage = z.infer<typeof CataloguePage>;

export const GuideResponse = z.object({ guide: Guide });
export type GuideResponse = z.infer<typeof GuideResponse>;

export const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["ok", "error"]),
  /** Whether the photo folder can be written (not-configured: an API-only server without uploads). */
  storage: z.enum(["ok", "error", "not-configured"]),
  guides: z.int().min(0),
  cursor: z.string(),
  /** The database engine (issue 16): SQLite by default, PostgreSQL with DATABASE_URL. */
  engine: z.enum(["sqlite", "postgres"]),
  /** PostgreSQL only, when it can be read: the server's role and how far behind replication is. */
  replication: z
    .object({
      /** replica: pg_is_in_recovery() (a hot standby); primary otherwise. */
      role: z.enum(["primary", "replica"]),
      /** On a replica: seconds since the last replayed commit's time (grows while the primary is idle); null before any. */
      lagSeconds: z.number().nullable().optional(),
      /** On a replica: WAL received but not yet replayed, in bytes. */
      lagBytes: z.number().nullable().optional(),
      /** On a primary: each streaming replica's state and replay lag (null when the server has not measured it or may not see it). */
      replicas: z
        .array(
          z.object({
            state: z.string(),
            replayLagSeconds: z.number().nullable(),
            replayLagBytes: z.number().nullable(),
          }),
        )
        .optional(),
    })
    .optional(),
});
export type Health = z.infer<typeof Health>;

/**
 * What the home list shows of a guide (client/components/GuideCard.tsx, the
 * category chips, the title search): the compact first page the server
 * inlines into a first visit's HTML, so the list shows before the full
 * catalogue has crossed a slow link. Picked from Guide: no rules of its own.
 */
export type GuideSummary = Pick<Guide, "id" | "title" | "summary" | "category"> & {
  fee: Pick<Guide["fee"], "amount">;
  serviceTime: Pick<Guide["serviceTime"], "workingDays" | "unit">;
  office: Pick<Guide["office"], "level">;
};

/** The inline first page: the list's guides and the catalogue cursor they are as of. */
export interface CatalogueSummary {
  cursor: string;
  guides: GuideSummary[];
}

export { CATALOGUE_SUMMARY_ELEMENT_ID } from "./catalogue-summary-element";

export function toGuideSummary(guide: Guide): GuideSummary {
  return {
    id: guide.id,
    title: guide.title,
    summary: guide.summary,
    category: guide.category,
    fee: { amount: guide.fee.amount },
    serviceTime: {
      workingDays: guide.serviceTime.workingDays,
      ...(guide.serviceTime.unit ? { unit: guide.serviceTime.unit } : {}),
    },
    office: { level: guide.office.level },
  };
}
