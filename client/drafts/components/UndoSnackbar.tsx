import { signal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { td } from "../messages";

/** How long an undo stays on offer unless the cadre is on it (focus inside): long enough to notice a slip. */
const OFFER_MS = 15_000;

interface Offer {
  /** Where the snackbar shows: the list it belongs to (one requirement of one draft). */
  scope: string;
  message: string;
  undo: () => Promise<unknown>;
  serial: number;
}

const offer = signal<Offer | null>(null);
let serial = 0;

/** Offers to undo what was just done in `scope`; replaces any earlier offer. */
export function offerUndo(scope: string, message: string, undo: () => Promise<unknown>): void {
  offer.value = { scope, message, undo, serial: ++serial };
}

/**
 * "Halaman 1 dihapus. [Urungkan]" at the bottom of the screen. Focus moves to
 * the undo button: the button that was pressed has just disappeared with its
 * page, and a keyboard or screen-reader user should not be left on nothing.
 */
export function UndoSnackbar({ scope }: { scope: string }) {
  const current = offer.value;
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const shown = current?.scope === scope ? current : null;

  useEffect(() => {
    if (!shown) return;
    button.current?.focus();
    let timer = 0;
    const expire = () => {
      // Kept while the cadre is on it: never pulled from under a finger or a screen reader.
      if (box.current?.contains(document.activeElement)) timer = window.setTimeout(expire, OFFER_MS);
      else if (offer.peek()?.serial === shown.serial) offer.value = null;
    };
    timer = window.setTimeout(expire, OFFER_MS);
    return () => {
      window.clearTimeout(timer);
      // Leaving the screen ends the offer: the removed photo's bytes are not held for the session.
      if (offer.peek()?.serial === shown.serial) offer.value = null;
    };
  }, [shown?.serial]);

  if (!shown) return null;
  return (
    <div class="snackbar" role="status" ref={box}>
      <span>{shown.message}</span>
      <span class="snackbar-actions">
        <button
          ref={button}
          type="button"
          class="button small snackbar-undo"
          onClick={() => {
            offer.value = null;
            void shown.undo();
          }}
        >
          {td("undo")}
        </button>
        <button
          type="button"
          class="snackbar-close"
          aria-label={td("photoDismiss")}
          onClick={() => {
            offer.value = null;
          }}
        >
          ✕
        </button>
      </span>
    </div>
  );
}
