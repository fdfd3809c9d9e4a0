import type { Draft } from "../../../shared/draft";

/**
 * The mark the server's retention leaves in a scrubbed file's history
 * (server/retention/scrub.ts SCRUBBED_ACTION). The file screen asks this
 * before showing the applicant: "Data pemohon dihapus (retensi)" rather than
 * empty fields (tp("scrubbed"), tp("scrubbedHelp")).
 */
export const SCRUBBED_ACTION = "retention-scrubbed";

export function isScrubbed(content: Pick<Draft, "history">): boolean {
  return content.history.some((entry) => entry.action === SCRUBBED_ACTION);
}
