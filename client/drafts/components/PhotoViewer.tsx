import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { td } from "../messages";
import { draftRepository } from "../store";
import { usePinchZoom } from "./use-pinch-zoom";

const PAN_STEP = 80;
const ARROWS: Record<string, readonly [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

interface Props {
  blobId: string;
  /** "Halaman 2 — KTP-el pemohon": the dialog's title. */
  title: string;
  onClose: () => void;
}

/**
 * One page full size, to check it is sharp and whole before it is sent: the
 * stored page (not the thumbnail), fitted to the screen, zoomed by pinching,
 * ctrl+wheel or the buttons, panned by dragging, scrolling or the arrow keys. A modal <dialog>: Escape
 * and the close button end it, focus returns to the thumbnail.
 */
export function PhotoViewer({ blobId, title, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const zoom = usePinchZoom();

  useLayoutEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  useEffect(() => {
    let created: string | null = null;
    let live = true;
    void draftRepository.pageData(blobId).then((row) => {
      if (!row || !live) return;
      created = URL.createObjectURL(new Blob([row.data], { type: row.mime }));
      setUrl(created);
    });
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [blobId]);

  return (
    <dialog
      ref={dialog}
      class="photo-viewer"
      aria-labelledby="photo-viewer-title"
      onClose={onClose}
      onKeyDown={(event) => {
        // The arrow keys pan a zoomed page wherever focus is in the dialog (only buttons take focus).
        const step = ARROWS[event.key];
        if (!step) return;
        event.preventDefault();
        zoom.stage.current?.scrollBy({ left: step[0] * PAN_STEP, top: step[1] * PAN_STEP });
      }}
      onCancel={(event) => {
        // Escape: closed here, so the parent's state and the dialog agree.
        event.preventDefault();
        onClose();
      }}
    >
      <div class="photo-viewer-bar">
        <h2 id="photo-viewer-title">{title}</h2>
        <button type="button" class="photo-viewer-close" onClick={onClose}>
          <span aria-hidden="true">✕</span> {td("photoClose")}
        </button>
      </div>
      <div class="photo-viewer-stage" ref={zoom.stage} {...zoom.handlers}>
        {url && (
          <img
            src={url}
            alt={title}
            draggable={false}
            style={zoom.imageStyle}
            onLoad={(event) => zoom.setNatural(event.currentTarget.naturalWidth, event.currentTarget.naturalHeight)}
          />
        )}
      </div>
      <div class="photo-viewer-zoom">
        <button type="button" class="button small" onClick={() => zoom.zoomBy(1 / 1.5)} disabled={!zoom.canZoomOut}>
          <span aria-hidden="true">−</span> {td("photoZoomOut")}
        </button>
        <span class="photo-viewer-scale" aria-live="polite">
          {Math.round(zoom.scale * 100)}%
        </span>
        <button type="button" class="button small" onClick={() => zoom.zoomBy(1.5)} disabled={!zoom.canZoomIn}>
          <span aria-hidden="true">+</span> {td("photoZoomIn")}
        </button>
      </div>
    </dialog>
  );
}
