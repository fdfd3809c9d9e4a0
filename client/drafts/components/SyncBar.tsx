import { useEffect } from "preact/hooks";
import { account } from "../../account/session";
import { formatRelative } from "../../format";
import { locale } from "../../i18n";
import { onLinkClick } from "../../router";
import { syncView } from "../../sync/state";
import { td } from "../messages";

/** How many changes wait, upload progress, the last good sync, and errors in plain words with a retry. */
export function SyncBar() {
  useEffect(() => {
    void import("../../sync/runner").then(({ refreshCounts }) => refreshCounts());
  }, []);
  const view = syncView.value;
  const sync = () => void import("../../sync/runner").then(({ requestSync }) => requestSync());
  const problem =
    !account.value || view.status === "signed-out"
      ? td("syncSignedOut")
      : view.status === "session-expired"
        ? td("syncSessionExpired")
        : view.status === "offline" || !navigator.onLine
          ? td("syncOffline")
          : view.status === "error"
            ? td("syncError")
            : null;
  return (
    <section class="card sync-bar" aria-labelledby="sync-title" aria-live="polite">
      <h2 id="sync-title" class="visually-hidden">
        {td("syncNow")}
      </h2>
      <p class="sync-pending">
        <strong>{view.pending > 0 ? td("syncPending", { count: view.pending }) : td("syncNothingPending")}</strong>
      </p>
      <p class="muted small" data-testid="last-sync">
        {view.lastSyncAt ? td("syncLast", { when: formatRelative(view.lastSyncAt, locale.value) }) : td("syncNever")}
      </p>
      {view.upload && (
        <>
          <p class="small">
            {td("syncUploading", {
              sent: `${Math.round(view.upload.sent / 1024)} KB`,
              total: `${Math.round(view.upload.total / 1024)} KB`,
            })}
          </p>
          <progress max={view.upload.total} value={view.upload.sent} />
        </>
      )}
      {problem && (
        <p class="sync-problem" role="status">
          {problem}
        </p>
      )}
      {!account.value || view.status === "session-expired" ? (
        <a class="button primary small" href="/masuk" onClick={onLinkClick}>
          {td("signIn")}
        </a>
      ) : (
        <button type="button" class="button small" disabled={view.running} onClick={sync}>
          {view.running ? td("syncRunning") : td("syncNow")}
        </button>
      )}
    </section>
  );
}
