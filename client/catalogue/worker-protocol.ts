/** Messages between the page (catalogue-worker-client.ts) and the catalogue worker (fetch-worker.ts). */

export type CatalogueJob =
  /** A page the page downloaded itself (a first visit's, from the preload): validate and store it. */
  | { id: number; type: "store"; body: Uint8Array }
  /** Download what changed since the saved cursor, validate and store it. */
  | { id: number; type: "pull"; withProgress: boolean };

export type CatalogueReport =
  | { id: number; type: "progress"; received: number; total: number | null }
  | { id: number; type: "done"; changed: boolean }
  /** status: the server's HTTP status when it answered with an error; reason: an error's name only. */
  | { id: number; type: "failed"; status?: number; reason: string };
