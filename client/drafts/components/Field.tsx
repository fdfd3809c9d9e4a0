import type { ComponentChildren } from "preact";

/** A labelled form control with its error right below it, tied together for screen readers. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id}>{label}</label>
      {children}
      {hint && !error && <p class="field-hint">{hint}</p>}
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
