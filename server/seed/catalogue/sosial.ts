import type { GuideInput } from "../../../shared/guide";
import {
  COMPLAINT,
  FEE_FREE,
  HOURS,
  KK_PEMOHON,
  KTP_PEMOHON,
  kuasa,
  LEGAL_PELAYANAN_PUBLIK,
  LEGAL_PERDA_PTSP,
  OFFICE_KELURAHAN,
  PENGANTAR_RT_RW,
  Q_DIWAKILKAN,
  SOURCE_PTSP,
  SUBMIT_AT_KELURAHAN,
} from "./common";

const LEGAL_FAKIR_MISKIN = "UU 13/2011 tentang Penanganan Fakir Miskin";

/** Two photos the office compares with its home visit: one of the front, one inside. */
const FOTO_RUMAH: GuideInput["requirements"][number] = {
  id: "foto-rumah",
  kind: "document",
  label: { id: "Foto rumah tampak depan dan dalam", en: "Photos of the front and inside of the house" },
  acceptance: { form: "original", formats: ["jpg", "png"] },
  minPages: 2,
  pagesNote: {
    id: "Dua foto: satu tampak depan rumah dengan nomor rumah terlihat, satu ruang dalam.",
    en: "Two photos: one of the front of the house with its number visible, one of a room inside.",
  },
};

