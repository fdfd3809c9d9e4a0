import { useEffect, useRef, useState } from "preact/hooks";
import { localDb } from "../db/local-db";
import { Field } from "../drafts/components/Field";
import { formatNumber } from "../format";
import { navigate } from "../router";
import { FarewellNotice } from "../sync/FarewellNotice";
import { vault } from "../vault/view";
import { tl, waitText } from "./messages";
import { PinInput } from "./PinInput";
import { useCountdown } from "./use-countdown";

/**
 * In place of a screen with people's data while the vault is locked: whose
 * data it is, the PIN, the tries left and the wait before the next one.
 * Unlocking offline works (nothing here asks the server); once open, the
 * screen the cadre was on comes back, since the address never changed.
 */
export function LockScreen() {
  const view = vault.value;
  const [pin, setPin] = useState("");
  const [busy, setBusy] = useState(false);
  const [unsent, setUnsent] = useState(0);
  const input = useRef<HTMLDivElement>(null);
  const nextTryAt = view.kind === "locked" ? view.nextTryAt : null;
  const wait = useCountdown(nextTryAt);

  useEffect(() => {
    document.title = `${tl("lockTitle")} — Masdarin`;
    void import("../vault/vault").then(({ activeUnsent }) =>
      activeUnsent(localDb).then((found) => setUnsent(found.changes)),
    );
  }, []);
  useEffect(() => {
    if (wait === 0) input.current?.querySelector("input")?.focus();
  }, [wait]);

  if (view.kind !== "locked") return null;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || wait > 0) return;
    setBusy(true);
    const { unlockWithPin } = await import("../vault/vault");
    await unlockWithPin(localDb, pin).finally(() => setBusy(false));
    setPin("");
    // The field was disabled while the key was tried: give the cursor back for the next try.
    requestAnimationFrame(() => input.current?.querySelector("input")?.focus());
  }

  const wrong = view.failures > 0 ? tl("attemptsLeft", { count: formatNumber(view.attemptsLeft) }) : undefined;
  return (
    <section class="card lock-card" aria-labelledby="lock-title" data-testid="lock-screen">
      <h1 id="lock-title">{tl("lockTitle")}</h1>
      <p class="lock-who">{tl("lockWho", { name: view.profile.displayName || view.profile.username })}</p>
      <p class="muted small">{tl("lockHelp")}</p>
      {unsent > 0 && <p class="small">{tl("lockUnsent", { count: formatNumber(unsent) })}</p>}
      {/* The office cut this phone off and changes still wait, sealed: the cadre's PIN or password sends them. */}
      <FarewellNotice kind="waiting" />
      <form onSubmit={(event) => void submit(event)}>
        <div ref={input}>
          <Field id="lock-pin" label={tl("pinLabel")} error={wrong}>
            <PinInput id="lock-pin" value={pin} onInput={setPin} error={wrong} disabled={busy || wait > 0} />
          </Field>
        </div>
        {view.failures > 0 && view.attemptsLeft <= 5 && (
          <p class="small lock-warning">{tl("attemptsWarning", { count: formatNumber(view.attemptsLeft) })}</p>
        )}
        {/* A timer is not read out every second; the field's message says the PIN was wrong. */}
        <p class="lock-wait" role="timer">
          {wait > 0 ? tl("tryAgainIn", { time: waitText(wait) }) : ""}
        </p>
        <button type="submit" class="button primary wide" disabled={busy || wait > 0}>
          {busy ? tl("unlocking") : tl("unlock")}
        </button>
      </form>
      <a
        class="button ghost wide"
        href="/masuk"
        onClick={(event) => {
          event.preventDefault();
          navigate("/masuk");
        }}
      >
        {tl("notYou")}
      </a>
    </section>
  );
}
