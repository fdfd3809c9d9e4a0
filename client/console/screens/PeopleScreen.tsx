import { useState } from "preact/hooks";
import type { CadreActivity } from "../../../shared/api/console";
import type { ManagedUser, SessionList, UserResponse } from "../../../shared/api/users";
import { formatDateTime, formatRelative } from "../../format";
import { locale } from "../../i18n";
import { ApiFailure, api, type FieldIssue } from "../api";
import { ErrorNote, Status } from "../components/Notice";
import { kecamatanName, loadCadres, villageName, villagesOf } from "../lookups";
import { type ConsoleMessageKey, tc } from "../messages";
import { currentUser } from "../session";
import { useLoad } from "../use-load";

export function CadresScreen() {
  const user = currentUser();
  const [generation, setGeneration] = useState(0);
  const list = useLoad(`cadres-${generation}`, () => loadCadres(generation > 0));
  const [open, setOpen] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const refresh = (message: string) => {
    setStatus(message);
    setGeneration(generation + 1);
  };
  return (
    <section aria-labelledby="cadres-title">
      <h1 id="cadres-title">
        {user.kecamatanCode ? tc("cadresOf", { name: kecamatanName(user.kecamatanCode) }) : tc("cadresTitle")}
      </h1>
      <Status text={status} />
      <div class="console-columns">
        <div>
          {list.error !== null && <ErrorNote error={list.error} onRetry={list.reload} />}
          {list.loading && !list.data && <p class="muted">{tc("loading")}</p>}
          {list.data && list.data.length === 0 && <p class="card">{tc("noResults")}</p>}
          <ul class="console-list" data-testid="cadre-list">
            {(list.data ?? []).map((cadre) => (
              <li key={cadre.id} class="console-row cadre-row" data-testid="cadre-row" data-username={cadre.username}>
                <button
                  type="button"
                  class="console-row-main link-button"
                  aria-expanded={open === cadre.id}
                  onClick={() => setOpen(open === cadre.id ? null : cadre.id)}
                >
                  <strong>{cadre.displayName}</strong>
                  <span class="small muted">
                    {cadre.username}
                    {cadre.kelurahanCode ? ` · ${villageName(cadre.kelurahanCode)}` : ""}
                  </span>
                </button>
                <span class={`status-tag ${cadre.disabledAt ? "status-rejected" : "status-approved"}`}>
                  {tc(cadre.disabledAt ? "disabled" : "active")}
                </span>
                {open === cadre.id && <CadreDetail cadre={cadre} onChanged={refresh} />}
              </li>
            ))}
          </ul>
        </div>
        <CreateCadre kecamatanCode={user.kecamatanCode} onCreated={refresh} />
      </div>
    </section>
  );
}

function issueFor(issues: FieldIssue[], field: string): string | undefined {
  return issues.find((issue) => issue.path[0] === field)?.message;
}

