import type { Guide } from "../../../shared/guide";
import { guideChanges } from "../../../shared/guide-changes";
import { changeKey, changeLine } from "../change-text";
import { td } from "../messages";

type Props = { pinned: Guide; latest: Guide } & (
  | { onMove: () => void; office?: undefined }
  /** The office made the move binding and it is done: say so, and whether the file still passes. */
  | { office: { ready: boolean; onSeen: () => void }; onMove?: undefined }
);

/**
 * A newer guide version: what changed that decides a file (requirements,
 * eligibility rules, who may apply, questions). Either the cadre moves the
 * draft when ready, or — when the office's change binds files not yet
 * submitted — the draft was moved already and this says why.
 */
export function VersionNotice({ pinned, latest, onMove, office }: Props) {
  const changes = guideChanges(pinned, latest);
  return (
    <section class="card notice" role="status" data-testid={office ? "office-changed" : "version-notice"}>
      <p>
        <strong>
          {office ? td("officeChanged", { version: latest.version }) : td("newVersion", { version: latest.version })}
        </strong>
      </p>
      {changes.length === 0 ? (
        <p>{td("newVersionNoChanges")}</p>
      ) : (
        <>
          <p>{td("newVersionChanges")}</p>
          <ul>
            {changes.map((change) => (
              <li key={changeKey(change)}>{changeLine(change)}</li>
            ))}
          </ul>
        </>
      )}
      {office ? (
        <>
          <p>{office.ready ? td("officeChangedStillReady") : td("officeChangedFix")}</p>
          <button type="button" class="button small" onClick={office.onSeen}>
            {td("officeChangedSeen")}
          </button>
        </>
      ) : (
        <button type="button" class="button primary small" onClick={onMove}>
          {td("moveVersion")}
        </button>
      )}
    </section>
  );
}
