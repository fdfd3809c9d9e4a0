import type { Draft } from "../../shared/draft";
import type { Guide } from "../../shared/guide";
import { duplicateFile } from "../../shared/precheck/messages";
import type { RefusalReason } from "../../shared/sync/protocol";
import type { SyncStore } from "./store";

/**
 * The guide's "not filed twice" rule, which only the server can know: another
 * file of this service for the same applicant (by NIK), from any cadre, that is
 * open at the office (or, for "ever", already approved). Reads the expression
 * index on the NIK in the stored content (migration 0006), never a table scan.
 * The applicant is locked first: on PostgreSQL two pushes run at once, and the
 * file one is submitting is invisible to the other until it commits.
 */
export async function duplicateOf(store: SyncStore, guide: Guide, draft: Draft): Promise<RefusalReason | undefined> {
  if (!guide.filedOnce) return undefined;
  const nik = draft.applicant.nik.replace(/\D/g, "");
  if (!nik) return undefined;
  // Two cadres submitting for the same applicant at once take turns here, and the second sees the first's file.
  await store.lockApplicant(guide.id, nik);
  const status = await store.duplicateStatus(guide.id, nik, draft.id, guide.filedOnce === "ever");
  if (!status) return undefined;
  return {
    code: "duplicate-file",
    message: duplicateFile(guide.title, status === "approved"),
    field: "applicant.nik",
  };
}
