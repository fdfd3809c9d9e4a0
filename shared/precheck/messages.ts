import type { GovernmentLevel } from "../guide";
import { formatDmy } from "../identity/dates";
import type { Village } from "../regions/index";
import type { LocalizedText } from "../text";

/**
 * Every message the pre-check writes, in both languages. Short sentences that
 * say what is wrong and what to do, naming the requirement as the guide does.
 */

const t = (id: string, en: string): LocalizedText => ({ id, en });

export const applicantMessages = {
  nameMissing: t("Nama lengkap pemohon belum diisi.", "The applicant's full name is missing."),
  nameInvalid: t(
    "Nama lengkap hanya boleh berisi huruf, spasi, dan tanda . , ' - (paling sedikit 2 huruf). Tulis sesuai KTP-el.",
    "The full name may only contain letters, spaces and . , ' - (at least 2 letters). Write it as on the ID card.",
  ),
  nikMissing: t(
    "NIK pemohon belum diisi. Salin 16 angka NIK dari KTP-el atau KK.",
    "The applicant's NIK is missing. Copy the 16-digit NIK from the ID card or family card.",
  ),
  kkMissing: t(
    "Nomor KK belum diisi. Salin 16 angka nomor dari Kartu Keluarga.",
    "The family card (KK) number is missing. Copy the 16-digit number from the family card.",
  ),
  birthDateMissing: t("Tanggal lahir pemohon belum diisi.", "The applicant's date of birth is missing."),
  sexMissing: t("Jenis kelamin pemohon belum dipilih.", "The applicant's sex is not chosen yet."),
  sexInvalid: t("Jenis kelamin harus laki-laki atau perempuan.", "Sex must be male or female."),
  phoneMissing: t(
    "Nomor HP pemohon belum diisi. Petugas memakainya untuk menghubungi pemohon.",
    "The applicant's phone number is missing. The office uses it to contact the applicant.",
  ),
  rtMissing: t("RT pada alamat belum diisi.", "The RT of the address is missing."),
  rtInvalid: t("RT harus angka 1 sampai 3 digit, misalnya 005.", "The RT must be a number of 1 to 3 digits, e.g. 005."),
  rwMissing: t("RW pada alamat belum diisi.", "The RW of the address is missing."),
  rwInvalid: t("RW harus angka 1 sampai 3 digit, misalnya 012.", "The RW must be a number of 1 to 3 digits, e.g. 012."),
  villageMissing: t(
    "Kelurahan tempat tinggal pemohon belum dipilih.",
    "The kelurahan where the applicant lives is not chosen yet.",
  ),
  villageUnknown: t(
    "Kelurahan pada alamat tidak dikenal. Pilih kelurahan dari daftar.",
    "The kelurahan in the address is unknown. Pick it from the list.",
  ),
  officeMissing: t(
    "Kantor tujuan belum dipilih, dan akun Anda belum mencatat wilayah kerja. Pilih kantor tempat berkas diajukan.",
    "No office is chosen, and your account has no area on record. Choose the office the file goes to.",
  ),
  officeUnknown: t(
    "Kantor tujuan tidak dikenal. Pilih lagi kecamatan dan kelurahan kantor dari daftar.",
    "The office is unknown. Choose the office's kecamatan and kelurahan from the list again.",
  ),
  checkFailed: t(
    "Isian ini belum bisa diperiksa. Periksa lagi dan coba sekali lagi.",
    "This entry could not be checked. Look at it again and retry.",
  ),
};

function areaName(village: Village, level: GovernmentLevel): string {
  switch (level) {
    case "kelurahan":
      return `Kelurahan ${village.name}`;
    case "kecamatan":
      return `Kecamatan ${village.districtName}`;
    case "kota":
      return village.regencyName;
    case "provinsi":
      return `provinsi ${village.provinceCode}`;
  }
}

const levelWords: Record<GovernmentLevel, LocalizedText> = {
  kelurahan: t("kelurahan", "kelurahan"),
  kecamatan: t("kecamatan", "kecamatan"),
  kota: t("kota", "city"),
  provinsi: t("provinsi", "province"),
};

export function officeTooBroad(level: GovernmentLevel): LocalizedText {
  const word = levelWords[level];
  return t(
    `Layanan ini hanya untuk warga ${word.id} kantor tujuan. Pilih ${word.id} kantor tempat berkas diajukan.`,
    `This service is only for residents of the office's ${word.en}. Choose the ${word.en} office the file goes to.`,
  );
}

