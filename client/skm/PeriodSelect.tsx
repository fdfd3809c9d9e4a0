import { periodLabel } from "../../shared/skm/period";
import { locale } from "../i18n";

/** A select of recent periods (half-years and years), labelled as the notice names them. */
export function PeriodSelect({
  id,
  label,
  periods,
  value,
  onChange,
}: {
  id: string;
  label: string;
  periods: string[];
  value: string;
  onChange: (period: string) => void;
}) {
  const lang = locale.value;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {periods.map((period) => (
          <option key={period} value={period}>
            {periodLabel(period, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}
