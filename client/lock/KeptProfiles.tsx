import { useEffect, useState } from "preact/hooks";
import { localDb } from "../db/local-db";
import { formatNumber } from "../format";
import { tl } from "./messages";

interface Kept {
  id: string;
  username: string;
  displayName: string;
  unsent: number;
  erased: boolean;
}

/**
 * The profiles kept on this phone, sealed (signed out with "keep", or parked
 * when another cadre signed in): a returning cadre sees their name and what
 * still waits to be sent, and that signing in sends it. Names only: nothing
 * here opens a record.
 */
export function KeptProfiles({
  onChoose,
  nested = false,
}: {
  onChoose: (username: string) => void;
  /** Under the sign-in's own second-level heading (a vault notice took the first). */
  nested?: boolean;
}) {
  const [kept, setKept] = useState<Kept[]>([]);
  useEffect(() => {
    void import("../vault/vault")
      .then(({ keptProfiles }) => keptProfiles(localDb))
      .then(setKept)
      .catch(() => setKept([]));
  }, []);
  if (kept.length === 0) return null;
  return (
    <section class="kept-profiles" aria-labelledby="kept-title" data-testid="kept-profiles">
      {nested ? <h3 id="kept-title">{tl("keptTitle")}</h3> : <h2 id="kept-title">{tl("keptTitle")}</h2>}
      <ul>
        {kept.map((profile) => {
          const name = profile.displayName || profile.username;
          return (
            <li key={profile.id}>
              <button type="button" class="button ghost kept-choose" onClick={() => onChoose(profile.username)}>
                {tl("keptUse", { name })}
              </button>
              <span class={profile.unsent > 0 ? "kept-unsent" : "muted small"}>
                {profile.unsent > 0
                  ? tl("keptUnsent", { count: formatNumber(profile.unsent) })
                  : profile.erased
                    ? tl("keptErased")
                    : tl("keptAllSent")}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
