import { KIND_LABELS } from "../api/calendar";
import { COMPLAINT_STATUS_LABELS } from "../complaints/workflow";
import { jakartaDistricts, jakartaVillages } from "../regions";
import { reasonLabel } from "../review/reasons";
import { statusLabel } from "../review/statuses";
import { isDate } from "../service-time/calendar";
import { formatJakartaDate } from "../service-time/words";
import type { Locale, LocalizedText } from "../text";
import { roleLabel } from "../users/roles";

/**
 * The audit log in words. The server writes dotted action codes and
 * before/after objects (server/audit/log.ts); the console shows "Mengirim
 * balik berkas" and "Status: Diajukan → Perlu diperbaiki". One table, keyed
 * by the codes the server writes (tests/unit/audit-describe.test.ts checks
 * that every code in server/ has a label here).
 */

export const AUDIT_ACTIONS = {
  "application.receive": { id: "Menerima berkas", en: "Received a file" },
  "application.verdict": { id: "Memutus berkas", en: "Decided on a file" },
  "guide.save-draft": { id: "Menyimpan rancangan panduan", en: "Saved a guide draft" },
  "guide.discard-draft": { id: "Membuang rancangan panduan", en: "Discarded a guide draft" },
  "guide.publish": { id: "Menerbitkan panduan", en: "Published a guide" },
  "guide.withdraw": { id: "Menarik panduan", en: "Withdrew a guide" },
  "guide.restore": { id: "Memulihkan panduan", en: "Restored a guide" },
  "catalogue.import": { id: "Mengimpor katalog layanan", en: "Imported the service catalogue" },
  "user.create": { id: "Membuat akun", en: "Created an account" },
  "user.update": { id: "Mengubah akun", en: "Changed an account" },
  "user.disable": { id: "Menonaktifkan akun", en: "Disabled an account" },
  "user.enable": { id: "Mengaktifkan kembali akun", en: "Enabled an account again" },
  "user.reset-password": { id: "Mengganti kata sandi akun", en: "Reset an account's password" },
  "session.revoke": { id: "Mengeluarkan perangkat", en: "Signed a device out" },
  "sync.farewell-push": {
    id: "Mengirim data terakhir dari perangkat yang sudah dikeluarkan",
    en: "Sent its last work from a signed-out device",
  },
  "calendar.add-day": { id: "Menambah hari libur di kalender kerja", en: "Added a closed day to the work calendar" },
  "calendar.change-day": {
    id: "Mengubah hari libur di kalender kerja",
    en: "Changed a closed day in the work calendar",
  },
  "calendar.remove-day": {
    id: "Menghapus hari libur dari kalender kerja",
    en: "Removed a closed day from the work calendar",
  },
  "calendar.setting": {
    id: "Mengubah pengaturan kalender kerja",
    en: "Changed a work-calendar setting",
  },
  "complaint.assign": { id: "Menugaskan petugas pengaduan", en: "Assigned a complaint" },
  "complaint.move": { id: "Mengubah status pengaduan", en: "Changed a complaint's status" },
  "complaint.answer": { id: "Menjawab pelapor pengaduan", en: "Answered a complaint's reporter" },
  "complaint.note": { id: "Menambah catatan internal pengaduan", en: "Added an internal note to a complaint" },
  "skm.follow-up.create": { id: "Membuat rencana tindak lanjut SKM", en: "Planned an SKM follow-up" },
  "skm.follow-up.update": { id: "Mengubah rencana tindak lanjut SKM", en: "Changed an SKM follow-up" },
  "skm.follow-up.delete": { id: "Menghapus rencana tindak lanjut SKM", en: "Removed an SKM follow-up" },
  "user.grant-complaints": { id: "Memberi peran petugas pengaduan", en: "Granted complaint handling" },
  "user.withdraw-complaints": { id: "Mencabut peran petugas pengaduan", en: "Withdrew complaint handling" },
  "privacy.settings": { id: "Mengubah pengaturan privasi", en: "Changed the privacy settings" },
  "privacy.retention-run": {
    id: "Menghapus data pribadi berkas yang lewat masa simpan",
    en: "Removed personal data past the retention period",
  },
} as const satisfies Record<string, LocalizedText>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** A verdict is named by what it decided: sending a file back reads differently from approving it. */
const VERDICTS: Record<string, LocalizedText> = {
  verified: { id: "Memverifikasi berkas", en: "Verified a file" },
  approved: { id: "Menyetujui berkas", en: "Approved a file" },
  "needs-fix": { id: "Mengirim balik berkas", en: "Sent a file back" },
  rejected: { id: "Menolak berkas", en: "Rejected a file" },
};

