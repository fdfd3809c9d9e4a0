import type { ComponentChildren } from "preact";
import { type ConsoleMessageKey, tc } from "../../messages";
import { FieldError } from "../../people/FieldError";

/** The attributes tying an input to its hint and its error (`${id}-hint`, `${id}-error`). */
export function describedBy(id: string, hint: boolean, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { "aria-invalid": error ? (true as const) : undefined, "aria-describedby": ids || undefined };
}

/** One field of the day form: label, hint, the input given as children, and its error. */
export function DayField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ConsoleMessageKey;
  hint?: ConsoleMessageKey;
  error: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id}>{tc(label)}</label>
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {tc(hint)}
        </p>
      )}
      {children}
      <FieldError id={id} message={error} />
    </div>
  );
}
