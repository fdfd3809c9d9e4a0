import type { SkmConsoleReport } from "../../shared/api/skm";
import type { Db } from "../db/open";
import { withSnapshot } from "../db/transaction";
import { type SkmSelection, skmResults } from "./results";
import { listSuggestions } from "./suggestions";

/** The console's SKM page: the published figures plus the open suggestions. */
export async function skmConsoleReport(db: Db, selection: SkmSelection, now: Date): Promise<SkmConsoleReport> {
  return withSnapshot(db, async (tx): Promise<SkmConsoleReport> => {
    const results = await skmResults(tx, selection, now);
    const { suggestions, more } = await listSuggestions(tx, selection);
    return { results, suggestions, moreSuggestions: more };
  });
}
