import type { GuideInput } from "../../../shared/guide";
import { COMPLAINT, HOURS, OFFICE_KECAMATAN, Q_DIWAKILKAN, SOURCE_PTSP, SURAT_KUASA, URL_SIMBG } from "./common";

const LEGAL_UU_BG = "UU 28/2002 tentang Bangunan Gedung, sebagaimana diubah dengan UU 6/2023 tentang Cipta Kerja";
const LEGAL_PP_16 = "PP 16/2021 tentang Peraturan Pelaksanaan UU 28/2002 tentang Bangunan Gedung";
const LEGAL_HKPD = "UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah";

const SIMBG_WHERE = {
  id: "SIMBG (simbg.pu.go.id); konsultasi di Satpel PTSP Kecamatan",
  en: "SIMBG (simbg.pu.go.id); advice at the kecamatan PTSP unit",
};
const SOURCE_BG = `${SOURCE_PTSP} Alur teknis mengikuti PP 16/2021 dan SIMBG Kementerian PU.`;

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
        label: { id: "KTP-el pemohon/pemilik bangunan", en: "KTP-el of the applicant/building owner" },
        acceptance: { form: "digital", formats: ["jpg", "pdf"] },
      },
      {
        id: "bukti-tanah",
        kind: "document",
        label: {
          id: "Bukti kepemilikan tanah (sertifikat, atau girik/AJB dengan surat keterangan tanah)",
          en: "Proof of land ownership (title certificate, or girik/deed of sale with a land letter)",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
      },
      {
        id: "perjanjian-tanah",
        kind: "document",
        label: {
          id: "Perjanjian tertulis pemanfaatan tanah dengan pemilik tanah",
          en: "Written land-use agreement with the landowner",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
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
          id: "Gambar rencana: situasi, denah, tampak, potongan (atau desain prototipe)",
          en: "Plans: site plan, floor plans, elevations, sections (or the prototype design)",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
      },
      {
        id: "rencana-teknis-ahli",
        kind: "document",
        label: {
          id: "Gambar dan perhitungan struktur serta utilitas yang ditandatangani perencana bersertifikat",
          en: "Structural and utility drawings and calculations signed by a certified designer",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        when: { q: "lebih-dari-2-lantai", is: true },
      },
      {
        id: "pbb",
        kind: "document",
        label: {
          id: "SPPT PBB dan bukti lunas tahun terakhir",
          en: "Land and building tax (PBB) bill and latest receipt",
        },
        acceptance: { form: "digital", formats: ["jpg", "pdf"] },
      },
      SURAT_KUASA,
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
      },
      {
        id: "pbg-imb",
        kind: "document",
        label: { id: "PBG atau IMB beserta lampiran gambarnya", en: "PBG or IMB with its attached drawings" },
        acceptance: { form: "digital", formats: ["pdf"] },
        when: { q: "punya-pbg", is: true },
      },
      {
        id: "bukti-tanah",
        kind: "document",
        label: { id: "Bukti kepemilikan tanah", en: "Proof of land ownership" },
        acceptance: { form: "digital", formats: ["pdf"] },
        when: { q: "punya-pbg", is: false },
      },
      {
        id: "gambar-terbangun",
        kind: "document",
        label: { id: "Gambar terbangun (as-built drawing)", en: "As-built drawings" },
        acceptance: { form: "digital", formats: ["pdf"] },
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
      },
      {
        id: "pemeriksaan-kelaikan",
        kind: "statement",
        label: {
          id: "Surat pernyataan/laporan pemeriksaan kelaikan fungsi bangunan",
          en: "Statement or report of the building worthiness inspection",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
      },
    ],
    source: { note: SOURCE_BG, needsOfficeConfirmation: true },
  },
];
