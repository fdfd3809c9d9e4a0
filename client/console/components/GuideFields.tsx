import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { fieldId, getIn, type Path, pathKey } from "../guide-editing";
import { tc } from "../messages";

/** How every field reads and writes the draft, and finds its error. */
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

function Row({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id}>{label}</label>
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`} data-testid={`error-${id}`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error: string | undefined) {
  return error ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {};
}

export function TextInput({
  ed,
  path,
  label,
  multiline,
  optional,
  type = "text",
}: {
  ed: Editor;
  path: Path;
  label: string;
  multiline?: boolean;
  optional?: boolean;
  type?: "text" | "url";
}) {
  const id = fieldId(path);
  const error = ed.error(path);
  const value = (ed.get(path) as string | undefined) ?? "";
  const onInput = (event: Event) => {
    const text = (event.currentTarget as HTMLInputElement).value;
    ed.set(path, optional && text.trim() === "" ? undefined : text);
  };
  return (
    <Row id={id} label={label} error={error}>
      {multiline ? (
        <textarea id={id} rows={3} value={value} onInput={onInput} {...describedBy(id, error)} />
      ) : type === "url" ? (
        <input id={id} type="url" value={value} onInput={onInput} {...describedBy(id, error)} />
      ) : (
        <input id={id} value={value} onInput={onInput} {...describedBy(id, error)} />
      )}
    </Row>
  );
}

export function NumberInput({ ed, path, label, min = 0 }: { ed: Editor; path: Path; label: string; min?: number }) {
  const id = fieldId(path);
  const error = ed.error(path);
  const value = ed.get(path);
  return (
    <Row id={id} label={label} error={error}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        step={1}
        value={typeof value === "number" ? value : ""}
        onInput={(event) => {
          const text = event.currentTarget.value;
          ed.set(path, text === "" ? undefined : Number(text));
        }}
        {...describedBy(id, error)}
      />
    </Row>
  );
}

/** Both languages of one text; an optional one disappears when both are empty. */
export function LocalizedInput({
  ed,
  path,
  label,
  multiline,
  optional,
}: {
  ed: Editor;
  path: Path;
  label: string;
  multiline?: boolean;
  optional?: boolean;
}) {
  const whole = ed.error(path);
  const current = (ed.get(path) as { id?: string; en?: string } | undefined) ?? {};
  const write = (lang: "id" | "en", text: string) => {
    const next = { id: current.id ?? "", en: current.en ?? "", [lang]: text };
    ed.set(path, optional && next.id.trim() === "" && next.en.trim() === "" ? undefined : next);
  };
  return (
    <fieldset class="localized">
      <legend>{label}</legend>
      {(["id", "en"] as const).map((lang) => {
        const id = fieldId([...path, lang]);
        const error = ed.error([...path, lang]);
        const props = {
          id,
          lang,
          value: current[lang] ?? "",
          onInput: (event: Event) => write(lang, (event.currentTarget as HTMLInputElement).value),
          ...describedBy(id, error),
        };
        return (
          <Row key={lang} id={id} label={`${label} (${tc(lang === "id" ? "idText" : "enText")})`} error={error}>
            {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
          </Row>
        );
      })}
      {whole && <p class="field-error">{whole}</p>}
    </fieldset>
  );
}

export function SelectInput({
  ed,
  path,
  label,
  options,
  optional,
  onChange,
}: {
  ed: Editor;
  path: Path;
  label: string;
  options: { value: string; label: string }[];
  optional?: boolean;
  onChange?: (value: string) => void;
}) {
  const id = fieldId(path);
  const error = ed.error(path);
  return (
    <Row id={id} label={label} error={error}>
      <select
        id={id}
        value={(ed.get(path) as string | undefined) ?? ""}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (onChange) onChange(value);
          else ed.set(path, optional && value === "" ? undefined : value);
        }}
        {...describedBy(id, error)}
      >
        {optional && <option value="">{tc("notSet")}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Row>
  );
}

/** An optional flag: ticked is `true`, unticked leaves the key out. */
export function CheckInput({
  ed,
  path,
  label,
  keepFalse,
}: {
  ed: Editor;
  path: Path;
  label: string;
  keepFalse?: boolean;
}) {
  const id = fieldId(path);
  return (
    <div class="field check-field">
      <label for={id} class="choice">
        <input
          id={id}
          type="checkbox"
          checked={ed.get(path) === true}
          onChange={(event) => ed.set(path, event.currentTarget.checked ? true : keepFalse ? false : undefined)}
        />
        {label}
      </label>
      {ed.error(path) && <p class="field-error">{ed.error(path)}</p>}
    </div>
  );
}

/** A set of values as checkboxes; none ticked removes the key unless `keepEmpty`. */
export function MultiCheck({
  ed,
  path,
  label,
  options,
  keepEmpty,
}: {
  ed: Editor;
  path: Path;
  label: string;
  options: { value: string; label: string }[];
  keepEmpty?: boolean;
}) {
  const values = (ed.get(path) as string[] | undefined) ?? [];
  const error = ed.error(path);
  return (
    <fieldset class={error ? "field has-error" : "field"}>
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option.value} class="choice">
          <input
            type="checkbox"
            checked={values.includes(option.value)}
            onChange={(event) => {
              const next = event.currentTarget.checked
                ? [...values, option.value]
                : values.filter((value) => value !== option.value);
              ed.set(path, next.length === 0 && !keepEmpty ? undefined : next);
            }}
          />
          {option.label}
        </label>
      ))}
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}

/** Words separated by commas or lines, kept as typed while the array follows. */
export function ListText({
  ed,
  path,
  label,
  separator,
}: {
  ed: Editor;
  path: Path;
  label: string;
  separator: "," | "\n";
}) {
  const id = fieldId(path);
  const values = (ed.get(path) as string[] | undefined) ?? [];
  const [text, setText] = useState(values.join(separator === "," ? ", " : "\n"));
  const error = ed.error(path) ?? values.map((_, i) => ed.error([...path, i])).find(Boolean);
  const onInput = (event: Event) => {
    const typed = (event.currentTarget as HTMLInputElement).value;
    setText(typed);
    ed.set(
      path,
      typed
        .split(separator)
        .map((part) => part.trim())
        .filter((part) => part !== ""),
    );
  };
  return (
    <Row id={id} label={label} error={error}>
      {separator === "\n" ? (
        <textarea id={id} rows={3} value={text} onInput={onInput} {...describedBy(id, error)} />
      ) : (
        <input id={id} value={text} onInput={onInput} {...describedBy(id, error)} />
      )}
    </Row>
  );
}

/** A JSON value in a textarea (deeply nested conditions); invalid JSON is kept as typed and flagged. */
export function JsonInput({ ed, path, label, help }: { ed: Editor; path: Path; label: string; help: string }) {
  const id = fieldId(path);
  const value = ed.get(path);
  const [text, setText] = useState(value === undefined ? "" : JSON.stringify(value));
  const [invalid, setInvalid] = useState(false);
  const error = invalid ? tc("whenInvalid") : ed.error(path);
  return (
    <Row id={id} label={label} error={error}>
      <textarea
        id={id}
        rows={2}
        class="mono"
        value={text}
        onInput={(event) => {
          const typed = event.currentTarget.value;
          setText(typed);
          if (typed.trim() === "") {
            setInvalid(false);
            ed.set(path, undefined);
            return;
          }
          try {
            ed.set(path, JSON.parse(typed) as unknown);
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
        {...describedBy(id, error)}
      />
      <p class="field-hint">{help}</p>
    </Row>
  );
}

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
}: {
  ed: Editor;
  path: Path;
  title: string;
  itemTitle: (n: number) => string;
  addLabel: string;
  make: () => unknown;
  render: (itemPath: Path, index: number) => ComponentChildren;
  min?: number;
}) {
  const items = (ed.get(path) as unknown[] | undefined) ?? [];
  // Items hold typed-but-unparsed text (JSON, lists): remount them all after a move or removal.
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
        {items.map((_, index) => (
          <li key={`${generation}-${index}`} class="list-item">
            <div class="list-item-head">
              <strong>{itemTitle(index + 1)}</strong>
              <span class="list-item-tools">
                <button
                  type="button"
                  class="button small ghost"
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                  aria-label={`${tc("moveUp")}: ${itemTitle(index + 1)}`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="button small ghost"
                  disabled={index === items.length - 1}
                  onClick={() => move(index, index + 1)}
                  aria-label={`${tc("moveDown")}: ${itemTitle(index + 1)}`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="button small ghost danger"
                  disabled={items.length <= min}
                  onClick={() => restructure(items.filter((__, i) => i !== index))}
                  aria-label={`${tc("remove")}: ${itemTitle(index + 1)}`}
                >
                  {tc("remove")}
                </button>
              </span>
            </div>
            {render([...path, index], index)}
          </li>
        ))}
      </ol>
      <button type="button" class="button small" onClick={() => ed.set(path, [...items, make()])}>
        + {addLabel}
      </button>
    </fieldset>
  );
}
