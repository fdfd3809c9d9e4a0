import { pick } from "../../shared/text";
import type { TrackingNumber } from "../../shared/tracking/number";
import { account } from "../account/session";
import { guidesById } from "../catalogue/store";
import { locale } from "../i18n";
import { lookUpAny } from "../tracking/lookup";
import { getSaved, isComplaintStatus } from "../tracking/store";
import { openKey } from "../vault/keyring";

/** What the survey shows about its file: the service and the office, never the applicant. */
export interface FileContext {
  service: string | null;
  office: string | null;
}

/**
 * From what the phone holds first (the /lacak list, then the cadre's own
 * copy of the file), then the public lookup when online.
 */
export async function fileContext(number: TrackingNumber): Promise<FileContext> {
  const lang = locale.value;
  const saved = await getSaved(number).catch(() => undefined);
  if (saved && !isComplaintStatus(saved.status)) {
    return { service: pick(saved.status.service.title, lang), office: pick(saved.status.office.name, lang) };
  }
  // The cadre's own copy is sealed: read only while their data is open (locked, the lookup answers).
  if (account.value && openKey()) {
    const local = await cadreCopy(number).catch(() => null);
    if (local) return local;
  }
  if (navigator.onLine) {
    const result = await lookUpAny(number);
    if (result.ok && !isComplaintStatus(result.status)) {
      return { service: pick(result.status.service.title, lang), office: pick(result.status.office.name, lang) };
    }
  }
  return { service: null, office: null };
}

/** The cadre's phone: the file's service from its draft (the office decided it, the number came with the pull). */
async function cadreCopy(number: string): Promise<FileContext | null> {
  const { localDb } = await import("../db/local-db");
  const remote = await localDb.remote.filter((row) => row.trackingNumber === number).first();
  if (!remote) return null;
  const draft = await localDb.drafts.get(remote.id);
  const guide = draft ? guidesById.value.get(draft.guideId) : undefined;
  return guide ? { service: guide.title[locale.value], office: pick(guide.office.name, locale.value) } : null;
}
