import { tc } from "../messages";
import { FieldError } from "./FieldError";
import { errorProps } from "./field-errors";
import { generatePassword } from "./password";

/** A first password, typed or generated; a generated one is shown in clear so it can be handed over. */
export function PasswordField({
  id,
  value,
  shown,
  error,
  onInput,
  onGenerate,
}: {
  id: string;
  value: string;
  shown: boolean;
  error: string | undefined;
  onInput: (password: string) => void;
  onGenerate: (password: string) => void;
}) {
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id}>{tc("password")}</label>
      <div class="password-row">
        <input
          id={id}
          // (Preact's input types tie `type` to its other attributes; either value is fine here.)
          type={(shown ? "text" : "password") as "text"}
          autoComplete="new-password"
          value={value}
          {...errorProps(id, error)}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        <button type="button" class="button small" onClick={() => onGenerate(generatePassword())}>
          {tc("generatePassword")}
        </button>
      </div>
      <FieldError id={id} message={error} />
    </div>
  );
}
