import { useEffect, useState } from "preact/hooks";
import type { DocumentPage } from "../../../shared/draft";
import { td } from "../messages";
import { draftRepository } from "../store";

interface Props {
  page: DocumentPage;
  label: string;
  /** Opens the page full size; photos only (a PDF has no picture to zoom into). */
  onOpen?: () => void;
}

/**
 * A page's thumbnail from IndexedDB, as an object URL released when the tile
 * goes away. The whole page shows (contained, never cropped: a landscape KTP
 * stays whole in the portrait tile); tapping a photo opens it full size.
 */
export function PageThumb({ page, label, onOpen }: Props) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (page.mime === "application/pdf") return;
    let created: string | null = null;
    let live = true;
    void (async () => {
      const row =
        (await draftRepository.pageData(`${page.blobId}:thumb`)) ?? (await draftRepository.pageData(page.blobId));
      if (!row || !live) return;
      created = URL.createObjectURL(new Blob([row.data], { type: row.mime }));
      setUrl(created);
    })();
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [page.blobId, page.mime]);
  if (page.mime === "application/pdf") {
    return (
      <span class="thumb pdf" role="img" aria-label={label}>
        PDF
      </span>
    );
  }
  if (!onOpen) {
    return url ? <img class="thumb" src={url} alt={label} /> : <span class="thumb" role="img" aria-label={label} />;
  }
  return (
    <button type="button" class="thumb-button" aria-label={td("photoOpen", { page: label })} onClick={onOpen}>
      {url ? <img class="thumb" src={url} alt="" /> : <span class="thumb" />}
    </button>
  );
}