const TARGET_TYPES: Record<string, LocalizedText> = {
  application: { id: "Berkas", en: "File" },
  guide: { id: "Panduan", en: "Guide" },
  user: { id: "Akun", en: "Account" },
  session: { id: "Perangkat", en: "Device" },
  catalogue: { id: "Katalog", en: "Catalogue" },
  calendar: { id: "Kalender kerja", en: "Work calendar" },
  complaint: { id: "Pengaduan", en: "Complaint" },
  "skm-follow-up": { id: "Tindak lanjut SKM", en: "SKM follow-up" },
  privacy: { id: "Privasi", en: "Privacy" },
};

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The action in words; the code itself when it is one this table does not know yet. */
export function auditActionLabel(action: string, after: unknown, locale: Locale): string {
  if (action === "application.verdict" && isObject(after) && typeof after.status === "string") {
    const verdict = VERDICTS[after.status];
    if (verdict) return verdict[locale];
  }
  return (AUDIT_ACTIONS as Record<string, LocalizedText>)[action]?.[locale] ?? action;
}

export function auditTargetTypeLabel(targetType: string, locale: Locale): string {
  return TARGET_TYPES[targetType]?.[locale] ?? targetType;
}

const YES_NO = { id: ["Ya", "Tidak"], en: ["Yes", "No"] } as const;

function kecamatanName(code: string): string {
  return jakartaDistricts(code.slice(0, 5)).find((district) => district.code === code)?.name ?? code;
}

function kelurahanName(code: string): string {
  return jakartaVillages(code.slice(0, 8)).find((village) => village.code === code)?.name ?? code;
}

const numbers = new Intl.NumberFormat("id-ID");

interface Field {
  label: LocalizedText;
  /** The field's value in words, or null when the object does not have it. */
  read: (value: Obj, locale: Locale) => string | null;
}

const text = (key: string) => (value: Obj) => (typeof value[key] === "string" ? (value[key] as string) : null);
const count = (key: string) => (value: Obj) =>
  typeof value[key] === "number" ? numbers.format(value[key] as number) : null;
const listLength = (key: string) => (value: Obj) =>
  Array.isArray(value[key]) ? numbers.format((value[key] as unknown[]).length) : null;
const flag = (key: string, words: { id: readonly [string, string]; en: readonly [string, string] }) => {
  return (value: Obj, locale: Locale) => (typeof value[key] === "boolean" ? words[locale][value[key] ? 0 : 1] : null);
};
/** A timestamp that matters only as "set or not" (disabled, signed out): its presence as a word. */
const presence = (key: string, words: { id: readonly [string, string]; en: readonly [string, string] }) => {
  return (value: Obj, locale: Locale) => (key in value ? words[locale][value[key] ? 0 : 1] : null);
};
const verdictOf = (value: Obj): Obj | null => (isObject(value.verdict) ? value.verdict : null);

/**
 * The fields shown, in this order. Anything else in before/after (a guide's
 * whole content, a hash, the operator's free-text note) is left out: the list
 * says what changed, and a note may hold details about the applicant.
 */
