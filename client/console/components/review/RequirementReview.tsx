import type { ApplicationDetail } from "../../../../shared/api/console";
import { requirementChanged } from "../../../../shared/review/changes";
import { reasonLabel } from "../../../../shared/review/reasons";
import { formatDay } from "../../../format";
import { locale } from "../../../i18n";
import { tc } from "../../messages";
import { PhotoViewer } from "../PhotoViewer";
import { RequirementVerdict } from "./RequirementVerdict";
import type { ReqReview } from "./review-state";

interface Props {
  app: ApplicationDetail;
  reqId: string;
  label: string;
  review: ReqReview;
  decidable: boolean;
  onChange: (change: Partial<ReqReview>) => void;
}

/** How a requirement stands against the last send-back: changed since, or untouched (and what the office said then). */
function sinceSendBack(app: ApplicationDetail, reqId: string) {
  const resubmission = app.resubmission;
  if (!resubmission?.changed) return null;
  const earlier = resubmission.sentBack.requirements[reqId];
  const changed = requirementChanged(reqId, resubmission.changed);
  return { earlier, changed, carried: resubmission.carried[reqId] !== undefined };
}

function Pages({ app, reqId, label }: { app: ApplicationDetail; reqId: string; label: string }) {
  const pages = app.content.documents[reqId]?.pages ?? [];
  return (
    <>
      {pages.map((page, index) => {
        if (!page.sha256) return null;
        const src = `/api/console/applications/${app.id}/files/${page.sha256}`;
        return page.mime === "application/pdf" ? (
          <p key={page.blobId}>
            <a href={src} target="_blank" rel="noopener">
              {tc("pdfLink", { n: index + 1 })}
            </a>
          </p>
        ) : (
          <PhotoViewer
            key={page.blobId}
            src={src}
            alt={tc("photoAlt", { label, n: index + 1 })}
            testId={`photo-${reqId}-${index}`}
          />
        );
      })}
    </>
  );
}

/**
 * One requirement under review: what the office said last time and whether
 * it changed since, the server's findings, the pages, and the operator's
 * mark. An untouched requirement the office accepted before keeps its pages
 * folded away: the operator looks at what changed.
 */
export function RequirementReview({ app, reqId, label, review, decidable, onChange }: Props) {
  const lang = locale.value;
  const documents = app.content.documents[reqId];
  const data = app.content.data[reqId];
  const pre = app.precheck.requirements.find((r) => r.requirementId === reqId);
  const since = sinceSendBack(app, reqId);
  const hasPages = (documents?.pages.length ?? 0) > 0;
  return (
    <li class="review-requirement" data-testid={`requirement-${reqId}`}>
      <h3>{label}</h3>
      {since && (
        <p class="tags">
          {since.changed && <span class="status-tag tag-changed">{tc("changedSince")}</span>}
          {!since.changed && since.carried && <span class="status-tag tag-carried">{tc("unchangedAccepted")}</span>}
          {!since.changed && since.earlier?.status === "needs-fix" && (
            <span class="status-tag status-needs-fix">{tc("unchangedFlagged")}</span>
          )}
        </p>
      )}
      {since?.earlier?.status === "needs-fix" && (
        <p class="small earlier-reason" data-testid={`earlier-reason-${reqId}`}>
          {tc("earlierReason", {
            reason: `${since.earlier.reasonCode ? reasonLabel(since.earlier.reasonCode, lang) : ""}${since.earlier.reason ? ` — ${since.earlier.reason}` : ""}`,
          })}
        </p>
      )}
      {pre && pre.reasons.length > 0 && (
        <p class="warning small">{pre.reasons.map((r) => r.message[lang]).join(" ")}</p>
      )}
      {data !== undefined && <p>{tc("dataValue", { value: data })}</p>}
      {documents?.issuedOn && (
        <p class="small">{tc("issuedOn", { date: formatDay(documents.issuedOn, locale.value) })}</p>
      )}
      {hasPages && since?.carried && !since.changed ? (
        <details class="folded-pages">
          <summary>{tc("showPages")}</summary>
          <Pages app={app} reqId={reqId} label={label} />
        </details>
      ) : (
        <Pages app={app} reqId={reqId} label={label} />
      )}
      {!hasPages && data === undefined && <p class="muted small">{tc("noPages")}</p>}
      {decidable && <RequirementVerdict reqId={reqId} review={review} onChange={onChange} />}
    </li>
  );
}
