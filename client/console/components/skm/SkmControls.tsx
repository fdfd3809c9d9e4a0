import { useEffect, useState } from "preact/hooks";
import { jakartaDate } from "../../../../shared/jakarta-time";
import { guides } from "../../../catalogue/store";
import { locale } from "../../../i18n";
import { PeriodSelect } from "../../../skm/PeriodSelect";
import { recentPeriods } from "../../../skm/skm-words";
import { api } from "../../api";
import { kecamatanName } from "../../lookups";
import { tc } from "../../messages";
import { tv } from "../../voice-messages";
import type { SkmSelection } from "./skm-api";

/**
 * Period (half-years and years), office and service. An operator's office is
 * their own and is only named; an admin picks one or all of Jakarta.
 */
export function SkmControls({
  selection,
  onChange,
  ownOffice,
}: {
  selection: SkmSelection;
  onChange: (next: SkmSelection) => void;
  ownOffice: string | null;
}) {
  const lang = locale.value;
  const [offices, setOffices] = useState<{ code: string; name: string }[]>([]);
  useEffect(() => {
    if (ownOffice) return;
    api<{ offices: { code: string; name: string }[] }>("GET", "/api/skm/offices").then(
      (answer) => setOffices(answer.offices),
      () => setOffices([]),
    );
  }, [ownOffice]);
  const periods = recentPeriods(jakartaDate(new Date()));
  if (!periods.includes(selection.period)) periods.unshift(selection.period);
  return (
    <form class="filter-row skm-controls no-print" onSubmit={(event) => event.preventDefault()}>
      <PeriodSelect
        id="skm-period"
        label={tv("skmPeriod")}
        periods={periods}
        value={selection.period}
        onChange={(period) => onChange({ ...selection, period })}
      />
      {ownOffice ? (
        <div class="field skm-own-office">
          <span class="skm-own-office-label">{tv("skmOffice")}</span>
          <strong>Kecamatan {kecamatanName(ownOffice)}</strong>
        </div>
      ) : (
        <div class="field">
          <label for="skm-office">{tv("skmOffice")}</label>
          <select
            id="skm-office"
            value={selection.kecamatan}
            onChange={(event) => onChange({ ...selection, kecamatan: event.currentTarget.value })}
          >
            <option value="">{tv("skmOfficeAll")}</option>
            {offices.map((office) => (
              <option key={office.code} value={office.code}>
                {office.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for="skm-service">{tv("skmService")}</label>
        <select
          id="skm-service"
          value={selection.service}
          onChange={(event) => onChange({ ...selection, service: event.currentTarget.value })}
        >
          <option value="">{tc("all")}</option>
          {guides.value.map((guide) => (
            <option key={guide.id} value={guide.id}>
              {guide.title[lang]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
