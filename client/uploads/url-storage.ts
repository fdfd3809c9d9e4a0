import type { PreviousUpload, UrlStorage } from "tus-js-client";
import { forgetRefusedUploads } from "./refusals";

/**
 * Where tus-js-client remembers the URL of an unfinished upload, keyed by its
 * fingerprint (the page's SHA-256), so a page reload or a phone restart
 * resumes the upload at the server's offset instead of starting over.
 *
 * Why localStorage, when personal data must never go there: an entry holds
 * only the server's random upload URL, the SHA-256, the declared type and the
 * size — no name, no NIK, no image bytes (those stay in IndexedDB). A hash of
 * a photo does not reveal the photo. The entries go when an upload succeeds,
 * is refused, or `forgetUploadUrls()` runs (at sign-out); an entry that
 * belongs to another account is useless to it (the server answers 404 and the
 * upload starts afresh).
 *
 * One entry per fingerprint; a storage that throws (private mode, quota) just
 * means no resuming, never a failed upload.
 */
const PREFIX = "masdarin.upload.";

interface StoredEntry {
  size: number | null;
  metadata: Record<string, string>;
  creationTime: string;
  uploadUrl: string | null;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(key: string): PreviousUpload | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const entry = JSON.parse(raw) as StoredEntry;
    if (typeof entry.uploadUrl !== "string") return null;
    return { ...entry, urlStorageKey: key, parallelUploadUrls: null };
  } catch {
    return null;
  }
}

function keys(): string[] {
  const store = storage();
  if (!store) return [];
  const found: string[] = [];
  for (let index = 0; index < store.length; index++) {
    const key = store.key(index);
    if (key?.startsWith(PREFIX)) found.push(key);
  }
  return found;
}

export const localUrlStorage: UrlStorage = {
  async findAllUploads() {
    return keys()
      .map(read)
      .filter((entry): entry is PreviousUpload => entry !== null);
  },
  async findUploadsByFingerprint(fingerprint) {
    const entry = read(PREFIX + fingerprint);
    return entry ? [entry] : [];
  },
  async removeUpload(urlStorageKey) {
    try {
      storage()?.removeItem(urlStorageKey);
    } catch {
      // Nothing to do: the entry is at worst resumed once and refused by the server.
    }
  },
  async addUpload(fingerprint, upload) {
    const key = PREFIX + fingerprint;
    const entry: StoredEntry = {
      size: upload.size,
      metadata: upload.metadata,
      creationTime: upload.creationTime,
      uploadUrl: upload.uploadUrl,
    };
    try {
      storage()?.setItem(key, JSON.stringify(entry));
    } catch {
      // Full or unavailable: the upload goes on, it just cannot resume after a reload.
    }
    return key;
  },
};

/** Drops the remembered upload URL of one page. */
export function forgetUploadUrl(sha256: string): Promise<void> {
  return localUrlStorage.removeUpload(PREFIX + sha256);
}

/** Drops every remembered upload URL, and every remembered refusal (sign-out on a shared phone). */
export async function forgetUploadUrls(): Promise<void> {
  forgetRefusedUploads();
  for (const key of keys()) await localUrlStorage.removeUpload(key);
}
