import { signal } from "@preact/signals";
import type { TargetedMouseEvent } from "preact";

export const currentPath = signal(location.pathname);

export function navigate(to: string): void {
  if (to === location.pathname + location.search) return;
  history.pushState(null, "", to);
  currentPath.value = location.pathname;
  window.scrollTo(0, 0);
}

addEventListener("popstate", () => {
  currentPath.value = location.pathname;
});

/** Plain links that navigate without a page load; modified clicks keep browser behaviour. */
export function onLinkClick(event: TargetedMouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute("href") ?? "/");
}

export type Route =
  | { name: "home" }
  | { name: "guide"; id: string }
  | { name: "drafts" }
  | { name: "draft"; id: string }
  | { name: "login" }
  /** Choosing the PIN after a cadre's first password sign-in (issue 15). */
  | { name: "pin" }
  | { name: "console" }
  /** The public status page: `number` as the link carried it (checked by the page), or none. */
  | { name: "track"; number: string | null }
  /** The satisfaction survey (SKM): for a file's number, or at the office without one. */
  | { name: "survey"; number: string | null }
  /** A complaint (pengaduan), optionally about a file's number. */
  | { name: "complaint"; number: string | null }
  /** The published SKM figures. */
  | { name: "skm" }
  | { name: "not-found" };

export function matchRoute(path: string): Route {
  if (path === "/" || path === "") return { name: "home" };
  const guide = /^\/panduan\/([a-z0-9-]+)\/?$/.exec(path);
  if (guide?.[1]) return { name: "guide", id: guide[1] };
  if (/^\/berkas\/?$/.test(path)) return { name: "drafts" };
  if (/^\/masuk\/?$/.test(path)) return { name: "login" };
  if (/^\/pin\/?$/.test(path)) return { name: "pin" };
  if (/^\/konsol(\/|$)/.test(path)) return { name: "console" };
  if (/^\/lacak\/?$/.test(path)) return { name: "track", number: null };
  const track = /^\/lacak\/([^/]+)\/?$/.exec(path);
  if (track?.[1]) return { name: "track", number: decodedSegment(track[1]) };
  if (/^\/survei\/?$/.test(path)) return { name: "survey", number: null };
  const survey = /^\/survei\/([^/]+)\/?$/.exec(path);
  if (survey?.[1]) return { name: "survey", number: decodedSegment(survey[1]) };
  if (/^\/pengaduan\/?$/.test(path)) return { name: "complaint", number: null };
  const complaint = /^\/pengaduan\/([^/]+)\/?$/.exec(path);
  if (complaint?.[1]) return { name: "complaint", number: decodedSegment(complaint[1]) };
  if (/^\/skm\/?$/.test(path)) return { name: "skm" };
  const draft = /^\/berkas\/([0-9a-f-]{36})\/?$/.exec(path);
  if (draft?.[1]) return { name: "draft", id: draft[1] };
  return { name: "not-found" };
}

/**
 * Screens that show people's data (the cadre's files, their status, what
 * waits to be sent): behind the PIN. Guides, the self-check, /lacak, /skm,
 * /survei and /pengaduan read no sealed table and stay open while locked.
 */
export function isPersonalRoute(route: Route): boolean {
  return route.name === "drafts" || route.name === "draft";
}

/** A path segment as typed; a broken escape is kept as it is, for the page to call malformed. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function guidePath(id: string): string {
  return `/panduan/${id}`;
}

export function draftPath(id: string): string {
  return `/berkas/${id}`;
}
