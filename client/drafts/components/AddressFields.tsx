import { useState } from "preact/hooks";
import type { Applicant, Draft } from "../../../shared/draft";
import { jakartaDistricts, jakartaRegencies, jakartaVillages } from "../../../shared/regions";
import { td } from "../messages";
import { errorProps, Field } from "./Field";

interface Props {
  address: Applicant["address"];
  errorFor: (field: string) => string | undefined;
  touch: (field: string) => void;
  /** The cadre types in a field: its error waits until they leave it. */
  typing: (field: string) => void;
  edit: (action: string, change: (draft: Draft) => void) => unknown;
}

/** Street, RT/RW and the kelurahan, chosen down the official region list. */
export function AddressFields({ address, errorFor, touch, typing, edit }: Props) {
  const village = address.villageCode;
  const [regency, setRegency] = useState(village ? village.slice(0, 5) : "");
  const [district, setDistrict] = useState(village ? village.slice(0, 8) : "");
  const villageError = errorFor("address.villageCode");
  return (
    <>
      <Field id="applicant-street" label={td("street")}>
        <input
          id="applicant-street"
          value={address.street}
          maxLength={200}
          onInput={(event) => {
            const value = event.currentTarget.value;
            edit("applicant.address.street", (d) => {
              d.applicant.address.street = value;
            });
          }}
        />
      </Field>
      <div class="field-row">
        {(["rt", "rw"] as const).map((part) => {
          const id = `applicant-${part}`;
          const error = errorFor(`address.${part}`);
          return (
            <Field key={part} id={id} label={td(part)} error={error}>
              <input
                id={id}
                inputMode="numeric"
                maxLength={3}
                value={address[part]}
                {...errorProps(id, error)}
                onInput={(event) => {
                  const value = event.currentTarget.value;
                  typing(`address.${part}`);
                  edit(`applicant.address.${part}`, (d) => {
                    d.applicant.address[part] = value;
                  });
                }}
                onBlur={() => touch(`address.${part}`)}
              />
            </Field>
          );
        })}
      </div>
      <Field id="applicant-regency" label={td("regency")}>
        <select
          id="applicant-regency"
          value={regency}
          onChange={(event) => {
            setRegency(event.currentTarget.value);
            setDistrict("");
          }}
        >
          <option value="">{td("choose")}</option>
          {jakartaRegencies().map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="applicant-district" label={td("district")}>
        <select
          id="applicant-district"
          value={district}
          disabled={!regency}
          onChange={(e) => setDistrict(e.currentTarget.value)}
        >
          <option value="">{td("choose")}</option>
          {regency &&
            jakartaDistricts(regency).map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
        </select>
      </Field>
      <Field id="applicant-village" label={td("village")} error={villageError}>
        <select
          id="applicant-village"
          value={village}
          disabled={!district}
          {...errorProps("applicant-village", villageError)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            touch("address.villageCode");
            edit("applicant.address.villageCode", (d) => {
              d.applicant.address.villageCode = value;
            });
          }}
          onBlur={() => touch("address.villageCode")}
        >
          <option value="">{td("choose")}</option>
          {district &&
            jakartaVillages(district).map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
        </select>
      </Field>
    </>
  );
}
