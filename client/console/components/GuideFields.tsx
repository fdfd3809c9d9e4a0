import { getIn, type Path, pathKey } from "../guide-editing";

/**
 * How every field of the guide editor reads and writes the draft, and finds
 * its error. The fields themselves live in ./guide/, one kind per file.
 */
export interface Editor {
  get(path: Path): unknown;
  set(path: Path, value: unknown): void;
  error(path: Path): string | undefined;
}

export function editorOf(
  draft: unknown,
  setDraft: (update: (previous: unknown) => unknown) => void,
  setIn: (value: unknown, path: Path, next: unknown) => unknown,
  errors: Map<string, string>,
): Editor {
  return {
    get: (path) => getIn(draft, path),
    set: (path, value) => setDraft((previous) => setIn(previous, path, value)),
    error: (path) => errors.get(pathKey(path)),
  };
}
