import { interpolate, locale } from "../i18n";

/** Texts of the PIN, lock and sign-out screens (issue 15), kept out of the first screen's bundle. */
const id = {
  pinTitle: "Buat PIN 6 angka",
  pinHelp:
    "PIN mengunci data warga di ponsel ini. Anda memakainya untuk membuka aplikasi setelah terkunci, juga tanpa sinyal.",
  pinFor: "Untuk {name}",
  pinLabel: "PIN (6 angka)",
  pinRepeat: "Ulangi PIN",
  pinSave: "Simpan PIN",
  pinBusy: "Mengunci data…",
  "pinProblem.pattern": "PIN harus tepat 6 angka.",
  "pinProblem.simple": "PIN ini terlalu mudah ditebak (angka sama atau berurutan). Pilih yang lain.",
  "pinProblem.mismatch": "Kedua PIN tidak sama. Ketik ulang.",
  pinLost: "Waktu memilih PIN habis. Masuk lagi dengan kata sandi.",
  signInWithPassword: "Masuk dengan kata sandi",
  lockTitle: "Data warga terkunci",
  lockWho: "Milik {name}",
  lockHelp: "Masukkan PIN untuk membuka. Panduan layanan tetap bisa dibuka tanpa PIN.",
  lockUnsent: "{count} perubahan menunggu dikirim.",
  unlock: "Buka",
  unlocking: "Membuka…",
  attemptsLeft: "PIN salah. {count} percobaan lagi.",
  attemptsWarning: "Jika PIN salah {count} kali lagi, data warga yang sudah terkirim dihapus dari ponsel ini.",
  tryAgainIn: "Coba lagi dalam {time}",
  notYou: "Bukan Anda? Masuk dengan akun lain",
  legacyTitle: "Lindungi data warga",
  legacyBody:
    "Versi baru ini mengunci data tetangga Anda (KTP, KK, NIK) dengan PIN. Masuk sekali lagi dengan kata sandi, lalu buat PIN. Berkas Anda tetap ada.",
  erasedTitle: "Data dihapus dari ponsel ini",
  erasedBody:
    "PIN salah terlalu banyak, jadi data warga yang sudah terkirim dihapus dari ponsel ini untuk melindunginya.",
  erasedUnsent:
    "{count} perubahan yang belum terkirim tetap disimpan, terkunci. Masuk dengan kata sandi untuk mengirimnya.",
  erasedNothing: "Tidak ada perubahan yang hilang: semua sudah terkirim. Masuk dengan kata sandi untuk memulihkan.",
  keptTitle: "Profil tersimpan di ponsel ini",
  keptUnsent: "{count} perubahan belum terkirim — masuk untuk mengirimnya",
  keptAllSent: "Semua sudah terkirim",
  keptErased: "Data dihapus setelah PIN salah",
  keptUse: "Masuk sebagai {name}",
  lockNow: "Kunci sekarang",
  signOutTitle: "Keluar dari ponsel ini",
  signOutKeep: "Simpan profil terkunci di ponsel ini",
  signOutKeepHelp: "Data tetap terkunci di sini. Masuk lagi dengan kata sandi untuk membukanya.",
  signOutErase: "Hapus data saya dari ponsel ini",
  signOutEraseHelp: "Untuk ponsel yang akan dipakai orang lain.",
  signOutWorking: "Sedang keluar…",
  unsentTitle: "Belum terkirim — akan hilang jika dihapus sekarang:",
  unsentItem: "{name} — {service}: {count} perubahan",
  unnamedDraft: "Draf tanpa nama",
  sendFirst: "Kirim dulu",
  sending: "Mengirim…",
  sendOffline: "Tidak ada sinyal. Sambungkan ke internet lalu tekan “Kirim dulu”.",
  sentAll: "Semua sudah terkirim. Sekarang data bisa dihapus.",
  sentSome: "Masih ada yang belum terkirim.",
  eraseAnyway: "Hapus juga (hilang)",
  cancel: "Batal",
};

export type LockMessageKey = keyof typeof id;

const en: Record<LockMessageKey, string> = {
  pinTitle: "Choose a 6-digit PIN",
  pinHelp: "The PIN locks people's data on this phone. You use it to open the app after it locks, also offline.",
  pinFor: "For {name}",
  pinLabel: "PIN (6 digits)",
  pinRepeat: "Repeat the PIN",
  pinSave: "Save PIN",
  pinBusy: "Locking the data…",
  "pinProblem.pattern": "The PIN must be exactly 6 digits.",
  "pinProblem.simple": "This PIN is too easy to guess (one digit repeated or a run). Choose another.",
  "pinProblem.mismatch": "The two PINs differ. Type them again.",
  pinLost: "Time to choose a PIN ran out. Sign in again with your password.",
  signInWithPassword: "Sign in with the password",
  lockTitle: "People's data is locked",
  lockWho: "Belongs to {name}",
  lockHelp: "Enter the PIN to open it. Service guides stay open without the PIN.",
  lockUnsent: "{count, plural, one {# change} other {# changes}} waiting to be sent.",
  unlock: "Open",
  unlocking: "Opening…",
  attemptsLeft: "Wrong PIN. {count, plural, one {# try} other {# tries}} left.",
  attemptsWarning:
    "If the PIN is wrong {count, plural, one {# more time} other {# more times}}, the people's data already sent is removed from this phone.",
  tryAgainIn: "Try again in {time}",
  notYou: "Not you? Sign in with another account",
  legacyTitle: "Protect people's data",
  legacyBody:
    "This new version locks your neighbours' data (KTP, KK, NIK) with a PIN. Sign in once more with your password, then choose a PIN. Your files stay.",
  erasedTitle: "Data removed from this phone",
  erasedBody: "Too many wrong PINs, so the people's data already sent was removed from this phone to protect it.",
  erasedUnsent:
    "{count, plural, one {# change} other {# changes}} not yet sent are kept, locked. Sign in with your password to send them.",
  erasedNothing: "Nothing was lost: everything had been sent. Sign in with your password to restore it.",
  keptTitle: "Profiles kept on this phone",
  keptUnsent: "{count, plural, one {# change} other {# changes}} not yet sent — sign in to send them",
  keptAllSent: "Everything sent",
  keptErased: "Data removed after wrong PINs",
  keptUse: "Sign in as {name}",
  lockNow: "Lock now",
  signOutTitle: "Leave this phone",
  signOutKeep: "Keep my profile locked on this phone",
  signOutKeepHelp: "The data stays here, locked. Sign in again with your password to open it.",
  signOutErase: "Delete my data from this phone",
  signOutEraseHelp: "For a phone someone else will use.",
  signOutWorking: "Signing out…",
  unsentTitle: "Not yet sent — lost if deleted now:",
  unsentItem: "{name} — {service}: {count, plural, one {# change} other {# changes}}",
  unnamedDraft: "Unnamed draft",
  sendFirst: "Send first",
  sending: "Sending…",
  sendOffline: "No signal. Connect to the internet, then tap “Send first”.",
  sentAll: "Everything is sent. The data can be deleted now.",
  sentSome: "Some changes are still not sent.",
  eraseAnyway: "Delete anyway (lost)",
  cancel: "Cancel",
};

export function tl(key: LockMessageKey, params?: Record<string, string | number>): string {
  return interpolate((locale.value === "en" ? en : id)[key], params);
}

/** "0:30", "4:00": the wait before the next PIN try, from seconds. */
export function waitText(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
