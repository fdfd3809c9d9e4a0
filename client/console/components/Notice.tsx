import { ApiFailure } from "../api";
import { tc } from "../messages";

/** A refused or failed request, said in words; a retry when one makes sense. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = errorText(error);
  return (
    <div class="field-error console-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" class="button small" onClick={onRetry}>
          {error instanceof ApiFailure && error.code === "version_conflict" ? tc("reload") : tc("retry")}
        </button>
      )}
    </div>
  );
}

export function errorText(error: unknown): string {
  if (error instanceof ApiFailure) {
    if (error.code === "network") return tc("networkError");
    if (error.code === "version_conflict") return tc("conflict");
    return error.message;
  }
  return tc("networkError");
}

/** Success and progress messages, announced by screen readers. */
export function Status({ text }: { text: string | null }) {
  return (
    <p class="console-status" role="status" aria-live="polite">
      {text ?? ""}
    </p>
  );
}
