import type { ClosedDay } from "./calendar";

/**
 * National holidays and cuti bersama as shipped, one table per year, each
 * with the decree that sets it. A fresh database is seeded from here; after
 * that the table in the database is the truth and an admin edits it in the
 * console ("Kalender kerja"): the next year's decree, an office's closures.
 *
 * No maintained npm package carries cuti bersama (date-holidays computes the
 * Islamic dates and lacks it), hence a table.
 */
export interface HolidayYear {
  year: number;
  /** The decree the dates come from, as the console shows it. */
  source: string;
  /** false: the year's SKB is not in the table yet; only dates fixed by law are. The console says so. */
  complete: boolean;
  days: readonly Omit<ClosedDay, "source">[];
}

const SKB_2026 =
  "Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB Nomor 1497 Tahun 2025, " +
  "Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026 (19 September 2025)";

const H = "holiday" as const;
const J = "joint-leave" as const;

export const HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2026,
    source: SKB_2026,
    complete: true,
    days: [
      { date: "2026-01-01", kind: H, name: "Tahun Baru 2026 Masehi" },
      { date: "2026-01-16", kind: H, name: "Isra Mikraj Nabi Muhammad SAW" },
      { date: "2026-02-16", kind: J, name: "Cuti bersama Tahun Baru Imlek" },
      { date: "2026-02-17", kind: H, name: "Tahun Baru Imlek 2577 Kongzili" },
      { date: "2026-03-18", kind: J, name: "Cuti bersama Hari Suci Nyepi" },
      { date: "2026-03-19", kind: H, name: "Hari Suci Nyepi (Tahun Baru Saka 1948)" },
      { date: "2026-03-20", kind: J, name: "Cuti bersama Idulfitri 1447 H" },
      { date: "2026-03-21", kind: H, name: "Idulfitri 1447 H" },
      { date: "2026-03-22", kind: H, name: "Idulfitri 1447 H" },
      { date: "2026-03-23", kind: J, name: "Cuti bersama Idulfitri 1447 H" },
      { date: "2026-03-24", kind: J, name: "Cuti bersama Idulfitri 1447 H" },
      { date: "2026-04-03", kind: H, name: "Wafat Yesus Kristus" },
      { date: "2026-04-05", kind: H, name: "Kebangkitan Yesus Kristus (Paskah)" },
      { date: "2026-05-01", kind: H, name: "Hari Buruh Internasional" },
      { date: "2026-05-14", kind: H, name: "Kenaikan Yesus Kristus" },
      { date: "2026-05-15", kind: J, name: "Cuti bersama Kenaikan Yesus Kristus" },
      { date: "2026-05-27", kind: H, name: "Iduladha 1447 H" },
      { date: "2026-05-28", kind: J, name: "Cuti bersama Iduladha 1447 H" },
      { date: "2026-05-31", kind: H, name: "Hari Raya Waisak 2570 BE" },
      { date: "2026-06-01", kind: H, name: "Hari Lahir Pancasila" },
      { date: "2026-06-16", kind: H, name: "1 Muharam Tahun Baru Islam 1448 H" },
      { date: "2026-08-17", kind: H, name: "Proklamasi Kemerdekaan" },
      { date: "2026-08-25", kind: H, name: "Maulid Nabi Muhammad SAW" },
      { date: "2026-12-24", kind: J, name: "Cuti bersama Kelahiran Yesus Kristus" },
      { date: "2026-12-25", kind: H, name: "Kelahiran Yesus Kristus" },
    ],
  },
  {
    // The 2027 decree was not available where this table was written: only the dates
    // Keppres 8/2024 fixes by the calendar (and Easter's, computed) are here. An admin
    // adds the SKB's dates in the console; until then the console flags the year.
    year: 2027,
    // The source names what the dates rest on; that the SKB is missing is `complete: false`, which the
    // console shows as a warning until an admin enters a holiday or cuti bersama of the year.
    source: "Keppres Nomor 8 Tahun 2024 tentang Hari-Hari Libur (tanggal tetap)",
    complete: false,
    days: [
      { date: "2027-01-01", kind: H, name: "Tahun Baru 2027 Masehi" },
      { date: "2027-03-26", kind: H, name: "Wafat Yesus Kristus" },
      { date: "2027-03-28", kind: H, name: "Kebangkitan Yesus Kristus (Paskah)" },
      { date: "2027-05-01", kind: H, name: "Hari Buruh Internasional" },
      { date: "2027-05-06", kind: H, name: "Kenaikan Yesus Kristus" },
      { date: "2027-06-01", kind: H, name: "Hari Lahir Pancasila" },
      { date: "2027-08-17", kind: H, name: "Proklamasi Kemerdekaan" },
      { date: "2027-12-25", kind: H, name: "Kelahiran Yesus Kristus" },
    ],
  },
];

/** Every shipped day with its year's source: the rows a fresh database starts with. */
export function shippedClosedDays(): ClosedDay[] {
  return HOLIDAY_YEARS.flatMap((year) => year.days.map((day) => ({ ...day, source: year.source })));
}
