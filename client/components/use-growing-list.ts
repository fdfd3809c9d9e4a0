import type { RefObject } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

/** Cards a step asks for: what "Tampilkan lebih banyak" adds. */
export const LIST_PAGE = 30;
/**
 * Cards put on screen per task. A frame that added 30 cards took ~25 ms of
 * main-thread CPU here (100 ms on a phone at 4x); one with 5 takes ~10 ms,
 * most of it the frame's own cost. One batch after each painted frame.
 */
export const LIST_BATCH = 5;
/** A rest this small comes with the page before it: a "more" button for a handful of cards only costs a tap. */
const SMALL_REST = 10;

function nextCount(count: number, total: number): number {
  const next = count + LIST_PAGE;
  return total - next <= SMALL_REST ? total : next;
}

interface Progress {
  key: string;
  /** Items asked for (pages). */
  wanted: number;
  /** Items rendered so far: catches up with `wanted` a batch per frame. */
  rendered: number;
}

const start = (key: string, total: number): Progress => {
  const wanted = nextCount(0, total);
  return { key, wanted, rendered: Math.min(LIST_BATCH, wanted) };
};

/**
 * How many items of a long list to render: a page to begin with, put on
 * screen a batch per frame, and the next page when `footer` comes within a
 * screen of view or `more()` is called. A new `resetKey` starts over.
 */
export function useGrowingList(
  total: number,
  resetKey: string,
  footer: RefObject<HTMLElement | null>,
): { rendered: number; more: () => void } {
  const progress = useRef<Progress>(start(resetKey, total));
  if (progress.current.key !== resetKey) progress.current = start(resetKey, total);
  const [, rerender] = useState(0);
  const wanted = Math.min(progress.current.wanted, total);
  const rendered = Math.min(progress.current.rendered, wanted);

  const more = () => {
    progress.current.wanted = nextCount(progress.current.wanted, total);
    rerender((n) => n + 1);
  };

  // The next batch once this one is painted: a task of its own, after the frame.
  useEffect(() => {
    if (rendered >= wanted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        progress.current.rendered = Math.min(progress.current.rendered + LIST_BATCH, progress.current.wanted);
        rerender((n) => n + 1);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rendered, wanted, resetKey]);

  // Observed afresh once a page is on screen, so a footer still near the view asks for the next one.
  const caughtUp = rendered >= wanted;
  useEffect(() => {
    const target = footer.current;
    if (!caughtUp || !target || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && more(), {
      // A screen ahead: the cards are there before the thumb gets to them.
      rootMargin: "0px 0px 100% 0px",
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [caughtUp, rendered, total, resetKey]);

  return { rendered, more };
}
