import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Draft } from "../../shared/draft";
import type { Guide } from "../../shared/guide";
import { duplicateFile } from "../../shared/precheck/messages";
import type { ApplicationStatus, RefusalReason } from "../../shared/sync/protocol";
import { applications } from "../db/schema";
import type { Tx } from "./rows";

/** Files the office is working on: a second one for the same applicant would be sent back. */
const OPEN: readonly ApplicationStatus[] = ["submitted", "received", "verified", "needs-fix"];

/**
 * The guide's "not filed twice" rule, which only the server can know: another
 * file of this service for the same applicant (by NIK), from any cadre, that is
 * open at the office (or, for "ever", already approved). Reads the expression
 * index on the NIK in the stored content (migration 0006), never a table scan.
 */
export function duplicateOf(tx: Tx, guide: Guide, draft: Draft): RefusalReason | undefined {
  if (!guide.filedOnce) return undefined;
  const nik = draft.applicant.nik.replace(/\D/g, "");
  if (!nik) return undefined;
  const statuses: ApplicationStatus[] = guide.filedOnce === "ever" ? [...OPEN, "approved"] : [...OPEN];
  const other = tx
    .select({ status: applications.status })
    .from(applications)
    .where(
      and(
        eq(applications.guideId, guide.id),
        eq(sql`json_extract(${applications.content}, '$.applicant.nik')`, nik),
        ne(applications.id, draft.id),
        isNull(applications.deletedAt),
        inArray(applications.status, statuses),
      ),
    )
    .get();
  if (!other) return undefined;
  return {
    code: "duplicate-file",
    message: duplicateFile(guide.title, other.status === "approved"),
    field: "applicant.nik",
  };
}
