import type { Guide } from "../../../shared/guide";
import { locale } from "../../i18n";
import { requirementChanges } from "../guide-diff";
import { td } from "../messages";

/** A newer guide version exists: show what changed and let the cadre move the draft when ready. */
export function VersionNotice({ pinned, latest, onMove }: { pinned: Guide; latest: Guide; onMove: () => void }) {
  const lang = locale.value;
  const changes = requirementChanges(pinned, latest);
  const key = { added: "reqAdded", removed: "reqRemoved", changed: "reqChanged" } as const;
  return (
    <section class="card notice" role="status">
      <p>
        <strong>{td("newVersion", { version: latest.version })}</strong>
      </p>
      {changes.length === 0 ? (
        <p>{td("newVersionNoChanges")}</p>
      ) : (
        <>
          <p>{td("newVersionChanges")}</p>
          <ul>
            {changes.map((change) => (
              <li key={`${change.kind}-${change.requirement.id}`}>
                {td(key[change.kind], { label: change.requirement.label[lang] })}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" class="button primary small" onClick={onMove}>
        {td("moveVersion")}
      </button>
    </section>
  );
}
