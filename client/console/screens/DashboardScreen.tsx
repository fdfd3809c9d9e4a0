import { useState } from "preact/hooks";
import type { Dashboard, GroupFigures } from "../../../shared/api/console";
import { reasonLabel } from "../../../shared/review/reasons";
import { guides } from "../../catalogue/store";
import { formatNumber } from "../../format";
import { locale } from "../../i18n";
import { api, queryString } from "../api";
import { BarChart } from "../components/BarChart";
import { ErrorNote } from "../components/Notice";
import { formatHours, formatRate } from "../format";
import { type ConsoleMessageKey, tc } from "../messages";
import { useLoad } from "../use-load";
import { REVIEW_STATUSES } from "./QueueScreen";

interface Filters {
  from: string;
  to: string;
  guideId: string;
}

export function DashboardScreen() {
  const [draft, setDraft] = useState<Filters>({ from: "", to: "", guideId: "" });
  const [applied, setApplied] = useState<Filters>(draft);
  const query = queryString({ ...applied });
  const dashboard = useLoad(`dashboard${query}`, () => api<Dashboard>("GET", `/api/console/dashboard${query}`));
  const lang = locale.value;
  const csv = (table: string) => `/api/console/dashboard/${table}.csv${query}`;

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{tc("dashboardTitle")}</h1>
      <form
        class="console-filters"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(draft);
        }}
      >
        <div class="field">
          <label for="dash-from">{tc("from")}</label>
          <input
            id="dash-from"
            type="date"
            value={draft.from}
            onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="dash-to">{tc("to")}</label>
          <input
            id="dash-to"
            type="date"
            value={draft.to}
            onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="dash-service">{tc("filterService")}</label>
          <select
            id="dash-service"
            value={draft.guideId}
            onChange={(e) => setDraft({ ...draft, guideId: e.currentTarget.value })}
          >
            <option value="">{tc("all")}</option>
            {guides.value.map((guide) => (
              <option key={guide.id} value={guide.id}>
                {guide.title[lang]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button primary">
          {tc("apply")}
        </button>
      </form>

      {dashboard.error !== null && <ErrorNote error={dashboard.error} onRetry={dashboard.reload} />}
      {dashboard.loading && !dashboard.data && <p class="muted">{tc("loading")}</p>}
      {dashboard.data && (
        <div aria-live="polite">
          <dl class="figures">
            <Figure id="submitted" label={tc("submittedCount")} value={formatNumber(dashboard.data.submitted)} />
            <Figure id="first-pass" label={tc("firstPassRate")} value={formatRate(dashboard.data.firstPassRate)} />
            <Figure
              id="sent-back"
              label={tc("sentBackRate")}
              value={formatRate(dashboard.data.sentBackOrRejectedRate)}
            />
            <Figure
              id="median-submit"
              label={tc("medianDraftToSubmit")}
              value={formatHours(dashboard.data.medianDraftToSubmitHours)}
            />
            <Figure
              id="median-verdict"
              label={tc("medianSubmitToVerdict")}
              value={formatHours(dashboard.data.medianSubmitToVerdictHours)}
            />
          </dl>

          <section class="card" aria-labelledby="by-status-title">
            <h2 id="by-status-title">{tc("byStatusTitle")}</h2>
            <BarChart
              label={tc("chartLabel")}
              labels={REVIEW_STATUSES.map((s) => tc(`status.${s}` as ConsoleMessageKey))}
              values={REVIEW_STATUSES.map((s) => dashboard.data?.byStatus[s] ?? 0)}
            />
            <div class="table-scroll">
              <table class="console-table" data-testid="table-by-status">
                <thead>
                  <tr>
                    <th scope="col">{tc("filterStatus")}</th>
                    <th scope="col">{tc("count")}</th>
                  </tr>
                </thead>
                <tbody>
                  {REVIEW_STATUSES.map((s) => (
                    <tr key={s}>
                      <th scope="row">{tc(`status.${s}` as ConsoleMessageKey)}</th>
                      <td data-testid={`dash-status-${s}`}>{formatNumber(dashboard.data?.byStatus[s] ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <a class="button small" href={csv("by-status")} download>
              {tc("downloadCsv")}
            </a>
          </section>

          <section class="card" aria-labelledby="reasons-title">
            <h2 id="reasons-title">{tc("topReasonsTitle")}</h2>
            {dashboard.data.topReasons.length === 0 ? (
              <p class="muted">{tc("noResults")}</p>
            ) : (
              <div class="table-scroll">
                <table class="console-table" data-testid="table-reasons">
                  <thead>
                    <tr>
                      <th scope="col">{tc("filterService")}</th>
                      <th scope="col">{tc("decision")}</th>
                      <th scope="col">{tc("reason")}</th>
                      <th scope="col">{tc("requirement")}</th>
                      <th scope="col">{tc("count")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dashboard.data.topReasons.map((r, index) => (
                      <tr key={index}>
                        <td>{r.guideTitle}</td>
                        <td>{tc(`decision.${r.decision}` as ConsoleMessageKey)}</td>
                        <td>{reasonLabel(r.reasonCode, lang)}</td>
                        <td>{r.requirementId ?? tc("none")}</td>
                        <td>{formatNumber(r.count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <a class="button small" href={csv("reasons")} download>
              {tc("downloadCsv")}
            </a>
          </section>

          <GroupTable
            id="by-service"
            title={tc("byServiceTitle")}
            rows={dashboard.data.byService}
            csv={csv("by-service")}
          />
          <GroupTable
            id="by-kelurahan"
            title={tc("byKelurahanTitle")}
            rows={dashboard.data.byKelurahan}
            csv={csv("by-kelurahan")}
          />
          <GroupTable id="by-cadre" title={tc("byCadreTitle")} rows={dashboard.data.byCadre} csv={csv("by-cadre")} />
        </div>
      )}
    </section>
  );
}

function Figure({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd data-testid={`dash-${id}`}>{value}</dd>
    </div>
  );
}

function GroupTable({ id, title, rows, csv }: { id: string; title: string; rows: GroupFigures[]; csv: string }) {
  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {rows.length === 0 ? (
        <p class="muted">{tc("noResults")}</p>
      ) : (
        <div class="table-scroll">
          <table class="console-table" data-testid={`table-${id}`}>
            <thead>
              <tr>
                <th scope="col">{tc("colName")}</th>
                <th scope="col">{tc("colSubmitted")}</th>
                <th scope="col">{tc("colFirstPass")}</th>
                <th scope="col">{tc("colSentBack")}</th>
                <th scope="col">{tc("colVerified")}</th>
                <th scope="col">{tc("colNeedsFix")}</th>
                <th scope="col">{tc("colRejected")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{formatNumber(row.submitted)}</td>
                  <td>{formatRate(row.firstPassRate)}</td>
                  <td>{formatRate(row.sentBackOrRejectedRate)}</td>
                  <td>{formatNumber(row.verified)}</td>
                  <td>{formatNumber(row.needsFix)}</td>
                  <td>{formatNumber(row.rejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <a class="button small" href={csv} download>
        {tc("downloadCsv")}
      </a>
    </section>
  );
}
