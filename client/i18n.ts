import { signal } from "@preact/signals";
import type { Locale } from "../shared/text";

const STORAGE_KEY = "masdarin.locale";

const id = {
  appName: "Masdarin",
  appTagline: "Panduan persyaratan perizinan",
  switchLanguage: "English",
  switchLanguageLabel: "Ganti bahasa ke English",
  offline: "Tanpa sinyal — data tersimpan di HP",
  updateAvailable: "Versi baru tersedia.",
  updateReload: "Muat ulang",
  updateLater: "Nanti",
  updateWaitSync: "Tunggu sampai semua perubahan terkirim, lalu coba lagi.",
  searchLabel: "Cari layanan",
  searchPlaceholder: "Contoh: domisili, IMB, nikah, usaha",
  searchClear: "Hapus pencarian",
  categoriesLabel: "Kategori",
  allCategories: "Semua",
  resultsCount: "{count} layanan",
  noResults: "Tidak ada layanan yang cocok dengan “{query}”. Coba kata lain, misalnya “KTP” atau “usaha”.",
  guidesShown: "{shown} dari {total} layanan ditampilkan",
  showMoreGuides: "Tampilkan lebih banyak",
  loadingCatalogue: "Memuat katalog…",
  emptyCatalogue: "Katalog belum tersimpan. Sambungkan HP ke internet sekali untuk mengunduhnya.",
  updatedAt: "Diperbarui {when}",
  updating: "Memperbarui katalog…",
  updateFailed: "Gagal memperbarui katalog. Data lama tetap bisa dipakai.",
  savedOnDevice: "{count} layanan tersimpan di HP ini",
  free: "Gratis",
  feeLabel: "Biaya resmi",
  feeWarning: "Jangan membayar lebih dari jumlah ini. Minta tanda terima resmi.",
  feeWarningFree: "Layanan ini gratis. Tolak jika diminta bayaran dan laporkan pungutan liar.",
  timeLabel: "Lama proses",
  sameDay: "Selesai di hari yang sama",
  workingDays: "{count} hari kerja",
  calendarDays: "{count} hari kalender",
  officeLabel: "Diurus di",
  productLabel: "Yang Anda terima",
  back: "Semua layanan",
  selfCheckTitle: "Cek untuk kasus Anda",
  selfCheckHelp: "Jawab pertanyaan ini agar daftar syarat sesuai keadaan Anda.",
  yes: "Ya",
  no: "Tidak",
  resetAnswers: "Ulangi jawaban",
  checklistTitle: "Persyaratan",
  checklistProgress: "{done} dari {total} syarat sudah siap",
  maybeNeeded: "Belum pasti",
  onlyIf: "Diperlukan jika {condition}",
  notNeededTitle: "Tidak perlu untuk kasus Anda ({count})",
  kindDocument: "Dokumen",
  kindData: "Data",
  kindStatement: "Surat pernyataan",
  formOriginal: "Asli",
  formCopy: "Fotokopi",
  formOriginalAndCopy: "Asli dan fotokopi",
  formDigital: "Berkas digital",
  copies: "{count} lembar",
  legalised: "dilegalisir",
  stamped: "bermeterai Rp10.000",
  maxAge: "berlaku maks. {days} hari",
  pagesAtLeast: "foto min. {count} halaman",
  pagesAllWithEntries: "foto semua halaman yang berisi catatan",
  formats: "format {formats}",
  stepsTitle: "Langkah-langkah",
  whereTitle: "Tempat pengajuan",
  channelInPerson: "Datang langsung",
  channelOnline: "Daring (online)",
  hoursLabel: "Jam layanan",
  openWebsite: "Buka situs pengajuan",
  legalTitle: "Dasar hukum",
  complaintTitle: "Pengaduan",
  sourceTitle: "Sumber informasi",
  needsConfirmation:
    "Informasi ini disusun dari sumber publik. Pastikan ke kantor setempat bahwa standar pelayanannya masih sama.",
  version: "Versi {version}",
  share: "Bagikan",
  print: "Cetak daftar",
  copied: "Teks disalin. Tempel di WhatsApp atau SMS.",
  shareWhatsApp: "Kirim lewat WhatsApp",
  guideNotFound: "Layanan ini tidak ditemukan di katalog HP ini.",
  notFoundTitle: "Halaman tidak ditemukan",
  levelKelurahan: "Kelurahan",
  levelKecamatan: "Kecamatan",
  levelKota: "Kota administrasi",
  levelProvinsi: "Provinsi",
  "category.kependudukan": "Kependudukan",
  "category.keluarga": "Keluarga & pernikahan",
  "category.sosial": "Sosial",
  "category.usaha": "Usaha",
  "category.bangunan": "Bangunan",
  "category.pertanahan": "Pertanahan",
  "category.kegiatan": "Kegiatan & acara",
  "category.kesehatan-pendidikan": "Kesehatan & pendidikan",
  shareFee: "Biaya",
  shareTime: "Lama proses",
  shareRequirements: "Syarat yang perlu disiapkan",
  shareWhere: "Tempat",
  navGuides: "Panduan",
  navDrafts: "Berkas",
  navLabel: "Menu utama",
  startDraft: "Buat berkas untuk warga",
  // Shown in the English UI beside text only the Indonesian source has (issue 10, point 9).
  indonesianOnly: "(Bahasa Indonesia)",
  startDraftFailed: "Berkas tidak bisa dibuat. Memori HP mungkin penuh: hapus foto atau berkas lama, lalu coba lagi.",
  // First visit (issue 10, point 7): the catalogue downloading, then stored for offline use.
  catalogueDownloading: "Mengunduh panduan layanan agar bisa dipakai tanpa sinyal…",
  catalogueDownloadingBytes: "Mengunduh panduan layanan… {received} diterima",
  catalogueDownloadingOf: "Mengunduh panduan layanan… {received} dari {total}",
  catalogueDownloadFailed: "Panduan belum bisa diunduh: server tidak dapat dihubungi.",
  catalogueRetry: "Coba lagi",
  // Issue 12: the list shown from the summary inlined in the first visit's HTML, the full guides still coming.
  catalogueSaving: "Mengunduh panduan lengkap agar bisa dipakai tanpa sinyal…",
  catalogueSaveFailed: "Panduan lengkap belum terunduh: server tidak dapat dihubungi.",
  guideLoading: "Memuat panduan…",
  guideNotDownloaded: "Panduan ini belum terunduh ke HP. Sambungkan HP ke internet, lalu coba lagi.",
  catalogueNoneYet: "Kantor belum menerbitkan panduan layanan.",
  // Short on purpose: a late, wide notice would become the page's largest paint (LCP) instead of the list.
  offlineReady: "Tersimpan di HP ini:",
  offlineReadyWorks: "Masdarin bisa dipakai tanpa sinyal.",
  offlineReadyDismiss: "Oke",
  installApp: "Pasang aplikasi",
  installHelp: "Pasang Masdarin di layar utama HP.",
  installLater: "Lain kali",
  worksOffline: "Bisa dipakai tanpa sinyal",
};

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  appName: "Masdarin",
  appTagline: "Permit requirement guides",
  switchLanguage: "Bahasa Indonesia",
  switchLanguageLabel: "Switch language to Bahasa Indonesia",
  offline: "No signal — data is saved on this phone",
  updateAvailable: "A new version is available.",
  updateReload: "Reload",
  updateLater: "Later",
  updateWaitSync: "Wait until every change has been sent, then try again.",
  searchLabel: "Search services",
  searchPlaceholder: "E.g. domicile, building permit, marriage",
  searchClear: "Clear search",
  categoriesLabel: "Categories",
  allCategories: "All",
  resultsCount: "{count, plural, one {# service} other {# services}}",
  noResults: "No service matches “{query}”. Try another word, such as “KTP” or “business”.",
  guidesShown: "Showing {shown} of {total, plural, one {# service} other {# services}}",
  showMoreGuides: "Show more",
  loadingCatalogue: "Loading the catalogue…",
  emptyCatalogue: "The catalogue is not saved yet. Connect this phone to the internet once to download it.",
  updatedAt: "Updated {when}",
  updating: "Updating the catalogue…",
  updateFailed: "Could not update the catalogue. The saved one still works.",
  savedOnDevice: "{count, plural, one {# service} other {# services}} saved on this phone",
  free: "Free",
  feeLabel: "Official fee",
  feeWarning: "Never pay more than this amount. Ask for an official receipt.",
  feeWarningFree: "This service is free. Refuse any request for money and report it.",
  timeLabel: "Processing time",
  sameDay: "Done the same day",
  workingDays: "{count, plural, one {# working day} other {# working days}}",
  calendarDays: "{count, plural, one {# calendar day} other {# calendar days}}",
  officeLabel: "Handled by",
  productLabel: "What you receive",
  back: "All services",
  selfCheckTitle: "Check your own case",
  selfCheckHelp: "Answer these questions to fit the list of requirements to your situation.",
  yes: "Yes",
  no: "No",
  resetAnswers: "Reset answers",
  checklistTitle: "Requirements",
  checklistProgress: "{done} of {total, plural, one {# requirement} other {# requirements}} ready",
  maybeNeeded: "Not sure yet",
  onlyIf: "Needed if {condition}",
  notNeededTitle: "Not needed in your case ({count})",
  kindDocument: "Document",
  kindData: "Information",
  kindStatement: "Signed statement",
  formOriginal: "Original",
  formCopy: "Photocopy",
  formOriginalAndCopy: "Original and photocopy",
  formDigital: "Digital file",
  copies: "{count, plural, one {# copy} other {# copies}}",
  legalised: "legalised",
  stamped: "with a Rp10,000 duty stamp",
  maxAge: "valid for at most {days, plural, one {# day} other {# days}}",
  pagesAtLeast: "photograph at least {count, plural, one {# page} other {# pages}}",
  pagesAllWithEntries: "photograph every page with entries",
  formats: "{formats} format",
  stepsTitle: "Steps",
  whereTitle: "Where to apply",
  channelInPerson: "In person",
  channelOnline: "Online",
  hoursLabel: "Opening hours",
  openWebsite: "Open the application website",
  legalTitle: "Legal basis",
  complaintTitle: "Complaints",
  sourceTitle: "Source",
  needsConfirmation:
    "This information was compiled from public sources. Check with the local office that its service standard is unchanged.",
  version: "Version {version}",
  share: "Share",
  print: "Print checklist",
  copied: "Text copied. Paste it into WhatsApp or SMS.",
  shareWhatsApp: "Send by WhatsApp",
  guideNotFound: "This service is not in the catalogue on this phone.",
  notFoundTitle: "Page not found",
  levelKelurahan: "Kelurahan (village office)",
  levelKecamatan: "Kecamatan (district office)",
  levelKota: "City administration",
  levelProvinsi: "Province",
  "category.kependudukan": "Civil registration",
  "category.keluarga": "Family & marriage",
  "category.sosial": "Social welfare",
  "category.usaha": "Business",
  "category.bangunan": "Buildings",
  "category.pertanahan": "Land",
  "category.kegiatan": "Events",
  "category.kesehatan-pendidikan": "Health & education",
  shareFee: "Fee",
  shareTime: "Processing time",
  shareRequirements: "Requirements to prepare",
  shareWhere: "Where",
  navGuides: "Guides",
  navDrafts: "Files",
  navLabel: "Main menu",
  startDraft: "Start a file for a resident",
  indonesianOnly: "(Bahasa Indonesia)",
  startDraftFailed:
    "The file could not be created. The phone's storage may be full: delete old photos or files, then try again.",
  // First visit (issue 10, point 7).
  catalogueDownloading: "Downloading the service guides so they work without a signal…",
  catalogueDownloadingBytes: "Downloading the service guides… {received} received",
  catalogueDownloadingOf: "Downloading the service guides… {received} of {total}",
  catalogueDownloadFailed: "The guides could not be downloaded: the server cannot be reached.",
  catalogueRetry: "Try again",
  // Issue 12: the list shown from the summary inlined in the first visit's HTML, the full guides still coming.
  catalogueSaving: "Downloading the full guides for use without signal…",
  catalogueSaveFailed: "The full guides are not downloaded yet: the server cannot be reached.",
  guideLoading: "Loading the guide…",
  guideNotDownloaded: "This guide is not on the phone yet. Connect the phone to the internet, then try again.",
  catalogueNoneYet: "The office has not published any service guides yet.",
  offlineReady: "Saved on this phone:",
  offlineReadyWorks: "Masdarin works without a signal.",
  offlineReadyDismiss: "OK",
  installApp: "Install the app",
  installHelp: "Add Masdarin to the phone's home screen.",
  installLater: "Not now",
  worksOffline: "Works without a signal",
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "id";
  } catch {
    return "id";
  }
}

