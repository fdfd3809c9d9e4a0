import { guidesById } from "../catalogue/store";
import { localDb } from "../db/local-db";
import { locale } from "../i18n";

export interface UnsentDraft {
  draftId: string;
  /** The applicant's name, or null for a draft without one yet. */
  name: string | null;
  service: string;
  changes: number;
}

/**
 * What erasing now would lose, file by file (the vault is open: the sign-out
 * is on the cadre's own screen). Counts come from the outbox's index.
 */
export async function unsentDetails(draftIds: readonly string[]): Promise<UnsentDraft[]> {
  const drafts = await localDb.drafts.bulkGet([...draftIds]);
  return Promise.all(
    draftIds.map(async (draftId, index) => {
      const draft = drafts[index];
      const guide = draft ? guidesById.value.get(draft.guideId) : undefined;
      return {
        draftId,
        name: draft?.applicant.fullName.trim() || null,
        service: guide?.title[locale.value] ?? draft?.guideId ?? "",
        changes: await localDb.outbox.where("draftId").equals(draftId).count(),
      };
    }),
  );
}
