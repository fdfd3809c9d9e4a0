import { type Context, Hono } from "hono";
import { DashboardCsvQuery, DashboardQuery, DashboardTable } from "../../../shared/api/console";
import { jakartaDate } from "../../../shared/jakarta-time";
import { actorOf, scopeOf } from "../../console/scope";
import { buildDashboard } from "../../dashboard/build";
import { type DashboardFilter, dashboardFilter } from "../../dashboard/filter";
import { dashboardTable } from "../../dashboard/tables";
import type { Db } from "../../db/open";
import { csvDialect, csvResponse } from "../../http/csv";
import type { AppEnv } from "../../http/env";
import { apiError, requestLocale } from "../../http/errors";
import { readQuery } from "../../http/query";
import type { ConsoleOptions } from "./index";

/**
 * Reads and checks the dashboard's query. An operator asking for another
 * kecamatan gets 403 forbidden rather than silently their own figures: a
 * screen or a spreadsheet labelled with the wrong kecamatan is worse than an
 * error. Asking for their own kecamatan is fine.
 */
function readFilter(
  c: Context<AppEnv>,
  schema: typeof DashboardQuery | typeof DashboardCsvQuery = DashboardQuery,
): { ok: true; filter: DashboardFilter; sep?: "comma" | "semicolon" | undefined } | { ok: false; response: Response } {
  const query = readQuery<DashboardCsvQuery>(c, schema);
  if (!query.ok) return query;
  const { from, to, kecamatanCode } = query.value;
  if (from !== undefined && to !== undefined && from > to) {
    return { ok: false, response: apiError(c, 400, "invalid_query", { parameter: "from", reason: "after-to" }) };
  }
  const scope = scopeOf(actorOf(c));
  if (
    scope.kind !== "all" &&
    kecamatanCode !== undefined &&
    !(scope.kind === "kecamatan" && scope.code === kecamatanCode)
  ) {
    return { ok: false, response: apiError(c, 403, "forbidden") };
  }
  return { ok: true, filter: dashboardFilter(scope, query.value), sep: query.value.sep };
}

/** GET /api/console/dashboard and its tables as CSV (/api/console/dashboard/<table>.csv). */
export function dashboardRoutes(db: Db, options: ConsoleOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get("/", async (c) => {
    const read = readFilter(c);
    if (!read.ok) return read.response;
    return c.json(await buildDashboard(db, read.filter, { locale: requestLocale(c), regions: options.regions }));
  });

  routes.get("/:file", async (c) => {
    const file = c.req.param("file");
    const table = DashboardTable.safeParse(file.endsWith(".csv") ? file.slice(0, -".csv".length) : "");
    if (!table.success) return apiError(c, 404, "not_found");
    const read = readFilter(c, DashboardCsvQuery);
    if (!read.ok) return read.response;
    const labels = { locale: requestLocale(c), regions: options.regions };
    const csv = await dashboardTable(db, table.data, read.filter, labels);
    const name = `masdarin-${table.data}-${jakartaDate(options.now())}.csv`;
    return csvResponse(c, name, csv.header, () => [csv.rows], csvDialect(read.sep));
  });

  return routes;
}