const FIELDS: Field[] = [
  {
    label: { id: "Status", en: "Status" },
    read: (value, locale) => {
      if (typeof value.status !== "string") return null;
      // A complaint's statuses beyond "received" (which reads the same for a file) are its own.
      const complaint =
        value.status !== "received" && (COMPLAINT_STATUS_LABELS as Record<string, LocalizedText>)[value.status];
      return complaint ? complaint[locale] : statusLabel(value.status, locale);
    },
  },
  {
    label: { id: "Alasan", en: "Reason" },
    read: (value, locale) => {
      const code = verdictOf(value)?.reasonCode;
      return typeof code === "string" ? reasonLabel(code, locale) : null;
    },
  },
  {
    label: { id: "Persyaratan yang perlu diperbaiki", en: "Requirements to fix" },
    read: (value, locale) => {
      const requirements = verdictOf(value)?.requirements;
      if (!isObject(requirements)) return null;
      const toFix = Object.entries(requirements)
        .filter(([, review]) => isObject(review) && review.status === "needs-fix")
        .map(([id, review]) => {
          const code = isObject(review) && typeof review.reasonCode === "string" ? review.reasonCode : null;
          return code ? `${id} (${reasonLabel(code, locale)})` : id;
        });
      return toFix.length > 0 ? toFix.join(", ") : null;
    },
  },
  { label: { id: "Versi", en: "Version" }, read: count("version") },
  // A complaint's audit entries hold only these (never its text, reporter, note or answer).
  {
    label: { id: "Petugas ditugaskan", en: "Handler assigned" },
    read: presence("assigneeId", { id: ["Ada", "Belum ada"], en: ["Yes", "Nobody"] }),
  },
  { label: { id: "Sudah dijawab", en: "Answered" }, read: flag("answered", YES_NO) },
  { label: { id: "Petugas pengaduan", en: "Complaint handler" }, read: flag("handlesComplaints", YES_NO) },
  {
    label: { id: "Ketersediaan", en: "Availability" },
    read: flag("withdrawn", { id: ["Ditarik", "Tersedia"], en: ["Withdrawn", "Available"] }),
  },
  { label: { id: "Draf lama wajib pindah versi", en: "Older drafts must move to it" }, read: flag("binding", YES_NO) },
  { label: { id: "Catatan perubahan", en: "Change note" }, read: text("changeNote") },
  { label: { id: "Panduan diterbitkan", en: "Guides published" }, read: listLength("published") },
  { label: { id: "Panduan tidak berubah", en: "Guides unchanged" }, read: listLength("unchanged") },
  {
    label: { id: "Ukuran rancangan", en: "Draft size" },
    read: (value) =>
      typeof value.bytes === "number" ? `${numbers.format(Math.max(1, Math.round(value.bytes / 1024)))} KB` : null,
  },
  { label: { id: "Nama", en: "Name" }, read: text("displayName") },
  { label: { id: "Nama pengguna", en: "Username" }, read: text("username") },
  {
    label: { id: "Peran", en: "Role" },
    read: (value, locale) => (typeof value.role === "string" ? roleLabel(value.role, locale) : null),
  },
  {
    label: { id: "Kecamatan", en: "Kecamatan" },
    read: (value) => (typeof value.kecamatanCode === "string" ? kecamatanName(value.kecamatanCode) : null),
  },
  {
    label: { id: "Kelurahan", en: "Kelurahan" },
    read: (value) => (typeof value.kelurahanCode === "string" ? kelurahanName(value.kelurahanCode) : null),
  },
  {
    label: { id: "Akun", en: "Account" },
    read: presence("disabledAt", { id: ["Nonaktif", "Aktif"], en: ["Disabled", "Active"] }),
  },
  { label: { id: "Perangkat dikeluarkan", en: "Devices signed out" }, read: count("sessionsRevoked") },
  { label: { id: "Perangkat", en: "Device" }, read: text("deviceLabel") },
  { label: { id: "Perubahan diterima", en: "Changes accepted" }, read: count("changesApplied") },
  { label: { id: "Perubahan ditolak", en: "Changes refused" }, read: count("changesRefused") },
  {
    label: { id: "Sesi", en: "Session" },
    read: presence("revokedAt", { id: ["Dikeluarkan", "Masuk"], en: ["Signed out", "Signed in"] }),
  },
  // The work calendar: a closed day, the cuti bersama rule and the deadlines the change moved.
  {
    label: { id: "Tanggal", en: "Date" },
    read: (value, locale) =>
      typeof value.date === "string" && isDate(value.date) ? formatJakartaDate(value.date, locale) : null,
  },
  {
    label: { id: "Jenis hari", en: "Kind of day" },
    read: (value, locale) =>
      typeof value.kind === "string" && value.kind in KIND_LABELS
        ? KIND_LABELS[value.kind as keyof typeof KIND_LABELS][locale]
        : null,
  },
  { label: { id: "Nama hari", en: "Name of the day" }, read: text("name") },
  { label: { id: "Dasar penetapan", en: "Source" }, read: text("source") },
  {
    label: { id: "Cuti bersama dihitung hari kerja", en: "Joint leave counts as a working day" },
    read: flag("jointLeaveIsWorkingDay", YES_NO),
  },
  {
    label: { id: "Batas waktu tanggapan pengaduan (hari kerja)", en: "Complaint response time (working days)" },
    read: count("complaintResponseDays"),
  },
  { label: { id: "Batas waktu berkas yang bergeser", en: "File deadlines moved" }, read: count("clocksMoved") },
  // Privacy (issue 15): the phones' rules, the server's retention, and what a retention run removed.
  { label: { id: "Kunci HP setelah (menit)", en: "Phone locks after (minutes)" }, read: count("lockMinutes") },
  { label: { id: "Batas salah PIN", en: "Wrong PINs allowed" }, read: count("pinAttempts") },
  {
    label: { id: "Berkas diputus tersimpan di HP (hari)", en: "Decided files kept on phones (days)" },
    read: count("phoneRetentionDays"),
  },
  {
    label: { id: "Masa simpan berkas tertutup di server", en: "Closed files kept on the server" },
    read: (value, locale) => {
      const days = value.closedFileRetentionDays;
      if (days === null) return locale === "id" ? "Simpan" : "Keep";
      return typeof days === "number" ? `${numbers.format(days)} ${locale === "id" ? "hari" : "days"}` : null;
    },
  },
  { label: { id: "Berkas dihapus datanya", en: "Files scrubbed" }, read: count("filesScrubbed") },
  { label: { id: "Pengaduan dihapus datanya", en: "Complaints scrubbed" }, read: count("complaintsScrubbed") },
  { label: { id: "Foto dihapus", en: "Photos deleted" }, read: count("photosDeleted") },
];

export interface AuditChange {
  field: string;
  /** Null: the field was not there before (a new account) or is gone after. */
  before: string | null;
  after: string | null;
}

/** What an entry changed, field by field in words; fields that stayed the same are left out. */
export function auditChanges(before: unknown, after: unknown, locale: Locale): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of FIELDS) {
    const was = isObject(before) ? field.read(before, locale) : null;
    const now = isObject(after) ? field.read(after, locale) : null;
    if (was === null && now === null) continue;
    if (was === now) continue;
    changes.push({ field: field.label[locale], before: was, after: now });
  }
  return changes;
}