function CreateCadre({ kecamatanCode, onCreated }: { kecamatanCode: string | null; onCreated: (m: string) => void }) {
  const [form, setForm] = useState({ username: "", displayName: "", password: "", kelurahanCode: "" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const issues = error instanceof ApiFailure ? error.issues : [];
  const bind = (key: keyof typeof form) => ({
    id: `new-cadre-${key}`,
    value: form[key],
    onInput: (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value }),
  });

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api<UserResponse>("POST", "/api/users", {
        username: form.username.trim().toLowerCase(),
        displayName: form.displayName.trim(),
        role: "cadre",
        password: form.password,
        ...(kecamatanCode ? { kecamatanCode } : {}),
        ...(form.kelurahanCode ? { kelurahanCode: form.kelurahanCode } : {}),
      });
      setForm({ username: "", displayName: "", password: "", kelurahanCode: "" });
      onCreated(tc("cadreCreated", { name: created.user.displayName }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const fields: { key: "username" | "displayName" | "password"; label: ConsoleMessageKey; type?: "password" }[] = [
    { key: "username", label: "username" },
    { key: "displayName", label: "displayName" },
    { key: "password", label: "password", type: "password" },
  ];
  return (
    <form class="card" onSubmit={(event) => void submit(event)} aria-labelledby="new-cadre-title">
      <h2 id="new-cadre-title">{tc("newCadre")}</h2>
      {fields.map(({ key, label, type }) => {
        const problem = issueFor(issues, key);
        return (
          <div key={key} class={problem ? "field has-error" : "field"}>
            <label for={`new-cadre-${key}`}>{tc(label)}</label>
            {type === "password" ? (
              <input {...bind(key)} type="password" required minLength={10} autoComplete="new-password" />
            ) : (
              <input
                {...bind(key)}
                required
                minLength={key === "username" ? 3 : 1}
                autoComplete="off"
                autoCapitalize="none"
              />
            )}
            {problem && <p class="field-error">{problem}</p>}
          </div>
        );
      })}
      <KelurahanSelect
        id="new-cadre-kelurahanCode"
        kecamatanCode={kecamatanCode}
        value={form.kelurahanCode}
        onChange={(kelurahanCode) => setForm({ ...form, kelurahanCode })}
      />
      <button type="submit" class="button primary" disabled={busy} data-testid="create-cadre">
        {tc("newCadre")}
      </button>
      {error !== null && <ErrorNote error={error} />}
    </form>
  );
}

function KelurahanSelect({
  id,
  kecamatanCode,
  value,
  onChange,
}: {
  id: string;
  kecamatanCode: string | null;
  value: string;
  onChange: (code: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{tc("kelurahan")}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{tc("notSet")}</option>
        {villagesOf(kecamatanCode).map((village) => (
          <option key={village.code} value={village.code}>
            {village.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function CadreDetail({ cadre, onChanged }: { cadre: ManagedUser; onChanged: (message: string) => void }) {
  const lang = locale.value;
  const [name, setName] = useState(cadre.displayName);
  const [kelurahanCode, setKelurahanCode] = useState(cadre.kelurahanCode ?? "");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const sessions = useLoad(`sessions-${cadre.id}`, () => api<SessionList>("GET", `/api/users/${cadre.id}/sessions`));
  const activity = useLoad(`activity-${cadre.id}`, () => api<CadreActivity>("GET", `/api/users/${cadre.id}/activity`));

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged(message);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const base = `/api/users/${cadre.id}`;
  return (
    <div class="cadre-detail">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(
            () =>
              api("PATCH", base, {
                displayName: name.trim(),
                kelurahanCode: kelurahanCode === "" ? null : kelurahanCode,
              }),
            tc("saved"),
          );
        }}
      >
        <div class="field">
          <label for={`edit-name-${cadre.id}`}>{tc("displayName")}</label>
          <input id={`edit-name-${cadre.id}`} value={name} required onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <KelurahanSelect
          id={`edit-kelurahan-${cadre.id}`}
          kecamatanCode={cadre.kecamatanCode}
          value={kelurahanCode}
          onChange={setKelurahanCode}
        />
        <div class="actions">
          <button type="submit" class="button primary small" disabled={busy}>
            {tc("save")}
          </button>
          <button
            type="button"
            class={cadre.disabledAt ? "button small" : "button small danger"}
            disabled={busy}
            onClick={() =>
              void run(() => api("POST", `${base}/${cadre.disabledAt ? "enable" : "disable"}`), tc("saved"))
            }
          >
            {tc(cadre.disabledAt ? "enable" : "disable")}
          </button>
        </div>
      </form>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => api("POST", `${base}/password`, { password }), tc("passwordReset")).then(() =>
            setPassword(""),
          );
        }}
      >
        <div class="field">
          <label for={`password-${cadre.id}`}>{tc("newPassword")}</label>
          <input
            id={`password-${cadre.id}`}
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button small" disabled={busy}>
          {tc("resetPassword")}
        </button>
      </form>
      {error !== null && <ErrorNote error={error} />}

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
                void api("DELETE", `${base}/sessions/${session.id}`).then(sessions.reload, (failure: unknown) =>
                  setError(failure),
                )
              }
            >
              {tc("revoke")}
            </button>
          </li>
        ))}
      </ul>

      <h3>{tc("activityTitle")}</h3>
      {activity.data ? (
        <>
          <p class="small">{tc("activitySubmitted", { count: activity.data.submitted })}</p>
          {activity.data.recent.length === 0 ? (
            <p class="muted small">{tc("noActivity")}</p>
          ) : (
            <ul class="plain-list small">
              {activity.data.recent.map((event, index) => (
                <li key={index}>
                  {formatDateTime(new Date(event.at), lang)} · {tc(`event.${event.kind}` as ConsoleMessageKey)} ·{" "}
                  {event.guideId}
                  {event.status ? ` → ${tc(`status.${event.status}` as ConsoleMessageKey)}` : ""}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        activity.error !== null && <p class="muted small">{tc("noActivity")}</p>
      )}
    </div>
  );
}
