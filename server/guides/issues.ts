import type { z } from "zod";
import { Guide } from "../../shared/guide";

/** One reason a guide cannot be published, pointing at the field (keys and indexes; [] for the whole guide). */
export interface GuideIssue {
  path: (string | number)[];
  message: string;
}

export type GuideCheck = { ok: true; guide: Guide } | { ok: false; issues: GuideIssue[] };

export function toIssues(error: z.ZodError): GuideIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
    message: issue.message,
  }));
}

/** The shared Guide schema's verdict, as the console shows it next to each field. */
export function checkGuide(input: unknown): GuideCheck {
  const result = Guide.safeParse(input);
  return result.success ? { ok: true, guide: result.data } : { ok: false, issues: toIssues(result.error) };
}

/**
 * A stable text form of a guide's content without its version or change note, so an import
 * can tell "the same guide again" from a change whatever the key order.
 */
export function contentKey(guide: Guide): string {
  // The server's bookkeeping and the note about the last change, not what the guide says: a guide
  // that differs only in its note is the same guide.
  const { version: _version, minSubmitVersion: _min, changeNote: _note, ...content } = guide;
  return JSON.stringify(sortKeys(content));
}

/** `value` with every object's keys in sorted order (a stable text form whatever order they were stored in). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
