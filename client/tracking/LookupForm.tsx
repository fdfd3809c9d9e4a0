import { useEffect, useRef, useState } from "preact/hooks";
import { parseTrackingNumber, trackingPath } from "../../shared/tracking/number";
import { navigate } from "../router";
import { tt } from "./messages";
import { numberProblem } from "./view";

interface Props {
  /** What the link or QR carried, or the number the office did not find: shown, and judged at once. */
  initial?: string;
  /** The office's answer about `initial` (not found, too many checks), in words. */
  problem?: string | null;
  /** The number shown is submitted again: ask the office again. */
  onRetry?: () => void;
}

/**
 * "Nomor berkas": checked on the phone first (shape, then the check
 * character), so a typo is named before anything is sent; a good number
 * opens its own page, which asks the office.
 */
export function LookupForm({ initial = "", problem = null, onRetry }: Props) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(() => (initial ? (numberProblem(initial) ?? problem) : null));
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setValue(initial);
    setError(initial ? (numberProblem(initial) ?? problem) : null);
  }, [initial, problem]);

  const submit = (event: Event) => {
    event.preventDefault();
    const found = numberProblem(value);
    setError(found);
    if (found) {
      input.current?.focus();
      return;
    }
    const parsed = parseTrackingNumber(value);
    if (!parsed.ok) return;
    const path = trackingPath(parsed.number);
    if (path === location.pathname) onRetry?.();
    else navigate(path);
  };

  return (
    <form class="card lacak-form" onSubmit={submit} noValidate>
      <div class={`field${error ? " has-error" : ""}`}>
        <label for="tracking-number">{tt("numberLabel")}</label>
        <p id="tracking-number-hint" class="field-hint">
          {tt("numberHint")}
        </p>
        <input
          ref={input}
          id="tracking-number"
          name="number"
          type="text"
          inputMode="text"
          autoCapitalize="characters"
          autoComplete="off"
          autoCorrect="off"
          spellcheck={false}
          enterKeyHint="go"
          maxLength={40}
          class="tracking-input"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "tracking-number-error tracking-number-hint" : "tracking-number-hint"}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        {error && (
          <p id="tracking-number-error" class="field-error" role="alert" data-testid="tracking-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" class="button primary wide">
        {tt("check")}
      </button>
    </form>
  );
}
