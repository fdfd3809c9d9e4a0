import { v4 as uuidv4 } from "uuid";
import type { SessionUser } from "../../shared/api/users";
import type { VaultSecrets } from "../../shared/api/vault";
import {
  DEFAULT_DEVICE_RULES,
  type DeviceRules,
  PIN_PATTERN,
  pinRetryDelaySeconds,
  pinTooSimple,
} from "../../shared/device/rules";
import type { LocalDb, ProfileRow } from "../db/local-db";
import { fromBase64Url, newDeviceKey, PIN_ITERATIONS, pinKey, randomBytes, recoveryKey, unwrap, wrap } from "./kdf";
import { dropKey, installKey, openKey } from "./keyring";
import { pendingDataKey, pendingProfile, sealLegacyAtStart } from "./legacy";
import {
  activeProfile,
  deleteProfile,
  eraseRecords,
  listProfiles,
  park,
  putProfile,
  rawOf,
  restore,
  unsentOf,
  updateProfile,
} from "./profile-store";
import { type ProfileSummary, type VaultView, vault } from "./view";

/**
 * The cadre's vault: who is on this phone, whether their data is open, and
 * every step between (issue 15; docs/SECURITY.md has the threat model).
 *
 *   nobody ──password sign-in──▶ set-pin ──PIN──▶ unlocked ⇄ locked (inactivity, background, "Kunci")
 *   locked ──too many wrong PINs──▶ sign-in (erased: only unsent records remain, sealed)
 *   older version's plaintext ──password sign-in + PIN──▶ sealed in place
 *
 * Only cadres have a vault: office staff keep nothing personal on the device.
 */
export type { ProfileSummary, VaultView } from "./view";
export { vault } from "./view";

export type SignInOutcome = { ok: true; next: "set-pin" | "unlocked" } | { ok: false; message: string };
export type UnlockResult =
  | { ok: true }
  | { ok: false; reason: "wrong"; attemptsLeft: number; nextTryAt: string | null }
  | { ok: false; reason: "wait"; nextTryAt: string }
  | { ok: false; reason: "erased" };

/** Between the password sign-in and the PIN: the secrets live here, in memory, and nowhere else. */
interface Pending {
  user: SessionUser;
  unlockSecret: Uint8Array;
  /** Set when the profile exists already (its data key is open): only a new PIN is needed. */
  profile?: ProfileRow;
  dataKey: Uint8Array;
  /** The profile's salt (PIN stretching and the recovery key) and, for a new profile, its recovery key. */
  salt: Uint8Array;
  recovery?: CryptoKey;
}
let pending: Pending | null = null;

const purpose = (profileId: string, role: "pin" | "recovery" | "unlock-secret") => `masdarin ${role} ${profileId}`;

function summary(profile: ProfileRow): ProfileSummary {
  return { id: profile.id, userId: profile.userId, username: profile.username, displayName: profile.displayName };
}

export async function readDeviceRules(db: LocalDb): Promise<DeviceRules> {
  const row = await rawOf(db).meta.get("deviceRules");
  try {
    return row ? { ...DEFAULT_DEVICE_RULES, ...(JSON.parse(row.value) as Partial<DeviceRules>) } : DEFAULT_DEVICE_RULES;
  } catch {
    return DEFAULT_DEVICE_RULES;
  }
}

export async function storeDeviceRules(db: LocalDb, rules: DeviceRules): Promise<void> {
  await rawOf(db).meta.put({ key: "deviceRules", value: JSON.stringify(rules) });
}

async function lockedView(db: LocalDb, profile: ProfileRow): Promise<VaultView> {
  if (!profile.pinWrap) {
    return { kind: "sign-in", reason: profile.pendingKeyWrap ? "legacy" : "erased", username: profile.username };
  }
  const rules = await readDeviceRules(db);
  return {
    kind: "locked",
    profile: summary(profile),
    failures: profile.failures,
    attemptsLeft: Math.max(0, rules.pinAttempts - profile.failures),
    nextTryAt: profile.nextTryAt,
  };
}

/**
 * At app start: locked if a cadre's profile is here; asks for the password
 * if an older version left a cadre's plaintext (sealed now, legacy.ts);
 * otherwise a guest, whose drafts open without a PIN.
 */
