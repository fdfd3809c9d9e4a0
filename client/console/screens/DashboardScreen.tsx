import { useState } from "preact/hooks";
import type { Dashboard } from "../../../shared/api/console";
import { api, queryString } from "../api";
import { ComplaintsSection } from "../components/dashboard/ComplaintsSection";
import { DashboardFilters, type DashboardFilterValues, NO_FILTERS } from "../components/dashboard/DashboardFilters";
import { GroupTable } from "../components/dashboard/GroupTable";
import { HeadlineFigures } from "../components/dashboard/HeadlineFigures";
import { OnTimeSection } from "../components/dashboard/OnTimeSection";
import { ReasonsSection } from "../components/dashboard/ReasonsSection";
import { StatusSection } from "../components/dashboard/StatusSection";
import { ErrorNote } from "../components/Notice";
import { tc } from "../messages";
import { useLoad } from "../use-load";

/** The office's figures for a date range and service; every table downloads as CSV with the same filters. */
export function DashboardScreen() {
  const [applied, setApplied] = useState<DashboardFilterValues>(NO_FILTERS);
  const query = queryString({ ...applied });
  const dashboard = useLoad(`dashboard${query}`, () => api<Dashboard>("GET", `/api/console/dashboard${query}`));
  const csv = (table: string) => `/api/console/dashboard/${table}.csv${query}`;
  const data = dashboard.data;

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{tc("dashboardTitle")}</h1>
      <DashboardFilters onApply={setApplied} />
      {dashboard.error !== null && <ErrorNote error={dashboard.error} onRetry={dashboard.reload} />}
      {dashboard.loading && !data && <p class="muted">{tc("loading")}</p>}
      {data && (
        <div aria-live="polite">
          <HeadlineFigures data={data} />
          <StatusSection byStatus={data.byStatus} csv={csv("by-status")} />
          <OnTimeSection data={data.onTime} csv={csv("on-time")} />
          <ReasonsSection reasons={data.topReasons} csv={csv("reasons")} />
          <GroupTable id="by-service" title={tc("byServiceTitle")} rows={data.byService} csv={csv("by-service")} />
          <GroupTable
            id="by-kelurahan"
            title={tc("byKelurahanTitle")}
            rows={data.byKelurahan}
            csv={csv("by-kelurahan")}
          />
          <GroupTable id="by-cadre" title={tc("byCadreTitle")} rows={data.byCadre} csv={csv("by-cadre")} />
          <ComplaintsSection />
        </div>
      )}
    </section>
  );
}
