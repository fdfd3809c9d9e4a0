import { useEffect, useState } from "preact/hooks";
import type { DocumentPage } from "../../../shared/draft";
import { draftRepository } from "../store";

/** A page's thumbnail from IndexedDB, as an object URL released when the tile goes away. */
export function PageThumb({ page, label }: { page: DocumentPage; label: string }) {
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
  return url ? <img class="thumb" src={url} alt={label} /> : <span class="thumb" role="img" aria-label={label} />;
}
