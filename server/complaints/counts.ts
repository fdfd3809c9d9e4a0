import { z } from "zod";
import type { ComplaintCounts } from "../../shared/api/complaints";
import { jakartaDate, jakartaDayStart } from "../../shared/jakarta-time";
import { prepared } from "../dashboard/statements";
import type { Db } from "../db/open";
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

export function complaintCounts(db: Db, user: AuthUser, query: ComplaintCountsQuery, now: Date): ComplaintCounts {
  const { from, to } = bounds(query, now);
  // An operator without a kecamatan counts nothing rather than everything.
  const scope = user.role === "admin" ? "1 = 1" : user.kecamatanCode ? "kecamatan_code = @kecamatan" : "0 = 1";
  const where = `${scope} AND received_at >= @from AND received_at < @to`;
  const params = { kecamatan: user.kecamatanCode ?? "", from, to };
  const grouped = <T>(column: string, alias: string, extra = "") =>
    prepared(
      db,
      `SELECT ${column} AS ${alias}, count(*) AS count FROM complaints WHERE ${where} ${extra}
       GROUP BY 1 ORDER BY count(*) DESC, 1`,
    ).all(params) as (T & { count: number })[];
  const fees = prepared(
    db,
    `SELECT count(*) AS reports, coalesce(sum(amount_asked), 0) AS totalAsked, max(amount_asked) AS largestAsked
     FROM complaints WHERE ${where} AND category = 'biaya'`,
  ).get(params) as { reports: number; totalAsked: number; largestAsked: number | null };
  const byService = prepared(
    db,
    `SELECT guide_id AS guideId, count(*) AS reports, coalesce(sum(amount_asked), 0) AS totalAsked,
       max(official_fee) AS officialFee
     FROM complaints WHERE ${where} AND category = 'biaya'
     GROUP BY guide_id ORDER BY sum(amount_asked) DESC, guide_id`,
  ).all(params) as ComplaintCounts["unofficialFees"]["byService"];
  // Overdue is today's state, whatever the period: what is late now needs acting on now.
  const overdue = prepared(
    db,
    `SELECT count(*) AS n FROM complaints WHERE ${scope} AND clock_state = 'running' AND clock_deadline < @today`,
  ).get({ kecamatan: params.kecamatan, today: jakartaDate(now) }) as { n: number };
  return {
    byCategory: grouped<{ category: ComplaintCounts["byCategory"][number]["category"] }>("category", "category"),
    byKelurahan: grouped<{ kelurahanCode: string | null }>("kelurahan_code", "kelurahanCode"),
    byMonth: grouped<{ month: string }>("strftime('%Y-%m', received_at, '+7 hours')", "month").sort((a, b) =>
      a.month.localeCompare(b.month),
    ),
    byStatus: grouped<{ status: ComplaintCounts["byStatus"][number]["status"] }>("status", "status"),
    unofficialFees: { ...fees, byService },
    overdue: overdue.n,
  };
}
