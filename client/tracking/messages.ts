import { interpolate, locale } from "../i18n";

/**
 * Texts of the public /lacak page, kept out of the first screen's bundle.
 * The refusals say what the API's codes mean (shared/api/errors.ts) in the
 * page's own words, without loading the API's whole message table.
 */
const id = {
  title: "Lacak berkas",
  intro: "Masukkan nomor berkas dari lembar ringkasan untuk melihat statusnya. Tidak perlu akun.",
  numberLabel: "Nomor berkas",
  numberHint: "Contoh: DRN-7K4MX-2QP9A. Huruf besar atau kecil sama saja, tanda hubung boleh tidak diketik.",
  check: "Cek status",
  empty: "Ketik nomor berkas dulu. Nomornya ada di lembar ringkasan dari kader.",
  badLength:
    "Nomor berkas terdiri dari 13 huruf dan angka (tanpa tanda hubung); yang diketik {count}. Contoh: DRN-7K4MX-2QP9A.",
  badChars:
    "Nomor berkas tidak pernah memakai {chars}: huruf O, I, L dan angka 0, 1 tidak dipakai agar tidak tertukar. Periksa lagi di lembar ringkasan.",
  badPrefix: "Nomor berkas diawali 3 huruf kode kantor, misalnya DRN. Contoh: DRN-7K4MX-2QP9A.",
  malformed:
    "Nomor berkas tidak lengkap atau salah bentuk. Contoh: DRN-7K4MX-2QP9A (tanpa huruf O, I, L dan tanpa angka 0, 1).",
  mistyped: "Nomor berkas ini salah ketik: ada huruf yang tertukar atau keliru. Periksa lagi di lembar ringkasan.",
  notFound: "Tidak ada berkas dengan nomor ini. Periksa lagi nomornya di lembar ringkasan.",
  expired: "Berkas ini sudah selesai lebih dari setahun lalu; statusnya tidak lagi ditampilkan. Tanyakan ke kantor.",
  rateLimited: "Terlalu banyak pengecekan dari perangkat ini. Tunggu sebentar lalu coba lagi.",
  rateLimitedFor: "Terlalu banyak pengecekan dari perangkat ini. Tunggu {seconds} detik lalu coba lagi.",
  offlineNothing:
    "Tidak ada sinyal. Nomor ini belum pernah dicek di HP ini, jadi belum ada status yang tersimpan. Coba lagi saat ada sinyal.",
  offlineStored: "Tidak ada sinyal. Ini status terakhir yang tersimpan di HP ini; diperbarui lagi saat ada sinyal.",
  serverError: "Server sedang bermasalah, status belum bisa dicek. Coba lagi nanti.",
  storedNotFound: "Kantor tidak lagi menemukan berkas dengan nomor ini. Ini status terakhir yang tersimpan di HP ini.",
  checking: "Mengecek status…",
  savedTitle: "Nomor yang pernah dicek",
  savedHelp: "Tersimpan di HP ini, bisa dibuka tanpa sinyal.",
  lastUpdated: "Terakhir diperbarui {when}",
  justNow: "baru saja",
  refresh: "Perbarui",
  refreshing: "Memperbarui…",
  refreshed: "Status diperbarui.",
  changed: "Status berubah sejak terakhir dicek di HP ini. Sebelumnya: {before}.",
  remove: "Hapus",
  removeLabel: "Hapus nomor {number} dari HP ini",
  removed: "Nomor {number} dihapus dari HP ini.",
  serviceLabel: "Layanan",
  officeLabel: "Kantor",
  applicantLabel: "Pemohon",
  statusLabel: "Status",
  stepsTitle: "Riwayat berkas",
  "step.submitted": "Diajukan ke kantor",
  "step.received": "Diterima kantor",
  "step.sent-back": "Dikembalikan untuk diperbaiki",
  "step.resubmitted": "Diajukan ulang setelah diperbaiki",
  "step.verified": "Diperiksa: lengkap dan benar",
  "step.approved": "Disetujui",
  "step.rejected": "Ditolak",
  fixesTitle: "Yang diminta kantor untuk diperbaiki",
  refusalTitle: "Alasan penolakan",
  wholeFile: "Seluruh berkas",
  officeNote: "Catatan kantor",
  clockTitle: "Waktu layanan",
  clockNotStarted: "Waktu layanan mulai dihitung saat kantor menerima berkas.",
  otherNumber: "Cek nomor lain",
  guideLink: "Lihat persyaratan layanan ini",
};

