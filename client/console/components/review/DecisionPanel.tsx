import { FIX_REASONS, REJECT_REASONS } from "../../../../shared/review/reasons";
import { reasonNeeded } from "../../../../shared/review/workflow";
import { locale } from "../../../i18n";
import { type ConsoleMessageKey, tc } from "../../messages";
import { NoteField } from "./NoteField";
import type { Decision } from "./review-state";

interface Props {
  decisions: readonly Decision[];
  decision: Decision | "";
  onDecision: (decision: Decision) => void;
  /** How many requirements are marked "needs fixing" (with any, a send-back needs no overall reason). */
  flagged: number;
  reasonCode: string;
  onReason: (code: string) => void;
  note: string;
  onNote: (note: string) => void;
  notePublic: boolean;
  onNotePublic: (shown: boolean) => void;
  receives: boolean;
  problem: ConsoleMessageKey | null;
  busy: boolean;
}

/**
 * One clear choice of decision — only those the shared workflow allows for
 * the file's status — and a reason list only where one is needed: a
 * rejection always, a send-back when no single requirement is marked.
 */
export function DecisionPanel(props: Props) {
  const lang = locale.value;
  const { decision } = props;
  const overallReason = decision ? reasonNeeded(decision, props.flagged) : null;
  return (
    <section class="card decision-box" aria-labelledby="decision-title">
      <h2 id="decision-title">{tc("decisionTitle")}</h2>
      {/* The group is named by the heading above it: "Keputusan" once, not twice. */}
      <fieldset class="decision-choices" aria-labelledby="decision-title" data-testid="decision-choices">
        {props.decisions.map((d) => (
          <label key={d} class="choice">
            <input
              type="radio"
              name="decision"
              value={d}
              checked={decision === d}
              onChange={() => props.onDecision(d)}
              data-testid={`decision-${d}`}
            />
            {tc(`choice.${d}` as ConsoleMessageKey)}
          </label>
        ))}
      </fieldset>
      {overallReason && (
        <div class="field">
          <label for="overall-reason">{tc(overallReason === "reject" ? "rejectReason" : "generalFixReason")}</label>
          <select
            id="overall-reason"
            data-testid="overall-reason"
            value={props.reasonCode}
            required
            onChange={(event) => props.onReason(event.currentTarget.value)}
          >
            <option value="">{tc("chooseReason")}</option>
            {Object.entries(overallReason === "reject" ? REJECT_REASONS : FIX_REASONS).map(([code, text]) => (
              <option key={code} value={code}>
                {text[lang]}
              </option>
            ))}
          </select>
        </div>
      )}
      <NoteField
        note={props.note}
        onNote={props.onNote}
        notePublic={props.notePublic}
        onNotePublic={props.onNotePublic}
      />
      {props.problem && (
        <p class="field-error" role="alert">
          {tc(props.problem)}
        </p>
      )}
      {props.receives && <p class="muted small">{tc("decideReceives")}</p>}
      <button type="submit" class="button primary" disabled={props.busy || !decision} data-testid="submit-verdict">
        {tc("submitVerdict")}
      </button>
    </section>
  );
}
