import type { Resubmission } from "../../../../shared/api/console";
import type { ApplicantField } from "../../../../shared/guide";
import { type ChangeSummary, describeChanges } from "../../../../shared/review/changes";
import { reasonLabel } from "../../../../shared/review/reasons";
import { formatDateTime } from "../../../format";
import { locale } from "../../../i18n";
import { APPLICANT_FIELD_KEYS } from "../../applicant-fields";
import { tc } from "../../messages";

function changeText(
  change: ChangeSummary,
  labelOf: (id: string) => string,
  questionOf: (id: string) => string,
): string {
  if (change.kind === "answer-changed") return tc("changeAnswer", { question: questionOf(change.questionId) });
  if (change.kind === "pages-replaced") return tc("changePagesReplaced", { label: labelOf(change.requirementId) });
  if (change.kind === "requirement-edited") return tc("changeEdited", { label: labelOf(change.requirementId) });
  const key = APPLICANT_FIELD_KEYS[change.field as ApplicantField];
  return tc("changeEdited", { label: key ? tc(key) : change.field });
}

/**
 * A file back after a send-back: who sent it back, when and why (per
 * requirement and overall), and what the cadre changed since — by name,
 * never by value — so the operator looks only at that.
 */
export function SentBackCard({
  resubmission,
  labelOf,
  questionOf,
}: {
  resubmission: Resubmission;
  labelOf: (id: string) => string;
  /** A question of the guide by its text, for a changed answer. */
  questionOf: (id: string) => string;
}) {
  const lang = locale.value;
  const { sentBack, changed } = resubmission;
  const flagged = Object.entries(sentBack.requirements).filter(([, verdict]) => verdict.status === "needs-fix");
  const changes = changed ? describeChanges(changed) : null;
  return (
    <section class="card sent-back" aria-labelledby="sent-back-title" data-testid="sent-back">
      <div>
        <h2 id="sent-back-title">{tc("sentBackTitle")}</h2>
        <p class="small">
          {tc("sentBackBy", {
            when: formatDateTime(new Date(sentBack.at), lang),
            name: sentBack.actorName ?? tc("none"),
          })}
        </p>
        <ul class="plain-list" data-testid="sent-back-reasons">
          {flagged.map(([requirementId, verdict]) => (
            <li key={requirementId}>
              <strong>{labelOf(requirementId)}:</strong>{" "}
              {verdict.reasonCode ? reasonLabel(verdict.reasonCode, lang) : ""}
              {verdict.reason ? ` — ${verdict.reason}` : ""}
            </li>
          ))}
          {sentBack.reasonCode && <li>{tc("sentBackOverall", { reason: reasonLabel(sentBack.reasonCode, lang) })}</li>}
          {sentBack.note && <li>{tc("sentBackNote", { note: sentBack.note })}</li>}
        </ul>
      </div>
      <div>
        <h2 id="changes-title">{tc("changesTitle")}</h2>
        {changes === null && <p class="muted small">{tc("changesUnknown")}</p>}
        {changes?.length === 0 && <p class="warning small">{tc("noChanges")}</p>}
        {changes && changes.length > 0 && (
          <ul class="plain-list change-list" aria-labelledby="changes-title" data-testid="changes">
            {changes.map((change) => (
              <li key={changeKey(change)}>{changeText(change, labelOf, questionOf)}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function changeKey(change: ChangeSummary): string {
  if (change.kind === "field-edited") return `field:${change.field}`;
  if (change.kind === "answer-changed") return `answer:${change.questionId}`;
  return `requirement:${change.requirementId}`;
}
