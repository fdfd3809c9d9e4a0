import { useEffect, useState } from "preact/hooks";
import type { ManagedUser } from "../../../../shared/api/users";
import { AUDIT_ACTIONS } from "../../../../shared/audit/describe";
import { locale } from "../../../i18n";
import { queryString } from "../../api";
import { loadCadres } from "../../lookups";
import { tc } from "../../messages";
import { currentUser } from "../../session";
import { CsvLinks } from "../CsvLinks";

export interface AuditFilterValues {
  actorId: string;
  action: string;
}

/** Who did it and what, chosen from lists (actions by their names, not their codes), and the exports. */
export function AuditFilters({
  filters,
  onChange,
  onApply,
}: {
  filters: AuditFilterValues;
  onChange: (filters: AuditFilterValues) => void;
  onApply: () => void;
}) {
  const [people, setPeople] = useState<ManagedUser[]>([]);
  const lang = locale.value;
  useEffect(() => {
    loadCadres().then(setPeople, () => setPeople([]));
  }, []);
  const actions = Object.entries(AUDIT_ACTIONS).sort(([, a], [, b]) => a[lang].localeCompare(b[lang], lang));

  return (
    <form
      class="console-filters"
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      <div class="field">
        <label for="audit-actor">{tc("auditActor")}</label>
        <select
          id="audit-actor"
          value={filters.actorId}
          onChange={(e) => onChange({ ...filters, actorId: e.currentTarget.value })}
        >
          <option value="">{tc("all")}</option>
          <option value={currentUser().id}>{currentUser().displayName}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="audit-action">{tc("auditAction")}</label>
        <select
          id="audit-action"
          value={filters.action}
          onChange={(e) => onChange({ ...filters, action: e.currentTarget.value })}
        >
          <option value="">{tc("auditAnyAction")}</option>
          {actions.map(([code, label]) => (
            <option key={code} value={code}>
              {label[lang]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button primary">
        {tc("apply")}
      </button>
      <CsvLinks href={`/api/console/audit/export.csv${queryString({ ...filters })}`} testId="audit" />
    </form>
  );
}
