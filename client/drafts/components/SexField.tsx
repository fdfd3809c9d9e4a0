import type { Applicant } from "../../../shared/draft";
import { td } from "../messages";
import { errorProps } from "./Field";

type Sex = NonNullable<Applicant["sex"]>;

/**
 * Laki-laki / Perempuan. Its error includes a sex the NIK contradicts (the
 * NIK's birth day is plus 40 for women): either may be the one mistyped.
 */
export function SexField({
  value,
  error,
  onPick,
}: {
  value: Applicant["sex"];
  error: string | undefined;
  onPick: (sex: Sex) => void;
}) {
  return (
    <fieldset class={error ? "field has-error" : "field"} id="applicant-sex">
      <legend>{td("sex")}</legend>
      <div class="segmented">
        {(["male", "female"] as const).map((sex) => (
          <label key={sex}>
            <input
              type="radio"
              id={`applicant-sex-${sex}`}
              name="applicant-sex"
              checked={value === sex}
              {...errorProps("applicant-sex", error)}
              onChange={() => onPick(sex)}
            />
            <span>{td(sex)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p class="field-error" id="applicant-sex-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
