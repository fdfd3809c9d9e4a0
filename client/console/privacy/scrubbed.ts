/**
 * The mark the server's retention leaves in a scrubbed file's history
 * (server/retention/scrub.ts SCRUBBED_ACTION). The file screen asks this
 * before showing the applicant: "Data pemohon dihapus (retensi)" rather than
 * empty fields (tp("scrubbed"), tp("scrubbedHelp")).
 */
import { SCRUBBED_ACTION } from "../../../shared/api/retention";
import type { Draft } from "../../../shared/draft";

export { SCRUBBED_ACTION };

export function isScrubbed(content: Pick<Draft, "history">): boolean {
  return content.history.some((entry) => entry.action === SCRUBBED_ACTION);
}
