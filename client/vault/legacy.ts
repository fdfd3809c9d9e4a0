import { v4 as uuidv4 } from "uuid";
import type { SessionUser } from "../../shared/api/users";
import type { LocalDb, ProfileRow } from "../db/local-db";
import { newDeviceKey, randomBytes, unwrap, wrap } from "./kdf";
import { activeProfile, hasPlaintext, rawOf, sealPlaintext } from "./profile-store";

/**
 * An older version stored people's records in the clear. The first start of
 * this version seals them in place at once, before anyone signs in: a fresh
 * data key seals every row in one transaction (all or nothing), and waits,
 * wrapped by a new non-extractable device key, for the cadre's password
 * sign-in and PIN to wrap it properly (vault.ts). Until then the records are
 * ciphertext at rest, but code running in the app could open them with the
 * device key: docs/SECURITY.md says so. The profile belongs to the cadre the
 * older version had signed in; another cadre signing in parks it, sealed.
 */
const purpose = (profileId: string) => `masdarin pending ${profileId}`;

export async function sealLegacyAtStart(db: LocalDb): Promise<ProfileRow | null> {
  if ((await activeProfile(db)) || !(await hasPlaintext(db))) return null;
  const row = await rawOf(db).meta.get("account");
  let owner: Partial<SessionUser> = {};
  try {
    owner = row ? (JSON.parse(row.value) as SessionUser) : {};
  } catch {
    // An unreadable account: the records are sealed as a guest's (below).
  }
  // Only a cadre's records wait for a PIN; anything else was made by nobody signed in: a guest's.
  return pendingProfile(db, owner.role === "cadre" ? owner : {});
}

/**
 * A profile whose data key only the device key wraps: an older version's
 * records before their cadre's PIN, or a guest's drafts (nobody signed in).
 * Whatever plaintext the live tables hold is sealed into it in the same
 * transaction that stores it.
 */
export async function pendingProfile(db: LocalDb, owner: Partial<SessionUser>): Promise<ProfileRow> {
  const id = uuidv4();
  const dataKey = randomBytes(32);
  const deviceKey = await newDeviceKey();
  const profile: ProfileRow = {
    id,
    userId: owner.id ?? "",
    username: owner.username ?? "",
    displayName: owner.displayName ?? "",
    createdAt: new Date().toISOString(),
    salt: randomBytes(16),
    iterations: 0,
    pinWrap: null,
    recoveryWrap: { iv: new Uint8Array(0), ct: new Uint8Array(0) },
    deviceKey,
    unlockSecretWrap: null,
    failures: 0,
    nextTryAt: null,
    active: true,
    pendingKeyWrap: await wrap(deviceKey, dataKey, purpose(id)),
  };
  await sealPlaintext(db, id, dataKey, profile);
  dataKey.fill(0);
  return profile;
}

/** The pending data key of a profile sealed at start, or null if it has none (or it was tampered with). */
export async function pendingDataKey(profile: ProfileRow): Promise<Uint8Array | null> {
  return profile.pendingKeyWrap ? unwrap(profile.deviceKey, profile.pendingKeyWrap, purpose(profile.id)) : null;
}
