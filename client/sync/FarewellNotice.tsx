import { locale } from "../i18n";
import { dismissFarewellNotice, farewellNotice } from "../vault/revocation";
import { farewellDismissWord, farewellWords } from "./words";

/**
 * The office cut this phone's session off (client/vault/revocation.ts): says
 * that everything was sent and the applicants' data erased, or how many
 * changes still wait, sealed. For the sign-in screen (erased) and the lock
 * screen or drafts list (waiting); nothing when there is no such news.
 */
export function FarewellNotice({ kind }: { kind?: "erased" | "waiting" }) {
  const notice = farewellNotice.value;
  if (!notice || (kind && notice.kind !== kind)) return null;
  const lang = locale.value;
  return (
    <div class="card notice farewell-notice" role="status" data-testid={`farewell-${notice.kind}`}>
      <p>{farewellWords(notice, lang)}</p>
      {notice.kind === "erased" && (
        <button type="button" class="button small" onClick={dismissFarewellNotice}>
          {farewellDismissWord(lang)}
        </button>
      )}
    </div>
  );
}
