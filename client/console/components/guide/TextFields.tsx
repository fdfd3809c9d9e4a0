import { useState } from "preact/hooks";
import { fieldId, type Path } from "../../guide-editing";
import type { Editor } from "../GuideFields";
import { describedBy, Row } from "./Row";

export function TextInput({
  ed,
  path,
  label,
  multiline,
  optional,
  hint,
  type = "text",
}: {
  ed: Editor;
  path: Path;
  label: string;
  multiline?: boolean;
  optional?: boolean;
  hint?: string;
  type?: "text" | "url";
}) {
  const id = fieldId(path);
  const error = ed.error(path);
  const value = (ed.get(path) as string | undefined) ?? "";
  const onInput = (event: Event) => {
    const text = (event.currentTarget as HTMLInputElement).value;
    ed.set(path, optional && text.trim() === "" ? undefined : text);
  };
  const props = { id, value, onInput, ...describedBy(id, error, hint) };
  return (
    <Row id={id} label={label} error={error} hint={hint}>
      {multiline ? (
        <textarea rows={3} {...props} />
      ) : type === "url" ? (
        <input type="url" {...props} />
      ) : (
        <input {...props} />
      )}
    </Row>
  );
}

export function NumberInput({
  ed,
  path,
  label,
  min = 0,
  max,
  hint,
}: {
  ed: Editor;
  path: Path;
  label: string;
  min?: number;
  max?: number;
  hint?: string;
}) {
  const id = fieldId(path);
  const error = ed.error(path);
  const value = ed.get(path);
  return (
    <Row id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        type="number"
        // A numeric keypad has no minus sign: fields that take negatives keep the full keyboard.
        inputMode={min < 0 ? "text" : "numeric"}
        min={min}
        max={max}
        step={1}
        value={typeof value === "number" ? value : ""}
        onInput={(event) => {
          const text = event.currentTarget.value;
          ed.set(path, text === "" ? undefined : Number(text));
        }}
        {...describedBy(id, error, hint)}
      />
    </Row>
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
  const props = { id, value: text, onInput, ...describedBy(id, error) };
  return (
    <Row id={id} label={label} error={error}>
      {separator === "\n" ? <textarea rows={3} {...props} /> : <input {...props} />}
    </Row>
  );
}
