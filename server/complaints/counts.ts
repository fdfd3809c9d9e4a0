import { sql } from "drizzle-orm";
import { z } from "zod";
import type { ComplaintCounts } from "../../shared/api/complaints";
import { jakartaDate, jakartaDayStart } from "../../shared/jakarta-time";
import type { Db } from "../db/open";
import { rawAll, rawGet } from "../db/raw";
import { jakartaMonth } from "../db/sql-fns";
import type { AuthUser } from "../http/env";

/**
 * The dashboard's complaint figures (GET /api/console/complaints/counts):
 * counts and amounts, never contents, so every operator sees them for their
 * own kecamatan and an admin for all of Jakarta, confidential complaints
 * included (a count names nobody). Each figure is one GROUP BY over the
 * period's rows, found by received_at through complaints_received_idx (or
 * complaints_queue_idx for one kecamatan).
 */

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month like "2026-12"');
export const ComplaintCountsQuery = z
  .strictObject({ from: Month.optional(), to: Month.optional() })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ["to"], message: "Before from" });
export type ComplaintCountsQuery = z.infer<typeof ComplaintCountsQuery>;

function monthAfter(month: string): string {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  return mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, "0")}`;
}

/** The period's bounds as UTC instants of Jakarta month starts; by default this year up to this month. */
function bounds(query: ComplaintCountsQuery, now: Date): { from: string; to: string } {
  const thisMonth = jakartaDate(now).slice(0, 7);
  const from = query.from ?? `${(query.to ?? thisMonth).slice(0, 4)}-01`;
  const to = query.to ?? (from > thisMonth ? from : thisMonth);
  return { from: jakartaDayStart(`${from}-01`), to: jakartaDayStart(`${monthAfter(to)}-01`) };
}

interface Tally {
  byCategory: Map<string, number>;
  byKelurahan: Map<string | null, number>;
  byMonth: Map<string, number>;
  byStatus: Map<string, number>;
  fees: Map<string | null, { reports: number; totalAsked: number; officialFee: number | null }>;
}

const bump = <K>(map: Map<K, number>, key: K, by: number) => map.set(key, (map.get(key) ?? 0) + by);
const sorted = <K>(map: Map<K, number>) =>
  [...map].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));

/** One group of the period's rows. */
interface GroupRow {
  category: string;
  status: string;
  month: string;
  kelurahanCode: string | null;
  guideId: string | null;
  n: number;
  asked: number;
  largest: number | null;
  officialFee: number | null;
}

export async function complaintCounts(
  db: Db,
  user: AuthUser,
  query: ComplaintCountsQuery,
  now: Date,
): Promise<ComplaintCounts> {
  const { from, to } = bounds(query, now);
  // An operator without a kecamatan counts nothing rather than everything.
  const scope =
    user.role === "admin" ? sql`1 = 1` : user.kecamatanCode ? sql`kecamatan_code = ${user.kecamatanCode}` : sql`0 = 1`;
  // One pass over the period's rows, grouped once and folded here: seven GROUP BYs over the same
  // rows cost seven scans and sorts. The Jakarta month is the UTC one before 17:00 UTC (strftime
  // costs as much as the rest of the row).
  const rows = await rawAll<GroupRow>(
    db,
    sql`SELECT category, status, CASE WHEN substr(received_at, 12, 2) < '17' THEN substr(received_at, 1, 7)
         ELSE ${jakartaMonth(sql`received_at`)} END AS month, kelurahan_code AS "kelurahanCode",
       guide_id AS "guideId", count(*) AS n, coalesce(sum(amount_asked), 0) AS asked,
       max(amount_asked) AS largest, max(official_fee) AS "officialFee"
     FROM complaints WHERE ${scope} AND received_at >= ${from} AND received_at < ${to}
     GROUP BY category, status, month, kelurahan_code, guide_id`,
  );
  const tally: Tally = {
    byCategory: new Map(),
    byKelurahan: new Map(),
    byMonth: new Map(),
    byStatus: new Map(),
    fees: new Map(),
  };
  let reports = 0;
  let totalAsked = 0;
  let largestAsked: number | null = null;
  for (const row of rows) {
    const { category, status, month, kelurahanCode, guideId, largest, officialFee } = row;
    // count and sum are numbers on SQLite; Number() also reads a driver's bigint text.
    const n = Number(row.n);
    const asked = Number(row.asked);
    bump(tally.byCategory, category, n);
    bump(tally.byStatus, status, n);
    bump(tally.byMonth, month, n);
    bump(tally.byKelurahan, kelurahanCode, n);
    if (category !== "biaya") continue;
    reports += n;
    totalAsked += asked;
    if (largest !== null && (largestAsked === null || largest > largestAsked)) largestAsked = largest;
    const service = tally.fees.get(guideId) ?? { reports: 0, totalAsked: 0, officialFee: null };
    service.reports += n;
    service.totalAsked += asked;
    if (officialFee !== null && (service.officialFee === null || officialFee > service.officialFee)) {
      service.officialFee = officialFee;
    }
    tally.fees.set(guideId, service);
  }
  // Overdue is today's state, whatever the period: what is late now needs acting on now.
  const overdue = await rawGet<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM complaints WHERE ${scope} AND clock_state = 'running' AND clock_deadline < ${jakartaDate(now)}`,
  );
  type Category = ComplaintCounts["byCategory"][number]["category"];
  type Status = ComplaintCounts["byStatus"][number]["status"];
  return {
    byCategory: sorted(tally.byCategory).map(([category, count]) => ({ category: category as Category, count })),
    byKelurahan: sorted(tally.byKelurahan).map(([kelurahanCode, count]) => ({ kelurahanCode, count })),
    byMonth: [...tally.byMonth].sort((a, b) => a[0].localeCompare(b[0])).map(([month, count]) => ({ month, count })),
    byStatus: sorted(tally.byStatus).map(([status, count]) => ({ status: status as Status, count })),
    unofficialFees: {
      reports,
      totalAsked,
      largestAsked,
      byService: [...tally.fees]
        .sort((a, b) => b[1].totalAsked - a[1].totalAsked || String(a[0]).localeCompare(String(b[0])))
        .map(([guideId, service]) => ({ guideId, ...service })),
    },
    overdue: Number(overdue?.n ?? 0),
  };
}
