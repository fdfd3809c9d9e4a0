import { useState } from "preact/hooks";
import type { GuideAdminSummary } from "../../../shared/api/console";
import { Slug } from "../../../shared/guide";
import { locale } from "../../i18n";
import { navigate, onLinkClick } from "../../router";
import { ApiFailure, api } from "../api";
import { ErrorNote, Status } from "../components/Notice";
import { tc } from "../messages";
import { consolePaths } from "../routes";
import { currentUser } from "../session";
import { useLoad } from "../use-load";

export function GuidesScreen() {
  const list = useLoad("guides", () => api<{ guides: GuideAdminSummary[] }>("GET", "/api/console/guides"));
  const [newId, setNewId] = useState("");
  const [newIdError, setNewIdError] = useState<string | null>(null);
  const lang = locale.value;
  return (
    <section aria-labelledby="guides-title">
      <h1 id="guides-title">{tc("guidesTitle")}</h1>
      <div class="console-toolbar">
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const id = newId.trim();
            if (!Slug.safeParse(id).success) return setNewIdError(tc("newGuideId"));
            navigate(consolePaths.guide(id));
          }}
        >
          <div class={newIdError ? "field has-error" : "field"}>
            <label for="new-guide-id">{tc("newGuideId")}</label>
            <input
              id="new-guide-id"
              value={newId}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              onInput={(event) => {
                setNewId(event.currentTarget.value);
                setNewIdError(null);
              }}
            />
            {newIdError && (
              <p class="field-error" role="alert">
                {newIdError}
              </p>
            )}
          </div>
          <button type="submit" class="button">
            {tc("newGuide")}
          </button>
        </form>
        <a class="button" href="/api/console/guides/export" download data-testid="export-catalogue">
          {tc("exportCatalogue")}
        </a>
      </div>

      {list.error !== null && <ErrorNote error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <p class="muted">{tc("loading")}</p>}
      {list.data && (
        <ul class="console-list" data-testid="guide-list">
          {list.data.guides.map((guide) => (
            <li key={guide.id} class="console-row" data-testid="guide-row">
              <a href={consolePaths.guide(guide.id)} onClick={onLinkClick} class="console-row-main">
                <strong>{guide.title[lang] || guide.id}</strong>
                <span class="small muted">{guide.id}</span>
              </a>
              <span class="tags">
                {guide.publishedVersion !== null && (
                  <span class="status-tag status-approved">{tc("published", { version: guide.publishedVersion })}</span>
                )}
                {guide.withdrawn && <span class="status-tag status-rejected">{tc("withdrawn")}</span>}
                {guide.hasDraft && <span class="status-tag status-received">{tc("draft")}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {currentUser().role === "admin" && <ImportForm onDone={list.reload} />}
    </section>
  );
}

function ImportForm({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setProblem(null);
    setStatus(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text()) as unknown;
    } catch {
      setProblem(tc("importNotJson"));
      return;
    }
    // Accepts the export's own shape ({guides: [...]}) or a bare array.
    const guides = Array.isArray(parsed) ? parsed : (parsed as { guides?: unknown[] } | null)?.guides;
    if (!Array.isArray(guides)) {
      setProblem(tc("importNotJson"));
      return;
    }
    setBusy(true);
    try {
      await api("POST", "/api/console/guides/import", { guides, changeNote: note.trim() });
      setStatus(tc("importDone"));
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const issues = error instanceof ApiFailure ? error.issues : [];
  return (
    <form class="card" onSubmit={(event) => void submit(event)} aria-labelledby="import-title">
      <h2 id="import-title">{tc("importTitle")}</h2>
      <div class="field">
        <label for="import-file">{tc("importFile")}</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
        />
      </div>
      <div class="field">
        <label for="import-note">{tc("importNote")}</label>
        <input id="import-note" value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      </div>
      <button type="submit" class="button primary" disabled={busy || !file || note.trim().length < 3}>
        {tc("importButton")}
      </button>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorNote error={error} />}
      {issues.length > 0 && (
        <div aria-live="polite">
          <p>{tc("importIssues")}</p>
          <ul class="plain-list small" data-testid="import-issues">
            {issues.map((issue, index) => (
              <li key={index}>
                <code>{issue.path.join(".")}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Status text={status} />
    </form>
  );
}
