import type { Draft } from "../../../shared/draft";
import { parsePhone } from "../../../shared/identity/phone";
import type { Reason } from "../../../shared/precheck";
import { td } from "../messages";
import { useFieldErrors } from "../use-field-errors";
import { AddressFields } from "./AddressFields";
import { errorProps, Field } from "./Field";
import { SexField } from "./SexField";

interface Props {
  draft: Draft;
  reasons: Reason[];
  showAll: boolean;
  edit: (action: string, change: (draft: Draft) => void) => unknown;
}

/** Applicant data with the pre-check's own messages at each field, once the cadre has left it. */
export function ApplicantForm({ draft, reasons, showAll, edit }: Props) {
  const applicant = draft.applicant;
  const { errorFor, touch, typing } = useFieldErrors(reasons, showAll, applicant);

  const text = (field: "fullName" | "nik" | "kk" | "phone", props: Record<string, string>) => {
    const id = `applicant-${field}`;
    const error = errorFor(field);
    return (
      <Field id={id} label={td(field)} error={error}>
        <input
          id={id}
          value={applicant[field]}
          {...errorProps(id, error)}
          onInput={(event) => {
            const value = event.currentTarget.value;
            typing(field);
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
  };
  const birthError = errorFor("birthDate");

  return (
    <section class="card" aria-labelledby="applicant-title">
      <h2 id="applicant-title">{td("applicantTitle")}</h2>
      {text("fullName", { autoComplete: "off", autoCapitalize: "characters", maxLength: "100" })}
      {text("nik", { inputMode: "numeric", autoComplete: "off", maxLength: "24" })}
      {text("kk", { inputMode: "numeric", autoComplete: "off", maxLength: "24" })}
      <div>
        <Field id="applicant-birthDate" label={td("birthDate")} error={birthError}>
          <input
            id="applicant-birthDate"
            type="date"
            value={applicant.birthDate}
            max="2100-12-31"
            {...errorProps("applicant-birthDate", birthError)}
            onInput={(event) => {
              const value = event.currentTarget.value;
              typing("birthDate");
              edit("applicant.birthDate", (d) => {
                d.applicant.birthDate = value;
              });
            }}
            onBlur={() => touch("birthDate")}
          />
        </Field>
        <SexField
          value={applicant.sex}
          error={errorFor("sex")}
          onPick={(sex) => {
            touch("sex");
            edit("applicant.sex", (d) => {
              d.applicant.sex = sex;
            });
          }}
        />
      </div>
      {text("phone", { type: "tel", inputMode: "tel", autoComplete: "off", maxLength: "24" })}
      <AddressFields address={applicant.address} errorFor={errorFor} touch={touch} typing={typing} edit={edit} />
    </section>
  );
}
