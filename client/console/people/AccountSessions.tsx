import type { SessionList } from "../../../shared/api/users";
import { formatRelative } from "../../format";
import { locale } from "../../i18n";
import { api } from "../api";
import { ErrorNote } from "../components/Notice";
import { tc } from "../messages";
import { useLoad } from "../use-load";

/** The devices an account is signed in on, each with a way to sign it out. */
export function AccountSessions({ userId, onError }: { userId: string; onError: (error: unknown) => void }) {
  const sessions = useLoad(`sessions-${userId}`, () => api<SessionList>("GET", `/api/users/${userId}/sessions`));
  const lang = locale.value;
  return (
    <>
      <h3>{tc("sessionsTitle")}</h3>
      {sessions.error !== null && <ErrorNote error={sessions.error} onRetry={sessions.reload} />}
      {sessions.data && sessions.data.sessions.length === 0 && <p class="muted small">{tc("noSessions")}</p>}
      <ul class="plain-list small">
        {(sessions.data?.sessions ?? []).map((session) => (
          <li key={session.id} class="session-row">
            <span>
              {session.deviceLabel} · {tc("lastSeen", { when: formatRelative(new Date(session.lastSeenAt), lang) })}
            </span>
            <button
              type="button"
              class="button small ghost danger"
              onClick={() =>
                void api("DELETE", `/api/users/${userId}/sessions/${session.id}`).then(sessions.reload, onError)
              }
            >
              {tc("revoke")}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
