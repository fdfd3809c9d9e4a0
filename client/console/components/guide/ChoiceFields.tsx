import { fieldId, type Path } from "../../guide-editing";
import { tc } from "../../messages";
import type { Editor } from "../GuideFields";
import { describedBy, Row } from "./Row";

export interface Choice {
  value: string;
  label: string;
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
  options: Choice[];
  optional?: boolean;
  onChange?: (value: string) => void;
}) {
  const id = fieldId(path);
  const error = ed.error(path);
  const current = (ed.get(path) as string | undefined) ?? "";
  // A value the list does not know (an imported guide, a renamed requirement) stays visible, not silently replaced.
  const unknown = current !== "" && !options.some((option) => option.value === current);
  return (
    <Row id={id} label={label} error={error}>
      <select
        id={id}
        value={current}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (onChange) onChange(value);
          else ed.set(path, optional && value === "" ? undefined : value);
        }}
        {...describedBy(id, error)}
      >
        {optional && <option value="">{tc("notSet")}</option>}
        {unknown && <option value={current}>{tc("unknownValue", { value: current })}</option>}
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
  const error = ed.error(path);
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
      {error && <p class="field-error">{error}</p>}
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
  options: Choice[];
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
