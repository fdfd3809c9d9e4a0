import type { DocumentPage } from "../../../shared/draft";
import { photoWarnings } from "../../photos/warnings";
import { td } from "../messages";

const WORDS = { blurry: "photoBlurry", dark: "photoDark" } as const;

/**
 * "Halaman 2: Foto tampak buram — ulangi dengan HP diam dan fokus [Foto ulang]"
 * under a requirement's pages. The photo is kept: the cadre decides.
 */
export function PhotoWarnings({ pages, onRetake }: { pages: DocumentPage[]; onRetake: (blobId: string) => void }) {
  const warnings = photoWarnings.value;
  const flagged = pages.flatMap((page, index) => {
    const warning = warnings.get(page.blobId);
    return warning ? [{ page, index, warning }] : [];
  });
  if (flagged.length === 0) return null;
  return (
    <ul class="photo-warnings">
      {flagged.map(({ page, index, warning }) => {
        const name = td("pageLabel", { n: index + 1 });
        return (
          <li key={page.blobId} class="photo-warning">
            <p role="alert">
              <strong>{name}:</strong> {td(WORDS[warning])}
            </p>
            <button type="button" class="button small" onClick={() => onRetake(page.blobId)}>
              {td("photoRetakeNow")}
              <span class="visually-hidden"> — {name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
