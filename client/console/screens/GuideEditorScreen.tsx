import { useMemo, useState } from "preact/hooks";
import type { GuideAdminDetail } from "../../../shared/api/console";
import { Guide } from "../../../shared/guide";
import { formatDateTime } from "../../format";
import { locale } from "../../i18n";
import { onLinkClick } from "../../router";
import { ApiFailure, api, type FieldIssue } from "../api";
import { editorOf } from "../components/GuideFields";
import { GuideForm } from "../components/GuideForm";
import { GuidePreview } from "../components/GuidePreview";
import { ErrorNote, Status } from "../components/Notice";
import { blankGuide, type DraftData, issuesByPath, setIn } from "../guide-editing";
import { tc } from "../messages";
import { consolePaths } from "../routes";
import { useLoad } from "../use-load";

/** A guide that does not exist yet answers 404: the editor then starts from a blank one. */
async function loadDetail(id: string): Promise<GuideAdminDetail | null> {
  try {
    return await api<GuideAdminDetail>("GET", `/api/console/guides/${id}`);
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 404) return null;
    throw error;
  }
}

export function GuideEditorScreen({ id }: { id: string }) {
  const loaded = useLoad(`guide-${id}`, () => loadDetail(id));
  return (
    <section aria-labelledby="editor-title">
      <a class="back-link" href={consolePaths.guides} onClick={onLinkClick}>
        ← {tc("guidesTitle")}
      </a>
      <h1 id="editor-title">{tc("editorTitle", { id })}</h1>
      {loaded.loading && !loaded.data && <p class="muted">{tc("loading")}</p>}
      {loaded.error !== null && <ErrorNote error={loaded.error} onRetry={loaded.reload} />}
      {!loaded.loading && loaded.error === null && <Editor id={id} initial={loaded.data} />}
    </section>
  );
}

