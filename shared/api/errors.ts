import { z } from "zod";
import { MAX_IMAGE_PIXELS, MIN_IMAGE_LONG_EDGE } from "../files/formats";
import type { Locale, LocalizedText } from "../text";

const MIN_EDGE = MIN_IMAGE_LONG_EDGE;
const MEGAPIXELS = MAX_IMAGE_PIXELS / 1_000_000;

/**
 * Stable, machine-readable error codes of the HTTP API. Clients branch on
 * `code`; `message` is for people and follows the request's language.
 */
export const ERROR_MESSAGES = {
  invalid_cursor: {
    id: "Penanda pembaruan (cursor) tidak dikenali. Unduh ulang seluruh katalog.",
    en: "The update cursor is not recognised. Download the whole catalogue again.",
  },
  invalid_query: {
    id: "Parameter permintaan tidak dikenal atau tidak valid.",
    en: "The request has an unknown or invalid query parameter.",
  },
  invalid_guide_id: {
    id: "Kode layanan tidak valid. Gunakan huruf kecil, angka dan tanda hubung.",
    en: "The service id is not valid. Use lowercase letters, digits and hyphens.",
  },
  guide_not_found: {
    id: "Layanan ini tidak ada di katalog.",
    en: "This service is not in the catalogue.",
  },
  guide_withdrawn: {
    id: "Layanan ini sudah ditarik dari katalog.",
    en: "This service has been withdrawn from the catalogue.",
  },
  not_found: { id: "Alamat API tidak ditemukan.", en: "No such API endpoint." },
  invalid_body: {
    id: "Isi permintaan tidak valid. Periksa kolom yang disebutkan.",
    en: "The request body is not valid. Check the fields listed.",
  },
  invalid_json: { id: "Isi permintaan bukan JSON yang benar.", en: "The request body is not valid JSON." },
  unsupported_media_type: {
    id: "Kirim data sebagai application/json.",
    en: "Send the data as application/json.",
  },
  body_too_large: { id: "Data yang dikirim terlalu besar.", en: "The request body is too large." },
  body_too_deep: {
    id: "Data yang dikirim bertingkat terlalu dalam. Sederhanakan isinya (misalnya syarat bersarang), lalu kirim lagi.",
    en: "The request body is nested too deeply. Simplify it (nested conditions, for example) and send it again.",
  },
  unsupported_content_encoding: {
    id: "Data dikirim dengan pemadatan yang tidak didukung. Kirim tanpa pemadatan atau dengan gzip.",
    en: "The body's Content-Encoding is not supported. Send it uncompressed or as gzip.",
  },
  invalid_gzip: {
    id: "Data terpadat (gzip) rusak atau terpotong. Kirim lagi.",
    en: "The gzip-compressed body is corrupt or cut short. Send it again.",
  },
  session_required: { id: "Silakan masuk dulu.", en: "Please sign in first." },
  session_expired: {
    id: "Sesi Anda sudah berakhir. Silakan masuk lagi; data di HP tetap aman.",
    en: "Your session has expired. Please sign in again; the data on your phone is safe.",
  },
  session_revoked: {
    id: "Sesi di perangkat ini sudah dicabut. Silakan masuk lagi; data di HP tetap aman.",
    en: "This device's session was revoked. Please sign in again; the data on your phone is safe.",
  },
  invalid_credentials: { id: "Nama pengguna atau kata sandi salah.", en: "Wrong username or password." },
  account_disabled: {
    id: "Akun ini dinonaktifkan. Hubungi petugas PTSP kecamatan.",
    en: "This account is disabled. Contact your kecamatan PTSP staff.",
  },
  too_many_attempts: {
    id: "Terlalu banyak percobaan masuk. Tunggu sebentar lalu coba lagi; jedanya makin lama setiap kali kata sandi salah.",
    en: "Too many sign-in attempts. Wait a little and try again; the wait grows with each wrong password.",
  },
  forbidden: { id: "Anda tidak berhak melakukan ini.", en: "You are not allowed to do this." },
  csrf_failed: {
    id: "Permintaan ditolak karena asalnya tidak dikenal. Muat ulang aplikasi.",
    en: "The request was refused because its origin is unknown. Reload the app.",
  },
  user_not_found: { id: "Pengguna tidak ditemukan.", en: "User not found." },
  username_taken: { id: "Nama pengguna sudah dipakai.", en: "That username is taken." },
  role_not_allowed: {
    id: "Anda tidak berhak membuat akun dengan peran ini.",
    en: "You may not create an account with this role.",
  },
  kecamatan_not_allowed: {
    id: "Anda hanya dapat membuat akun di kecamatan Anda sendiri.",
    en: "You may only create accounts in your own kecamatan.",
  },
  session_not_found: { id: "Sesi tidak ditemukan.", en: "Session not found." },
  cannot_disable_self: {
    id: "Anda tidak dapat menonaktifkan akun Anda sendiri.",
    en: "You cannot disable your own account.",
  },
  client_not_owned: {
    id: "Perangkat ini terdaftar untuk kader lain. Keluar lalu masuk dengan akun Anda.",
    en: "This device is registered to another cadre. Sign out and sign in with your own account.",
  },
  seq_gap: {
    id: "Urutan perubahan terputus. Aplikasi akan mengirim ulang dari urutan yang diminta.",
    en: "The sequence of changes has a gap. The app will resend from the requested one.",
  },
  storage_unavailable: {
    id: "Penyimpanan berkas belum disiapkan di server ini. Hubungi petugas PTSP kecamatan.",
    en: "File storage is not set up on this server. Contact your kecamatan PTSP staff.",
  },
  storage_unreachable: {
    id: "Penyimpanan foto di server sedang tidak bisa dihubungi. Foto tetap aman di HP; coba lagi sebentar lagi.",
    en: "The server's photo storage cannot be reached right now. The photos are safe on the phone; try again shortly.",
  },
  invalid_file_hash: {
    id: "Kode SHA-256 berkas tidak valid: harus 64 karakter heksadesimal huruf kecil.",
    en: "The file's SHA-256 is not valid: it must be 64 lowercase hexadecimal characters.",
  },
  file_not_found: { id: "Berkas ini belum ada di server.", en: "The server does not have this file." },
  invalid_upload: {
    id: "Permintaan unggah tidak valid. Aplikasi akan memulai unggahan dari awal.",
    en: "The upload request is not valid. The app will start the upload again.",
  },
  invalid_upload_metadata: {
    id: "Data unggahan tidak lengkap: perlu SHA-256 dan jenis berkas (JPEG, PNG, WebP atau PDF).",
    en: "The upload is missing details: it needs a SHA-256 and a file type (JPEG, PNG, WebP or PDF).",
  },
  upload_too_large: {
    id: "Berkas terlalu besar untuk diunggah (paling besar 6 MB).",
    en: "The file is too large to upload (6 MB at most).",
  },
  upload_not_found: {
    id: "Unggahan ini tidak ditemukan atau sudah selesai. Aplikasi akan memulai lagi.",
    en: "This upload was not found or has already finished. The app will start again.",
  },
  upload_offset_conflict: {
    id: "Posisi unggahan tidak cocok dengan server. Aplikasi akan melanjutkan dari posisi server.",
    en: "The upload position does not match the server's. The app will resume from the server's position.",
  },
  tus_extension_not_supported: {
    id: "Server tidak mendukung cara unggah ini (unggahan paralel atau ukuran berkas yang ditunda). Perbarui aplikasi, lalu coba lagi.",
    en: "The server does not support this way of uploading (parallel parts or a size given later). Update the app, then try again.",
  },
  tus_version_not_supported: {
    id: "Server tidak mendukung versi protokol unggah (tus) ini; server memakai versi 1.0.0. Perbarui aplikasi, lalu coba lagi.",
    en: "The server does not support this upload protocol (tus) version; it speaks 1.0.0. Update the app, then try again.",
  },
  hash_mismatch: {
    id: "Isi berkas yang diterima tidak cocok dengan kode SHA-256-nya. Berkas ditolak; unggah ulang.",
    en: "The file received does not match its SHA-256. It was refused; upload it again.",
  },
  type_mismatch: {
    id: "Isi berkas bukan JPEG, PNG, WebP atau PDF, atau tidak sesuai jenis yang disebutkan.",
    en: "The file's content is not JPEG, PNG, WebP or PDF, or does not match the declared type.",
  },
  image_unreadable: {
    id: "Foto rusak atau terpotong sehingga tidak bisa dibuka. Ambil foto ulang lalu kirim lagi.",
    en: "The photo is damaged or cut short and cannot be opened. Take it again and resend it.",
  },
  image_too_small: {
    id: `Foto terlalu kecil untuk dibaca petugas (sisi terpanjang kurang dari ${MIN_EDGE} piksel). Foto ulang lebih dekat dengan kamera utama.`,
    en: `The photo is too small for the office to read (long edge under ${MIN_EDGE} pixels). Retake it closer with the main camera.`,
  },
  image_too_large: {
    id: `Gambar terlalu besar (lebih dari ${MEGAPIXELS} juta piksel). Ambil foto biasa dengan kamera HP.`,
    en: `The image is too large (more than ${MEGAPIXELS} million pixels). Take a normal photo with the phone's camera.`,
  },
  application_not_found: {
    id: "Permohonan tidak ditemukan.",
    en: "Application not found.",
  },
  version_conflict: {
    id: "Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu periksa lagi.",
    en: "Someone changed this since you opened it. Reload and check again.",
  },
  invalid_transition: {
    id: "Keputusan ini tidak bisa diberikan pada status permohonan sekarang.",
    en: "This decision cannot be given in the application's current status.",
  },
  guide_invalid: {
    id: "Panduan belum lengkap atau tidak valid. Perbaiki kolom yang disebutkan.",
    en: "The guide is incomplete or not valid. Fix the fields listed.",
  },
  guide_draft_not_found: {
    id: "Tidak ada rancangan perubahan untuk panduan ini.",
    en: "There is no draft edit of this guide.",
  },
  invalid_cursor_value: {
    id: "Penanda halaman tidak valid. Muat ulang daftar dari awal.",
    en: "The page cursor is not valid. Reload the list from the start.",
  },
  tracking_malformed: {
    id: "Nomor berkas tidak lengkap atau salah bentuk. Contoh: DRN-7K4MX-2QP9A (tanpa huruf O, I, L dan tanpa angka 0, 1).",
    en: "The tracking number is incomplete or malformed. Example: DRN-7K4MX-2QP9A (no letters O, I, L and no digits 0, 1).",
  },
  tracking_mistyped: {
    id: "Nomor berkas ini salah ketik: ada huruf yang tertukar atau keliru. Periksa lagi di lembar ringkasan.",
    en: "This tracking number has a typo: a character is wrong or two are swapped. Check it against the summary sheet.",
  },
  tracking_not_found: {
    id: "Tidak ada berkas dengan nomor ini. Periksa lagi nomornya di lembar ringkasan.",
    en: "No file has this number. Check the number on the summary sheet.",
  },
  tracking_expired: {
    id: "Berkas ini sudah selesai lebih dari setahun lalu; statusnya tidak lagi ditampilkan. Tanyakan ke kantor.",
    en: "This file was decided more than a year ago; its status is no longer shown. Ask the office.",
  },
  rate_limited: {
    id: "Terlalu banyak permintaan dari perangkat ini. Tunggu sebentar lalu coba lagi.",
    en: "Too many requests from this device. Wait a little and try again.",
  },
  calendar_day_invalid: {
    id: "Tanggal libur tidak valid. Periksa kolom yang disebutkan.",
    en: "The closed day is not valid. Check the fields listed.",
  },
  calendar_day_not_found: {
    id: "Tanggal ini tidak ada di kalender kerja.",
    en: "This date is not in the work calendar.",
  },
  survey_file_not_found: {
    id: "Nomor berkas untuk survei ini tidak ditemukan. Periksa nomornya.",
    en: "No file has this number for the survey. Check the number.",
  },
  survey_not_decided: {
    id: "Survei kepuasan dapat diisi setelah kantor memberi keputusan atas berkas ini.",
    en: "The satisfaction survey opens once the office has decided this file.",
  },
  survey_already_answered: {
    id: "Survei untuk berkas ini sudah diisi. Satu berkas, satu survei.",
    en: "This file's survey has already been answered. One file, one survey.",
  },
  survey_office_required: {
    id: "Pilih kantor pelayanan untuk survei tanpa nomor berkas.",
    en: "Choose the service office for a survey without a file number.",
  },
  submission_id_reused: {
    id: "Kiriman ini memakai kode yang sudah dipakai untuk isi lain. Buat ulang dari aplikasi.",
    en: "This submission reuses an id already sent with other content. Create it again in the app.",
  },
  skm_period_invalid: {
    id: "Periode tidak valid. Gunakan tahun (2026) atau semester (2026-S1, 2026-S2).",
    en: "The period is not valid. Use a year (2026) or a half-year (2026-S1, 2026-S2).",
  },
  follow_up_not_found: {
    id: "Rencana tindak lanjut ini tidak ditemukan.",
    en: "This follow-up plan was not found.",
  },
  complaint_not_found: {
    id: "Pengaduan ini tidak ditemukan.",
    en: "This complaint was not found.",
  },
  complaint_fee_amount_required: {
    id: "Untuk pungutan di luar tarif resmi, isi jumlah uang yang diminta.",
    en: "For an unofficial fee, enter the amount that was asked.",
  },
  complaint_anonymous_identity: {
    id: "Pengaduan anonim tidak boleh memuat nama atau kontak pelapor.",
    en: "An anonymous complaint must not carry the reporter's name or contact.",
  },
  complaint_evidence_needs_account: {
    id: "Foto bukti hanya dapat dikirim lewat HP kader yang sudah masuk, atau dibawa ke kantor.",
    en: "Photo evidence can only be sent from a signed-in cadre's phone, or brought to the office.",
  },
  complaint_anonymous_evidence: {
    id: "Pengaduan anonim tidak dapat membawa foto bukti (foto terkirim dari akun kader). Bawa fotonya ke kantor, atau matikan Anonim.",
    en: "An anonymous complaint cannot carry photo evidence (photos are sent from a cadre's account). Bring them to the office, or turn Anonymous off.",
  },
  complaint_handler_required: {
    id: "Isi pengaduan hanya dapat dibuka petugas penanganan pengaduan.",
    en: "Only complaint handlers can open a complaint's contents.",
  },
  complaint_assignee_invalid: {
    id: "Petugas ini bukan petugas penanganan pengaduan kantor ini.",
    en: "This person is not a complaint handler of this office.",
  },
  complaint_answer_required: {
    id: "Tulis jawaban untuk pelapor (dan, bila bukan wewenang kantor, ke mana harus melapor).",
    en: "Write the answer to the reporter (and, when the office is not the right place, where to go).",
  },
  complaint_transition_not_allowed: {
    id: "Status pengaduan tidak bisa diubah seperti ini dari status sekarang.",
    en: "The complaint cannot move to this status from its current one.",
  },
  method_not_allowed: { id: "Metode permintaan tidak diizinkan.", en: "Request method not allowed." },
  internal_error: {
    id: "Terjadi kesalahan di server. Coba lagi nanti.",
    en: "Something went wrong on the server. Please try again later.",
  },
} as const satisfies Record<string, LocalizedText>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ErrorCode = z.enum(Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]]);

export const ApiError = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** Extra machine-readable facts, e.g. which parameter was wrong. */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export function errorBody(code: ErrorCode, locale: Locale, details?: Record<string, unknown>): ApiError {
  return { error: { code, message: ERROR_MESSAGES[code][locale], ...(details ? { details } : {}) } };
}
