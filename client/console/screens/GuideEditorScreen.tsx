import { useMemo, useState } from "preact/hooks";
import type { GuideAdminDetail } from "../../../shared/api/console";
import { Guide } from "../../../shared/guide";
import { onLinkClick } from "../../router";
import { ApiFailure, api, type FieldIssue } from "../api";
import { editorOf } from "../components/GuideFields";
import { GuideForm } from "../components/GuideForm";
import { GuidePreview } from "../components/GuidePreview";
import { EditorHeader } from "../components/guide/EditorHeader";
import { PublishSection, type PublishState } from "../components/guide/PublishSection";
import { EditorNav } from "../components/guide/Section";
import { VersionList } from "../components/guide/VersionList";
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
  const ready = !loaded.loading && loaded.error === null;
  return (
    <section aria-labelledby="editor-title">
      <a class="back-link" href={consolePaths.guides} onClick={onLinkClick}>
        ← {tc("guidesTitle")}
      </a>
      {!ready && <h1 id="editor-title">{tc("editorTitleLoading")}</h1>}
      {loaded.loading && !loaded.data && <p class="muted">{tc("loading")}</p>}
      {loaded.error !== null && <ErrorNote error={loaded.error} onRetry={loaded.reload} />}
      {ready && <Editor id={id} initial={loaded.data} />}
    </section>
  );
}

function Editor({ id, initial }: { id: string; initial: GuideAdminDetail | null }) {
  const [detail, setDetail] = useState<GuideAdminDetail | null>(initial);
  const [draft, setDraft] = useState<unknown>(
    () => (initial?.draft ?? initial?.published ?? blankGuide(id)) as DraftData,
  );
  const [issues, setIssues] = useState<FieldIssue[]>(initial?.draftIssues ?? []);
  // Binding is the safe default: a tightened requirement reaches files not yet submitted.
  const [publish, setPublish] = useState<PublishState>({ changeNote: "", binding: true });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [showPreview, setShowPreview] = useState(false);

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
  const discard = async () => {
    await api("DELETE", `/api/console/guides/${id}/draft`);
    const fresh = await loadDetail(id);
    setDraft((fresh?.published ?? blankGuide(id)) as DraftData);
    return fresh ?? undefined;
  };
  const publishNow = async () => {
    await save();
    const published = await api<GuideAdminDetail>("POST", `/api/console/guides/${id}/publish`, {
      changeNote: publish.changeNote.trim(),
      expectedVersion: publishedVersion,
      binding: publish.binding,
    });
    setPublish({ changeNote: "", binding: true });
    return published;
  };
  const setAvailability = (action: "withdraw" | "restore") => {
    // Cadres' phones drop the guide at their next sync: ask once before that happens.
    if (action === "withdraw" && !window.confirm(tc("withdrawConfirm"))) return;
    void act(
      () => api<GuideAdminDetail>("POST", `/api/console/guides/${id}/${action}`),
      tc(action === "withdraw" ? "withdrawnDone" : "restoredDone"),
    );
  };

  return (
    <div class="guide-editor">
      <EditorHeader id={id} detail={detail} publishedVersion={publishedVersion} issues={issues} />

      <div class="editor-layout">
        <EditorNav />
        <form
          class="editor-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(save, tc("draftSaved"));
          }}
          noValidate
        >
          <GuideForm ed={ed} />
          <PublishSection
            state={publish}
            onChange={setPublish}
            detail={detail}
            publishedVersion={publishedVersion}
            busy={busy}
            onPublish={() => void act(publishNow, tc("publishedDone"))}
            onAvailability={setAvailability}
          />
          <div class="editor-actions card">
            <button type="submit" class="button primary" disabled={busy} data-testid="save-draft">
              {tc("saveDraft")}
            </button>
            <button
              type="button"
              class="button"
              onClick={() => setShowPreview(!showPreview)}
              aria-expanded={showPreview}
            >
              {tc("preview")}
            </button>
            {detail?.draft != null && (
              <button
                type="button"
                class="button ghost danger"
                disabled={busy}
                onClick={() => void act(discard, tc("saved"))}
              >
                {tc("discardDraft")}
              </button>
            )}
            {error !== null && <ErrorNote error={error} />}
            <Status text={status} />
          </div>
        </form>
      </div>

      {showPreview && (
        <section class="card" aria-label={tc("preview")}>
          {preview.success ? <GuidePreview guide={preview.data} /> : <p class="muted">{tc("previewUnavailable")}</p>}
        </section>
      )}

      {detail && detail.versions.length > 0 && <VersionList versions={detail.versions} />}
    </div>
  );
}
