import { useState } from "preact/hooks";
import { tc } from "../messages";

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3];

/**
 * One page at full size with zoom (width, so the frame scrolls) and rotate.
 * Both are set as a style object (CSSOM), which the strict CSP allows;
 * never a style attribute string.
 */
export function PhotoViewer({ src, alt, testId }: { src: string; alt: string; testId?: string }) {
  const [zoom, setZoom] = useState(2);
  const [turns, setTurns] = useState(0);
  const scale = ZOOMS[zoom] ?? 1;
  return (
    <figure class="photo-viewer" data-testid={testId}>
      {/* Zoomed, the frame scrolls: focusable so a keyboard can scroll it too (axe: scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard */}
      <section class="photo-frame" tabIndex={0} aria-label={alt}>
        <img
          src={src}
          alt={alt}
          loading="lazy"
          // Turned sideways, the picture's height becomes its width: narrow it so it still fits the frame.
          style={{ width: `${scale * (turns % 2 ? 60 : 100)}%`, transform: `rotate(${turns * 90}deg)` }}
          data-zoom={scale}
          data-rotation={(turns * 90) % 360}
        />
      </section>
      <figcaption class="photo-tools">
        <button
          type="button"
          class="button small"
          onClick={() => setZoom(Math.max(0, zoom - 1))}
          disabled={zoom === 0}
          aria-label={`${tc("zoomOut")}: ${alt}`}
        >
          −
        </button>
        <span class="small" aria-live="polite">
          {Math.round(scale * 100)}%
        </span>
        <button
          type="button"
          class="button small"
          onClick={() => setZoom(Math.min(ZOOMS.length - 1, zoom + 1))}
          disabled={zoom === ZOOMS.length - 1}
          aria-label={`${tc("zoomIn")}: ${alt}`}
        >
          +
        </button>
        <button
          type="button"
          class="button small"
          onClick={() => setTurns((turns + 1) % 4)}
          aria-label={`${tc("rotate")}: ${alt}`}
        >
          ↻ {tc("rotate")}
        </button>
        <a class="small" href={src} target="_blank" rel="noopener">
          {tc("openFull")}
        </a>
      </figcaption>
    </figure>
  );
}
