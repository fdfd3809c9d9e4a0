import { useState } from "preact/hooks";
import { account } from "../../account/session";
import { localDb } from "../../db/local-db";
import { tl } from "../../lock/messages";
import { SignOutChoices } from "../../lock/SignOutChoices";
import { td } from "../messages";

/**
 * Who is signed in; "Kunci sekarang" for handing the phone over for a
 * moment; and leaving, with the choice to keep the profile sealed here or
 * erase it (client/lock/SignOutChoices.tsx).
 */
export function AccountPanel({ onSignedOut }: { onSignedOut?: () => void }) {
  const [leaving, setLeaving] = useState(false);
  const user = account.value;
  if (!user) return null;
  return (
    <section class="card account-panel" aria-label={td("signedInAs", { name: user.displayName || user.username })}>
      <p>{td("signedInAs", { name: user.displayName || user.username })}</p>
      <div class="actions">
        <button
          type="button"
          class="button"
          onClick={() =>
            void Promise.all([import("../../vault/vault"), import("../../vault/other-tabs")]).then(
              ([{ lockVault }, { announceLock }]) => {
                announceLock();
                return lockVault(localDb);
              },
            )
          }
        >
          {tl("lockNow")}
        </button>
        {!leaving && (
          <button type="button" class="button ghost" onClick={() => setLeaving(true)}>
            {td("signOut")}
          </button>
        )}
      </div>
      {leaving && <SignOutChoices onCancel={() => setLeaving(false)} onDone={onSignedOut} />}
    </section>
  );
}
