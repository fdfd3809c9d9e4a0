import type { CSSProperties, HTMLAttributes, RefObject } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

/** Zoom is relative to "whole page on screen" (1); 8× reaches beyond the stored pixels on any phone. */
const MAX_SCALE = 8;

interface Point {
  x: number;
  y: number;
}

/**
 * Pinch, drag, ctrl+wheel and button zoom for one image in a scrolling stage.
 * The image is laid out at its zoomed size (no CSS transform), so the stage's
 * own scrolling pans it and nothing is ever out of reach. `touch-action: none`
 * on the stage: the browser leaves both fingers to us, rather than starting
 * a pan with the first and cancelling it when the second lands.
 */
export function usePinchZoom(): {
  stage: RefObject<HTMLDivElement | null>;
  handlers: Pick<
    HTMLAttributes<HTMLDivElement>,
    "onPointerDown" | "onPointerMove" | "onPointerUp" | "onPointerCancel" | "onWheel"
  >;
  imageStyle: CSSProperties;
  scale: number;
  canZoomIn: boolean;
  canZoomOut: boolean;
  zoomBy: (factor: number, around?: Point) => void;
  setNatural: (width: number, height: number) => void;
} {
  const stage = useRef<HTMLDivElement>(null);
  const [natural, setNaturalSize] = useState<{ width: number; height: number } | null>(null);
  const [box, setBox] = useState<{ width: number; height: number }>({ width: 0, height: 0 });
  const [scale, setScale] = useState(1);
  /** Where the zoom was centred (stage coordinates) and the content point under it, to keep it there. */
  const anchor = useRef<{ at: Point; content: Point; from: number } | null>(null);
  const pointers = useRef(new Map<number, Point>());
  const pinch = useRef<{ distance: number; scale: number } | null>(null);

  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    const measure = () => setBox({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const fit = natural && box.width > 0 ? Math.min(box.width / natural.width, box.height / natural.height, 1) : 1;

  function zoomBy(factor: number, around?: Point): void {
    const element = stage.current;
    if (!element) return;
    const at = around ?? { x: element.clientWidth / 2, y: element.clientHeight / 2 };
    anchor.current = {
      at,
      content: { x: element.scrollLeft + at.x, y: element.scrollTop + at.y },
      from: scale,
    };
    setScale((current) => clamp(current * factor));
  }

  // After the image has its new size: scroll so the point that was under the fingers stays there.
  useLayoutEffect(() => {
    const element = stage.current;
    const held = anchor.current;
    if (!element || !held) return;
    anchor.current = null;
    const ratio = scale / held.from;
    element.scrollLeft = held.content.x * ratio - held.at.x;
    element.scrollTop = held.content.y * ratio - held.at.y;
  }, [scale]);

  function local(event: PointerEvent | WheelEvent): Point {
    const rect = stage.current?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  }

  const handlers = {
    onPointerDown(event: PointerEvent) {
      (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
      pointers.current.set(event.pointerId, local(event));
      if (pointers.current.size === 2) pinch.current = { distance: spread(pointers.current), scale };
    },
    onPointerMove(event: PointerEvent) {
      const before = pointers.current.get(event.pointerId);
      if (!before) return;
      const now = local(event);
      pointers.current.set(event.pointerId, now);
      const element = stage.current;
      if (!element) return;
      if (pointers.current.size === 1) {
        // One finger (or the mouse, button held) drags the page.
        element.scrollLeft -= now.x - before.x;
        element.scrollTop -= now.y - before.y;
      } else if (pinch.current && pinch.current.distance > 0) {
        const target = clamp((pinch.current.scale * spread(pointers.current)) / pinch.current.distance);
        zoomBy(target / scale, middle(pointers.current));
      }
    },
    onPointerUp(event: PointerEvent) {
      pointers.current.delete(event.pointerId);
      if (pointers.current.size < 2) pinch.current = null;
    },
    onPointerCancel(event: PointerEvent) {
      pointers.current.delete(event.pointerId);
      if (pointers.current.size < 2) pinch.current = null;
    },
    onWheel(event: WheelEvent) {
      // A trackpad pinch arrives as ctrl+wheel; a plain wheel scrolls as usual.
      if (!event.ctrlKey) return;
      event.preventDefault();
      zoomBy(Math.exp(-event.deltaY / 200), local(event));
    },
  };

  const imageStyle: CSSProperties = natural
    ? {
        width: `${Math.round(natural.width * fit * scale)}px`,
        height: `${Math.round(natural.height * fit * scale)}px`,
      }
    : {};

  return {
    stage,
    handlers,
    imageStyle,
    scale,
    canZoomIn: scale < MAX_SCALE,
    canZoomOut: scale > 1,
    zoomBy,
    setNatural: (width, height) => setNaturalSize({ width, height }),
  };
}

function clamp(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(1, scale));
}

function spread(points: Map<number, Point>): number {
  const [a, b] = [...points.values()];
  return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
}

function middle(points: Map<number, Point>): Point {
  const [a, b] = [...points.values()];
  return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : { x: 0, y: 0 };
}
