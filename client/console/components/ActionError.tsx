import { ApiFailure } from "../api";
import { tc } from "../messages";
import { ErrorNote } from "./Notice";

/**
 * A refused action; a version conflict in the words of what was changed
 * ("Pengaduan ini sudah diubah…"), with a reload, instead of the file's.
 */
export function ActionError({ error, conflict, onReload }: { error: unknown; conflict: string; onReload: () => void }) {
  if (error instanceof ApiFailure && error.code === "version_conflict") {
    return (
      <div class="field-error console-error" role="alert" data-testid="version-conflict">
        <p>{conflict}</p>
        <button type="button" class="button small" onClick={onReload}>
          {tc("reload")}
        </button>
      </div>
    );
  }
  return <ErrorNote error={error} />;
}
