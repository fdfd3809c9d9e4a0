import { useState } from "preact/hooks";
import { signOut } from "../account/session";
import { navigate } from "../router";
import { tl } from "./messages";
import { UnsentList } from "./UnsentList";
import { type UnsentDraft, unsentDetails } from "./unsent-details";

type Step =
  | { kind: "choose" }
  | { kind: "working" }
  | { kind: "unsent"; items: UnsentDraft[]; sending: boolean; note: string | null };

/**
 * Leaving this phone: keep the profile sealed here, or erase it. Erasing
 * waits until nothing is left to send, or lists what would be lost and asks
 * once more ("Hapus juga (hilang)"); "Kirim dulu" sends first.
 */
export function SignOutChoices({ onCancel, onDone }: { onCancel: () => void; onDone?: (() => void) | undefined }) {
  const [step, setStep] = useState<Step>({ kind: "choose" });

  async function leave(mode: "keep" | "erase", force = false) {
    setStep({ kind: "working" });
    const result = await signOut(mode, force);
    if (result.ok) {
      onDone?.();
      navigate("/masuk");
      return;
    }
    setStep({ kind: "unsent", items: await unsentDetails(result.unsent.draftIds), sending: false, note: null });
  }

  async function sendFirst() {
    if (step.kind !== "unsent") return;
    setStep({ ...step, sending: true, note: null });
    if (!navigator.onLine) {
      setStep({ ...step, sending: false, note: tl("sendOffline") });
      return;
    }
    const [{ requestSync }, { syncView }] = await Promise.all([import("../sync/runner"), import("../sync/state")]);
    await requestSync().catch(() => undefined);
    // A round already running (started by the connection's return, or in another tab) is the one that sends.
    await new Promise<void>((done) => {
      const stop = syncView.subscribe((view) => {
        if (view.running) return;
        queueMicrotask(() => stop());
        done();
      });
    });
    const { activeUnsent } = await import("../vault/vault");
    const { localDb } = await import("../db/local-db");
    const left = await activeUnsent(localDb);
    if (left.changes === 0) setStep({ kind: "choose" });
    else setStep({ kind: "unsent", items: await unsentDetails(left.draftIds), sending: false, note: tl("sentSome") });
  }

  if (step.kind === "working") return <p role="status">{tl("signOutWorking")}</p>;
  if (step.kind === "unsent") {
    return (
      <div class="sign-out-unsent" role="alert">
        <UnsentList items={step.items} />
        {step.note && <p class="small">{step.note}</p>}
        <div class="actions stacked">
          <button type="button" class="button primary" disabled={step.sending} onClick={() => void sendFirst()}>
            {step.sending ? tl("sending") : tl("sendFirst")}
          </button>
          <button type="button" class="button danger-fill" onClick={() => void leave("erase", true)}>
            {tl("eraseAnyway")}
          </button>
          <button type="button" class="button ghost" onClick={onCancel}>
            {tl("cancel")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="sign-out-choices">
      <h2 id="sign-out-title">{tl("signOutTitle")}</h2>
      <button type="button" class="button choice" onClick={() => void leave("keep")} aria-describedby="keep-help">
        {tl("signOutKeep")}
      </button>
      <p id="keep-help" class="muted small">
        {tl("signOutKeepHelp")}
      </p>
      <button
        type="button"
        class="button choice danger"
        onClick={() => void leave("erase")}
        aria-describedby="erase-help"
      >
        {tl("signOutErase")}
      </button>
      <p id="erase-help" class="muted small">
        {tl("signOutEraseHelp")}
      </p>
      <button type="button" class="button ghost" onClick={onCancel}>
        {tl("cancel")}
      </button>
    </div>
  );
}
