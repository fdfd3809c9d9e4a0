import { sql } from "drizzle-orm";
import type { Db } from "../db/open";
import { rawAll, rawGet } from "../db/raw";
import { inList, jsonEach, jsonText } from "../db/sql-fns";

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

  /**
   * The references to `hashes` as they are now, before the first batch. The
   * highest change_seq is read first: a file changed while the rest is read
   * (or later) has a newer one, and unneeded() looks at it again.
   */
  static async scan(db: Db, hashes: Iterable<string>, now: string): Promise<PhotoReferences> {
    const start = await rawGet<{ seq: number }>(db, sql`SELECT coalesce(max(change_seq), 0) AS seq FROM applications`);
    const references = new PhotoReferences(start?.seq ?? 0, now);
    const list = [...new Set(hashes)];
    const files = await rawAll<{ id: string; sha256: string }>(
      db,
      sql`SELECT a.id, ${pageHash} AS sha256 FROM applications a, ${documents}, ${pages}
       WHERE ${inList(pageHash, list)}`,
    );
    for (const row of files) add(references.byFile, row.sha256, row.id);
    const complaints = await rawAll<{ id: string; sha256: string }>(
      db,
      sql`SELECT c.id, ${evidenceHash} AS sha256 FROM complaints c, ${evidence}
       WHERE ${inList(evidenceHash, list)}`,
    );
    for (const row of complaints) add(references.byComplaint, row.sha256, `complaint:${row.id}`);
    return references;
  }

  /** A file or complaint (`complaint:<id>`) the run has scrubbed: it names no photo any more. */
  forget(id: string): void {
    this.scrubbed.add(id);
  }

  /** Of `hashes`, those nothing kept names; inside the batch's transaction, after its scrub. */
  async unneeded(db: Db, hashes: readonly string[], cutoff: string): Promise<string[]> {
    if (hashes.length === 0) return [];
    const list = [...new Set(hashes)];
    const rows = await rawAll<{ sha256: string }>(
      db,
      sql`SELECT ${pageHash} AS sha256 FROM applications a, ${documents}, ${pages}
         WHERE a.change_seq > ${this.startSeq} AND ${inList(pageHash, list)}
         UNION
         SELECT ${evidenceHash} FROM complaints c, ${evidence}
         WHERE c.received_at >= ${this.startedAt} AND ${inList(evidenceHash, list)}
         UNION
         SELECT sha256 FROM file_holders WHERE ${inList(sql`sha256`, list)} AND at >= ${cutoff}`,
    );
    const since = new Set(rows.map((row) => row.sha256));
    const kept = (owners: Set<string> | undefined) => [...(owners ?? [])].some((id) => !this.scrubbed.has(id));
    return [...new Set(hashes)].filter(
      (hash) => !since.has(hash) && !kept(this.byFile.get(hash)) && !kept(this.byComplaint.get(hash)),
    );
  }
}

/** The pages of every document of a file `a`, and their hashes; a complaint `c`'s evidence, and theirs. */
const documents = jsonEach(sql`a.content`, ["documents"], "d");
const pages = jsonEach(sql`d.value`, ["pages"], "p");
const pageHash = jsonText(sql`p.value`, ["sha256"]);
const evidence = jsonEach(sql`c.evidence`, [], "e");
const evidenceHash = jsonText(sql`e.value`, ["sha256"]);

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
