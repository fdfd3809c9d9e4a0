/**
 * Where tus uploads in progress live, behind one seam for tus.ts: a folder
 * (@tus/file-store, `<workDir>/incoming`; shared by every app server when
 * it is on the shared volume) or, with PHOTO_STORE=s3, the bucket itself
 * (@tus/s3-store, s3-incoming.ts), so an upload cut on one app server
 * continues on another at its offset without any shared folder.
 *
 * Each upload has a record (size, metadata: sha256, mime, owner) and its
 * bytes. When it is accepted the bytes move into the photo store and the
 * record stays, so a HEAD after a lost response still says "complete".
 */
import { mkdirSync } from "node:fs";
import { stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { FileStore } from "@tus/file-store";
import type { DataStore } from "@tus/server";
import { type IncomingUpload, listIncoming } from "./expiry";
import { incomingDir } from "./photo-store";

export interface UploadRecord {
  size: number | undefined;
  metadata: Record<string, string | null | undefined> | undefined;
}

export interface IncomingUploads {
  /** Handed to the tus server. */
  readonly datastore: DataStore;
  record(id: string): Promise<UploadRecord | undefined>;
  /** Bytes received so far; null when there are none (accepted and moved, or none arrived yet on a record). */
  received(id: string): Promise<number | null>;
  /** A local file holding the complete upload, for verification; consumed by acceptUpload, else by `release`. */
  localCopy(id: string): Promise<string>;
  /** After the photo store took the bytes: they go from here, the record stays. */
  dropBytes(id: string): Promise<void>;
  /** The whole upload, record and bytes (refused, failed or expired). */
  remove(id: string): Promise<void>;
  /** Every upload, for the idle sweep (expiry.ts). */
  list(): Promise<IncomingUpload[]>;
}

/** What the server offers, and OPTIONS advertises (tus.ts says why not the others). */
export const OFFERED_EXTENSIONS = ["creation", "creation-with-upload", "termination"];

/**
 * FileStore's constructor starts an fs.mkdir whose callback throws when it
 * fails: an uncaught exception that would stop the server (and races with
 * test cleanup). The folder is created synchronously before instead. If a
 * later @tus/file-store renames that method, this is a harmless no-op.
 */
class FolderStore extends FileStore {
  constructor(options: ConstructorParameters<typeof FileStore>[0]) {
    super(options);
    this.extensions = [...OFFERED_EXTENSIONS];
  }
}
Object.defineProperty(FolderStore.prototype, "checkOrCreateDirectory", { value: () => {} });

/** Uploads in `<workDir>/incoming`: `<id>` the bytes, `<id>.json` the record (offsets live on disk). */
export function folderIncoming(workDir: string): IncomingUploads {
  const incoming = incomingDir(workDir);
  mkdirSync(incoming, { recursive: true });
  const datastore = new FolderStore({ directory: incoming });
  return {
    datastore,
    async record(id) {
      const info = await datastore.configstore.get(id);
      return info ? { size: info.size, metadata: info.metadata } : undefined;
    },
    received: (id) =>
      stat(join(incoming, id)).then(
        (info) => info.size,
        () => null,
      ),
    // The data file itself: acceptUpload moves it into the photo store, or deletes it.
    localCopy: async (id) => join(incoming, id),
    dropBytes: async (id) => {
      await unlink(join(incoming, id)).catch(() => {});
    },
    async remove(id) {
      await unlink(join(incoming, id)).catch(() => {});
      await datastore.configstore.delete(id).catch(() => {});
    },
    list: () => listIncoming(incoming),
  };
}
