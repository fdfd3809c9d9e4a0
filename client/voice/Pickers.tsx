import { jakartaDistricts, jakartaRegencies, jakartaVillages } from "../../shared/regions";
import { guides } from "../catalogue/store";
import { locale } from "../i18n";
import { tv } from "./messages";

interface SelectProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}

function errorAttrs(id: string, error: string | undefined) {
  return error ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};
}

/** Every Jakarta kecamatan, grouped by kota (shared/regions). */
export function DistrictSelect({ id, value, onChange, error }: SelectProps) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)} {...errorAttrs(id, error)}>
      <option value="">{tv("choose")}</option>
      {jakartaRegencies().map((regency) => (
        <optgroup key={regency.code} label={regency.name}>
          {jakartaDistricts(regency.code).map((district) => (
            <option key={district.code} value={district.code}>
              {district.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** The kelurahan of one kecamatan. */
export function VillageSelect({ id, value, onChange, error, district }: SelectProps & { district: string }) {
  return (
    <select
      id={id}
      value={value}
      disabled={!district}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...errorAttrs(id, error)}
    >
      <option value="">{tv("choose")}</option>
      {district &&
        jakartaVillages(district).map((village) => (
          <option key={village.code} value={village.code}>
            {village.name}
          </option>
        ))}
    </select>
  );
}

/** The services in the catalogue on this phone, by title. */
export function ServiceSelect({ id, value, onChange }: SelectProps) {
  const lang = locale.value;
  const list = [...guides.value].sort((a, b) => a.title[lang].localeCompare(b.title[lang], "id"));
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
      <option value="">{tv("noService")}</option>
      {list.map((guide) => (
        <option key={guide.id} value={guide.id}>
          {guide.title[lang]}
        </option>
      ))}
    </select>
  );
}
