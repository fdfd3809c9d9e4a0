import { formatNumber } from "../format";
import { tl } from "./messages";
import type { UnsentDraft } from "./unsent-details";

/** Exactly what an erase would lose: each file by its applicant and service, with its waiting changes. */
export function UnsentList({ items }: { items: readonly UnsentDraft[] }) {
  return (
    <>
      <p class="field-error">
        <strong>{tl("unsentTitle")}</strong>
      </p>
      <ul class="unsent-list" data-testid="unsent-list">
        {items.map((item) => (
          <li key={item.draftId}>
            {tl("unsentItem", {
              name: item.name ?? tl("unnamedDraft"),
              service: item.service,
              count: formatNumber(item.changes),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
