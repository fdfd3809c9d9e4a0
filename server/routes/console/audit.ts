import { Hono } from "hono";
import { AuditExportQuery, AuditQuery } from "../../../shared/api/console";
import { auditActionLabel, auditTargetTypeLabel } from "../../../shared/audit/describe";
import { jakartaDate } from "../../../shared/jakarta-time";
import type { LocalizedText } from "../../../shared/text";
import { roleLabel } from "../../../shared/users/roles";
import { auditTargetNames } from "../../audit/targets";
import { actorOf, scopeOf } from "../../console/scope";
import {
  auditBatches,
  auditCursor,
  auditRows,
  exportedAuditJson,
  parseAuditCursor,
  toAuditEntry,
} from "../../dashboard/audit";
import type { Db } from "../../db/open";
import { csvDialect, csvResponse } from "../../http/csv";
import type { AppEnv } from "../../http/env";
import { apiError, requestLocale } from "../../http/errors";
import { readQuery } from "../../http/query";
import type { ConsoleOptions } from "./index";

const EXPORT_HEADER: LocalizedText[] = [
  { id: "Waktu", en: "Time" },
  { id: "Pelaku", en: "Actor" },
  { id: "Peran", en: "Role" },
  { id: "Tindakan", en: "Action" },
  { id: "Kode tindakan", en: "Action code" },
  { id: "Jenis sasaran", en: "Target type" },
  { id: "Sasaran", en: "Target" },
  { id: "ID sasaran", en: "Target ID" },
  { id: "Sebelum (JSON)", en: "Before (JSON)" },
  { id: "Sesudah (JSON)", en: "After (JSON)" },
];

/** Only a verdict's words depend on its after ("Mengirim balik berkas"): the rest is not parsed. */
function parsedAfter(row: { action: string; after: string | null }): unknown {
  return row.action === "application.verdict" && row.after !== null ? JSON.parse(row.after) : null;
}

/**
 * GET /api/console/audit (a page, newest first) and
 * GET /api/console/audit/export.csv (every matching entry, streamed). The
 * export lives under /audit/ so it sits in this router, next to the list.
 */
export function auditRoutes(db: Db, options: ConsoleOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get("/", async (c) => {
    const query = readQuery(c, AuditQuery);
    if (!query.ok) return query.response;
    const { actorId, action, cursor, limit } = query.value;
    const beforeId = cursor === undefined ? undefined : parseAuditCursor(cursor);
    if (cursor !== undefined && beforeId === undefined) {
      return apiError(c, 400, "invalid_cursor_value", { parameter: "cursor" });
    }
    // One row more than asked tells whether another page exists without a COUNT.
    const rows = await auditRows(db, { scope: scopeOf(actorOf(c)), actorId, action }, limit + 1, beforeId);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const targets = await auditTargetNames(db, page, requestLocale(c));
    return c.json({
      entries: page.map((row) => toAuditEntry(row, targets.get(`${row.targetType}:${row.targetId}`))),
      nextCursor: rows.length > limit && last ? auditCursor(last.id) : null,
    });
  });

  routes.get("/export.csv", (c) => {
    const query = readQuery(c, AuditExportQuery);
    if (!query.ok) return query.response;
    const locale = requestLocale(c);
    const { sep, ...wanted } = query.value;
    const filter = { scope: scopeOf(actorOf(c)), ...wanted };
    return csvResponse(
      c,
      `masdarin-audit-${jakartaDate(options.now())}.csv`,
      EXPORT_HEADER.map((text) => text[locale]),
      async function* () {
        for await (const batch of auditBatches(db, filter)) {
          // Named as on screen: the action in words, the target in full (one query per kind of target per batch).
          const targets = await auditTargetNames(db, batch, locale);
          yield batch.map((row) => {
            const target = targets.get(`${row.targetType}:${row.targetId}`);
            return [
              row.at,
              row.actorName ?? "",
              roleLabel(row.actorRole, locale),
              auditActionLabel(row.action, parsedAfter(row), locale),
              row.action,
              auditTargetTypeLabel(row.targetType, locale),
              [target?.name, target?.detail].filter(Boolean).join(" · "),
              row.targetId,
              exportedAuditJson(row.before),
              exportedAuditJson(row.after),
            ];
          });
        }
      },
      csvDialect(sep),
    );
  });

  return routes;
}