function Editor({ id, initial }: { id: string; initial: GuideAdminDetail | null }) {
  const [detail, setDetail] = useState<GuideAdminDetail | null>(initial);
  const [draft, setDraft] = useState<unknown>(
    () => (initial?.draft ?? initial?.published ?? blankGuide(id)) as DraftData,
  );
  const [issues, setIssues] = useState<FieldIssue[]>(initial?.draftIssues ?? []);
  const [changeNote, setChangeNote] = useState("");
  // Binding is the safe default: a tightened requirement reaches files not yet submitted.
  const [binding, setBinding] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [showPreview, setShowPreview] = useState(false);
  const lang = locale.value;

  const errors = useMemo(() => issuesByPath(issues), [issues]);
  const ed = editorOf(draft, setDraft, setIn, errors);
  const publishedVersion = detail?.versions.length ? Math.max(...detail.versions.map((v) => v.version)) : null;
  const preview = Guide.safeParse({ ...(draft as DraftData), id, version: (publishedVersion ?? 0) + 1 });

  async function act(action: () => Promise<GuideAdminDetail | undefined>, done: string) {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const next = await action();
      if (next) {
        setDetail(next);
        setIssues(next.draftIssues);
        if (next.draftIssues.length > 0 && done === tc("draftSaved")) {
          setStatus(tc("draftHasIssues", { count: next.draftIssues.length }));
          return;
        }
      }
      setStatus(done);
    } catch (failure) {
      // The server's field paths are relative to the guide; a draft body's start with "draft".
      if (failure instanceof ApiFailure && failure.issues.length > 0) {
        setIssues(failure.issues.map((i) => ({ ...i, path: i.path[0] === "draft" ? i.path.slice(1) : i.path })));
      }
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const save = () =>
    api<GuideAdminDetail>("PUT", `/api/console/guides/${id}/draft`, { draft: { ...(draft as DraftData), id } });

  return (
    <div class="guide-editor">
      <p class="muted small" data-testid="guide-state">
        {[
          publishedVersion !== null ? tc("published", { version: publishedVersion }) : null,
          detail?.withdrawn ? tc("withdrawn") : null,
          detail?.draft || publishedVersion === null ? tc("draft") : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>

      {issues.length > 0 && (
        <div class="warning" role="alert" data-testid="guide-issues">
          <ul class="plain-list small">
            {issues.slice(0, 30).map((issue, index) => (
              <li key={index}>
                <code>{issue.path.join(".") || "—"}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <form
        onSubmit={(event) => {
          event.preventDefault();
          void act(save, tc("draftSaved"));
        }}
        noValidate
      >
        <GuideForm ed={ed} />
        <div class="editor-actions card">
          <button type="submit" class="button primary" disabled={busy} data-testid="save-draft">
            {tc("saveDraft")}
          </button>
          <button type="button" class="button" onClick={() => setShowPreview(!showPreview)} aria-expanded={showPreview}>
            {tc("preview")}
          </button>
          {detail?.draft != null && (
            <button
              type="button"
              class="button ghost danger"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  await api("DELETE", `/api/console/guides/${id}/draft`);
                  const fresh = await loadDetail(id);
                  setDraft((fresh?.published ?? blankGuide(id)) as DraftData);
                  return fresh ?? undefined;
                }, tc("saved"))
              }
            >
              {tc("discardDraft")}
            </button>
          )}
          <div class="field">
            <label for="change-note">{tc("changeNote")}</label>
            <input
              id="change-note"
              value={changeNote}
              maxLength={500}
              onInput={(event) => setChangeNote(event.currentTarget.value)}
            />
          </div>
          {publishedVersion !== null && (
            <fieldset class="field binding-choice">
              <legend>{tc("bindingLegend")}</legend>
              <label>
                <input
                  type="radio"
                  name="binding"
                  checked={binding}
                  onChange={() => setBinding(true)}
                  data-testid="binding-true"
                />{" "}
                {tc("bindingYes")}
              </label>
              <label>
                <input
                  type="radio"
                  name="binding"
                  checked={!binding}
                  onChange={() => setBinding(false)}
                  data-testid="binding-false"
                />{" "}
                {tc("bindingNo")}
              </label>
            </fieldset>
          )}
          <button
            type="button"
            class="button primary"
            disabled={busy || changeNote.trim().length < 3}
            data-testid="publish"
            onClick={() =>
              void act(async () => {
                await save();
                return api<GuideAdminDetail>("POST", `/api/console/guides/${id}/publish`, {
                  changeNote: changeNote.trim(),
                  expectedVersion: publishedVersion,
                  binding,
                });
              }, tc("publishedDone"))
            }
          >
            {tc("publish")}
          </button>
          {publishedVersion !== null &&
            (detail?.withdrawn ? (
              <button
                type="button"
                class="button"
                disabled={busy}
                onClick={() =>
                  void act(() => api<GuideAdminDetail>("POST", `/api/console/guides/${id}/restore`), tc("restoredDone"))
                }
              >
                {tc("restore")}
              </button>
            ) : (
              <button
                type="button"
                class="button danger"
                disabled={busy}
                onClick={() => {
                  // Cadres' phones drop the guide at their next sync: ask once before that happens.
                  if (!window.confirm(tc("withdrawConfirm"))) return;
                  void act(
                    () => api<GuideAdminDetail>("POST", `/api/console/guides/${id}/withdraw`),
                    tc("withdrawnDone"),
                  );
                }}
              >
                {tc("withdraw")}
              </button>
            ))}
          {error !== null && <ErrorNote error={error} />}
          <Status text={status} />
        </div>
      </form>

      {showPreview && (
        <section class="card" aria-label={tc("preview")}>
          {preview.success ? <GuidePreview guide={preview.data} /> : <p class="muted">{tc("previewUnavailable")}</p>}
        </section>
      )}

      {detail && detail.versions.length > 0 && (
        <section class="card" aria-labelledby="versions-title">
          <h2 id="versions-title">{tc("versionsTitle")}</h2>
          <ul class="plain-list small">
            {detail.versions.map((v) => (
              <li key={v.version}>
                v{v.version} · {formatDateTime(new Date(v.publishedAt), lang)}
                {v.publishedBy ? ` · ${v.publishedBy}` : ""}
                {v.changeNote ? ` — ${v.changeNote}` : ""}
                {v.binding && v.version > 1 ? ` · ${tc("bindingMark")}` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