export async function startVault(db: LocalDb): Promise<VaultView> {
  const active = (await activeProfile(db)) ?? (await sealLegacyAtStart(db));
  if (!active || isGuest(active)) return becomeGuest(db);
  vault.value =
    openKey()?.profileId === active.id ? { kind: "unlocked", profile: summary(active) } : await lockedView(db, active);
  return vault.value;
}

function isGuest(profile: ProfileRow): boolean {
  return profile.userId === "";
}

/**
 * Nobody signed in: drafts still work, as they always have for a citizen or
 * a cadre before signing in, sealed under the guest profile's key (wrapped
 * by the device key alone: there is no PIN to ask). The first cadre who signs
 * in without a profile of their own adopts the guest's drafts.
 */
export async function becomeGuest(db: LocalDb): Promise<VaultView> {
  const profiles = await listProfiles(db);
  const active = profiles.find((profile) => profile.active);
  if (active && !isGuest(active)) {
    vault.value = await lockedView(db, active);
    return vault.value;
  }
  let guest = active ?? profiles.find(isGuest);
  if (!guest) guest = await pendingProfile(db, {});
  else if (!guest.active) await restore(db, guest.id);
  const key = await pendingDataKey(guest);
  if (!key) {
    vault.value = { kind: "none" };
    return vault.value;
  }
  installKey(guest.id, key);
  vault.value = { kind: "unlocked", profile: summary(guest), guest: true };
  return vault.value;
}

/**
 * After the server accepted the password. An existing profile opens with the
 * recovery secret (no PIN needed: the password is stronger); a new one waits
 * for the cadre's PIN. Another cadre's active profile is parked first, sealed.
 */
export async function afterPasswordSignIn(
  db: LocalDb,
  user: SessionUser,
  secrets: VaultSecrets,
  rules: DeviceRules,
): Promise<SignInOutcome> {
  await storeDeviceRules(db, rules);
  const unlockSecret = fromBase64Url(secrets.unlockSecret);
  const recoverySecret = fromBase64Url(secrets.recoverySecret);
  // A first start may not have run (a sign-in straight after the update): seal an older version's plaintext first.
  await sealLegacyAtStart(db);
  const profiles = await listProfiles(db);
  const active = profiles.find((profile) => profile.active);
  // A cadre new to this phone adopts what was made before anyone signed in (the guest's drafts).
  const mine =
    profiles.find((profile) => profile.userId === user.id) ?? (active && isGuest(active) ? active : undefined);

  if (!mine) {
    if (active) {
      dropKey();
      await park(db, active.id);
    }
    const salt = randomBytes(16);
    const recovery = await recoveryKey(recoverySecret, salt);
    recoverySecret.fill(0);
    pending = { user, unlockSecret, dataKey: randomBytes(32), salt, recovery };
    vault.value = { kind: "set-pin", displayName: user.displayName || user.username, replacing: false };
    return { ok: true, next: "set-pin" };
  }

  if (active && active.id !== mine.id) {
    dropKey();
    await park(db, active.id);
  }
  if (!mine.active) await restore(db, mine.id);
  // A profile sealed at the first start of this version has no recovery wrap yet: its key waits under the device key.
  const recovery = mine.pendingKeyWrap ? await recoveryKey(recoverySecret, mine.salt) : undefined;
  const dataKey = mine.pendingKeyWrap
    ? await pendingDataKey(mine)
    : await unwrap(await recoveryKey(recoverySecret, mine.salt), mine.recoveryWrap, purpose(mine.id, "recovery"));
  recoverySecret.fill(0);
  if (!dataKey) return { ok: false, message: "Kunci data di ponsel ini tidak cocok dengan akun. Hubungi kantor." };
  const unlockSecretWrap = await wrap(mine.deviceKey, unlockSecret, purpose(mine.id, "unlock-secret"));
  await updateProfile(db, mine.id, {
    unlockSecretWrap,
    failures: 0,
    nextTryAt: null,
    userId: user.id,
    displayName: user.displayName,
    username: user.username,
  });
  await rawOf(db).meta.put({ key: "account", value: JSON.stringify(user) });
  if (!mine.pinWrap) {
    pending = { user, unlockSecret, dataKey, profile: mine, salt: mine.salt, ...(recovery ? { recovery } : {}) };
    vault.value = { kind: "set-pin", displayName: user.displayName || user.username, replacing: true };
    return { ok: true, next: "set-pin" };
  }
  unlockSecret.fill(0);
  installKey(mine.id, dataKey);
  vault.value = {
    kind: "unlocked",
    profile: summary({ ...mine, displayName: user.displayName, username: user.username }),
  };
  return { ok: true, next: "unlocked" };
}

