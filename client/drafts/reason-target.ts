import type { Reason } from "../../shared/precheck";

/** Where on the draft screen a reason is fixed: an element id, or a radio group's name. */
export type Target = { id: string } | { name: string };

const ADDRESS: Record<string, string> = {
  rt: "applicant-rt",
  rw: "applicant-rw",
  villageCode: "applicant-village",
  street: "applicant-street",
};

function fieldTarget(field: string): Target | undefined {
  const [head, key, part] = field.split(".");
  if (!key && head === "officeAreaCode") return { id: "office-district" };
  if (!key) return undefined;
  switch (head) {
    case "applicant":
      if (key === "sex") return { id: "applicant-sex-male" };
      if (key === "address") return { id: ADDRESS[part ?? ""] ?? "applicant-street" };
      return { id: `applicant-${key}` };
    case "answers":
      return { name: `q-${key}` };
    case "data":
      return { id: `data-${key}` };
    case "documents":
      if (part === "issuedOn") return { id: `issued-${key}` };
      if (part === "signedOn") return { id: `signed-${key}` };
      if (part === "pagesWithEntries") return { id: `pages-${key}` };
      return { id: `req-${key}` };
    default:
      return undefined;
  }
}

/**
 * The places to take the cadre for one reason, best first: the field itself,
 * then the requirement's card, then the section the field belongs to.
 */
export function reasonTargets(reason: Pick<Reason, "field" | "requirementId">): Target[] {
  const targets: Target[] = [];
  const field = reason.field ? fieldTarget(reason.field) : undefined;
  if (field) targets.push(field);
  // The kelurahan list opens only once its kota and kecamatan are chosen.
  if (reason.field === "applicant.address.villageCode")
    targets.push({ id: "applicant-district" }, { id: "applicant-regency" });
  if (reason.requirementId) targets.push({ id: `req-${reason.requirementId}` });
  const section = reason.field?.startsWith("answers") || reason.field === "eligibility" ? "self-check-title" : null;
  if (section) targets.push({ id: section });
  if (reason.field?.startsWith("applicant")) targets.push({ id: "applicant-title" });
  return targets;
}

/** The link's address: the first target with an id (a radio group links to its section). */
export function targetHref(targets: Target[]): string {
  const withId = targets.find((target): target is { id: string } => "id" in target);
  return `#${withId?.id ?? "precheck-summary"}`;
}

function resolve(target: Target): HTMLElement | null {
  const found = "id" in target ? document.getElementById(target.id) : document.getElementsByName(target.name)[0];
  if (!(found instanceof HTMLElement)) return null;
  // A disabled control (a kelurahan before its kecamatan is chosen) cannot take focus: the next target does.
  if ((found as HTMLInputElement).disabled || found.closest("[hidden]")) return null;
  return found;
}

/** Moves focus to the first target that exists and can take it, and brings it into view. */
export function focusTargets(targets: Target[]): boolean {
  for (const target of targets) {
    const element = resolve(target);
    if (!element) continue;
    // Headings and sections are not focusable by default: made so, but kept out of the tab order.
    if (element.tabIndex < 0 && !element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "center" });
    if (document.activeElement === element) return true;
  }
  return false;
}
