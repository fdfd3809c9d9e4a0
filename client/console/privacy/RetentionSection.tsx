import { useState } from "preact/hooks";
import type { RetentionReport } from "../../../shared/api/retention";
import { formatNumber } from "../../format";
import { ErrorNote } from "../components/Notice";
import { tp } from "../privacy-messages";
import { useLoad } from "../use-load";
import { loadRetentionDryRun, runRetentionNow } from "./privacy-api";
import { RetentionTables } from "./RetentionTables";
import { RunConfirm } from "./RunConfirm";
import { DONE, HELP } from "./styles";
import { countsOf, formatMoment, totalsText } from "./words";

/**
 * The dry run (what the retention would remove now), "Hapus sekarang" behind
 * a dialog stating the counts, and then what was removed. `version` reloads
 * the list after the settings change.
 */
export function RetentionSection({ version }: { version: number }) {
  const dry = useLoad(`retention-${version}`, loadRetentionDryRun);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RetentionReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const report = dry.data;

  async function run() {
    setConfirming(false);
    setFailure(null);
    setBusy(true);
    try {
      setDone(await runRetentionNow());
      dry.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const pending = report ? report.totals.files + report.totals.complaints : 0;
  return (
    <>
      {/* Announced when it appears; set apart from the list, which is now the next dry run. */}
      <div role="status">
        {done && (
          <section class="card" style={DONE} aria-labelledby="privacy-result-title" data-testid="privacy-result">
            <h2 id="privacy-result-title">{tp("resultTitle")}</h2>
            <p>{tp("result", countsOf(done.totals))}</p>
            <p class="small">{tp("resultShared")}</p>
          </section>
        )}
      </div>
      <section class="card" aria-labelledby="privacy-dry-title" data-testid="privacy-retention">
        <h2 id="privacy-dry-title">{tp("dryTitle")}</h2>
        {dry.error !== null && !report && <ErrorNote error={dry.error} onRetry={dry.reload} />}
        {!report && dry.loading && <p class="muted">…</p>}
        {report && report.cutoff === null && <p data-testid="privacy-dry-keep">{tp("dryKeep")}</p>}
        {report && report.cutoff !== null && (
          <>
            <p class="field-hint" style={HELP}>
              {tp("dryHelp")}
            </p>
            <p>
              {tp("dryCutoff", {
                date: formatMoment(report.cutoff),
                days: formatNumber(report.retentionDays ?? 0),
              })}
            </p>
            {pending === 0 ? (
              <p data-testid="privacy-dry-none">{tp("dryNone")}</p>
            ) : (
              <>
                <p class="privacy-totals" data-testid="privacy-totals">
                  <strong>{totalsText(report.totals)}</strong>
                </p>
                <RetentionTables report={report} />
                <button
                  type="button"
                  class="button danger"
                  disabled={busy}
                  onClick={() => setConfirming(true)}
                  data-testid="privacy-run"
                >
                  {busy ? tp("running") : tp("run")}
                </button>
              </>
            )}
          </>
        )}
        {failure !== null && <ErrorNote error={failure} />}
        {confirming && report && (
          <RunConfirm totals={report.totals} onConfirm={() => void run()} onCancel={() => setConfirming(false)} />
        )}
      </section>
    </>
  );
}
