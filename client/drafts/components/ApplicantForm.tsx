import { useState } from "preact/hooks";
import type { Draft } from "../../../shared/draft";
import { parsePhone } from "../../../shared/identity/phone";
import type { Reason } from "../../../shared/precheck";
import { jakartaDistricts, jakartaRegencies, jakartaVillages } from "../../../shared/regions";
import { locale } from "../../i18n";
import { td } from "../messages";
import { Field } from "./Field";

interface Props {
  draft: Draft;
  reasons: Reason[];
  showAll: boolean;
  edit: (action: string, change: (draft: Draft) => void) => unknown;
}

/** Applicant data with the pre-check's own messages at each field. */
export function ApplicantForm({ draft, reasons, showAll, edit }: Props) {
  const lang = locale.value;
  const applicant = draft.applicant;
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const errorFor = (field: string, value: string) => {
    const reason = reasons.find((r) => r.field === `applicant.${field}` || r.field?.startsWith(`applicant.${field}.`));
    return reason && (showAll || value.trim() !== "" || touched.has(field)) ? reason.message[lang] : undefined;
  };
  const touch = (field: string) => setTouched((set) => new Set(set).add(field));
  const village = applicant.address.villageCode;
  const [regency, setRegency] = useState(village ? village.slice(0, 5) : "");
  const [district, setDistrict] = useState(village ? village.slice(0, 8) : "");

  const text = (field: "fullName" | "nik" | "kk" | "phone", props: Record<string, string>) => (
    <Field id={`applicant-${field}`} label={td(field)} error={errorFor(field, applicant[field])}>
      <input
        id={`applicant-${field}`}
        value={applicant[field]}
        aria-invalid={errorFor(field, applicant[field]) ? true : undefined}
        aria-describedby={`applicant-${field}-error`}
        onInput={(event) => {
          const value = event.currentTarget.value;
          edit(`applicant.${field}`, (d) => {
            d.applicant[field] = value;
          });
        }}
        onBlur={() => {
          touch(field);
          // One canonical form (+62…) for the office and the server, once the number is valid.
          const parsed = field === "phone" ? parsePhone(applicant.phone) : undefined;
          if (parsed?.ok && parsed.value !== applicant.phone) {
            edit("applicant.phone", (d) => {
              d.applicant.phone = parsed.value;
            });
          }
        }}
        {...props}
      />
    </Field>
  );

  return (
    <section class="card" aria-labelledby="applicant-title">
      <h2 id="applicant-title">{td("applicantTitle")}</h2>
      {text("fullName", { autoComplete: "off", autoCapitalize: "characters", maxLength: "100" })}
      {text("nik", { inputMode: "numeric", autoComplete: "off", maxLength: "24" })}
      {text("kk", { inputMode: "numeric", autoComplete: "off", maxLength: "24" })}
      <div>
        <Field id="applicant-birthDate" label={td("birthDate")} error={errorFor("birthDate", applicant.birthDate)}>
          <input
            id="applicant-birthDate"
            type="date"
            value={applicant.birthDate}
            max="2100-12-31"
            onInput={(event) => {
              const value = event.currentTarget.value;
              edit("applicant.birthDate", (d) => {
                d.applicant.birthDate = value;
              });
            }}
          />
        </Field>
        <fieldset class="field">
          <legend>{td("sex")}</legend>
          <div class="segmented">
            {(["male", "female"] as const).map((sex) => (
              <label key={sex}>
                <input
                  type="radio"
                  name="applicant-sex"
                  checked={applicant.sex === sex}
                  onChange={() =>
                    edit("applicant.sex", (d) => {
                      d.applicant.sex = sex;
                    })
                  }
                />
                <span>{td(sex)}</span>
              </label>
            ))}
          </div>
          {errorFor("sex", applicant.sex ?? "") && <p class="field-error">{errorFor("sex", applicant.sex ?? "")}</p>}
        </fieldset>
      </div>
      {text("phone", { type: "tel", inputMode: "tel", autoComplete: "off", maxLength: "24" })}

      <Field id="applicant-street" label={td("street")}>
        <input
          id="applicant-street"
          value={applicant.address.street}
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
        {(["rt", "rw"] as const).map((part) => (
          <Field
            key={part}
            id={`applicant-${part}`}
            label={td(part)}
            error={errorFor(`address.${part}`, applicant.address[part])}
          >
            <input
              id={`applicant-${part}`}
              inputMode="numeric"
              maxLength={3}
              value={applicant.address[part]}
              onInput={(event) => {
                const value = event.currentTarget.value;
                edit(`applicant.address.${part}`, (d) => {
                  d.applicant.address[part] = value;
                });
              }}
            />
          </Field>
        ))}
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
      <Field id="applicant-village" label={td("village")} error={errorFor("address.villageCode", village)}>
        <select
          id="applicant-village"
          value={village}
          disabled={!district}
          onChange={(event) => {
            const value = event.currentTarget.value;
            edit("applicant.address.villageCode", (d) => {
              d.applicant.address.villageCode = value;
            });
          }}
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
    </section>
  );
}
