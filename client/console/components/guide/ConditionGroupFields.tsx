import { type ConditionGroup, type ConditionNode, type GroupMode, newRow } from "../../condition-form";
import { type ConsoleMessageKey, tc } from "../../messages";
import { RowFields } from "./ConditionRowFields";
import type { QuestionOption } from "./condition-questions";

const MODE_KEYS: Record<GroupMode, ConsoleMessageKey> = {
  all: "condModeAll",
  any: "condModeAny",
  none: "condModeNone",
};
/** Deeper nesting is legal but no office rule needs it; a third level would only confuse. */
const MAX_DEPTH = 2;

/** One group of conditions: how its rows combine, the rows (or groups) themselves, and buttons to add more. */
export function GroupFields({
  group,
  onChange,
  questions,
  idBase,
  depth,
  onRemove,
}: {
  group: ConditionGroup;
  onChange: (next: ConditionGroup) => void;
  questions: QuestionOption[];
  idBase: string;
  depth: number;
  onRemove?: () => void;
}) {
  const row = newRow(questions);
  const setItem = (index: number, item: ConditionNode) =>
    onChange({ ...group, items: group.items.map((old, i) => (i === index ? item : old)) });
  const removeItem = (index: number) => onChange({ ...group, items: group.items.filter((_, i) => i !== index) });
  const modeId = `${idBase}-mode`;
  const showMode = group.items.length > 1 || group.mode === "none";
  return (
    <div class={depth > 0 ? "condition-group nested" : "condition-group"}>
      {showMode && (
        <div class="field condition-mode">
          <label for={modeId}>{tc("condMode")}</label>
          <select
            id={modeId}
            value={group.mode}
            onChange={(event) => onChange({ ...group, mode: event.currentTarget.value as GroupMode })}
          >
            {(Object.keys(MODE_KEYS) as GroupMode[]).map((mode) => (
              <option key={mode} value={mode}>
                {tc(MODE_KEYS[mode])}
              </option>
            ))}
          </select>
        </div>
      )}
      {group.items.length > 0 && (
        <ol class="condition-items">
          {group.items.map((item, index) => (
            <li key={index}>
              {item.type === "row" ? (
                <RowFields
                  row={item}
                  questions={questions}
                  idBase={`${idBase}-${index}`}
                  onChange={(next) => setItem(index, next)}
                  onRemove={() => removeItem(index)}
                />
              ) : (
                <GroupFields
                  group={item}
                  questions={questions}
                  idBase={`${idBase}-${index}`}
                  depth={depth + 1}
                  onChange={(next) => setItem(index, next)}
                  onRemove={() => removeItem(index)}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      <div class="condition-actions">
        <button
          type="button"
          class="button small"
          disabled={!row}
          onClick={() => row && onChange({ ...group, items: [...group.items, row] })}
        >
          + {tc(group.items.length === 0 && depth === 0 ? "condAdd" : "condAddAnother")}
        </button>
        {depth < MAX_DEPTH && group.items.length > 0 && row && (
          <button
            type="button"
            class="button small ghost"
            onClick={() =>
              onChange({
                ...group,
                items: [...group.items, { type: "group", mode: group.mode === "any" ? "all" : "any", items: [row] }],
              })
            }
          >
            + {tc("condAddGroup")}
          </button>
        )}
        {onRemove && (
          <button type="button" class="button small ghost danger" onClick={onRemove}>
            {tc("condRemoveGroup")}
          </button>
        )}
      </div>
      {!row && depth === 0 && <p class="field-hint">{tc("condNoQuestions")}</p>}
    </div>
  );
}
