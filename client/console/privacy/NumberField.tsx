import { describedBy } from "../components/calendar/DayField";
import { FieldError } from "../people/FieldError";

/** One whole-number setting: label, hint with its bounds, the input, and its error. */
export function NumberField({
  id,
  label,
  hint,
  value,
  bounds,
  error,
  disabled,
  onInput,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  bounds: { min: number; max: number };
  error: string | undefined;
  disabled?: boolean;
  onInput: (value: string) => void;
}) {
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id}>{label}</label>
      <p class="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={bounds.min}
        max={bounds.max}
        step={1}
        // A few digits, not a line's width.
        style={{ maxWidth: "9rem" }}
        value={value}
        disabled={disabled}
        {...describedBy(id, true, error)}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <FieldError id={id} message={error} />
    </div>
  );
}
