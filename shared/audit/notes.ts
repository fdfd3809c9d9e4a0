/**
 * What the audit log may show of a decision. The operator's free-text notes
 * (a verdict's `reason` and each requirement's) are written for the cadre and
 * may hold the applicant's details (a NIK, an address): the audit log is read
 * by every operator of the kecamatan and exported as a file, so the notes stay
 * on the file itself, behind its own checks. The reason codes stay.
 */

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `reason` is the stored verdict's note; `note` the request's name for it (older entries may hold either). */
function withoutNote(value: unknown): unknown {
  if (!isObject(value)) return value;
  const { reason: _reason, note: _note, ...rest } = value;
  return rest;
}

/** An audit entry's before/after with every verdict note left out; anything else as it was. */
export function withoutNotes(value: unknown): unknown {
  if (!isObject(value) || !isObject(value.verdict)) return value;
  const { requirements, ...verdict } = withoutNote(value.verdict) as Obj;
  return {
    ...value,
    verdict: {
      ...verdict,
      ...(isObject(requirements)
        ? { requirements: Object.fromEntries(Object.entries(requirements).map(([id, r]) => [id, withoutNote(r)])) }
        : {}),
    },
  };
}
