import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Path } from "../../guide-editing";
import { tc } from "../../messages";
import type { Editor } from "../GuideFields";

/** Items of an array with move up/down/remove, plus an add button. */
export function ListEditor({
  ed,
  path,
  title,
  itemTitle,
  addLabel,
  make,
  render,
  min = 0,
  max = Number.POSITIVE_INFINITY,
}: {
  ed: Editor;
  path: Path;
  title: string;
  itemTitle: (n: number, item: unknown) => string;
  addLabel: string;
  make: () => unknown;
  render: (itemPath: Path, index: number) => ComponentChildren;
  min?: number;
  max?: number;
}) {
  const items = (ed.get(path) as unknown[] | undefined) ?? [];
  // Items hold typed-but-unparsed text (lists, condition rows): remount them all after a move or removal.
  const [generation, setGeneration] = useState(0);
  const restructure = (next: unknown[]) => {
    setGeneration(generation + 1);
    ed.set(path, next);
  };
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    restructure(next);
  };
  const error = ed.error(path);
  return (
    <fieldset class="list-editor">
      <legend>{title}</legend>
      {error && <p class="field-error">{error}</p>}
      <ol>
        {items.map((item, index) => {
          const name = itemTitle(index + 1, item);
          return (
            <li key={`${generation}-${index}`} class="list-item">
              <div class="list-item-head">
                <strong>{name}</strong>
                <span class="list-item-tools">
                  <button
                    type="button"
                    class="button small ghost"
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                    aria-label={`${tc("moveUp")}: ${name}`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="button small ghost"
                    disabled={index === items.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label={`${tc("moveDown")}: ${name}`}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    class="button small ghost danger"
                    disabled={items.length <= min}
                    onClick={() => restructure(items.filter((__, i) => i !== index))}
                    aria-label={`${tc("remove")}: ${name}`}
                  >
                    {tc("remove")}
                  </button>
                </span>
              </div>
              {render([...path, index], index)}
            </li>
          );
        })}
      </ol>
      {items.length < max && (
        <button type="button" class="button small" onClick={() => ed.set(path, [...items, make()])}>
          + {addLabel}
        </button>
      )}
    </fieldset>
  );
}
