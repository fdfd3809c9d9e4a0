import { errorProps } from "../drafts/components/Field";

/**
 * Six digits on the phone's number pad, hidden as typed, never offered to
 * the browser's autofill or password manager (the PIN is not the password).
 */
export function PinInput({
  id,
  value,
  onInput,
  error,
  disabled = false,
}: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  return (
    <input
      id={id}
      class="pin-input"
      type="password"
      inputMode="numeric"
      pattern="[0-9]*"
      autoComplete="off"
      maxLength={6}
      required
      disabled={disabled}
      value={value}
      onInput={(event) => {
        const digits = event.currentTarget.value.replace(/\D/g, "").slice(0, 6);
        event.currentTarget.value = digits;
        onInput(digits);
      }}
      {...errorProps(id, error)}
    />
  );
}
