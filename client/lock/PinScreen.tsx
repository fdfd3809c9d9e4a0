import { useEffect, useState } from "preact/hooks";
import { localDb } from "../db/local-db";
import { Field } from "../drafts/components/Field";
import { navigate } from "../router";
import { vault } from "../vault/view";
import { tl } from "./messages";
import { PinInput } from "./PinInput";

type Problem = "pattern" | "simple" | "mismatch";

/**
 * The cadre chooses their PIN right after the password sign-in (the secrets
 * wait in memory for it). Deriving the key takes about a second on a cheap
 * phone, so the screen says what it is doing meanwhile.
 */
export function PinScreen() {
  const view = vault.value;
  const [pin, setPin] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${tl("pinTitle")} — Masdarin`;
  }, []);
  useEffect(() => {
    if (view.kind === "unlocked" && !busy) navigate("/berkas");
  }, [view.kind, busy]);

  if (view.kind !== "set-pin") {
    if (view.kind === "unlocked" || view.kind === "loading") return null;
    return (
      <section class="card lock-card" aria-labelledby="pin-title">
        <h1 id="pin-title">{tl("pinTitle")}</h1>
        <p>{tl("pinLost")}</p>
        <a
          class="button primary wide"
          href="/masuk"
          onClick={(event) => {
            event.preventDefault();
            navigate("/masuk");
          }}
        >
          {tl("signInWithPassword")}
        </a>
      </section>
    );
  }

  async function submit(event: Event) {
    event.preventDefault();
    const { pinProblem, setPin: savePin } = await import("../vault/vault");
    const found = pinProblem(pin, repeat);
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      await savePin(localDb, pin);
    } finally {
      setBusy(false);
    }
    navigate("/berkas");
    // Changes kept through an erase, or an older version's drafts: they go out now.
    void import("../sync/runner").then(({ requestSync }) => requestSync());
  }

  const pinError = problem === "pattern" || problem === "simple" ? tl(`pinProblem.${problem}`) : undefined;
  const repeatError = problem === "mismatch" ? tl("pinProblem.mismatch") : undefined;
  return (
    <section class="card lock-card" aria-labelledby="pin-title">
      <h1 id="pin-title">{tl("pinTitle")}</h1>
      <p class="lock-who">{tl("pinFor", { name: view.displayName })}</p>
      <p class="muted small">{tl("pinHelp")}</p>
      <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <Field id="pin-new" label={tl("pinLabel")} error={pinError}>
          <PinInput id="pin-new" value={pin} onInput={setPin} error={pinError} disabled={busy} />
        </Field>
        <Field id="pin-repeat" label={tl("pinRepeat")} error={repeatError}>
          <PinInput id="pin-repeat" value={repeat} onInput={setRepeat} error={repeatError} disabled={busy} />
        </Field>
        <p class="lock-busy" role="status">
          {busy ? tl("pinBusy") : ""}
        </p>
        <button type="submit" class="button primary wide" disabled={busy}>
          {busy ? tl("pinBusy") : tl("pinSave")}
        </button>
      </form>
    </section>
  );
}
