import type { DraftRow, RemoteRow } from "../../db/local-db";
import { locale } from "../../i18n";
import { scrubbedWords } from "../../sync/words";
import { daysAfterDecision, decidedAt } from "../../vault/phone-retention";

/**
 * "Data pemohon dihapus dari ponsel ini (N hari setelah keputusan)": the phone
 * removed this file's applicant data and photos a set time after the office's
 * final decision (client/vault/phone-retention.ts). Nothing for other files.
 */
export function ScrubbedNote({ row, remote, as = "span" }: { row: DraftRow; remote?: RemoteRow; as?: "span" | "p" }) {
  if (!row.scrubbedAt) return null;
  const decided = remote ? decidedAt(remote) : null;
  const text = scrubbedWords(decided ? daysAfterDecision(decided, row.scrubbedAt) : null, locale.value);
  const Tag = as;
  return (
    <Tag class={as === "p" ? "card notice scrubbed-note" : "muted scrubbed-note"} data-testid="scrubbed-note">
      {text}
    </Tag>
  );
}
