import { useEffect, useState } from "preact/hooks";
import type { ApplicationDetail } from "../../../shared/api/console";
import { onLinkClick } from "../../router";
import { api } from "../api";
import { ErrorNote, Status } from "../components/Notice";
import { ApplicationView } from "../components/review/ApplicationView";
import { deskNotice } from "../desk";
import { tc } from "../messages";
import { consolePaths } from "../routes";
import { useLoad } from "../use-load";

/** One file of the queue; opened after a decision on the previous one, it says so once. */
export function ApplicationScreen({ id }: { id: string }) {
  const url = `/api/console/applications/${id}`;
  const detail = useLoad(url, () => api<ApplicationDetail>("GET", url));
  const [notice] = useState(() => {
    const text = deskNotice.value;
    deskNotice.value = null;
    return text;
  });
  useEffect(() => {
    // The operator moved here from a decision: start reading at the new file's name.
    if (notice && detail.data) document.getElementById("application-title")?.focus();
  }, [notice, detail.data !== null]);
  return (
    <section aria-labelledby="application-title">
      <a class="back-link" href={consolePaths.queue} onClick={onLinkClick}>
        ← {tc("backToQueue")}
      </a>
      {notice && (
        <div class="notice desk-notice" data-testid="desk-notice">
          <Status text={notice} />
        </div>
      )}
      {detail.loading && !detail.data && <p class="muted">{tc("loading")}</p>}
      {detail.error !== null && <ErrorNote error={detail.error} onRetry={detail.reload} />}
      {detail.data && <ApplicationView app={detail.data} reload={detail.reload} />}
    </section>
  );
}
