import { useState } from "preact/hooks";
import { account, signOut } from "../../account/session";
import { localDb } from "../../db/local-db";
import { td } from "../messages";

/** Who is signed in, and a sign-out that refuses to lose unsent work without a clear confirmation. */
export function AccountPanel({ onSignedOut }: { onSignedOut: () => void }) {
  const [unsent, setUnsent] = useState<number | null>(null);
  const user = account.value;
  if (!user) return null;
  async function start() {
    const pending = await localDb.outbox.count();
    if (pending > 0) {
      setUnsent(pending);
      return;
    }
    await signOut("erase", true);
    onSignedOut();
  }
  return (
    <section class="card account-panel">
      <p>{td("signedInAs", { name: user.displayName || user.username })}</p>
      {unsent === null ? (
        <button type="button" class="button ghost small" onClick={() => void start()}>
          {td("signOut")}
        </button>
      ) : (
        <div role="alert">
          <p class="field-error">{td("signOutWarning", { count: unsent })}</p>
          <div class="actions">
            <button
              type="button"
              class="button small danger"
              onClick={() =>
                void signOut("erase", true).then(() => {
                  setUnsent(null);
                  onSignedOut();
                })
              }
            >
              {td("signOutConfirm")}
            </button>
            <button type="button" class="button ghost small" onClick={() => setUnsent(null)}>
              {td("cancel")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
