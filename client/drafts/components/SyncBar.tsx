import { useEffect } from "preact/hooks";
import { account } from "../../account/session";
import { online } from "../../connectivity";
import { formatRelative } from "../../format";
import { locale } from "../../i18n";
import { onLinkClick } from "../../router";
import { syncView } from "../../sync/state";
import { describeSync, pendingWords, type SyncAction, type Words } from "../../sync/words";
import { td } from "../messages";

const say = (words: Words) => td(words.key, words.params);

function requestSync(): void {
  void import("../../sync/runner").then(({ requestSync }) => requestSync());
}

/** Sign in when the session ended, retry after a failure, sync now otherwise; nothing offline. */
function SyncActionButton({ action, running }: { action: SyncAction; running: boolean }) {
  if (action === "sign-in") {
    return (
      <a class="button primary small" href="/masuk" onClick={onLinkClick}>
        {td("signIn")}
      </a>
    );
  }
  if (running) {
    return (
      <button type="button" class="button small" disabled>
        {td("syncRunning")}
      </button>
    );
  }
  if (action === null) return null;
  return (
    <button type="button" class={action === "retry" ? "button primary small" : "button small"} onClick={requestSync}>
      {action === "retry" ? td("syncRetry") : td("syncNow")}
    </button>
  );
}

/**
 * The truth about sending: how many files wait, what is going out right now
 * (which photo, how many bytes), or why nothing is (no signal, server out of
 * reach, refused, session ended) with what the cadre can do.
 */
export function SyncBar() {
  useEffect(() => {
    void import("../../sync/runner").then(({ refreshCounts }) => refreshCounts());
  }, []);
  const view = syncView.value;
  const words = describeSync(view, { online: online.value, signedIn: account.value !== null });
  return (
    <section class={`card sync-bar ${words.tone}`} aria-labelledby="sync-title" data-testid="sync-bar">
      <h2 id="sync-title" class="visually-hidden">
        {td("syncNow")}
      </h2>
      <p class="sync-pending">
        <strong data-testid="sync-pending">{say(pendingWords(view.pending))}</strong>
      </p>
      <p
        class={`sync-status ${words.tone === "problem" ? "sync-problem" : words.tone === "offline" ? "sync-offline" : "small"}`}
        role="status"
        data-testid="sync-status"
      >
        {words.message ? say(words.message) : ""}
      </p>
      {words.progress && <progress max={words.progress.max} value={words.progress.value} aria-hidden="true" />}
      <p class="muted small" data-testid="last-sync">
        {view.lastSyncAt ? td("syncLast", { when: formatRelative(view.lastSyncAt, locale.value) }) : td("syncNever")}
      </p>
      <SyncActionButton action={words.action} running={view.running && online.value} />
    </section>
  );
}