/** Why a PIN is refused, or null when it will do. */
export function pinProblem(pin: string, repeat: string): "pattern" | "simple" | "mismatch" | null {
  if (!PIN_PATTERN.test(pin)) return "pattern";
  if (pinTooSimple(pin)) return "simple";
  if (pin !== repeat) return "mismatch";
  return null;
}

/** The cadre chose a PIN: the profile is written (or re-wrapped) and the data opens. */
export async function setPin(db: LocalDb, pin: string): Promise<void> {
  if (!pending) throw new Error("No sign-in waits for a PIN");
  if (!PIN_PATTERN.test(pin) || pinTooSimple(pin)) throw new Error("PIN refused");
  const { user, unlockSecret, dataKey, profile: existing, salt, recovery } = pending;
  const id = existing?.id ?? uuidv4();
  const pinWrap = await wrap(await pinKey(pin, salt, PIN_ITERATIONS, unlockSecret), dataKey, purpose(id, "pin"));
  if (existing) {
    await updateProfile(db, id, {
      iterations: PIN_ITERATIONS,
      pinWrap,
      failures: 0,
      nextTryAt: null,
      erasedAt: null,
      // A profile sealed at the first start gets its recovery wrap now, and its device-key-only wrap goes.
      ...(recovery
        ? { recoveryWrap: await wrap(recovery, dataKey, purpose(id, "recovery")), pendingKeyWrap: null }
        : {}),
    });
  } else {
    if (!recovery) throw new Error("A new profile needs its recovery key");
    const deviceKey = await newDeviceKey();
    await putProfile(db, {
      id,
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      createdAt: new Date().toISOString(),
      salt,
      iterations: PIN_ITERATIONS,
      pinWrap,
      recoveryWrap: await wrap(recovery, dataKey, purpose(id, "recovery")),
      deviceKey,
      unlockSecretWrap: await wrap(deviceKey, unlockSecret, purpose(id, "unlock-secret")),
      failures: 0,
      nextTryAt: null,
      active: true,
    });
    await rawOf(db).meta.put({ key: "account", value: JSON.stringify(user) });
  }
  unlockSecret.fill(0);
  pending = null;
  installKey(id, dataKey);
  const stored = (await activeProfile(db)) as ProfileRow;
  vault.value = { kind: "unlocked", profile: summary(stored) };
}

/**
 * Opens the active profile with its PIN. Works offline: the unlock secret
 * comes from its device-key wrap. A wrong PIN counts, with growing waits, and
 * the last allowed one erases every synced record (eraseRecords keeps the
 * unsent ones, sealed, for the password to bring back).
 */
export async function unlockWithPin(db: LocalDb, pin: string, now = new Date()): Promise<UnlockResult> {
  const claimed = await claimTry(db, now);
  if (!claimed.ok) return claimed.result;
  const { profile } = claimed;
  const unlockSecret = await unwrap(
    profile.deviceKey,
    profile.unlockSecretWrap as NonNullable<ProfileRow["unlockSecretWrap"]>,
    purpose(profile.id, "unlock-secret"),
  );
  const dataKey = unlockSecret
    ? await unwrap(
        await pinKey(pin, profile.salt, profile.iterations, unlockSecret),
        profile.pinWrap as NonNullable<ProfileRow["pinWrap"]>,
        purpose(profile.id, "pin"),
      )
    : null;
  unlockSecret?.fill(0);
  if (dataKey) {
    await updateProfile(db, profile.id, { failures: 0, nextTryAt: null });
    installKey(profile.id, dataKey);
    vault.value = { kind: "unlocked", profile: summary(profile) };
    return { ok: true };
  }
  const rules = await readDeviceRules(db);
  const { failures, nextTryAt } = profile;
  if (failures >= rules.pinAttempts) {
    await eraseAfterWrongPins(db, profile, now);
    return { ok: false, reason: "erased" };
  }
  vault.value = await lockedView(db, profile);
  return { ok: false, reason: "wrong", attemptsLeft: rules.pinAttempts - failures, nextTryAt };
}

