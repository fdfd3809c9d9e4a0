import type { ApplicationDetail } from "../../../../shared/api/console";
import { reasonLabel } from "../../../../shared/review/reasons";
import { guidesById } from "../../../catalogue/store";
import { locale } from "../../../i18n";
import { type ConsoleMessageKey, tc } from "../../messages";
import { isScrubbed } from "../../privacy/scrubbed";
import { tp } from "../../privacy-messages";
import { ApplicantCard } from "./ApplicantCard";
import { ClockCard } from "./ClockCard";
import { HistoryCard } from "./HistoryCard";
import { PrecheckCard } from "./PrecheckCard";
import { ReviewForm } from "./ReviewForm";
import { requirementsOf } from "./review-state";
import { SentBackCard } from "./SentBackCard";

/** One file under review: what was sent back and changed (for a resubmission), the file itself, and the decision. */
export function ApplicationView({ app, reload }: { app: ApplicationDetail; reload: () => void }) {
  const lang = locale.value;
  const guide = guidesById.value.get(app.guideId);
  const requirementIds = requirementsOf(app, guide);
  const labelOf = (reqId: string) => guide?.requirements.find((r) => r.id === reqId)?.label[lang] ?? reqId;
  const questionOf = (id: string) => guide?.questions.find((q) => q.id === id)?.text[lang] ?? id;
  return (
    <>
      <h1 id="application-title" tabIndex={-1}>
        {tc("applicationTitle", {
          name: app.content.applicant.fullName || (isScrubbed(app.content) ? tp("scrubbed") : "—"),
        })}
      </h1>
      <p class="muted small">
        {guide?.title[lang] ?? app.guideId} · {tc("guideVersion", { version: app.guideVersion })} ·{" "}
        <span class={`status-tag status-${app.status}`} data-testid="application-status">
          {tc(`status.${app.status}` as ConsoleMessageKey)}
        </span>
        {app.resubmission && (
          <>
            {" "}
            <span class="status-tag tag-resubmitted">{tc("resubmitted", { count: app.resubmission.times })}</span>
          </>
        )}
      </p>
      <ClockCard app={app} />
      {app.verdict && (
        <p class="notice">
          {tc("currentVerdict", { decision: tc(`decision.${app.verdict.decision}` as ConsoleMessageKey) })}
          {app.verdict.reasonCode ? ` — ${reasonLabel(app.verdict.reasonCode, lang)}` : ""}
          {app.verdict.reason ? ` — ${app.verdict.reason}` : ""}
          {app.verdict.reason && app.verdict.reasonPublic ? ` (${tc("notePublicShown")})` : ""}
        </p>
      )}
      {app.resubmission && <SentBackCard resubmission={app.resubmission} labelOf={labelOf} questionOf={questionOf} />}
      <div class="console-columns">
        <div>
          <ApplicantCard app={app} guide={guide} />
          <PrecheckCard precheck={app.precheck} labelOf={labelOf} />
          <HistoryCard history={app.history} />
        </div>
        <ReviewForm app={app} requirementIds={requirementIds} labelOf={labelOf} reload={reload} />
      </div>
    </>
  );
}
