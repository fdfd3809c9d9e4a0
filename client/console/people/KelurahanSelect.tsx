import { villagesOf } from "../lookups";
import { tc } from "../messages";
import { FieldError } from "./FieldError";
import { errorProps } from "./field-errors";

/** A cadre's kelurahan, from the kecamatan's official list; empty for none. */
export function KelurahanSelect({
  id,
  kecamatanCode,
  value,
  error,
  onChange,
}: {
  id: string;
  kecamatanCode: string | null;
  value: string;
  error?: string | undefined;
  onChange: (code: string) => void;
}) {
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id}>{tc("kelurahan")}</label>
      <select
        id={id}
        value={value}
        {...errorProps(id, error)}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{tc("notSet")}</option>
        {villagesOf(kecamatanCode).map((village) => (
          <option key={village.code} value={village.code}>
            {village.name}
          </option>
        ))}
      </select>
      <FieldError id={id} message={error} />
    </div>
  );
}
