import type { ComponentChildren } from "preact";
import { focusTargets, type Target, targetHref } from "../reason-target";

/** A line of a summary that takes the cadre to the field or card it is about. */
export function ReasonLink({ targets, children }: { targets: Target[]; children: ComponentChildren }) {
  return (
    <a
      href={targetHref(targets)}
      onClick={(event) => {
        // Focus, not just scroll: the keyboard and the screen reader land where the fix is.
        if (focusTargets(targets)) event.preventDefault();
      }}
    >
      {children}
    </a>
  );
}
