import { requirementApplicability } from "../../shared/applicability";
import type { Draft } from "../../shared/draft";
import { IMAGE_MIMES } from "../../shared/files/formats";
import type { Guide, Requirement } from "../../shared/guide";
import { usableAnswers } from "../../shared/precheck/requirements";
import type { RefusalReason } from "../../shared/sync/protocol";
import { heldHashes } from "../files/possession";
import type { Tx } from "./rows";
import type { StoredPage, SyncStore } from "./store";

/**
 * The pages a submitted draft references, held against what the server itself
 * recorded when it stored each file (server/files/storage.ts: the sniffed type
 * and, for a picture, the pixel size it decoded). The pre-check judges a page
 * by the type and size the draft declares (accepted formats, "too small to
 * read"); the phone and the server run the same pre-check, so once every
 * declared value is known to be the stored one, both still reach the same
 * verdict, and neither believes a value no one measured.
 *
 * A page counts as held only if this cadre or a cadre of their office sent its
 * bytes (server/files/possession.ts); any other is `file-missing` before its
 * type or size is compared, so a refusal never confirms someone else's file.
 *
 * Only requirements that apply (or may apply) to the draft's answers count,
 * as in the pre-check: pages left in a slot the answers made unnecessary are
 * not sent to the office and not judged.
 */
export interface PageFindings {
  /**
   * The draft with every page's size as the server measured it where the draft declared none (the schema
   * makes it optional): what the pre-check judges and what is stored, so "too small to read" is never skipped.
   */
  measured: Draft;
  /** A page declared with a type or size other than the stored file's (`page-mismatch`). */
  mismatched: RefusalReason[];
  /** A page whose file the server does not hold, verified (`file-missing`): refused at upload, or never sent. */
  missing: RefusalReason[];
}

type StoredFile = StoredPage;

export async function checkPages(
  store: SyncStore,
  tx: Tx,
  guide: Guide,
  draft: Draft,
  cadreId: string,
): Promise<PageFindings> {
  const answers = usableAnswers(guide.questions, draft.answers);
  const pagesOf = guide.requirements
    .filter((requirement) => requirement.kind !== "data")
    .filter((requirement) => requirementApplicability(requirement, answers) !== "not-applicable")
    .map((requirement) => ({ requirement, pages: draft.documents[requirement.id]?.pages ?? [] }));

  const hashes = new Set<string>();
  for (const { pages } of pagesOf) for (const page of pages) if (page.sha256) hashes.add(page.sha256);
  const stored = new Map<string, StoredFile>();
  // Only files this cadre or their office sent count: a hash known from elsewhere is a page never sent.
  for (const sha256 of await heldHashes(tx, cadreId, [...hashes])) {
    const file = await store.storedPage(sha256);
    if (file) stored.set(sha256, file);
  }

  const measured = structuredClone(draft);
  const findings: PageFindings = { measured, mismatched: [], missing: [] };
  for (const { requirement, pages } of pagesOf) {
    pages.forEach((page, index) => {
      const file = page.sha256 ? stored.get(page.sha256) : undefined;
      const where = { requirementId: requirement.id, field: `documents.${requirement.id}.pages.${index}` };
      const undeclared = page.width === undefined && page.height === undefined;
      if (!file || isUnmeasuredImage(file)) {
        findings.missing.push({ code: "file-missing", message: missingText(requirement, index + 1), ...where });
      } else if (
        page.mime !== file.mime ||
        (!undeclared && ((page.width ?? null) !== file.width || (page.height ?? null) !== file.height))
      ) {
        findings.mismatched.push({ code: "page-mismatch", message: mismatchText(requirement, index + 1), ...where });
      } else if (undeclared && file.width !== null && file.height !== null) {
        const copy = measured.documents[requirement.id]?.pages[index];
        if (copy) Object.assign(copy, { width: file.width, height: file.height });
      }
    });
  }
  return findings;
}

/**
 * A picture stored before uploads were decoded: no size was ever measured, so
 * the server does not hold it verified. HEAD /api/files/sha256 answers 404 for
 * it (storage.ts), so the phone sends it again and the upload measures it.
 */
function isUnmeasuredImage(file: StoredFile): boolean {
  return (IMAGE_MIMES as readonly string[]).includes(file.mime) && (file.width === null || file.height === null);
}

/**
 * Retaking is the one thing that helps: the phone uploads every page before it
 * submits, so a page still missing was refused for good (the phone adds why,
 * client/uploads/refusals.ts) or is gone from the phone. Syncing again would not.
 */
function missingText(requirement: Requirement, n: number) {
  const { label } = requirement;
  return {
    id: `Halaman ${n} dari ${label.id} tidak ada di server. Foto ulang halaman ${n} dari ${label.id}, lalu tandai siap diajukan lagi.`,
    en: `Page ${n} of ${label.en} is not on the server. Retake page ${n} of ${label.en}, then mark the file ready again.`,
  };
}

function mismatchText(requirement: Requirement, n: number) {
  const { label } = requirement;
  return {
    id: `Halaman ${n} dari ${label.id} tidak sama dengan berkas yang diterima server (jenis atau ukurannya berbeda). Foto ulang halaman ${n} dari ${label.id}, lalu tandai siap diajukan lagi.`,
    en: `Page ${n} of ${label.en} does not match the file the server received (a different type or size). Retake page ${n} of ${label.en}, then mark the file ready again.`,
  };
}
