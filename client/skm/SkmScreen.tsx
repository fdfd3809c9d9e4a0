import { useEffect, useState } from "preact/hooks";
import type { SkmResults } from "../../shared/api/skm";
import { jakartaDate } from "../../shared/jakarta-time";
import { locale } from "../i18n";
import { PeriodSelect } from "./PeriodSelect";
import { SkmNotice } from "./SkmNotice";
import { recentPeriods, ts } from "./skm-words";

interface Office {
  code: string;
  name: string;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json", "Accept-Language": locale.value } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * /skm: the published satisfaction index of a kecamatan office (or all of
 * Jakarta) for a half-year or a year, the same figures as the printed notice,
 * from the public GET /api/skm/results. No account; nothing about anyone.
 */
export function SkmScreen() {
  const periods = recentPeriods(jakartaDate(new Date()));
  const [period, setPeriod] = useState(periods[0] ?? "");
  const [office, setOffice] = useState("");
  const [offices, setOffices] = useState<Office[]>([]);
  const [results, setResults] = useState<SkmResults | null>(null);
  const [failed, setFailed] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    document.title = `${ts("publicTitle")} — Masdarin`;
    getJson<{ offices: Office[] }>("/api/skm/offices").then(
      (answer) => setOffices(answer.offices),
      () => setOffices([]),
    );
  }, []);

  useEffect(() => {
    let current = true;
    setFailed(false);
    const query = new URLSearchParams({ period, ...(office ? { kecamatan: office } : {}) });
    getJson<SkmResults>(`/api/skm/results?${query}`).then(
      (answer) => current && setResults(answer),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [period, office, tick]);

  return (
    <section class="skm-page" aria-labelledby="skm-page-title">
      <h1 id="skm-page-title">{ts("publicTitle")}</h1>
      <p class="muted">{ts("publicIntro")}</p>
      <form class="skm-pickers" onSubmit={(event) => event.preventDefault()}>
        <div class="field">
          <label for="skm-office">{ts("officePick")}</label>
          <select id="skm-office" value={office} onChange={(event) => setOffice(event.currentTarget.value)}>
            <option value="">{ts("officeAll")}</option>
            {offices.map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
        <PeriodSelect id="skm-period" label={ts("periodPick")} periods={periods} value={period} onChange={setPeriod} />
      </form>
      {failed && (
        <div class="skm-failed" role="alert">
          <p>{ts("loadFailed")}</p>
          <button type="button" class="button" onClick={() => setTick((n) => n + 1)}>
            {ts("retry")}
          </button>
        </div>
      )}
      {!results && !failed && <p class="muted">{ts("loading")}</p>}
      <div aria-live="polite">{results && <SkmNotice results={results} />}</div>
    </section>
  );
}