export const sosial: GuideInput[] = [
  {
    id: "surat-keterangan-tidak-mampu",
    version: 1,
    residency: "kelurahan",
    title: { id: "Surat Keterangan Tidak Mampu (SKTM)", en: "Certificate of Low Income (SKTM)" },
    summary: {
      id: "Surat kelurahan yang menerangkan keluarga tidak mampu, untuk keringanan biaya sekolah, berobat, atau perkara di pengadilan. Banyak program kini memakai data DTKS/DTSEN, jadi tanyakan dulu apakah instansi tujuan masih meminta SKTM.",
      en: "A kelurahan letter stating that a family is low-income, for school fee relief, medical costs or court fee waivers. Many programmes now use the DTKS/DTSEN social registry, so first ask whether the receiving institution still asks for an SKTM.",
    },
    category: "sosial",
    keywords: ["SKTM", "surat miskin", "keringanan biaya", "tidak mampu", "keluarga miskin", "surat keterangan miskin"],
    office: OFFICE_KELURAHAN,
    legalBasis: [LEGAL_FAKIR_MISKIN, LEGAL_PELAYANAN_PUBLIK, LEGAL_PERDA_PTSP],
    fee: FEE_FREE,
    serviceTime: {
      workingDays: 1,
      note: {
        id: "Dapat lebih lama jika petugas melakukan kunjungan rumah.",
        en: "May take longer if officers visit the home.",
      },
    },
    product: { id: "SKTM yang ditandatangani Lurah", en: "SKTM signed by the Lurah" },
    steps: [
      { id: "Minta surat pengantar RT/RW.", en: "Get the RT/RW covering letter." },
      {
        id: "Siapkan foto rumah dan tanda tangani surat pernyataan tidak mampu di atas meterai.",
        en: "Prepare photos of the house and sign the low-income statement on a duty stamp.",
      },
      {
        id: "Serahkan berkas di loket PTSP kelurahan atau lewat JakEvo.",
        en: "Submit the file at the kelurahan PTSP counter or through JakEvo.",
      },
      {
        id: "Petugas memeriksa berkas dan bila perlu meninjau rumah.",
        en: "The officer checks the file and may visit the home.",
      },
      { id: "Ambil SKTM yang sudah ditandatangani.", en: "Collect the signed SKTM." },
    ],
    submission: SUBMIT_AT_KELURAHAN,
    complaint: COMPLAINT,
    questions: [
      {
        id: "keperluan",
        kind: "choice",
        text: { id: "SKTM untuk keperluan apa?", en: "What is the SKTM for?" },
        options: [
          { value: "pendidikan", label: { id: "Sekolah/kuliah", en: "School or university" } },
          { value: "kesehatan", label: { id: "Berobat/rumah sakit", en: "Medical treatment or hospital" } },
          { value: "lainnya", label: { id: "Lainnya (mis. perkara pengadilan)", en: "Other (e.g. a court case)" } },
        ],
      },
      {
        id: "terdaftar-dtks",
        kind: "yes-no",
        text: {
          id: "Apakah keluarga sudah terdaftar sebagai penerima bantuan sosial (DTKS/DTSEN, KJP Plus, KIS PBI)?",
          en: "Is the family already registered for social assistance (DTKS/DTSEN, KJP Plus, KIS PBI)?",
        },
      },
    ],
    requirements: [
      PENGANTAR_RT_RW,
      KTP_PEMOHON,
      KK_PEMOHON,
      FOTO_RUMAH,
      {
        id: "pernyataan-tidak-mampu",
        kind: "statement",
        label: {
          id: "Surat pernyataan tidak mampu bermeterai",
          en: "Low-income statement on duty stamp",
        },
        acceptance: { form: "original", stamped: true },
        statement: {
          title: { id: "Surat Pernyataan Tidak Mampu", en: "Statement of Low Income" },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa saya beserta keluarga yang tercantum dalam Kartu Keluarga nomor {kk}, beralamat di {address}, adalah keluarga tidak mampu yang penghasilannya tidak mencukupi kebutuhan hidup sehari-hari. Surat keterangan tidak mampu yang saya mohonkan hanya akan dipakai untuk keperluan yang tercantum dalam surat pengantar RT/RW. Apabila pernyataan ini tidak benar, saya bersedia SKTM dicabut dan menanggung akibat hukumnya.",
            en: "I hereby truthfully declare that my family, as listed on family card number {kk}, living at {address}, is a low-income family whose income does not cover its daily needs. The certificate I ask for will only be used for the purpose named in the RT/RW covering letter. Should this statement prove untrue, I accept that the certificate be withdrawn and bear the legal consequences.",
          },
        },
      },
      {
        id: "keterangan-sekolah",
        kind: "document",
        label: {
          id: "Surat keterangan aktif sekolah atau kuliah, atau bukti pendaftaran",
          en: "Letter of active enrolment or proof of registration from the school or university",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        minPages: 1,
        when: { q: "keperluan", is: "pendidikan" },
      },
      {
        id: "keterangan-rumah-sakit",
        kind: "document",
        label: {
          id: "Surat rujukan atau keterangan rawat dari fasilitas kesehatan",
          en: "Referral or treatment letter from the health facility",
        },
        acceptance: { form: "copy", copies: 1 },
        minPages: 1,
        when: { q: "keperluan", is: "kesehatan" },
      },
      {
        id: "kartu-bansos",
        kind: "document",
        label: {
          id: "Kartu atau bukti kepesertaan bantuan sosial",
          en: "Social assistance card or proof of enrolment",
        },
        acceptance: { form: "copy", copies: 1 },
        minPages: 1,
        when: { q: "terdaftar-dtks", is: true },
      },
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "surat-keterangan-penghasilan",
    version: 1,
    residency: "kelurahan",
    title: { id: "Surat Keterangan Penghasilan", en: "Certificate of Income" },
    summary: {
      id: "Surat kelurahan yang menerangkan perkiraan penghasilan warga, terutama pekerja informal tanpa slip gaji, misalnya untuk beasiswa, pendaftaran sekolah, atau pengajuan kredit.",
      en: "A kelurahan letter stating a resident's approximate income, especially for informal workers without payslips, e.g. for scholarships, school enrolment or a loan application.",
    },
    category: "sosial",
    keywords: ["penghasilan", "gaji", "pendapatan", "keterangan penghasilan orang tua", "beasiswa"],
    office: OFFICE_KELURAHAN,
    legalBasis: [LEGAL_PELAYANAN_PUBLIK, LEGAL_PERDA_PTSP],
    fee: FEE_FREE,
    serviceTime: { workingDays: 0 },
    product: { id: "Surat keterangan penghasilan dari Lurah", en: "Income certificate signed by the Lurah" },
    steps: [
      { id: "Minta surat pengantar RT/RW.", en: "Get the RT/RW covering letter." },
      {
        id: "Tanda tangani surat pernyataan penghasilan di atas meterai.",
        en: "Sign the income statement on a duty stamp.",
      },
      {
        id: "Serahkan berkas di loket PTSP kelurahan atau lewat JakEvo.",
        en: "Submit the file at the kelurahan PTSP counter or through JakEvo.",
      },
      { id: "Ambil surat yang sudah ditandatangani.", en: "Collect the signed letter." },
    ],
    submission: SUBMIT_AT_KELURAHAN,
    complaint: COMPLAINT,
    questions: [
      {
        id: "pekerjaan",
        kind: "choice",
        text: { id: "Pekerjaan pemohon", en: "Applicant's work" },
        options: [
          { value: "karyawan", label: { id: "Karyawan/pegawai", en: "Employee" } },
          { value: "usaha-sendiri", label: { id: "Usaha sendiri/dagang", en: "Self-employed or trader" } },
          { value: "tidak-tetap", label: { id: "Pekerja lepas/harian", en: "Casual or daily worker" } },
        ],
      },
      Q_DIWAKILKAN,
    ],
    requirements: [
      PENGANTAR_RT_RW,
      KTP_PEMOHON,
      KK_PEMOHON,
      {
        id: "pernyataan-penghasilan",
        kind: "statement",
        label: { id: "Surat pernyataan penghasilan bermeterai", en: "Income statement on duty stamp" },
        acceptance: { form: "original", stamped: true },
        statement: {
          title: { id: "Surat Pernyataan Penghasilan", en: "Statement of Income" },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa saya bekerja sebagai …………………………… dengan penghasilan rata-rata sebesar Rp …………………… (…………………………… rupiah) per bulan. Pernyataan ini saya buat untuk keperluan …………………………….",
            en: "I hereby truthfully declare that I work as …………………………… with an average income of Rp …………………… (…………………………… rupiah) per month. I make this statement for the purpose of …………………………….",
          },
        },
      },
      {
        id: "slip-gaji",
        kind: "document",
        label: {
          id: "Slip gaji atau surat keterangan penghasilan dari tempat kerja",
          en: "Payslip or income letter from the employer",
        },
        acceptance: { form: "copy", copies: 1 },
        minPages: 1,
        when: { q: "pekerjaan", is: "karyawan" },
      },
      {
        id: "bukti-usaha",
        kind: "document",
        label: { id: "Foto tempat usaha, atau NIB atau SKU-nya", en: "Photo of the business, or its NIB or SKU" },
        acceptance: { form: "copy", copies: 1 },
        minPages: 1,
        when: { q: "pekerjaan", is: "usaha-sendiri" },
      },
      ...kuasa({ id: "Surat Keterangan Penghasilan", en: "the Certificate of Income" }),
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "usulan-data-bantuan-sosial",
    version: 1,
    // The kelurahan proposes households that live in its area; the registry reads the KK address.
    residency: "kelurahan",
    title: {
      id: "Usulan Masuk Data Penerima Bantuan Sosial (DTKS/DTSEN)",
      en: "Proposing a Household for the Social Assistance Registry (DTKS/DTSEN)",
    },
    summary: {
      id: "Pengusulan keluarga tidak mampu agar masuk data penerima bantuan sosial (dulu DTKS, kini Data Tunggal Sosial dan Ekonomi Nasional/DTSEN) lewat kelurahan, sebagai jalan menuju PKH, sembako/BPNT, atau KIS PBI. Penetapan dilakukan Kementerian Sosial secara berkala, bukan di kelurahan.",
      en: "Proposing a low-income family for the social assistance registry (formerly DTKS, now the national single socio-economic data, DTSEN) through the kelurahan, the route to PKH, food aid (BPNT) or subsidised health insurance (KIS PBI). The Ministry of Social Affairs decides periodically, not the kelurahan.",
    },
    category: "sosial",
    keywords: ["bansos", "DTKS", "DTSEN", "PKH", "BPNT", "KIS", "daftar bansos", "cek bansos", "bantuan sosial"],
    office: OFFICE_KELURAHAN,
    legalBasis: [
      LEGAL_FAKIR_MISKIN,
      "Permensos 3/2021 tentang Pengelolaan Data Terpadu Kesejahteraan Sosial",
      "Inpres 4/2025 tentang Data Tunggal Sosial dan Ekonomi Nasional",
    ],
    fee: FEE_FREE,
    serviceTime: {
      workingDays: 0,
      note: {
        id: "Usulan dicatat hari itu; verifikasi dan penetapan oleh Kementerian Sosial dapat memakan waktu beberapa bulan.",
        en: "The proposal is recorded the same day; verification and the ministry's decision can take several months.",
      },
    },
    product: {
      id: "Tanda terima usulan; status dapat dicek di aplikasi/situs Cek Bansos Kemensos",
      en: "Receipt of the proposal; the status can be checked on the ministry's Cek Bansos app or site",
    },
    steps: [
      {
        id: "Pastikan NIK seluruh anggota keluarga sudah padan (aktif) di Dukcapil.",
        en: "Make sure every family member's NIK is valid and active at Dukcapil.",
      },
      { id: "Minta surat pengantar RT/RW.", en: "Get the RT/RW covering letter." },
      {
        id: "Daftarkan usulan ke petugas data sosial di kelurahan (atau usul mandiri lewat aplikasi Cek Bansos).",
        en: "Register the proposal with the kelurahan's social data officer (or propose it yourself in the Cek Bansos app).",
      },
      {
        id: "Terima kunjungan verifikasi; jawab kondisi rumah dan penghasilan dengan jujur.",
        en: "Receive the verification visit; answer honestly about the house and income.",
      },
      { id: "Pantau status usulan secara berkala.", en: "Check the status of the proposal regularly." },
    ],
    submission: {
      channels: ["in-person", "online"],
      where: {
        id: "Kantor Kelurahan (petugas data sosial/Puskesos), atau aplikasi Cek Bansos",
        en: "Kelurahan office (social data officer), or the Cek Bansos app",
      },
      url: "https://cekbansos.kemensos.go.id",
      hours: HOURS,
    },
    complaint: {
      id: "SP4N-LAPOR! (lapor.go.id), aplikasi JAKI, fitur sanggah di aplikasi Cek Bansos, atau pengaduan di kantor kelurahan",
      en: "SP4N-LAPOR! (lapor.go.id), the JAKI app, the objection feature in the Cek Bansos app, or the kelurahan office",
    },
    requirements: [
      PENGANTAR_RT_RW,
      KTP_PEMOHON,
      {
        ...KK_PEMOHON,
        acceptance: {
          form: "original-and-copy",
          copies: 1,
          note: {
            id: "NIK semua anggota keluarga harus aktif (padan) di Dukcapil.",
            en: "Every family member's NIK must be active at Dukcapil.",
          },
        },
      },
      {
        id: "data-sosial-ekonomi",
        kind: "data",
        label: {
          id: "Data kondisi keluarga: pekerjaan, penghasilan, kondisi rumah, anggota lansia/disabilitas",
          en: "Household details: work, income, housing condition, elderly or disabled members",
        },
      },
      FOTO_RUMAH,
    ],
    source: {
      note: "Disusun dari Permensos 3/2021, Inpres 4/2025 dan informasi layanan Kementerian Sosial (Cek Bansos); alur di DKI Jakarta dapat berbeda, periksa kembali dengan kelurahan Anda.",
      needsOfficeConfirmation: true,
    },
  },
];