export function residencyOutside(home: Village, office: Village | undefined, level: GovernmentLevel): LocalizedText {
  const where = areaName(home, level);
  const officeArea = office ? areaName(office, level) : undefined;
  const word = levelWords[level];
  return t(
    `Alamat pemohon ada di ${where}, di luar wilayah kantor ini${officeArea ? ` (${officeArea})` : ""}. Ajukan di kantor ${word.id} tempat pemohon tinggal.`,
    `The applicant lives in ${where}, outside this office's area${officeArea ? ` (${officeArea})` : ""}. Apply at the office of the ${word.en} where the applicant lives.`,
  );
}

export function questionUnanswered(question: LocalizedText): LocalizedText {
  return t(`Jawab dulu pertanyaan: "${question.id}"`, `Answer the question first: "${question.en}"`);
}

export function questionUnansweredFor(question: LocalizedText, label: LocalizedText): LocalizedText {
  return t(
    `Jawab dulu pertanyaan "${question.id}" untuk tahu apakah ${label.id} diperlukan.`,
    `Answer "${question.en}" first, to know whether "${label.en}" is needed.`,
  );
}

const formatWords: Record<string, LocalizedText> = {
  jpg: t("foto JPG", "a JPG photo"),
  png: t("gambar PNG", "a PNG image"),
  pdf: t("PDF", "PDF"),
};

export function documentMissing(label: LocalizedText): LocalizedText {
  return t(`${label.id} belum difoto.`, `${label.en}: no photo yet.`);
}

export function documentPages(label: LocalizedText, needed: number, have: number): LocalizedText {
  return t(
    `${label.id} perlu ${needed} halaman foto, baru ada ${have}. Foto halaman yang kurang.`,
    `${label.en} needs ${needed} photographed pages, only ${have} so far. Photograph the missing pages.`,
  );
}

export function documentPageTooSmall(label: LocalizedText, page: number): LocalizedText {
  return t(
    `${label.id}: foto halaman ${page} terlalu kecil untuk dibaca petugas. Foto ulang lebih dekat dengan kamera utama.`,
    `${label.en}: the photo of page ${page} is too small for the office to read. Retake it closer with the main camera.`,
  );
}

export function statementPhotoBeforeSigning(label: LocalizedText, page: number): LocalizedText {
  return t(
    `${label.id}: foto halaman ${page} diambil sebelum tanggal tanda tangan. Foto ulang halaman yang sudah ditandatangani.`,
    `${label.en}: the photo of page ${page} was taken before the signing date. Photograph the signed page again.`,
  );
}

export function documentPagesUncounted(label: LocalizedText): LocalizedText {
  return t(
    `${label.id}: hitung halaman yang berisi catatan atau data, isi jumlahnya, lalu foto semua halaman itu.`,
    `${label.en}: count the pages that have entries or data, enter the number, then photograph every one of them.`,
  );
}

/** `declarant`: who signs when it is not the applicant (the house owner). */
export function statementUnsigned(label: LocalizedText, declarant?: LocalizedText): LocalizedText {
  const signerId = declarant ? declarant.id.toLowerCase() : "pemohon";
  const signerEn = declarant ? declarant.en.toLowerCase() : "applicant";
  return t(
    `${label.id}: cetak atau tunjukkan surat pernyataan dari aplikasi, minta ${signerId} menandatanganinya, lalu konfirmasi tanggal tanda tangan.`,
    `${label.en}: print or show the statement the app prepares, have the ${signerEn} sign it, then confirm the date it was signed.`,
  );
}

export function statementDateInvalid(label: LocalizedText): LocalizedText {
  return t(
    `${label.id}: tanggal tanda tangan tidak terbaca. Isi lagi tanggalnya.`,
    `${label.en}: the signing date cannot be read. Enter it again.`,
  );
}

export function statementDateFuture(label: LocalizedText, signedOn: string): LocalizedText {
  const date = formatDmy(signedOn);
  return t(
    `${label.id} ditandatangani ${date}, tanggal itu belum tiba. Periksa lagi tanggal tanda tangan.`,
    `${label.en} is signed on ${date}, which is in the future. Check the signing date.`,
  );
}

