import type { AuditEntry } from "../../../../shared/api/console";
import { auditActionLabel, auditChanges, auditTargetTypeLabel } from "../../../../shared/audit/describe";
import { roleLabel } from "../../../../shared/users/roles";
import { formatDateTime } from "../../../format";
import { locale } from "../../../i18n";
import { tc } from "../../messages";

/**
 * Who or what the entry is about, in full: a service's title, an account's
 * name and username, a file's applicant initials and its whole id (ids are
 * what the office searches and quotes, so none is cut short).
 */
function Target({ entry }: { entry: AuditEntry }) {
  const lang = locale.value;
  const showId = entry.targetType === "application" || entry.targetType === "session" || entry.targetName === null;
  return (
    <div class="audit-target">
      <span class="audit-target-type">{auditTargetTypeLabel(entry.targetType, lang)}</span>{" "}
      {entry.targetName !== null ? (
        <strong>{entry.targetName}</strong>
      ) : (
        <span class="muted">({tc("auditTargetGone")})</span>
      )}
      {entry.targetDetail !== null && <span> · {entry.targetDetail}</span>}
      {entry.targetType === "guide" && entry.targetName !== null && (
        <span class="muted small mono"> ({entry.targetId})</span>
      )}
      {showId && <div class="muted small mono">{tc("auditId", { id: entry.targetId })}</div>}
    </div>
  );
}

/** Before → after, one field a line, in words: never the stored JSON. */
function Changes({ entry }: { entry: AuditEntry }) {
  const changes = auditChanges(entry.before, entry.after, locale.value);
  if (changes.length === 0) return <span class="muted">{tc("auditNoDetail")}</span>;
  return (
    <ul class="audit-changes">
      {changes.map((change) => (
        <li key={change.field}>
          <span class="audit-field">{change.field}:</span>{" "}
          {change.before !== null && (
            <>
              <span class="audit-before">{change.before}</span> <span aria-hidden="true">→</span>{" "}
              <span class="visually-hidden">{tc("auditChangedTo")}</span>{" "}
            </>
          )}
          <span class="audit-after">{change.after ?? tc("none")}</span>
        </li>
      ))}
    </ul>
  );
}

export function AuditRow({ entry }: { entry: AuditEntry }) {
  return (
    <tr data-testid="audit-row" data-action={entry.action}>
      <td>
        <time dateTime={entry.at}>{formatDateTime(new Date(entry.at), locale.value)}</time>
      </td>
      <td>
        {entry.actorName} <span class="muted small">({roleLabel(entry.actorRole, locale.value)})</span>
      </td>
      <td>{auditActionLabel(entry.action, entry.after, locale.value)}</td>
      <td>
        <Target entry={entry} />
      </td>
      <td>
        <Changes entry={entry} />
      </td>
    </tr>
  );
}
