import type { ComponentChildren } from "preact";

/**
 * What a control carries while its field is in error: marked invalid and
 * described by the message under it. The message is read when the control is
 * focused, never announced on each keystroke (no role=alert here: the summary
 * at the top announces once, when the cadre tries to submit).
 */
export function errorProps(id: string, error: string | undefined): Record<string, string> {
  return error ? { "aria-invalid": "true", "aria-describedby": `${id}-error` } : {};
}

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
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
