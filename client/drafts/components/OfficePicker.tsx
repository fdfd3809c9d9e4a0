import { useState } from "preact/hooks";
import type { Draft } from "../../../shared/draft";
import type { Guide } from "../../../shared/guide";
import { homeOfficeOf } from "../../../shared/precheck/home-office";
import { jakartaDistricts, jakartaRegencies, jakartaVillages } from "../../../shared/regions";
import { account } from "../../account/session";
import { localDb } from "../../db/local-db";
import { td } from "../messages";
import { regionIndex } from "../store";
import { Field } from "./Field";

/**
 * The office the file goes to, for guides that serve only residents of the
 * office's area. The cadre's last choice is remembered for the next draft.
 */
export function OfficePicker({
  guide,
  draft,
  edit,
}: {
  guide: Guide;
  draft: Draft;
  edit: (action: string, change: (draft: Draft) => void) => unknown;
}) {
  const code = draft.officeAreaCode;
  const home = officeName(homeOfficeOf(account.value));
  const [district, setDistrict] = useState(code ? code.slice(0, 8) : "");
  const choose = (value: string) => {
    edit("officeAreaCode", (d) => {
      d.officeAreaCode = value;
    });
    void localDb.meta.put({ key: "officeAreaCode", value });
  };
  return (
    <section class="card" aria-labelledby="office-title">
      <h2 id="office-title">{td("officeTitle")}</h2>
      <p class="muted small">{td("officeHelp")}</p>
      {!code && home && <p class="muted small">{td("officeDefault", { office: home })}</p>}
      <Field id="office-district" label={td("officeDistrict")}>
        <select
          id="office-district"
          value={district}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setDistrict(value);
            // A kecamatan office is precise enough for every rule but the kelurahan's.
            if (guide.residency !== "kelurahan") choose(value);
          }}
        >
          <option value="">{td("choose")}</option>
          {jakartaRegencies().map((regency) => (
            <optgroup key={regency.code} label={regency.name}>
              {jakartaDistricts(regency.code).map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      {guide.residency === "kelurahan" && (
        <Field id="office-village" label={td("officeVillage")}>
          <select
            id="office-village"
            value={code}
            disabled={!district}
            onChange={(event) => choose(event.currentTarget.value)}
          >
            <option value="">{td("choose")}</option>
            {district &&
              jakartaVillages(district).map((v) => (
                <option key={v.code} value={v.code}>
                  {v.name}
                </option>
              ))}
          </select>
        </Field>
      )}
    </section>
  );
}

/** "Kel. Cideng, Kec. Gambir" or "Kec. Gambir" for the cadre's own office code. */
function officeName(code: string): string {
  if (!code) return "";
  const regions = regionIndex();
  const village = regions.village(code);
  if (village) return `Kel. ${village.name}, Kec. ${village.districtName}`;
  const district = jakartaDistricts(code.slice(0, 5)).find((d) => d.code === code);
  return district ? `Kec. ${district.name}` : code;
}