export function documentFormat(label: LocalizedText, formats: readonly string[], page: number): LocalizedText {
  const words = formats.map((f) => formatWords[f] ?? t(f, f));
  return t(
    `${label.id} harus berupa ${words.map((w) => w.id).join(" atau ")}. Ganti halaman ${page}, formatnya lain.`,
    `${label.en} must be ${words.map((w) => w.en).join(" or ")}. Replace page ${page}, which is in another format.`,
  );
}

export function documentDateMissing(label: LocalizedText, maxAgeDays: number): LocalizedText {
  return t(
    `${label.id}: isi tanggal yang tertulis di surat, untuk memastikan belum lewat ${maxAgeDays} hari.`,
    `${label.en}: enter the date printed on the letter, to check it is not older than ${maxAgeDays} days.`,
  );
}

export function documentDateInvalid(label: LocalizedText): LocalizedText {
  return t(
    `${label.id}: tanggal surat tidak terbaca. Isi lagi tanggal yang tertulis di surat.`,
    `${label.en}: the letter's date cannot be read. Enter the date printed on the letter again.`,
  );
}

export function documentDateFuture(label: LocalizedText, issuedOn: string): LocalizedText {
  const date = formatDmy(issuedOn);
  return t(
    `${label.id} bertanggal ${date}, tanggal itu belum tiba. Periksa lagi tanggal di surat.`,
    `${label.en} is dated ${date}, which is in the future. Check the date on the letter.`,
  );
}

export function documentExpired(label: LocalizedText, issuedOn: string, maxAgeDays: number): LocalizedText {
  const date = formatDmy(issuedOn);
  return t(
    `${label.id} bertanggal ${date} sudah lewat ${maxAgeDays} hari. Minta surat baru.`,
    `${label.en} dated ${date} is more than ${maxAgeDays} days old. Ask for a new one.`,
  );
}

export function dataMissing(label: LocalizedText): LocalizedText {
  return t(`${label.id} belum diisi.`, `${label.en}: not filled in yet.`);
}

// ---- Eligibility rules (shared/precheck/eligibility.ts) -----------------------------------------

export const birthDateLabel = t("Tanggal lahir pemohon", "The applicant's date of birth");

/** A dated rule that does not hold: the guide's own words, then the date and what it means today. */
export function eligibilityDate(
  rule: LocalizedText,
  label: LocalizedText,
  date: string,
  measure: { years: number } | { days: number },
): LocalizedText {
  const dmy = formatDmy(date);
  let fact: LocalizedText;
  if ("years" in measure) fact = t(`umur ${measure.years} tahun`, `${measure.years} years old`);
  else if (measure.days === 0) fact = t("hari ini", "today");
  else if (measure.days > 0) fact = t(`${measure.days} hari yang lalu`, `${measure.days} days ago`);
  else fact = t(`${-measure.days} hari lagi`, `in ${-measure.days} days`);
  return t(`${rule.id} (${label.id}: ${dmy}, ${fact.id}.)`, `${rule.en} (${label.en}: ${dmy}, ${fact.en}.)`);
}

export function eligibilityDateInvalid(label: LocalizedText, problem: LocalizedText): LocalizedText {
  return t(`${label.id}: ${problem.id}`, `${label.en}: ${problem.en}`);
}

export const eligibilityCheckFailed = t(
  "Syarat layanan ini belum bisa diperiksa. Periksa jawaban dan tanggal yang diisi, lalu coba lagi.",
  "This service's conditions could not be checked. Look at the answers and dates entered, then retry.",
);

/** The server's refusal of a second file for the same applicant and service (the guide's `filedOnce`). */
export function duplicateFile(service: LocalizedText, approved: boolean): LocalizedText {
  return approved
    ? t(
        `Pemohon dengan NIK ini sudah pernah mendapat ${service.id}. Layanan ini hanya diberikan sekali; pilih layanan penggantian bila hilang atau rusak.`,
        `The applicant with this NIK already received ${service.en}. It is issued only once; choose the replacement service if it was lost or damaged.`,
      )
    : t(
        `Pemohon dengan NIK ini sudah punya berkas ${service.id} yang sedang diproses kantor. Tunggu hasilnya atau lanjutkan berkas itu, jangan mengajukan dua kali.`,
        `The applicant with this NIK already has a file for ${service.en} with the office. Wait for its outcome or continue that file; do not apply twice.`,
      );
}
