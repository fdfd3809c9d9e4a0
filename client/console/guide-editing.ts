import type { FieldIssue } from "./api";

export type Path = (string | number)[];
/** A guide being edited: any JSON object, since a draft may be incomplete. */
export type DraftData = Record<string, unknown>;

type Container = Record<string | number, unknown>;

export function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Container)[key];
  }
  return current;
}

/** A copy of `value` with `path` set; `undefined` removes an object key (optional fields stay absent, not empty). */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  const base: Container = Array.isArray(value)
    ? ([...value] as unknown as Container)
    : value !== null && typeof value === "object"
      ? { ...(value as Container) }
      : typeof head === "number"
        ? ([] as unknown as Container)
        : {};
  const child = setIn(base[head], rest, next);
  if (child === undefined && !Array.isArray(base)) delete base[head];
  else base[head] = child;
  return base;
}

export function pathKey(path: Path): string {
  return path.join(".");
}

export function fieldId(path: Path): string {
  return `g-${path.join("-")}`;
}

/** Issues keyed by path, for the message next to each field. */
export function issuesByPath(issues: FieldIssue[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const issue of issues) {
    const key = pathKey(issue.path);
    map.set(key, map.has(key) ? `${map.get(key)}; ${issue.message}` : issue.message);
  }
  return map;
}

const emptyText = () => ({ id: "", en: "" });

/** A new guide's starting point: every required field present, empty. */
export function blankGuide(id: string): DraftData {
  return {
    id,
    title: emptyText(),
    summary: emptyText(),
    category: "kependudukan",
    keywords: [],
    office: { name: emptyText(), level: "kelurahan" },
    legalBasis: [],
    fee: { amount: 0 },
    serviceTime: { workingDays: 0 },
    product: emptyText(),
    steps: [emptyText()],
    submission: { channels: ["in-person"], where: emptyText() },
    complaint: emptyText(),
    questions: [],
    requirements: [{ id: "", kind: "document", label: emptyText(), acceptance: {} }],
    source: { note: "", needsOfficeConfirmation: true },
  };
}

export function blankRequirement(): DraftData {
  return { id: "", kind: "document", label: emptyText(), acceptance: {} };
}

export function blankQuestion(): DraftData {
  return { id: "", kind: "yes-no", text: emptyText() };
}

export function blankRule(): DraftData {
  return { id: "", message: emptyText() };
}

export function blankOption(): DraftData {
  return { value: "", label: emptyText() };
}

export { emptyText };