/** Bahasa Indonesia unless the user chose English on this device. */
export const locale = signal<Locale>(storedLocale());

export function setLocale(next: Locale): void {
  locale.value = next;
  document.documentElement.lang = next;
  try {
    // A preference, not user data: localStorage is fine for it.
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode or full storage: the choice lasts for this visit only.
  }
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(dictionaries[locale.value][key], params);
}

/**
 * Fills "{name}" placeholders; shared by every message table of the app.
 * A count that changes the words takes ICU's plural form, chosen by
 * Intl.PluralRules for the UI language: "{count, plural, one {# working day}
 * other {# working days}}" ("#" is the number). Indonesian nouns do not
 * inflect, so only the English tables need it.
 */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  const lang = locale.value;
  return template
    .replace(PLURAL, (whole, name: string, branches: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      // A count may come formatted ("1.234"): its digits choose the words, its text is shown.
      const count = typeof value === "number" ? value : Number(value.replace(/\D/g, ""));
      return pluralBranch(branches, count, lang).replaceAll("#", String(value));
    })
    .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** "{count, plural, one {…} other {…}}": branches hold no braces of their own. */
const PLURAL = /\{(\w+),\s*plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The branch of a plural form that fits `count` in `lang`: an exact "=n" first, then the CLDR category, then "other". */
export function pluralBranch(branches: string, count: number, lang: Locale): string {
  const forms = new Map<string, string>();
  for (const match of branches.matchAll(/(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g)) {
    forms.set(match[1] ?? "", match[2] ?? "");
  }
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang === "id" ? "id-ID" : "en");
    pluralRules.set(lang, rules);
  }
  return forms.get(`=${count}`) ?? forms.get(rules.select(count)) ?? forms.get("other") ?? "";
}
