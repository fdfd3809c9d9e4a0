import type { GuideInput } from "../../../shared/guide";
import {
  COMPLAINT,
  HOURS,
  kuasa,
  OFFICE_KECAMATAN,
  PAGES_KTP,
  PAGES_PDF,
  Q_DIWAKILKAN,
  SOURCE_PTSP,
  URL_SIMBG,
} from "./common";

const LEGAL_UU_BG = "UU 28/2002 tentang Bangunan Gedung, sebagaimana diubah dengan UU 6/2023 tentang Cipta Kerja";
const LEGAL_PP_16 = "PP 16/2021 tentang Peraturan Pelaksanaan UU 28/2002 tentang Bangunan Gedung";
const LEGAL_HKPD = "UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah";

const SIMBG_WHERE = {
  id: "SIMBG (simbg.pu.go.id); konsultasi di Satpel PTSP Kecamatan",
  en: "SIMBG (simbg.pu.go.id); advice at the kecamatan PTSP unit",
};
const SOURCE_BG = `${SOURCE_PTSP} Alur teknis mengikuti PP 16/2021 dan SIMBG Kementerian PU. Kantornya mengikuti lokasi bangunan, bukan alamat pemohon.`;

/** A PDF upload whose content the note names (which pages go into the one file). */
const pdf = (id: string, en: string) => ({ minPages: 1, pagesNote: { id, en } });

