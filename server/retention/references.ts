import { prepared } from "../dashboard/statements";
import type { Db } from "../db/open";

/**
 * Who else names the photos a run is about to delete. Storage is
 * content-addressed, so one photo may be a page of two files (or a file and
 * a complaint's evidence); only a photo nothing kept still names may go.
 *
 * Scanning every file's content for every batch made a run quadratic in the
 * office's size, so the scan happens once, at the start, for the photos of
 * every expired file and complaint; a batch then subtracts what the run has
 * scrubbed so far, and looks only at what changed since the start (files with
 * a newer change_seq, complaints received since: both by index). Nobody's
 * recent upload of the same bytes is deleted either (file_holders.at after the cutoff).
 */
export class PhotoReferences {
  private readonly byFile = new Map<string, Set<string>>();
  private readonly byComplaint = new Map<string, Set<string>>();
  private readonly scrubbed = new Set<string>();

  private constructor(
    private readonly startSeq: number,
    private readonly startedAt: string,
  ) {}

  /** The references to `hashes` as they are now; call it in the same synchronous step as the first batch. */
  static scan(db: Db, hashes: Iterable<string>, now: string): PhotoReferences {
    const startSeq = prepared(db, "SELECT coalesce(max(change_seq), 0) FROM applications").pluck().get() as number;
    const references = new PhotoReferences(startSeq, now);
    const list = JSON.stringify([...new Set(hashes)]);
    const files = prepared(
      db,
      `SELECT a.id, json_extract(p.value, '$.sha256') AS sha256 FROM applications a,
         json_each(a.content, '$.documents') d, json_each(d.value, '$.pages') p
       WHERE json_extract(p.value, '$.sha256') IN (SELECT value FROM json_each(?))`,
    ).all(list) as { id: string; sha256: string }[];
    for (const row of files) add(references.byFile, row.sha256, row.id);
    const complaints = prepared(
      db,
      `SELECT c.id, json_extract(e.value, '$.sha256') AS sha256 FROM complaints c, json_each(c.evidence) e
       WHERE json_extract(e.value, '$.sha256') IN (SELECT value FROM json_each(?))`,
    ).all(list) as { id: string; sha256: string }[];
    for (const row of complaints) add(references.byComplaint, row.sha256, `complaint:${row.id}`);
    return references;
  }

  /** A file or complaint (`complaint:<id>`) the run has scrubbed: it names no photo any more. */
  forget(id: string): void {
    this.scrubbed.add(id);
  }

  /** Of `hashes`, those nothing kept names; inside the batch's transaction, after its scrub. */
  unneeded(db: Db, hashes: readonly string[], cutoff: string): string[] {
    if (hashes.length === 0) return [];
    const list = JSON.stringify([...new Set(hashes)]);
    const since = new Set(
      prepared(
        db,
        `SELECT json_extract(p.value, '$.sha256') FROM applications a,
           json_each(a.content, '$.documents') d, json_each(d.value, '$.pages') p
         WHERE a.change_seq > ? AND json_extract(p.value, '$.sha256') IN (SELECT value FROM json_each(?))
         UNION
         SELECT json_extract(e.value, '$.sha256') FROM complaints c, json_each(c.evidence) e
         WHERE c.received_at >= ? AND json_extract(e.value, '$.sha256') IN (SELECT value FROM json_each(?))
         UNION
         SELECT sha256 FROM file_holders WHERE sha256 IN (SELECT value FROM json_each(?)) AND at >= ?`,
      )
        .pluck()
        .all(this.startSeq, list, this.startedAt, list, list, cutoff) as string[],
    );
    const kept = (owners: Set<string> | undefined) => [...(owners ?? [])].some((id) => !this.scrubbed.has(id));
    return [...new Set(hashes)].filter(
      (hash) => !since.has(hash) && !kept(this.byFile.get(hash)) && !kept(this.byComplaint.get(hash)),
    );
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
