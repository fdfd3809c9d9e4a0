import { tc } from "../../messages";
import { useLoad } from "../../use-load";
import { tv } from "../../voice-messages";
import { ComplaintCountsView } from "../complaints/ComplaintCountsView";
import { loadComplaintCounts } from "../complaints/complaint-api";
import { ErrorNote } from "../Notice";

/** The dashboard's complaint figures (this year): every operator sees counts, never contents. */
export function ComplaintsSection({ title = tv("dashComplaintsTitle") }: { title?: string }) {
  const counts = useLoad("complaint-counts", loadComplaintCounts);
  return (
    <section class="card" aria-labelledby="dash-complaints-title" data-testid="dash-complaints">
      <h2 id="dash-complaints-title">{title}</h2>
      <p class="muted small">{tv("dashComplaintsHelp")}</p>
      {counts.error !== null && <ErrorNote error={counts.error} onRetry={counts.reload} />}
      {counts.loading && !counts.data && <p class="muted">{tc("loading")}</p>}
      {counts.data && <ComplaintCountsView counts={counts.data} />}
    </section>
  );
}
