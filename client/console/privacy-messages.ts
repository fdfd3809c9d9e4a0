import { interpolate, locale } from "../i18n";

/** Texts of the console's privacy screen (issue 15), apart from messages.ts so that table stays its size. */
const id = {
  navPrivacy: "Privasi",
  title: "Privasi dan masa simpan data",
  intro:
    "Aturan untuk HP kader, dan berapa lama data pribadi berkas yang sudah diputus disimpan di server. Hanya admin yang dapat mengubahnya.",
  adminOnly: "Halaman ini hanya untuk admin kantor.",
  phoneTitle: "Aturan HP kader",
  phoneHelp: "Berlaku di setiap HP kader saat masuk atau sinkronisasi berikutnya.",
  lockMinutes: "Kunci aplikasi setelah tidak dipakai (menit)",
  lockMinutesHint: "{min}–{max} menit. Juga setelah aplikasi selama itu di latar belakang.",
  pinAttempts: "Salah PIN sebelum data di HP dihapus",
  pinAttemptsHint: "{min}–{max} kali. Data yang belum terkirim ke kantor tidak ikut dihapus.",
  phoneRetentionDays: "Data berkas yang sudah diputus tetap di HP (hari)",
  phoneRetentionDaysHint:
    "{min}–{max} hari setelah keputusan akhir. Sesudahnya di HP tinggal layanan, status dan nomor lacak.",
  serverTitle: "Masa simpan di server",
  serverHelp:
    "Sesuai aturan arsip kantor. Lewat masa ini foto dokumen dihapus dan data pribadi pemohon dikosongkan; angka dasbor, ketepatan waktu dan SKM tetap.",
  serverChoice: "Berkas yang sudah diputus",
  keepChoice: "Simpan (tidak dihapus otomatis)",
  limitChoice: "Hapus data pribadi setelah sekian hari",
  serverDays: "Hari setelah keputusan akhir",
  serverDaysHint: "{min}–{max} hari (1–30 tahun).",
  wholeNumber: "Isi bilangan bulat {min}–{max}.",
  save: "Simpan pengaturan",
  saving: "Menyimpan…",
  saved: "Pengaturan privasi disimpan.",
  dryTitle: "Yang akan dihapus",
  dryHelp: "Uji coba: daftar ini belum mengubah apa pun.",
  dryKeep: "Masa simpan belum diatur: tidak ada data yang dihapus.",
  dryNone: "Tidak ada berkas atau pengaduan yang lewat masa simpan.",
  dryCutoff: "Berkas yang diputus sebelum {date} (lebih dari {days} hari).",
  totals: "{files} berkas, {complaints} pengaduan, {photos} foto ({size}).",
  filesCaption: "Berkas",
  complaintsCaption: "Pengaduan",
  colTracking: "Nomor lacak",
  colService: "Layanan",
  colStatus: "Status",
  colDecided: "Diputus",
  colPhotos: "Foto",
  colSize: "Ukuran",
  colNumber: "Nomor",
  colClosed: "Ditutup",
  noTracking: "(tanpa nomor)",
  moreRows: "Menampilkan {shown} dari {total}.",
  run: "Hapus sekarang",
  running: "Menghapus…",
  confirmTitle: "Hapus data pribadi sekarang?",
  confirmBody:
    "Data pribadi {files} berkas dan {complaints} pengaduan akan dihapus, beserta {photos} foto ({size}). Ini tidak bisa dibatalkan. Status, nomor lacak dan angka dasbor serta SKM tetap.",
  confirmYes: "Ya, hapus",
  cancel: "Batal",
  resultTitle: "Sudah dihapus",
  result:
    "Data pribadi {files} berkas dan {complaints} pengaduan dihapus; {photos} foto ({size}) dihapus dari penyimpanan.",
  resultShared: "Foto yang masih dipakai berkas lain tetap disimpan.",
  scrubbed: "Data pemohon dihapus (retensi)",
  scrubbedHelp:
    "Masa simpan berkas ini sudah lewat: data pribadi dan foto dokumennya dihapus. Status dan nomor lacak tetap.",
};

type PrivacyKey = keyof typeof id;

const en: Record<PrivacyKey, string> = {
  navPrivacy: "Privacy",
  title: "Privacy and data retention",
  intro:
    "Rules for cadres' phones, and how long the personal data of decided files stays on the server. Only admins can change them.",
  adminOnly: "This page is for the office's admins only.",
  phoneTitle: "Rules for cadres' phones",
  phoneHelp: "Every cadre's phone receives them at its next sign-in or sync.",
  lockMinutes: "Lock the app when unused for (minutes)",
  lockMinutesHint: "{min}–{max} minutes. Also after the app has been in the background that long.",
  pinAttempts: "Wrong PINs before the phone's data is erased",
  pinAttemptsHint: "{min}–{max} tries. Data not yet sent to the office is never erased.",
  phoneRetentionDays: "Decided files stay on the phone for (days)",
  phoneRetentionDaysHint:
    "{min}–{max} days after the final decision. Then only the service, status and tracking number remain on the phone.",
  serverTitle: "Retention on the server",
  serverHelp:
    "Per the office's archive rules. After it, document photos are deleted and the applicant's personal data is emptied; dashboard, on-time and SKM figures stay.",
  serverChoice: "Decided files",
  keepChoice: "Keep (never removed automatically)",
  limitChoice: "Remove personal data after a number of days",
  serverDays: "Days after the final decision",
  serverDaysHint: "{min}–{max} days (1–30 years).",
  wholeNumber: "Enter a whole number from {min} to {max}.",
  save: "Save settings",
  saving: "Saving…",
  saved: "Privacy settings saved.",
  dryTitle: "What would be removed",
  dryHelp: "A dry run: this list has not changed anything yet.",
  dryKeep: "No retention is set: nothing is removed.",
  dryNone: "No file or complaint is past the retention period.",
  dryCutoff: "Files decided before {date} (more than {days} days ago).",
  totals:
    "{files, plural, one {# file} other {# files}}, {complaints, plural, one {# complaint} other {# complaints}}, {photos, plural, one {# photo} other {# photos}} ({size}).",
  filesCaption: "Files",
  complaintsCaption: "Complaints",
  colTracking: "Tracking number",
  colService: "Service",
  colStatus: "Status",
  colDecided: "Decided",
  colPhotos: "Photos",
  colSize: "Size",
  colNumber: "Number",
  colClosed: "Closed",
  noTracking: "(no number)",
  moreRows: "Showing {shown} of {total}.",
  run: "Remove now",
  running: "Removing…",
  confirmTitle: "Remove the personal data now?",
  confirmBody:
    "The personal data of {files, plural, one {# file} other {# files}} and {complaints, plural, one {# complaint} other {# complaints}} will be removed, with {photos, plural, one {# photo} other {# photos}} ({size}). This cannot be undone. Statuses, tracking numbers and the dashboard and SKM figures stay.",
  confirmYes: "Yes, remove",
  cancel: "Cancel",
  resultTitle: "Removed",
  result:
    "Personal data removed from {files, plural, one {# file} other {# files}} and {complaints, plural, one {# complaint} other {# complaints}}; {photos, plural, one {# photo} other {# photos}} ({size}) deleted from storage.",
  resultShared: "Photos another file still uses are kept.",
  scrubbed: "Applicant data removed (retention)",
  scrubbedHelp:
    "This file is past its retention period: its personal data and document photos were removed. The status and tracking number stay.",
};

export function tp(key: PrivacyKey, params?: Record<string, string | number>): string {
  return interpolate((locale.value === "en" ? en : id)[key], params);
}
export type { PrivacyKey };
