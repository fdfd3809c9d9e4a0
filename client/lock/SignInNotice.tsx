import { useEffect, useState } from "preact/hooks";
import { localDb } from "../db/local-db";
import { formatNumber } from "../format";
import type { VaultView } from "../vault/view";
import { tl } from "./messages";

/**
 * Why the cadre must sign in with the password: an older version's data is
 * to be sealed (legacy), or too many wrong PINs erased the synced data and
 * only the unsent changes remain, locked (erased). Says exactly that, as
 * the page's first heading (the sign-in form under it takes the second).
 */
export function SignInNotice({ view }: { view: Extract<VaultView, { kind: "sign-in" }> }) {
  const [unsent, setUnsent] = useState<number | null>(null);
  useEffect(() => {
    if (view.reason !== "erased") return;
    void import("../vault/vault").then(({ activeUnsent }) =>
      activeUnsent(localDb).then((found) => setUnsent(found.changes)),
    );
  }, [view.reason]);

  if (view.reason === "legacy") {
    return (
      <section class="card notice lock-notice" aria-labelledby="vault-notice-title" data-testid="vault-legacy">
        <h1 id="vault-notice-title">{tl("legacyTitle")}</h1>
        <p>{tl("legacyBody")}</p>
      </section>
    );
  }
  return (
    <section class="card notice lock-notice" aria-labelledby="vault-notice-title" data-testid="vault-erased">
      <h1 id="vault-notice-title">{tl("erasedTitle")}</h1>
      <p>{tl("erasedBody")}</p>
      {unsent !== null && (
        <p>
          <strong>{unsent > 0 ? tl("erasedUnsent", { count: formatNumber(unsent) }) : tl("erasedNothing")}</strong>
        </p>
      )}
    </section>
  );
}
