import type { SkmConsoleReport } from "../../shared/api/skm";
import type { Db } from "../db/open";
import { type SkmSelection, skmResults } from "./results";
import { listSuggestions } from "./suggestions";

/** The console's SKM page: the published figures plus the open suggestions. */
export function skmConsoleReport(db: Db, selection: SkmSelection, now: Date): SkmConsoleReport {
  return db.$client.transaction(() => {
    const results = skmResults(db, selection, now);
    const { suggestions, more } = listSuggestions(db, selection);
    return { results, suggestions, moreSuggestions: more };
  })();
}
