/**
 * The words people type at the counter, mapped to the words the catalogue uses.
 *
 * Entries are written naturally (any case, hyphens, accents); `shared/search.ts`
 * normalises them once when the module loads. Multi-word entries are phrases:
 * as a query they are detected as consecutive words, as an expansion all their
 * words must match the same guide.
 */

/**
 * Spelling variants folded to one form both when indexing and when searching,
 * so "akte" and "akta" are the same word to the index.
 */
export const SPELLING_VARIANTS: Readonly<Record<string, string>> = {
  akte: "akta",
  ektp: "ktp",
  ktpel: "ktp",
  ijin: "izin",
  perijinan: "perizinan",
  sertipikat: "sertifikat",
  pengantaran: "pengantar",
};

/** Words and phrases that mean the same thing: each one finds the others. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["nikah", "kawin", "menikah", "pernikahan", "perkawinan", "marriage", "wedding"],
  ["kematian", "meninggal", "meninggal dunia", "wafat", "death", "deceased"],
  ["kelahiran", "lahir", "birth"],
  ["pindah", "pindahan", "kepindahan", "pindah datang", "moving", "relocation"],
  ["kk", "kartu keluarga", "family card"],
  ["ktp", "kartu tanda penduduk"],
  ["sktm", "surat keterangan tidak mampu", "tidak mampu", "miskin", "surat miskin", "poor", "poverty"],
  ["pbg", "persetujuan bangunan gedung", "imb", "izin mendirikan bangunan", "building permit", "building approval"],
  ["nib", "nomor induk berusaha", "business identification number"],
  ["sku", "surat keterangan usaha", "business certificate"],
  ["ahli waris", "waris", "warisan", "heir", "heirs", "inheritance"],
  ["domisili", "domicile", "tempat tinggal"],
  ["skck", "catatan kepolisian", "police record", "police clearance"],
  ["keramaian", "crowd permit"],
];

/**
 * One-way expansions: typing the key also searches the listed words, but not
 * the other way round (a guide about PBG should not surface for "rumah"-less
 * queries just because "rumah" is related).
 */
export const QUERY_EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  usaha: ["nib", "nomor induk berusaha", "sku", "berusaha"],
  "izin usaha": ["nib", "nomor induk berusaha"],
  business: ["usaha", "nib", "sku"],
  dagang: ["usaha", "nib", "sku"],
  jualan: ["usaha", "nib", "sku"],
  warung: ["usaha", "nib", "sku"],
  toko: ["usaha", "nib", "sku"],
  umkm: ["usaha mikro", "nib", "sku"],
  umk: ["usaha mikro", "nib"],
  oss: ["nib"],
  rumah: ["pbg", "rumah tinggal"],
  bangunan: ["pbg"],
  bangun: ["pbg"],
  renovasi: ["pbg"],
  gedung: ["pbg"],
  hajatan: ["keramaian", "izin keramaian"],
  acara: ["keramaian", "izin keramaian"],
  pesta: ["keramaian", "izin keramaian"],
  konser: ["keramaian", "izin keramaian"],
  event: ["keramaian", "izin keramaian"],
  resepsi: ["keramaian", "izin keramaian"],
  skck: ["pengantar skck"],
  polisi: ["skck"],
  kepolisian: ["skck"],
  bantuan: ["sktm", "tidak mampu"],
  beasiswa: ["sktm", "tidak mampu"],
  "e ktp": ["ktp"],
  "ktp el": ["ktp"],
  "surat pindah": ["pindah"],
  alamat: ["domisili"],
  tinggal: ["domisili"],
  "akta lahir": ["akta kelahiran"],
  "akta mati": ["akta kematian"],
  "birth certificate": ["akta kelahiran"],
  "death certificate": ["akta kematian"],
  "surat nikah": ["pengantar nikah", "nikah"],
  "certificate of heirs": ["ahli waris"],
};

/**
 * Function words ignored in the index and in queries. "surat" is deliberately
 * not here: it is in most titles and merely scores low (see LOW_VALUE_TERMS).
 */
export const STOP_WORDS: readonly string[] = [
  "yang",
  "untuk",
  "dan",
  "di",
  "ke",
  "dari",
  "atau",
  "dengan",
  "pada",
  "dalam",
  "oleh",
  "bagi",
  "the",
  "of",
  "for",
  "a",
  "an",
  "and",
  "to",
  "in",
  "on",
  "at",
  "or",
  "by",
];

/** Words that only appear in queries to ask "how do I get": dropped from queries. */
export const QUERY_FILLER_WORDS: readonly string[] = [
  "cara",
  "bagaimana",
  "gimana",
  "buat",
  "bikin",
  "membuat",
  "urus",
  "mengurus",
  "ngurus",
  "syarat",
  "persyaratan",
  "saya",
  "mau",
  "ingin",
  "how",
  "get",
  "apply",
  "requirements",
  "my",
];

/** Words in most titles: still searched, but a match counts less. */
export const LOW_VALUE_TERMS: Readonly<Record<string, number>> = {
  surat: 0.35,
  keterangan: 0.5,
  terang: 0.5,
  letter: 0.4,
  izin: 0.7,
  permit: 0.7,
  certificate: 0.7,
};
