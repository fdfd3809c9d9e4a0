import type { SkmCategory, SkmElementResult } from "../../shared/api/skm";
import { SKM_CATEGORY_NAMES } from "../../shared/skm/ikm";
import { semesterOf } from "../../shared/skm/period";
import { interpolate, locale } from "../i18n";

/**
 * Words and number formats of the SKM figures, shared by the public /skm page
 * and the console's report and printed notice, so all three read alike. A
 * table of its own: the phone app loads it only with /skm.
 */
const id = {
  noticeTitle: "Indeks Kepuasan Masyarakat (IKM)",
  noticeSubtitle: "Hasil Survei Kepuasan Masyarakat",
  period: "Periode",
  office: "Unit pelayanan",
  service: "Layanan",
  allServices: "Semua layanan",
  ikm: "Nilai IKM",
  category: "Mutu pelayanan",
  noResponses: "Belum ada responden pada periode ini.",
  respondents: "Responden",
  respondentsOf: "{count} responden dari sampel minimum {minimum}",
  respondentsOnly: "{count} responden",
  sampleEnough: "cukup",
  sampleShort: "belum cukup",
  population: "Jumlah berkas yang dilayani: {count}",
  populationUnknown: "Jumlah berkas yang dilayani belum diketahui.",
  elementsTitle: "Nilai per unsur pelayanan",
  elementsHelpWeakest: "Unsur terlemah di atas.",
  element: "Unsur",
  nrr: "NRR",
  score: "Nilai (NRR × 25)",
  followUpsTitle: "Rencana tindak lanjut",
  followUpsNone: "Belum ada rencana tindak lanjut.",
  followUpAction: "Tindakan",
  followUpOwner: "Penanggung jawab",
  followUpDue: "Batas waktu",
  followUpDone: "Status",
  done: "Selesai {date}",
  notDone: "Dalam proses",
  basis: "Dihitung menurut PermenPANRB Nomor 14 Tahun 2017: IKM = rata-rata NRR kesembilan unsur × 25.",
  asOf: "Data per {date}",
  // public page
  publicTitle: "Indeks Kepuasan Masyarakat",
  publicIntro:
    "Hasil survei kepuasan warga terhadap pelayanan perizinan dan non-perizinan di kantor kecamatan DKI Jakarta.",
  officePick: "Kantor kecamatan",
  officeAll: "Seluruh DKI Jakarta",
  periodPick: "Periode",
  show: "Tampilkan",
  loading: "Memuat…",
  loadFailed: "Tidak bisa memuat data. Periksa sambungan lalu coba lagi.",
  retry: "Coba lagi",
};

type SkmWordKey = keyof typeof id;

const en: Record<SkmWordKey, string> = {
  noticeTitle: "Public Satisfaction Index (IKM)",
  noticeSubtitle: "Public Satisfaction Survey results",
  period: "Period",
  office: "Service unit",
  service: "Service",
  allServices: "All services",
  ikm: "IKM",
  category: "Service quality",
  noResponses: "No respondents in this period yet.",
  respondents: "Respondents",
  respondentsOf: "{count} respondents of a minimum sample of {minimum}",
  respondentsOnly: "{count} respondents",
  sampleEnough: "enough",
  sampleShort: "not enough yet",
  population: "Files served: {count}",
  populationUnknown: "The number of files served is not known yet.",
  elementsTitle: "Score per service element",
  elementsHelpWeakest: "Weakest element first.",
  element: "Element",
  nrr: "NRR",
  score: "Score (NRR × 25)",
  followUpsTitle: "Follow-up plan",
  followUpsNone: "No follow-up planned yet.",
  followUpAction: "Action",
  followUpOwner: "Responsible",
  followUpDue: "Due",
  followUpDone: "Status",
  done: "Done {date}",
  notDone: "In progress",
  basis: "Computed as PermenPANRB 14/2017 says: IKM = the mean of the nine elements' NRR × 25.",
  asOf: "Data as of {date}",
  publicTitle: "Public Satisfaction Index",
  publicIntro: "How satisfied citizens are with the permit and non-permit services of Jakarta's kecamatan offices.",
  officePick: "Kecamatan office",
  officeAll: "All of DKI Jakarta",
  periodPick: "Period",
  show: "Show",
  loading: "Loading…",
  loadFailed: "Could not load the figures. Check the connection and try again.",
  retry: "Try again",
};

export function ts(key: SkmWordKey, params?: Record<string, string | number>): string {
  return interpolate((locale.value === "en" ? en : id)[key], params);
}

const twoDecimals = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const threeDecimals = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const whole = new Intl.NumberFormat("id-ID");

/** "82,35": the index and element scores as published, two decimals with the Indonesian comma. */
export function formatScore(value: number | null): string {
  return value === null ? "—" : twoDecimals.format(value);
}

/** "3,294": an element's mean score, three decimals. */
export function formatNrr(value: number | null): string {
  return value === null ? "—" : threeDecimals.format(value);
}

export function formatCount(value: number): string {
  return whole.format(value);
}

/** "B (Baik)" — the letter with its words; never the letter alone. */
export function categoryText(category: SkmCategory, lang: "id" | "en" = locale.value): string {
  return `${category} (${SKM_CATEGORY_NAMES[category][lang]})`;
}

export function categoryName(category: SkmCategory, lang: "id" | "en" = locale.value): string {
  return SKM_CATEGORY_NAMES[category][lang];
}

/** The elements with the weakest score first; ties and unanswered ones keep the questionnaire's order, unanswered last. */
export function weakestFirst(elements: readonly SkmElementResult[]): SkmElementResult[] {
  return elements
    .map((element, index) => ({ element, index }))
    .sort((a, b) => {
      const x = a.element.score;
      const y = b.element.score;
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      return x - y || a.index - b.index;
    })
    .map((entry) => entry.element);
}

/** The periods to pick from: this half-year and the three before it, and this year and the last. */
export function recentPeriods(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const current = semesterOf(today);
  const periods = current.endsWith("S2")
    ? [`${year}-S2`, `${year}-S1`, `${year}`, `${year - 1}-S2`, `${year - 1}-S1`, `${year - 1}`]
    : [`${year}-S1`, `${year}`, `${year - 1}-S2`, `${year - 1}-S1`, `${year - 1}`, `${year - 2}-S2`];
  return periods;
}
