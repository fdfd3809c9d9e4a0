import { useState } from "preact/hooks";
import type { DocumentPage } from "../../../shared/draft";
import type { DraftRow } from "../../db/local-db";
import { td } from "../messages";
import { draftRepository } from "../store";
import { PageThumb } from "./PageThumb";
import { PhotoViewer } from "./PhotoViewer";
import { PhotoWarnings } from "./PhotoWarnings";
import { offerUndo, UndoSnackbar } from "./UndoSnackbar";

interface Props {
  draftId: string;
  requirementId: string;
  /** The requirement's name, for the full-size viewer's title. */
  requirementLabel: string;
  pages: DocumentPage[];
  run: (write: () => Promise<DraftRow>) => Promise<DraftRow | undefined>;
  /** Starts a retake of this page (the camera input lives with the add buttons). */
  onRetake: (blobId: string) => void;
}

/**
 * The photographed pages of one requirement: each whole, openable full size,
 * with move and retake, and a remove set apart from them that can be undone.
 */
export function PageList({ draftId, requirementId, requirementLabel, pages, run, onRetake }: Props) {
  const [viewing, setViewing] = useState<{ blobId: string; title: string } | null>(null);
  const scope = `${draftId}:${requirementId}`;

  async function remove(page: DocumentPage, index: number, name: string) {
    // The bytes are kept aside (in memory, for the undo) before the page and its blobs go.
    const [data, thumb] = await Promise.all([
      draftRepository.pageData(page.blobId),
      draftRepository.pageData(`${page.blobId}:thumb`),
    ]);
    const done = await run(() => draftRepository.removePage(draftId, requirementId, page.blobId));
    if (!done || !data) return;
    const blobs = thumb ? [data, thumb] : [data];
    offerUndo(scope, td("pageRemoved", { page: name }), () =>
      run(() => draftRepository.restorePage(draftId, requirementId, page, index, blobs)),
    );
  }

  return (
    <>
      {pages.length > 0 && (
        <ol class="pages">
          {pages.map((page, index) => {
            const name = td("pageLabel", { n: index + 1 });
            const title = `${name} — ${requirementLabel}`;
            return (
              <li key={page.blobId} class="page-tile">
                <PageThumb
                  page={page}
                  label={name}
                  {...(page.mime === "application/pdf"
                    ? {}
                    : { onOpen: () => setViewing({ blobId: page.blobId, title }) })}
                />
                <div class="page-actions">
                  <span class="page-name">{name}</span>
                  <span class="page-moves">
                    <button
                      type="button"
                      class="page-action"
                      aria-label={`${td("moveUp")} — ${name}`}
                      disabled={index === 0}
                      onClick={() => void run(() => draftRepository.movePage(draftId, requirementId, page.blobId, -1))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      class="page-action"
                      aria-label={`${td("moveDown")} — ${name}`}
                      disabled={index === pages.length - 1}
                      onClick={() => void run(() => draftRepository.movePage(draftId, requirementId, page.blobId, 1))}
                    >
                      ↓
                    </button>
                  </span>
                  <button
                    type="button"
                    class="page-action wide"
                    aria-label={`${td("retake")} — ${name}`}
                    onClick={() => onRetake(page.blobId)}
                  >
                    <span aria-hidden="true">↻</span> {td("retake")}
                  </button>
                  <button
                    type="button"
                    class="page-action wide danger page-remove"
                    aria-label={`${td("removePage")} — ${name}`}
                    onClick={() => void remove(page, index, name)}
                  >
                    <span aria-hidden="true">✕</span> {td("removePageShort")}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <PhotoWarnings pages={pages} onRetake={onRetake} />
      <UndoSnackbar scope={scope} />
      {viewing && <PhotoViewer blobId={viewing.blobId} title={viewing.title} onClose={() => setViewing(null)} />}
    </>
  );
}