export type TrackingMessageKey = keyof typeof id;

const en: Record<TrackingMessageKey, string> = {
  title: "Track a file",
  intro: "Enter the file number from the summary sheet to see its status. No account needed.",
  numberLabel: "File number",
  numberHint: "Example: DRN-7K4MX-2QP9A. Upper or lower case is fine, and the dashes are optional.",
  check: "Check status",
  empty: "Type the file number first. It is on the summary sheet from the cadre.",
  badLength:
    "A file number has 13 letters and digits (without the dashes); you typed {count}. Example: DRN-7K4MX-2QP9A.",
  badChars:
    "File numbers never use {chars}: the letters O, I, L and the digits 0, 1 are left out so they cannot be confused. Check the summary sheet again.",
  badPrefix: "A file number starts with the office's 3-letter code, such as DRN. Example: DRN-7K4MX-2QP9A.",
  malformed:
    "The file number is incomplete or malformed. Example: DRN-7K4MX-2QP9A (no letters O, I, L and no digits 0, 1).",
  mistyped: "This file number has a typo: a character is wrong or two are swapped. Check it against the summary sheet.",
  notFound: "No file has this number. Check the number on the summary sheet.",
  expired: "This file was decided more than a year ago; its status is no longer shown. Ask the office.",
  rateLimited: "Too many checks from this device. Wait a little and try again.",
  rateLimitedFor: "Too many checks from this device. Wait {seconds} seconds and try again.",
  offlineNothing:
    "No signal. This number has not been checked on this phone before, so no status is saved. Try again when there is a signal.",
  offlineStored: "No signal. This is the last status saved on this phone; it is updated when there is a signal.",
  serverError: "The server has a problem, so the status cannot be checked now. Try again later.",
  storedNotFound: "The office no longer finds a file with this number. This is the last status saved on this phone.",
  checking: "Checking the status…",
  savedTitle: "Numbers checked before",
  savedHelp: "Saved on this phone, and can be opened without a signal.",
  lastUpdated: "Last updated {when}",
  justNow: "just now",
  refresh: "Update",
  refreshing: "Updating…",
  refreshed: "Status updated.",
  changed: "The status changed since it was last checked on this phone. Before: {before}.",
  remove: "Remove",
  removeLabel: "Remove number {number} from this phone",
  removed: "Number {number} removed from this phone.",
  serviceLabel: "Service",
  officeLabel: "Office",
  applicantLabel: "Applicant",
  statusLabel: "Status",
  stepsTitle: "File history",
  "step.submitted": "Submitted to the office",
  "step.received": "Received by the office",
  "step.sent-back": "Sent back for fixing",
  "step.resubmitted": "Submitted again after fixing",
  "step.verified": "Checked: complete and correct",
  "step.approved": "Approved",
  "step.rejected": "Refused",
  fixesTitle: "What the office asked to fix",
  refusalTitle: "Why it was refused",
  wholeFile: "The whole file",
  officeNote: "Office note",
  clockTitle: "Service time",
  clockNotStarted: "The service time starts when the office receives the file.",
  otherNumber: "Check another number",
  guideLink: "See this service's requirements",
};

export function tt(key: TrackingMessageKey, params?: Record<string, string | number>): string {
  return interpolate((locale.value === "en" ? en : id)[key], params);
}