/**
 * Counts a PIN try before the PIN is stretched, in one transaction: tries
 * made at once (a double tap, a script on the page) each count and meet the
 * growing wait, instead of all reading the same count. A right PIN resets it.
 */
async function claimTry(
  db: LocalDb,
  now: Date,
): Promise<{ ok: true; profile: ProfileRow } | { ok: false; result: UnlockResult }> {
  const raw = rawOf(db);
  return raw.transaction("rw", raw.profiles, async () => {
    const profile = (await raw.profiles.toArray()).find((row) => row.active);
    if (!profile?.pinWrap || !profile.unlockSecretWrap) return { ok: false, result: { ok: false, reason: "erased" } };
    if (profile.nextTryAt && Date.parse(profile.nextTryAt) > now.getTime()) {
      return { ok: false, result: { ok: false, reason: "wait", nextTryAt: profile.nextTryAt } };
    }
    const failures = profile.failures + 1;
    const delay = pinRetryDelaySeconds(failures);
    const nextTryAt = delay > 0 ? new Date(now.getTime() + delay * 1000).toISOString() : null;
    await raw.profiles.update(profile.id, { failures, nextTryAt });
    return { ok: true, profile: { ...profile, failures, nextTryAt } };
  });
}

async function eraseAfterWrongPins(db: LocalDb, profile: ProfileRow, now: Date): Promise<void> {
  await eraseRecords(db, profile, true);
  await updateProfile(db, profile.id, {
    pinWrap: null,
    unlockSecretWrap: null,
    failures: 0,
    nextTryAt: null,
    erasedAt: now.toISOString(),
  });
  vault.value = { kind: "sign-in", reason: "erased", username: profile.username };
}

/** Locks now: the data key leaves memory; guides and the self-check stay open. */
export async function lockVault(db: LocalDb): Promise<void> {
  if (vault.value.kind !== "unlocked" || vault.value.guest) return;
  dropKey();
  const profile = await activeProfile(db);
  vault.value = profile ? await lockedView(db, profile) : { kind: "none" };
}

export interface Unsent {
  changes: number;
  draftIds: string[];
}

export type SignOutResult = { ok: true } | { ok: false; unsent: Unsent };

/**
 * Signing out. "keep" parks the profile, sealed, for the cadre's next sign-in
 * here; "erase" removes it, but only once nothing is left to send, unless the
 * cadre confirmed losing exactly what `unsent` listed (`force`).
 */
export async function signOutVault(db: LocalDb, mode: "keep" | "erase", force = false): Promise<SignOutResult> {
  const profile = await activeProfile(db);
  if (!profile || isGuest(profile)) {
    await becomeGuest(db);
    return { ok: true };
  }
  if (mode === "erase" && !force) {
    const unsent = await unsentOf(db, profile);
    if (unsent.changes > 0) return { ok: false, unsent };
  }
  dropKey();
  if (mode === "keep") await park(db, profile.id);
  else await eraseProfile(db, profile);
  await becomeGuest(db);
  return { ok: true };
}

/** Everything of one profile, gone: records, parked rows, the wrapped keys. */
export async function eraseProfile(db: LocalDb, profile: ProfileRow): Promise<void> {
  await eraseRecords(db, profile, false);
  await deleteProfile(db, profile.id);
}

/** What the active profile still has to send (the lock screen and sign-out say it). */
export async function activeUnsent(db: LocalDb): Promise<Unsent> {
  const profile = await activeProfile(db);
  return profile ? unsentOf(db, profile) : { changes: 0, draftIds: [] };
}

/** Profiles kept on this phone for other cadres (or this one, signed out), for the sign-in screen. */
export async function keptProfiles(db: LocalDb): Promise<(ProfileSummary & { unsent: number; erased: boolean })[]> {
  const profiles = (await listProfiles(db)).filter((profile) => !isGuest(profile));
  return Promise.all(
    profiles.map(async (profile) => ({
      ...summary(profile),
      unsent: (await unsentOf(db, profile)).changes,
      erased: Boolean(profile.erasedAt),
    })),
  );
}