export const bangunan: GuideInput[] = [
  {
    id: "pbg-rumah-tinggal",
    version: 1,
    title: {
      id: "Persetujuan Bangunan Gedung (PBG) Rumah Tinggal",
      en: "Building Approval (PBG) for a Family House",
    },
    summary: {
      id: "PBG adalah izin sebelum membangun, mengubah, atau memperluas rumah; sejak PP 16/2021 PBG menggantikan IMB. Diajukan lewat SIMBG. Rumah tinggal sederhana 1–2 lantai dapat memakai desain prototipe.",
      en: "PBG is the approval needed before building, altering or extending a house; since PP 16/2021 it replaces the old IMB. It is applied for in SIMBG. Simple one- or two-storey houses can use a prototype design.",
    },
    category: "bangunan",
    keywords: [
      "IMB",
      "izin bangun rumah",
      "izin mendirikan bangunan",
      "PBG",
      "renovasi rumah",
      "izin renovasi",
      "SIMBG",
    ],
    office: OFFICE_KECAMATAN,
    legalBasis: [LEGAL_UU_BG, LEGAL_PP_16, LEGAL_HKPD],
    fee: {
      amount: 0,
      note: {
        id: "Tidak ada biaya layanan, tetapi ada retribusi PBG yang ditagihkan lewat SKRD (Surat Ketetapan Retribusi Daerah) sesuai Perda DKI tentang pajak dan retribusi daerah. Bayar hanya ke kas daerah/bank sesuai SKRD, jangan ke petugas.",
        en: "No service fee, but a PBG retribution is billed by an SKRD (regional retribution assessment) under the DKI regional tax and retribution bylaw. Pay only into the regional treasury or bank named on the SKRD, never to an officer.",
      },
    },
    serviceTime: {
      workingDays: 28,
      note: {
        id: "Batas umum sejak berkas lengkap; rumah sederhana dengan prototipe bisa lebih cepat. Waktu perbaikan gambar tidak dihitung.",
        en: "General limit from a complete file; simple houses with a prototype design can be faster. Time spent revising drawings is not counted.",
      },
    },
    product: {
      id: "Dokumen PBG dan SKRD retribusi; PBG berlaku setelah retribusi dibayar",
      en: "PBG document and retribution assessment (SKRD); the PBG takes effect once the retribution is paid",
    },
    steps: [
      {
        id: "Cek peruntukan lahan (KKPR/informasi tata ruang) untuk lokasi rumah.",
        en: "Check the land-use designation (KKPR/spatial information) for the house's location.",
      },
      {
        id: "Buat akun dan isi permohonan di SIMBG, unggah dokumen tanah dan gambar rencana.",
        en: "Create an account and fill in the application in SIMBG, uploading land documents and plans.",
      },
      {
        id: "Ikuti konsultasi dengan Tim Profesi Ahli/Tim Penilai Teknis; perbaiki gambar jika diminta.",
        en: "Attend the consultation with the technical assessment team; revise the drawings if asked.",
      },
      {
        id: "Terima SKRD dan bayar retribusi di bank yang ditunjuk.",
        en: "Receive the SKRD and pay the retribution at the designated bank.",
      },
      {
        id: "Unduh PBG; mulai membangun dan laporkan tahapan pembangunan.",
        en: "Download the PBG; start building and report the construction stages.",
      },
    ],
    submission: { channels: ["online", "in-person"], where: SIMBG_WHERE, url: URL_SIMBG, hours: HOURS },
    complaint: COMPLAINT,
    questions: [
      {
        id: "tanah-milik-sendiri",
        kind: "yes-no",
        text: {
          id: "Apakah tanah milik pemohon sendiri?",
          en: "Does the applicant own the land?",
        },
      },
      {
        id: "bersertifikat",
        kind: "yes-no",
        text: {
          id: "Apakah tanahnya sudah bersertifikat (SHM, HGB, atau lainnya dari BPN)?",
          en: "Does the land have a title certificate from the Land Office (SHM, HGB or other)?",
        },
      },
      {
        id: "lebih-dari-2-lantai",
        kind: "yes-no",
        text: {
          id: "Apakah rumah lebih dari 2 lantai atau tidak memakai desain prototipe?",
          en: "Does the house have more than 2 storeys or not use a prototype design?",
        },
      },
      Q_DIWAKILKAN,
    ],
    requirements: [
      {
        id: "ktp-el",
        kind: "document",
        label: { id: "KTP-el pemilik bangunan", en: "KTP-el of the building owner" },
        acceptance: { form: "digital", formats: ["jpg", "pdf"] },
        ...PAGES_KTP,
      },
      // Certified and uncertified land are proven by different papers; the office checks each.
      {
        id: "sertifikat-tanah",
        kind: "document",
        label: { id: "Sertifikat hak atas tanah", en: "Land title certificate" },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...pdf(
          "Satu PDF berisi semua halaman sertifikat yang berisi: halaman pendaftaran hak dan pemegang hak, catatan peralihan, dan surat ukur.",
          "One PDF with every page of the certificate that has entries: the registration and holder pages, the transfer notes and the survey map.",
        ),
        when: { q: "bersertifikat", is: true },
      },
      {
        id: "bukti-tanah-lama",
        kind: "document",
        label: {
          id: "Girik, letter C, atau akta jual beli (AJB) tanah",
          en: "Girik, letter C or deed of sale (AJB) of the land",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...pdf(
          "Satu PDF berisi kedua sisi girik (sisi belakang memuat catatan peralihan) atau semua halaman akta.",
          "One PDF with both sides of the girik (the back records transfers) or every page of the deed.",
        ),
        when: { q: "bersertifikat", is: false },
      },
      {
        id: "surat-keterangan-tanah",
        kind: "document",
        label: {
          id: "Surat keterangan riwayat tanah dari kelurahan",
          en: "Land history letter from the kelurahan",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
        obtainFrom: {
          id: "Kelurahan lokasi tanah (lihat panduan Surat Keterangan Riwayat Tanah)",
          en: "The kelurahan where the land lies (see the Land History Letter guide)",
        },
        when: { q: "bersertifikat", is: false },
      },
      {
        id: "perjanjian-tanah",
        kind: "document",
        label: {
          id: "Perjanjian tertulis pemanfaatan tanah dengan pemilik tanah",
          en: "Written land-use agreement with the landowner",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
        when: { q: "tanah-milik-sendiri", is: false },
      },
      {
        id: "informasi-tata-ruang",
        kind: "data",
        label: {
          id: "Informasi KKPR/tata ruang lokasi (zona, KDB, KLB, GSB)",
          en: "Spatial information for the site (zone, building coverage, floor area ratio, setbacks)",
        },
      },
      {
        id: "gambar-arsitektur",
        kind: "document",
        label: {
          id: "Gambar rencana arsitektur (situasi, denah, tampak, potongan) atau desain prototipe",
          en: "Architectural plans (site plan, floor plans, elevations, sections) or the prototype design",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...pdf(
          "Satu PDF berisi semua lembar gambar: situasi, denah setiap lantai, tampak, dan potongan.",
          "One PDF with every drawing sheet: site plan, each floor plan, elevations and sections.",
        ),
      },
      // Drawings and calculations are separate deliverables of the certified designer; each is checked.
      {
        id: "gambar-struktur",
        kind: "document",
        label: {
          id: "Gambar struktur yang ditandatangani perencana bersertifikat",
          en: "Structural drawings signed by a certified designer",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
        when: { q: "lebih-dari-2-lantai", is: true },
      },
      {
        id: "gambar-utilitas",
        kind: "document",
        label: {
          id: "Gambar utilitas (air bersih, air kotor, listrik) yang ditandatangani perencana bersertifikat",
          en: "Utility drawings (water supply, drainage, electrical) signed by a certified designer",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
        when: { q: "lebih-dari-2-lantai", is: true },
      },
      {
        id: "perhitungan-struktur",
        kind: "document",
        label: {
          id: "Perhitungan struktur yang ditandatangani perencana bersertifikat",
          en: "Structural calculations signed by a certified designer",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
        when: { q: "lebih-dari-2-lantai", is: true },
      },
      {
        id: "sppt-pbb",
        kind: "document",
        label: { id: "SPPT PBB tahun terakhir", en: "Latest land and building tax (PBB) bill" },
        acceptance: { form: "digital", formats: ["jpg", "pdf"] },
        minPages: 1,
      },
      {
        id: "bukti-bayar-pbb",
        kind: "document",
        label: { id: "Bukti lunas PBB tahun terakhir", en: "Receipt for the latest PBB payment" },
        acceptance: { form: "digital", formats: ["jpg", "pdf"] },
        minPages: 1,
      },
      ...kuasa({ id: "Persetujuan Bangunan Gedung (PBG)", en: "the Building Approval (PBG)" }),
    ],
    source: { note: SOURCE_BG, needsOfficeConfirmation: true },
  },
  {
    id: "slf-rumah-tinggal",
    version: 1,
    title: {
      id: "Sertifikat Laik Fungsi (SLF) Rumah Tinggal",
      en: "Certificate of Building Worthiness (SLF) for a Family House",
    },
    summary: {
      id: "SLF menyatakan bangunan layak digunakan setelah selesai dibangun sesuai PBG. Rumah yang sudah berdiri tanpa IMB/PBG mengurus PBG dan SLF bersamaan lewat SIMBG.",
      en: "The SLF certifies a building is fit for use once built according to its PBG. A house already standing without an IMB/PBG applies for the PBG and SLF together in SIMBG.",
    },
    category: "bangunan",
    keywords: ["SLF", "laik fungsi", "IMB", "rumah sudah jadi", "bangunan lama", "pemutihan IMB"],
    office: OFFICE_KECAMATAN,
    legalBasis: [LEGAL_UU_BG, LEGAL_PP_16],
    fee: {
      amount: 0,
      note: {
        id: "Penerbitan SLF tidak dikenai retribusi. Bangunan yang belum ber-PBG tetap membayar retribusi PBG lewat SKRD.",
        en: "Issuing the SLF carries no retribution. A building without a PBG still pays the PBG retribution billed by SKRD.",
      },
    },
    serviceTime: {
      workingDays: 3,
      note: {
        id: "Perkiraan setelah pemeriksaan kelaikan fungsi dinyatakan lengkap; pemeriksaan lapangan dapat menambah waktu.",
        en: "Estimate once the worthiness inspection is complete; site inspection can add time.",
      },
    },
    product: {
      id: "Sertifikat Laik Fungsi (SLF) dan label SLF",
      en: "Certificate of building worthiness (SLF) and its label",
    },
    steps: [
      {
        id: "Ajukan SLF di SIMBG setelah pembangunan selesai (atau PBG+SLF untuk bangunan lama).",
        en: "Apply for the SLF in SIMBG once building is finished (or PBG+SLF for an existing house).",
      },
      {
        id: "Unggah foto bangunan, gambar terbangun, dan hasil pemeriksaan kelaikan fungsi.",
        en: "Upload photos of the building, as-built drawings and the worthiness inspection result.",
      },
      {
        id: "Petugas/tim teknis memeriksa dokumen dan lapangan.",
        en: "Officers or the technical team check documents and the site.",
      },
      { id: "Unduh SLF dari SIMBG.", en: "Download the SLF from SIMBG." },
    ],
    submission: { channels: ["online", "in-person"], where: SIMBG_WHERE, url: URL_SIMBG, hours: HOURS },
    complaint: COMPLAINT,
    questions: [
      {
        id: "punya-pbg",
        kind: "yes-no",
        text: {
          id: "Apakah bangunan sudah punya PBG atau IMB?",
          en: "Does the building already have a PBG or IMB?",
        },
      },
      {
        id: "berbeda-dari-gambar",
        kind: "yes-no",
        text: {
          id: "Apakah bangunan jadi berbeda dari gambar PBG/IMB?",
          en: "Does the finished building differ from the PBG/IMB drawings?",
        },
      },
    ],
    requirements: [
      {
        id: "ktp-el",
        kind: "document",
        label: { id: "KTP-el pemilik bangunan", en: "Building owner's KTP-el" },
        acceptance: { form: "digital", formats: ["jpg", "pdf"] },
        ...PAGES_KTP,
      },
      {
        id: "pbg-imb",
        kind: "document",
        label: { id: "Surat PBG atau IMB", en: "The PBG or IMB" },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
        when: { q: "punya-pbg", is: true },
      },
      {
        id: "gambar-pbg-imb",
        kind: "document",
        label: { id: "Lampiran gambar PBG atau IMB", en: "The drawings attached to the PBG or IMB" },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...pdf(
          "Satu PDF berisi semua lembar gambar yang disahkan bersama PBG atau IMB.",
          "One PDF with every drawing sheet approved with the PBG or IMB.",
        ),
        when: { q: "punya-pbg", is: true },
      },
      {
        id: "bukti-tanah",
        kind: "document",
        label: {
          id: "Bukti kepemilikan tanah (sertifikat, girik, atau akta jual beli)",
          en: "Proof of land ownership (title certificate, girik or deed of sale)",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...pdf(
          "Satu PDF berisi semua halaman yang berisi: sertifikat dengan surat ukur, atau kedua sisi girik, atau semua halaman akta.",
          "One PDF with every page that has entries: the certificate with its survey map, both sides of the girik, or every page of the deed.",
        ),
        when: { q: "punya-pbg", is: false },
      },
      {
        id: "gambar-terbangun",
        kind: "document",
        label: { id: "Gambar terbangun (as-built drawing)", en: "As-built drawings" },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
        when: {
          any: [
            { q: "punya-pbg", is: false },
            { q: "berbeda-dari-gambar", is: true },
          ],
        },
      },
      {
        id: "foto-bangunan",
        kind: "document",
        label: {
          id: "Foto bangunan tampak depan, samping, dan dalam",
          en: "Photos of the building's front, sides and interior",
        },
        acceptance: { form: "digital", formats: ["jpg", "png"] },
        minPages: 3,
        pagesNote: {
          id: "Paling sedikit tiga foto: tampak depan, tampak samping, dan bagian dalam.",
          en: "At least three photos: the front, a side, and the inside.",
        },
      },
      // Made and signed by the technical inspector, not by the owner: documents to upload, not statements the app prints.
      {
        id: "laporan-pemeriksaan",
        kind: "document",
        label: {
          id: "Laporan pemeriksaan kelaikan fungsi bangunan",
          en: "Report of the building worthiness inspection",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
      },
      {
        id: "pernyataan-kelaikan",
        kind: "document",
        label: {
          id: "Surat pernyataan kelaikan fungsi yang ditandatangani pengkaji teknis",
          en: "Statement of building worthiness signed by the technical inspector",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
      },
    ],
    source: { note: SOURCE_BG, needsOfficeConfirmation: true },
  },
];
