import type { DocumentPage } from "../../../shared/draft";
import type { DraftRow } from "../../db/local-db";
import { td } from "../messages";
import { draftRepository } from "../store";
import { PageThumb } from "./PageThumb";

interface Props {
  draftId: string;
  requirementId: string;
  pages: DocumentPage[];
  run: (write: () => Promise<DraftRow>) => Promise<DraftRow | undefined>;
  /** Starts a retake of this page (the camera input lives with the add buttons). */
  onRetake: (blobId: string) => void;
}

/** The photographed pages of one requirement, each with move, retake and remove. */
export function PageList({ draftId, requirementId, pages, run, onRetake }: Props) {
  if (pages.length === 0) return null;
  return (
    <ol class="pages">
      {pages.map((page, index) => {
        const name = td("pageLabel", { n: index + 1 });
        return (
          <li key={page.blobId}>
            <PageThumb page={page} label={name} />
            <div class="page-actions">
              <button
                type="button"
                class="icon-button"
                aria-label={`${td("moveUp")} — ${name}`}
                disabled={index === 0}
                onClick={() => void run(() => draftRepository.movePage(draftId, requirementId, page.blobId, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                class="icon-button"
                aria-label={`${td("moveDown")} — ${name}`}
                disabled={index === pages.length - 1}
                onClick={() => void run(() => draftRepository.movePage(draftId, requirementId, page.blobId, 1))}
              >
                ↓
              </button>
              <button
                type="button"
                class="icon-button"
                aria-label={`${td("retake")} — ${name}`}
                onClick={() => onRetake(page.blobId)}
              >
                ↻
              </button>
              <button
                type="button"
                class="icon-button danger"
                aria-label={`${td("removePage")} — ${name}`}
                onClick={() => void run(() => draftRepository.removePage(draftId, requirementId, page.blobId))}
              >
                ✕
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
