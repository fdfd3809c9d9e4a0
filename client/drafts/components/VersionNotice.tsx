import type { Guide } from "../../../shared/guide";
import { changeHeading, noteHeading, noticeLines } from "../change-text";
import { td } from "../messages";

type Props = { pinned: Guide; latest: Guide } & (
  | { onMove: () => void; office?: undefined }
  /** The office made the move binding and it is done: say so, and whether the file still passes. */
  | { office: { ready: boolean; onSeen: () => void }; onMove?: undefined }
);

/**
 * A newer guide version: what changed, in words with the values before and
 * after (requirements, eligibility rules, who may apply, questions, fee,
 * time), and the office's own note on the change. Either the cadre moves the
 * draft when ready, or — when the office's change binds files not yet
 * submitted — the draft was moved already and this says why.
 */
export function VersionNotice({ pinned, latest, onMove, office }: Props) {
  const lines = noticeLines(pinned, latest);
  return (
    <section class="card notice" role="status" data-testid={office ? "office-changed" : "version-notice"}>
      <p>
        <strong>
          {office ? td("officeChanged", { version: latest.version }) : td("newVersion", { version: latest.version })}
        </strong>
      </p>
      {lines.length === 0 ? (
        <p>{td("newVersionNoChanges")}</p>
      ) : (
        <>
          <p>{changeHeading()}</p>
          <ul data-testid="version-changes">
            {lines.map((line) => (
              <li key={line.key}>{line.text}</li>
            ))}
          </ul>
        </>
      )}
      {latest.changeNote && (
        <p class="change-note" data-testid="version-change-note">
          {/* Operators write it in Indonesian only: marked so, for screen readers in English. */}
          <strong>{noteHeading()}</strong> <span lang="id">{latest.changeNote}</span>
        </p>
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
